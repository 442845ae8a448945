/* SPDX-License-Identifier: MIT */
/*
 * A miniature e500 kernel for the ppcpv-patch tests (see image64.S;
 * expectations in tests/tool/run.sh).  It has __end_interrupts, which
 * must not matter: the relocatable rule is a Book3S one.  Its trampoline
 * space is ppcpv's own ppcpv_kvm_tmp, which wins over Linux's kvm_tmp.
 */
	.section .head.text, "ax"
	.globl _stext
_stext:
	mtmsr	r3			/* branch: e500 has no no-branch zone */
	.globl __end_interrupts
__end_interrupts:

	.text
	.globl code
code:
	mfmsr	r3
	mfspr	r4,0x03d		/* DEAR */
	mfspr	r5,0x03e		/* ESR: needs MAS0_TO_SPRG7 */
	mfspr	r6,0x104		/* SPRG4R: needs MAS0_TO_SPRG7 */
	mfspr	r7,0x270		/* MAS0: needs MAS0_TO_SPRG7 */
	mfspr	r8,0x3b0		/* MAS7: needs MAS0_TO_SPRG7 */
	mfspr	r9,0x013		/* DAR is a Book3S register: not a site */
	mtspr	0x273,r9		/* MAS3: needs MAS0_TO_SPRG7 */
	mtspr	0x03d,r10		/* DEAR */
	mtspr	0x111,r11		/* SPRG1 */
	wrtee	r3
	wrteei	1
	wrteei	0
	tlbsync
	mtsrin	r3,r4			/* a Book3S-32 instruction: not a site */
	blr
	.globl spare
spare:
	.space	64

	.globl ppcpv_kvm_tmp
ppcpv_kvm_tmp:
	.space	2048
	.globl ppcpv_kvm_tmp_end
ppcpv_kvm_tmp_end:
	.globl kvm_tmp
	.type	kvm_tmp, @object	/* as a C array would be: still free for --kvm-tmp */
kvm_tmp:
	.space	256
	.size	kvm_tmp, 256
	.globl kvm_tmp_end
kvm_tmp_end:
	.globl _etext
_etext:

	.data
	.long	0x7c6000a6
