/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/spr.h - special-purpose register numbers, per family.
 *
 *   PPC_SPR_*         the same number and meaning in Book III-S and III-E
 *   PPC_BOOK3S_SPR_*  Book III-S only (970, POWER; 6xx/7xx/74xx)
 *   PPC_BOOKE_SPR_*   Book III-E only (e500 and the embedded cores)
 *
 * A number appears once; a register two families name differently (PIR)
 * has one entry per family.
 */
#ifndef PPCPV_ISA_SPR_H
#define PPCPV_ISA_SPR_H

#include <ppcpv/isa/bits.h>

/* The SPR field of mfspr/mtspr is 10 bits: numbers 0..1023. */
#define PPC_SPR_COUNT		1024

/* ---- Both families -------------------------------------------------------- */

#define PPC_SPR_XER		1	/* fixed-point exception register (user) */
#define PPC_SPR_LR		8	/* link register (user) */
#define PPC_SPR_CTR		9	/* count register (user) */
#define PPC_SPR_DEC		22	/* decrementer */
/* The largest value a 32-bit decrementer counts down from before it turns
 * negative (and interrupts): about 4 s at QEMU's 512 MHz timebase. */
#define PPC_DEC_MAX		0x7fffffff
#define PPC_SPR_SRR0		26	/* interrupted address */
#define PPC_SPR_SRR1		27	/* interrupted MSR (plus cause bits on Book3S) */
#define PPC_SPR_TBL		268	/* timebase, lower word (read; BookE's mftb) */
#define PPC_SPR_TBU		269	/* timebase, upper word (read) */
#define PPC_SPR_USPRG3		259	/* SPRG3, readable at PR=1 (BookE: SPRG3R) */
#define PPC_SPR_SPRG0		272	/* SPRG0..3 for supervisor software */
#define PPC_SPR_SPRG1		273
#define PPC_SPR_SPRG2		274
#define PPC_SPR_SPRG3		275
#define PPC_SPR_PVR		287	/* processor version, read-only */

/* ---- Book III-S ------------------------------------------------------------ */

#define PPC_BOOK3S_SPR_DSISR	18	/* data storage interrupt cause */
#define PPC_BOOK3S_SPR_DAR	19	/* data address of a DSI */
/* ISA 2.07 (POWER8) registers a Linux kernel touches, user forms aside */
#define PPC_BOOK3S_SPR_DSCR	17	/* data stream control (privileged form) */
#define PPC_BOOK3S_SPR_CFAR	28	/* come-from address register */
#define PPC_BOOK3S_SPR_CTRLF	136	/* control register, read form */
#define PPC_BOOK3S_SPR_CTRLT	152	/* control register, write form (run latch) */
#define PPC_BOOK3S_SPR_FSCR	153	/* facility status and control */
/* FSCR: which problem-state facilities are enabled, and the cause (IC,
 * the top byte) of the last facility unavailable interrupt. */
#define PPC_BOOK3S_FSCR_DSCR	PPC_U64(0x0000000000000004)	/* user DSCR (SPR 3) */
#define PPC_BOOK3S_FSCR_EBB	PPC_U64(0x0000000000000080)	/* event-based branches */
#define PPC_BOOK3S_FSCR_TAR	PPC_U64(0x0000000000000100)	/* target address register */
#define PPC_BOOK3S_FSCR_IC	PPC_U64(0xff00000000000000)
#define PPC_BOOK3S_SPR_UAMOR	157	/* user authority mask override */
#define PPC_BOOK3S_SPR_SPURR	308	/* scaled processor utilization of resources */
#define PPC_BOOK3S_SPR_PURR	309	/* processor utilization of resources */
#define PPC_BOOK3S_SPR_VTB	849	/* virtual timebase */
#define PPC_BOOK3S_SPR_SIAR	780	/* PMU: sampled instruction address */
#define PPC_BOOK3S_SPR_SDAR	781	/* PMU: sampled data address */
#define PPC_BOOK3S_SPR_SIER	784	/* PMU: sampled instruction event */
#define PPC_BOOK3S_SPR_MMCR2	785	/* PMU: monitor mode control 2 */
#define PPC_BOOK3S_SPR_MMCRA	786	/* PMU: monitor mode control A */
#define PPC_BOOK3S_SPR_PMC1	787	/* PMU: counters PMC1..6 are 787..792 */
#define PPC_BOOK3S_SPR_PMC6	792
#define PPC_BOOK3S_SPR_MMCR0	795	/* PMU: monitor mode control 0 */
#define PPC_BOOK3S_SPR_MMCR1	798	/* PMU: monitor mode control 1 */
#define PPC_BOOK3S_SPR_MMCRS	894	/* PMU: monitor mode control, supervisor */
#define PPC_BOOK3S_SPR_HID0	1008	/* hardware implementation (970, POWER) */
#define PPC_BOOK3S_SPR_PIR	1023	/* processor id */

/* ---- Book III-E ------------------------------------------------------------ */

#define PPC_BOOKE_SPR_PID	48	/* process id: TLB entries' TID match it */
#define PPC_BOOKE_SPR_DEAR	61	/* data exception address (Book3S's DAR) */
#define PPC_BOOKE_SPR_ESR	62	/* exception syndrome (Book3S's DSISR/SRR1 causes) */
#define PPC_BOOKE_SPR_IVPR	63	/* interrupt vector prefix */
#define PPC_BOOKE_SPR_SPRG4R	260	/* SPRG4..7, user-readable forms: 260..263 */
#define PPC_BOOKE_SPR_SPRG4	276	/* SPRG4..7 (SPRGnW): 276..279 */
#define PPC_BOOKE_SPR_PIR	286	/* processor id */
#define PPC_BOOKE_SPR_DBCR0	308	/* debug control 0 (e500, 440): RST resets; PPC_BOOKE_DBCR0_* */
#define PPC_BOOKE_SPR_TSR	336	/* timer status (DIS, WIS, FIS: write 1 to clear) */
#define PPC_BOOKE_SPR_TCR	340	/* timer control (DIE, WIE, FIE) */
#define PPC_BOOKE_SPR_IVOR0	400	/* IVOR0..15: 400..415 (PPC_BOOKE_IVOR_*) */
#define PPC_BOOKE_SPR_MAS0	624	/* e500 MMU assist registers */
#define PPC_BOOKE_SPR_MAS1	625
#define PPC_BOOKE_SPR_MAS2	626
#define PPC_BOOKE_SPR_MAS3	627
#define PPC_BOOKE_SPR_MAS4	628
#define PPC_BOOKE_SPR_MAS6	630
#define PPC_BOOKE_SPR_MAS7	944
#define PPC_BOOKE_SPR_TLB1CFG	689	/* TLB1's geometry: entries in the low 12 bits */
#define PPC_BOOKE_SPR_CSRR0	58	/* critical interrupt save registers */
#define PPC_BOOKE_SPR_CSRR1	59
#define PPC_BOOKE_SPR_MCSRR0	570	/* machine-check save registers (e500) */
#define PPC_BOOKE_SPR_MCSRR1	571
#define PPC_BOOKE_SPR_DBSR	304	/* debug status (PPC_BOOKE_DBSR_*) */
#define PPC_BOOKE_SPR_IVOR32	528	/* e500 IVOR32..35: SPE unavailable, SPE data and
					 * round exceptions, performance monitor: 528..531 */
#define PPC_BOOKE_E500_IVORS_HIGH	4	/* IVOR32..35 */

/* The IVOR of interrupt n (PPC_BOOKE_IVOR_* of ppcpv/isa/vectors.h). */
#define PPC_BOOKE_SPR_IVOR(n)	(PPC_BOOKE_SPR_IVOR0 + (n))

#endif /* PPCPV_ISA_SPR_H */
