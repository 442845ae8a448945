/* SPDX-License-Identifier: MIT */
/*
 * The trap area of the pseries host stub, shared by start.S and C: the
 * host's values an interrupt vector needs.  It sits right before the vCPU
 * in struct host_cpu, and real SPRG0 holds the vCPU's address, so a vector
 * reaches both the guest's register save area and these with one mfspr and
 * no free register (it parks r13 in SPRG1 first).  start.S gets every
 * offset from asm-offsets.c (generated at build time), none typed by hand.
 */
#ifndef PPCPV_PSERIES_TRAP_AREA_H
#define PPCPV_PSERIES_TRAP_AREA_H

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <ppcpv/host/vcpu.h>

struct trap_area {
	uint64_t host_sp;	/* host r1 for host_exit(): the stack's top frame */
	uint64_t toc;		/* host r2 */
	uint64_t fatal_sp;	/* stack for an interrupt taken in host mode */
};

/* The trap area right before the vCPU; the vCPU's registers come first in
 * it, where start.S saves the guest. */
struct host_cpu {
	struct trap_area ta;
	struct ppcpv_vcpu vcpu;
};
#endif

#endif /* PPCPV_PSERIES_TRAP_AREA_H */
