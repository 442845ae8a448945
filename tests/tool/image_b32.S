/* SPDX-License-Identifier: MIT */
/*
 * A miniature 32-bit Book3S kernel for the ppcpv-patch tests (see
 * image64.S; expectations in tests/tool/run.sh).
 */
	.section .head.text, "ax"
	.globl _stext
_stext:
	mfmsr	r3			/* load */
	mtmsr	r3			/* skipped: no branch below __end_interrupts */
	.globl __end_interrupts
__end_interrupts:

	.text
	.globl code
code:
	mfmsr	r5
	mfspr	r6,0x110		/* SPRG0 */
	mfspr	r7,0x01b		/* SRR1 */
	mfspr	r8,0x013		/* DAR */
	mfspr	r9,0x012		/* DSISR */
	mfspr	r10,0x3ff		/* PIR: needs MAS0_TO_SPRG7 */
	mtspr	0x113,r3		/* SPRG3 */
	mtspr	0x01a,r4		/* SRR0 */
	mtspr	0x012,r6		/* DSISR */
	tlbsync
	mtmsr	r4
	mtsrin	r3,r4			/* needs SR */
	mtsrin	r5,r6
	blr
	.long	0x7c6000a6		/* data that reads as mfmsr r3 */
	.globl spare
spare:
	.space	64

	.globl kvm_template_start
kvm_template_start:
	mtmsr	r3			/* the template area is never scanned */
	.globl kvm_tmp
kvm_tmp:
	.space	2048
	.globl kvm_tmp_end
kvm_tmp_end:
	.globl kvm_template_end
kvm_template_end:
	.globl _etext
_etext:

	.data
	.long	0x7c6000a6
