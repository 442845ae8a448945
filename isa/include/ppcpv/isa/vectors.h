/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/vectors.h - interrupts, per family: where they enter and how
 * they report their cause.
 *
 * Book III-S enters at fixed offsets from the vector base (real mode, base
 * 0) and reports causes in SRR1 and DSISR.  Book III-E enters at IVPR +
 * IVORn (ppcpv/isa/spr.h: PPC_BOOKE_SPR_IVOR(n)) and reports causes in ESR
 * (and DEAR for data accesses); its decrementer raises TSR[DIS].
 */
#ifndef PPCPV_ISA_VECTORS_H
#define PPCPV_ISA_VECTORS_H

#include <ppcpv/isa/bits.h>

/* ---- Book III-S vectors ------------------------------------------------------ */

#define PPC_BOOK3S_VEC_RESET		0x100	/* also where firmware enters an image */
#define PPC_BOOK3S_VEC_MCHECK		0x200
#define PPC_BOOK3S_VEC_DSI		0x300	/* data storage */
#define PPC_BOOK3S_VEC_DSEG		0x380	/* data segment */
#define PPC_BOOK3S_VEC_ISI		0x400	/* instruction storage */
#define PPC_BOOK3S_VEC_ISEG		0x480	/* instruction segment */
#define PPC_BOOK3S_VEC_EXTERNAL		0x500
#define PPC_BOOK3S_VEC_ALIGNMENT	0x600
#define PPC_BOOK3S_VEC_PROGRAM		0x700
#define PPC_BOOK3S_VEC_FP_UNAVAIL	0x800
#define PPC_BOOK3S_VEC_DEC		0x900
#define PPC_BOOK3S_VEC_HDEC		0x980	/* hypervisor decrementer */
#define PPC_BOOK3S_VEC_DOORBELL		0xa00
#define PPC_BOOK3S_VEC_RESERVED_B00	0xb00
#define PPC_BOOK3S_VEC_SYSCALL		0xc00
#define PPC_BOOK3S_VEC_TRACE		0xd00
#define PPC_BOOK3S_VEC_HDSI		0xe00	/* hypervisor data storage */
#define PPC_BOOK3S_VEC_HISI		0xe20	/* hypervisor instruction storage */
#define PPC_BOOK3S_VEC_HEMU		0xe40	/* hypervisor emulation assistance */
#define PPC_BOOK3S_VEC_HMAINT		0xe60	/* hypervisor maintenance */
#define PPC_BOOK3S_VEC_HDOORBELL	0xe80
#define PPC_BOOK3S_VEC_HVIRT		0xea0	/* hypervisor virtualization */
#define PPC_BOOK3S_VEC_PERF		0xf00
#define PPC_BOOK3S_VEC_VEC_UNAVAIL	0xf20
#define PPC_BOOK3S_VEC_VSX_UNAVAIL	0xf40
#define PPC_BOOK3S_VEC_FAC_UNAVAIL	0xf60
#define PPC_BOOK3S_VEC_HFAC_UNAVAIL	0xf80
#define PPC_BOOK3S_VEC_AREA_END		0x1000	/* first byte after the vectors */

/* ---- Book III-S causes: SRR1 ------------------------------------------------- */

/* Bits 33:36 and 42:47 carry the interrupt's cause; the rest copy the MSR. */
#define PPC_BOOK3S_SRR1_CAUSE_MASK	0x783f0000
/* Program interrupt reasons. */
#define PPC_BOOK3S_SRR1_PROG_FP		0x00100000	/* bit 43: FP enabled exception */
#define PPC_BOOK3S_SRR1_PROG_ILLEGAL	0x00080000	/* bit 44 */
#define PPC_BOOK3S_SRR1_PROG_PRIV	0x00040000	/* bit 45 */
#define PPC_BOOK3S_SRR1_PROG_TRAP	0x00020000	/* bit 46 */
#define PPC_BOOK3S_SRR1_PROG_ADDR	0x00010000	/* bit 47: SRR0 holds the next address */
/* Instruction storage interrupt causes. */
#define PPC_BOOK3S_SRR1_ISI_NOPT	0x40000000	/* bit 33: no translation */
#define PPC_BOOK3S_SRR1_ISI_N_G		0x10000000	/* bit 35: no-execute or guarded */
#define PPC_BOOK3S_SRR1_ISI_PROT	0x08000000	/* bit 36: protection */
#define PPC_BOOK3S_SRR1_ISI_CAUSES	(PPC_BOOK3S_SRR1_ISI_NOPT | PPC_BOOK3S_SRR1_ISI_N_G | \
					 PPC_BOOK3S_SRR1_ISI_PROT)

/* ---- Book III-S causes: DSISR ------------------------------------------------ */

#define PPC_BOOK3S_DSISR_NOPT		0x40000000	/* bit 33: no translation */
#define PPC_BOOK3S_DSISR_PROT		0x08000000	/* bit 36: protection */
#define PPC_BOOK3S_DSISR_STORE		0x02000000	/* bit 38: the access was a store */

/* ---- Book III-E interrupts: IVOR numbers ------------------------------------- */

#define PPC_BOOKE_IVOR_CRITICAL		0
#define PPC_BOOKE_IVOR_MCHECK		1
#define PPC_BOOKE_IVOR_DSI		2	/* data storage */
#define PPC_BOOKE_IVOR_ISI		3	/* instruction storage */
#define PPC_BOOKE_IVOR_EXTERNAL		4
#define PPC_BOOKE_IVOR_ALIGNMENT	5
#define PPC_BOOKE_IVOR_PROGRAM		6
#define PPC_BOOKE_IVOR_FP_UNAVAIL	7
#define PPC_BOOKE_IVOR_SYSCALL		8
#define PPC_BOOKE_IVOR_AP_UNAVAIL	9
#define PPC_BOOKE_IVOR_DEC		10
#define PPC_BOOKE_IVOR_FIT		11	/* fixed-interval timer */
#define PPC_BOOKE_IVOR_WATCHDOG		12
#define PPC_BOOKE_IVOR_DTLB		13	/* data TLB miss */
#define PPC_BOOKE_IVOR_ITLB		14	/* instruction TLB miss */
#define PPC_BOOKE_IVOR_DEBUG		15
#define PPC_BOOKE_IVOR_COUNT		16
/* An interrupt enters at (IVPR & IVPR_MASK) | (IVORn & IVOR_MASK). */
#define PPC_BOOKE_IVPR_MASK		(~PPC_U64(0xffff))
#define PPC_BOOKE_IVOR_MASK		0xfff0

/* ---- Book III-E causes: ESR -------------------------------------------------- */

#define PPC_BOOKE_ESR_PIL		0x08000000	/* program: illegal instruction */
#define PPC_BOOKE_ESR_PPR		0x04000000	/* program: privileged instruction */
#define PPC_BOOKE_ESR_PTR		0x02000000	/* program: trap */
#define PPC_BOOKE_ESR_FP		0x01000000	/* program: floating-point */
#define PPC_BOOKE_ESR_ST		0x00800000	/* data storage/TLB: the access was a store */

/* ---- Book III-E timer status and control ------------------------------------- */

#define PPC_BOOKE_TSR_DIS		0x08000000	/* decrementer interrupt status */
#define PPC_BOOKE_TCR_DIE		0x04000000	/* decrementer interrupt enable */
#define PPC_BOOKE_TCR_ARE		0x00400000	/* decrementer auto-reload */

/* ---- Book III-E debug control and status (SPRs DBCR0, DBSR) ------------------ */

/* With MSR[DE] set, DBCR0[IDM|ICMP] makes every completed instruction a
 * debug event: the debug interrupt (IVOR15) after it, DBSR[ICMP] set. */
#define PPC_BOOKE_DBCR0_IDM		0x40000000	/* internal debug mode */
#define PPC_BOOKE_DBCR0_ICMP		0x08000000	/* instruction complete events */
/* DBCR0[RST] = 0b11: a system reset (QEMU under -no-reboot then exits 0). */
#define PPC_BOOKE_DBCR0_RST_SYSTEM	0x30000000
#define PPC_BOOKE_DBSR_ICMP		0x08000000	/* an instruction-complete event
							 * (DBSR: written 1s clear) */

#endif /* PPCPV_ISA_VECTORS_H */
