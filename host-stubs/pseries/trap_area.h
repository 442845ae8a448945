/* SPDX-License-Identifier: MIT */
/*
 * The trap area of the pseries host stub, shared by start.S and C: the
 * host's constants an interrupt vector needs.  It sits right before the
 * vCPU (struct host_cpu in main.c) and real SPRG0 holds the vCPU's address,
 * so a vector reaches both the guest's register save area and these with
 * one mfspr and no free register (it parks r13 in SPRG1 first).  Offsets
 * are from the vCPU.
 */
#ifndef PPCPV_PSERIES_TRAP_AREA_H
#define PPCPV_PSERIES_TRAP_AREA_H

#define TA_HOST_SP	(-24)	/* host r1 for host_exit(): the stack's top frame */
#define TA_TOC		(-16)	/* host r2 */
#define TA_FATAL_SP	(-8)	/* stack for an interrupt taken in host mode */
#define TA_SIZE		24

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_area {
	uint64_t host_sp;
	uint64_t toc;
	uint64_t fatal_sp;
};

_Static_assert(sizeof(struct trap_area) == TA_SIZE, "trap area layout");
_Static_assert(__builtin_offsetof(struct trap_area, host_sp) == TA_HOST_SP + TA_SIZE &&
	       __builtin_offsetof(struct trap_area, toc) == TA_TOC + TA_SIZE &&
	       __builtin_offsetof(struct trap_area, fatal_sp) == TA_FATAL_SP + TA_SIZE,
	       "trap area offsets from the vCPU");
#endif

#endif /* PPCPV_PSERIES_TRAP_AREA_H */
