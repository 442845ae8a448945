/* SPDX-License-Identifier: MIT */
/*
 * The text tests/install/check.sh patches with the installed library
 * (through tests/install/consumer.c): one site of each action of 64-bit
 * Book3S, one that needs the MAS0_TO_SPRG7 feature, and two words that
 * are not sites.  The expected counts live in check.sh; keep them in step.
 */
	.text
	mfmsr	r3			/* load */
	mfspr	r4,0x01a		/* SRR0: load */
	mfspr	r10,0x114		/* SPRG4: load, needs MAS0_TO_SPRG7 */
	mtspr	0x01b,r5		/* SRR1: store */
	tlbsync				/* nop */
	mtmsrd	r6,1			/* branch to a trampoline */
	add	r3,r3,r4		/* not a site */
	blr				/* not a site */
