/* SPDX-License-Identifier: MIT */
/*
 * Private to host-stubs/arch/book3s/mmu: the shadow SLB's operations,
 * used by shadow.c and guest_insn.c.
 */
#ifndef PPCPV_SHADOW64_PRIVATE_H
#define PPCPV_SHADOW64_PRIVATE_H

#include <ppcpv/host/shadow64.h>

void ppcpv_sslb_init(struct ppcpv_sslb *s, unsigned int first_slot, unsigned int cap);
/* The entry in use for esid, or -1. */
int ppcpv_sslb_find(const struct ppcpv_sslb *s, uint64_t esid);
/* Masks of the entries made unused (bit i: entry i). */
uint64_t ppcpv_sslb_drop_esid(struct ppcpv_sslb *s, uint64_t esid);
uint64_t ppcpv_sslb_flush(struct ppcpv_sslb *s);
/* The entries in use (a mask, as the drops return). */
uint64_t ppcpv_sslb_in_use(const struct ppcpv_sslb *s);
/* dst = src (its entries in use, and its mode). */
void ppcpv_sslb_copy(struct ppcpv_sslb *dst, const struct ppcpv_sslb *src);
/* Empty, for no mode: a kept-aside shadow SLB no longer kept. */
void ppcpv_sslb_forget(struct ppcpv_sslb *s);
unsigned int ppcpv_sslb_place(struct ppcpv_sslb *s, uint64_t *flushed);
void ppcpv_sslb_set(struct ppcpv_sslb *s, unsigned int i, uint64_t tag, uint64_t host_vsid,
	      uint64_t esid);
uint64_t ppcpv_sslb_host_vsid(const struct ppcpv_sslb *s, unsigned int i);

#endif /* PPCPV_SHADOW64_PRIVATE_H */
