/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/hcall.h - the guest's hypercall entry (PowerPC only).
 *
 * ppcpv_hcall_stub is 4 patchable instruction slots followed by `blr`.  Until
 * a hypervisor's sequence is installed the slots hold `li r3,-1; nop; nop;
 * nop`, so every hypercall "fails" with -1, as on a host that offers none.
 *
 * Register convention (ePAPR / KVM): r3..r10 in, r11 the token; out: r3 the
 * status (EV_*), r4..r11 outputs 1..8.  r0 and r12 are clobbered.
 */
#ifndef PPCPV_HCALL_H
#define PPCPV_HCALL_H

#include <stddef.h>
#include <stdint.h>

#define PPCPV_HCALL_NARGS	8

/* The stub itself (assembly, hcall_entry.S): 5 instruction words. */
extern uint32_t ppcpv_hcall_stub[];

/*
 * Call the stub.  in[0..7] go to r3..r10, token to r11; out[0..7] receive
 * r4..r11 (out may be NULL).  Returns r3: an EV_* status, or -1 from the
 * default sequence.
 */
long ppcpv_hcall(unsigned long token, const unsigned long in[PPCPV_HCALL_NARGS],
		 unsigned long out[PPCPV_HCALL_NARGS]);

/* The common shape: up to 4 inputs, the status returned and r4 in *r4_out. */
long ppcpv_hcall4(unsigned long token, unsigned long a0, unsigned long a1,
		  unsigned long a2, unsigned long a3, unsigned long *r4_out);

/*
 * Install a hypervisor's sequence: n (1..4) host-order instruction words go
 * into the first n slots; the rest keep their defaults.  Synchronises the
 * instruction cache.  0, or -PPCPV_ERR_INVAL.
 */
int ppcpv_hcall_install(const uint32_t *words, size_t n);

/* Put the default (always failing) sequence back. */
void ppcpv_hcall_reset(void);

/* Make stores to [start, start+len) visible to instruction fetch. */
void ppcpv_icache_sync(const void *start, size_t len);

#endif /* PPCPV_HCALL_H */
