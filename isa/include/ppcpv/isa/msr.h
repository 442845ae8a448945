/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/msr.h - machine state register bits, per family.
 *
 *   PPC_MSR_*         the same bit and meaning in Book III-S and III-E
 *   PPC_BOOK3S_MSR_*  Book III-S only
 *   PPC_BOOKE_MSR_*   Book III-E only
 *
 * Values are masks of the 64-bit MSR (the low word is what 32-bit CPUs
 * have); *_SHIFT is a bit's position counted from the least significant
 * bit, for assembly that rotates or inserts it.
 */
#ifndef PPCPV_ISA_MSR_H
#define PPCPV_ISA_MSR_H

#include <ppcpv/isa/bits.h>

/* ---- Both families -------------------------------------------------------- */

#define PPC_MSR_EE_SHIFT	15
#define PPC_MSR_EE		(1 << PPC_MSR_EE_SHIFT)	/* external and decrementer interrupts */
#define PPC_MSR_PR		0x4000		/* problem (user) state */
#define PPC_MSR_FP		0x2000		/* floating point available */
#define PPC_MSR_ME		0x1000		/* machine checks enabled */
#define PPC_MSR_FE0		0x0800		/* FP exception mode */
#define PPC_MSR_FE1		0x0100
#define PPC_MSR_PMM		0x0004		/* performance monitor mark */

/* ---- Book III-S ------------------------------------------------------------ */

#define PPC_BOOK3S_MSR_SF_SHIFT	63
#define PPC_BOOK3S_MSR_SF	(PPC_U64(1) << PPC_BOOK3S_MSR_SF_SHIFT)	/* 64-bit mode */
#define PPC_BOOK3S_MSR_HV	(PPC_U64(1) << 60)	/* hypervisor state */
#define PPC_BOOK3S_MSR_VEC	0x02000000	/* vector facility */
#define PPC_BOOK3S_MSR_VSX	0x00800000
#define PPC_BOOK3S_MSR_POW	0x00040000	/* power management (older CPUs) */
#define PPC_BOOK3S_MSR_ILE	0x00010000	/* interrupts little-endian (pre-LPCR) */
#define PPC_BOOK3S_MSR_SE	0x0400		/* single-step trace */
#define PPC_BOOK3S_MSR_BE	0x0200		/* branch trace */
#define PPC_BOOK3S_MSR_IP	0x0040		/* interrupt prefix (vectors at 0xfff00000) */
#define PPC_BOOK3S_MSR_IR	0x0020		/* instruction relocation */
#define PPC_BOOK3S_MSR_DR	0x0010		/* data relocation */
#define PPC_BOOK3S_MSR_RI	0x0002		/* recoverable interrupt */
#define PPC_BOOK3S_MSR_LE	0x0001		/* little-endian mode */

/* ---- Book III-E ------------------------------------------------------------ */

#define PPC_BOOKE_MSR_CM	0x80000000	/* 64-bit computation mode (e5500 and later) */
#define PPC_BOOKE_MSR_GS	0x10000000	/* guest state (embedded hypervisor) */
#define PPC_BOOKE_MSR_SPE	0x02000000	/* signal processing engine (e500) */
#define PPC_BOOKE_MSR_WE	0x00040000	/* wait state enable */
#define PPC_BOOKE_MSR_CE	0x00020000	/* critical interrupts enabled */
#define PPC_BOOKE_MSR_DE	0x0200		/* debug interrupts enabled */
#define PPC_BOOKE_MSR_IS	0x0020		/* instruction address space */
#define PPC_BOOKE_MSR_DS	0x0010		/* data address space */

#endif /* PPCPV_ISA_MSR_H */
