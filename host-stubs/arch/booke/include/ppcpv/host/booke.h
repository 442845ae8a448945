/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/booke.h - the host core's Book III-E family (e500): its MSR
 * rules, interrupt delivery through IVPR and the IVORs with ESR/DEAR
 * causes, the decrementer that stops at zero and raises TSR[DIS], and the
 * privileged instructions BookE has.  host-stubs/e500 runs it under QEMU
 * ppce500; the unit tests on a simulated machine.  A BookE platform names ppcpv_arch_booke in its vCPU config
 * and turns each real interrupt into an exit with ppcpv_booke_exit().
 */
#ifndef PPCPV_HOST_BOOKE_H
#define PPCPV_HOST_BOOKE_H

#include <stdint.h>
#include <ppcpv/host/arch.h>
#include <ppcpv/host/trap.h>

extern const struct ppcpv_arch ppcpv_arch_booke;

/* The exit a real interrupt through IVOR ivor (PPC_BOOKE_IVOR_*) is, with
 * the real ESR and DEAR it left. */
void ppcpv_booke_exit(unsigned int ivor, uint64_t esr, uint64_t dear, struct ppcpv_exit *e);

#endif /* PPCPV_HOST_BOOKE_H */
