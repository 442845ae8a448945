/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/insn.h - the load/store decoder of the host stub's MMIO
 * emulation.  Opcode numbers and fields are the ISA layer's
 * (ppcpv/isa/insn.h).
 */
#ifndef PPCPV_HOST_INSN_H
#define PPCPV_HOST_INSN_H

#include <stdint.h>
#include <ppcpv/isa/insn.h>

/* A decoded integer load or store (what MMIO emulation needs). */
struct ppc_mem_access {
	uint8_t store;		/* 1 for a store */
	uint8_t size;		/* 1, 2, 4 or 8 bytes */
	uint8_t sign_extend;	/* lha, lwa */
	uint8_t byte_reverse;	/* lwbrx and friends */
	uint8_t update;		/* RA receives the effective address */
	uint8_t rt;		/* RT (loads) or RS (stores) */
	uint8_t ra;
};

/* Decode an integer load/store word.  0, or -PPCPV_ERR_UNSUPPORTED. */
int ppc_decode_mem_access(uint32_t insn, struct ppc_mem_access *acc);

#endif /* PPCPV_HOST_INSN_H */
