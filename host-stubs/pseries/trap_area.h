/* SPDX-License-Identifier: MIT */
/*
 * The per-CPU trap area of the pseries host stub, shared by start.S and C.
 * Real SPRG0 holds its address, so an interrupt stub can reach it with one
 * mfspr and no free register (it parks r13 in SPRG1 first).
 */
#ifndef PPCPV_PSERIES_TRAP_AREA_H
#define PPCPV_PSERIES_TRAP_AREA_H

#define TA_R11		0	/* the interrupted context's r11, r12, CR */
#define TA_R12		8
#define TA_CR		16
#define TA_VECTOR	24	/* what the last trap was */
#define TA_SRR1		32
#define TA_DAR		40
#define TA_DSISR	48
#define TA_HOST_SP	56	/* host r1 while the guest runs */
#define TA_VCPU		64	/* struct ppcpv_vcpu * (its regs come first) */
#define TA_FATAL_SP	72	/* stack for an interrupt taken in host mode */
#define TA_TOC		80	/* host r2 */
#define TA_SIZE		88

#define SPRN_SPRG0	0x110
#define SPRN_SPRG1	0x111
#define SPRN_SPRG3	0x113
#define SPRN_DEC	0x016
#define SPRN_DAR	0x013
#define SPRN_DSISR	0x012
#define SPRN_SRR0	0x01a
#define SPRN_SRR1	0x01b

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_area {
	uint64_t r11, r12, cr;
	uint64_t vector, srr1, dar, dsisr;
	uint64_t host_sp;
	uint64_t vcpu;
	uint64_t fatal_sp;
	uint64_t toc;
};

_Static_assert(sizeof(struct trap_area) == TA_SIZE, "trap area layout");
#endif

#endif /* PPCPV_PSERIES_TRAP_AREA_H */
