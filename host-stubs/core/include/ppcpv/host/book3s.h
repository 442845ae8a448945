/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/book3s.h - Book3S-64 architecture facts the host stub needs
 * beyond ppcpv/abi.h: more MSR bits, interrupt vectors, SRR1 and DSISR
 * cause bits, and the SPRs a guest kernel touches.  Values from the Power
 * ISA (Book III-S); usable from C and assembly.
 */
#ifndef PPCPV_HOST_BOOK3S_H
#define PPCPV_HOST_BOOK3S_H

#include <ppcpv/abi.h>

/* ---- MSR (in addition to EE, PR, ME, IR, DR, RI, LE, SF of abi.h) ------- */

#define PPCPV_MSR_HV_BIT	60
#define PPCPV_MSR_VEC		0x02000000	/* bit 38: vector facility */
#define PPCPV_MSR_VSX		0x00800000	/* bit 40 */
#define PPCPV_MSR_POW		0x00040000	/* bit 45 (older CPUs) */
#define PPCPV_MSR_ILE		0x00010000	/* bit 47: interrupt little-endian (pre-LPCR) */
#define PPCPV_MSR_FP		0x2000
#define PPCPV_MSR_FE0		0x0800
#define PPCPV_MSR_SE		0x0400
#define PPCPV_MSR_BE		0x0200
#define PPCPV_MSR_FE1		0x0100
#define PPCPV_MSR_IP		0x0040
#define PPCPV_MSR_PMM		0x0004

/* ---- Interrupt vectors (offsets from the vector base, real mode) -------- */

#define PPCPV_VEC_RESET		0x100
#define PPCPV_VEC_MCHECK	0x200
#define PPCPV_VEC_DSI		0x300
#define PPCPV_VEC_DSEG		0x380
#define PPCPV_VEC_ISI		0x400
#define PPCPV_VEC_ISEG		0x480
#define PPCPV_VEC_EXTERNAL	0x500
#define PPCPV_VEC_ALIGNMENT	0x600
#define PPCPV_VEC_PROGRAM	0x700
#define PPCPV_VEC_FP_UNAVAIL	0x800
#define PPCPV_VEC_DEC		0x900
#define PPCPV_VEC_DOORBELL	0xa00
#define PPCPV_VEC_SYSCALL	0xc00
#define PPCPV_VEC_TRACE		0xd00
#define PPCPV_VEC_PERF		0xf00
#define PPCPV_VEC_VEC_UNAVAIL	0xf20
#define PPCPV_VEC_VSX_UNAVAIL	0xf40
#define PPCPV_VEC_FAC_UNAVAIL	0xf60

/* ---- SRR1 -------------------------------------------------------------- */

/* Bits 33:36 and 42:47 carry the interrupt's cause; the rest copy the MSR. */
#define PPCPV_SRR1_CAUSE_MASK	0x783f0000
/* Program interrupt reasons. */
#define PPCPV_SRR1_PROG_FP	0x00100000	/* bit 43: FP enabled exception */
#define PPCPV_SRR1_PROG_ILLEGAL	0x00080000	/* bit 44 */
#define PPCPV_SRR1_PROG_PRIV	0x00040000	/* bit 45 */
#define PPCPV_SRR1_PROG_TRAP	0x00020000	/* bit 46 */
#define PPCPV_SRR1_PROG_ADDR	0x00010000	/* bit 47: SRR0 holds the next address */
/* Instruction storage interrupt causes. */
#define PPCPV_SRR1_ISI_NOPT	0x40000000	/* bit 33: no translation */
#define PPCPV_SRR1_ISI_N_G	0x10000000	/* bit 35: no-execute or guarded */
#define PPCPV_SRR1_ISI_PROT	0x08000000	/* bit 36: protection */
#define PPCPV_SRR1_ISI_CAUSES	(PPCPV_SRR1_ISI_NOPT | PPCPV_SRR1_ISI_N_G | PPCPV_SRR1_ISI_PROT)

/* ---- DSISR ------------------------------------------------------------- */

#define PPCPV_DSISR_NOPT	0x40000000	/* bit 33: no translation */
#define PPCPV_DSISR_PROT	0x08000000	/* bit 36: protection */
#define PPCPV_DSISR_STORE	0x02000000	/* bit 38: the access was a store */

/* ---- SPRs beyond ppcpv/ppc_insn.h --------------------------------------- */

#define PPCPV_SPRN_SPRG1	0x111
#define PPCPV_SPRN_SPRG2	0x112
#define PPCPV_SPRN_SPRG3	0x113
#define PPCPV_SPRN_USPRG3	0x103	/* SPRG3, readable at PR=1 without trapping */

#endif /* PPCPV_HOST_BOOK3S_H */
