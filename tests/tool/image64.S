/* SPDX-License-Identifier: MIT */
/*
 * A miniature 64-bit Book3S kernel for the ppcpv-patch tests: every site
 * kind the family has, sites in the exception-vector zone, a data word and
 * a prefixed-instruction suffix that look like code, spare room and a
 * zero-filled object, the template area with its kvm_tmp, and text the
 * scanner must not see.  The expected
 * counts and disassembly live in tests/tool/run.sh next to the checks;
 * keep the two in step.
 */
	.section .head.text, "ax"
	.globl _stext
_stext:
	mfmsr	r3			/* load: loads are fine in the vector zone */
	mtmsrd	r3,1			/* skipped: no branch below __end_interrupts */
	mfspr	r4,0x111		/* SPRG1: load */
	.globl __end_interrupts
__end_interrupts:

	.text
	.globl code
code:
	mfmsr	r5
	mfspr	r6,0x01a		/* SRR0 */
	mfspr	r7,0x01b		/* SRR1 */
	mfspr	r8,0x013		/* DAR */
	mfspr	r9,0x012		/* DSISR */
	mfspr	r10,0x114		/* SPRG4: needs MAS0_TO_SPRG7 */
	mfspr	r12,0x3ff		/* PIR: needs MAS0_TO_SPRG7 */
	mtspr	0x110,r3		/* SPRG0 */
	mtspr	0x01a,r4		/* SRR0 */
	mtspr	0x013,r5		/* DAR */
	mtspr	0x012,r6		/* DSISR */
	mtspr	0x115,r11		/* SPRG5: needs MAS0_TO_SPRG7 */
	tlbsync
	mtmsrd	r3,1
	mtmsrd	r30,1			/* r30 is the trampolines' scratch register */
	mtmsrd	r4,0
	mtmsr	r31
	mflr	r0			/* mfspr LR and mtspr LR: not sites */
	mtlr	r0
	blr
	.long	0x7c6000a6		/* data that reads as mfmsr r3: patched */
	.long	0x04000000		/* a prefix; its suffix reads as mfmsr r4 */
	.long	0x7c8000a6
	.globl spare
spare:					/* room for --kvm-tmp tests: trampolines */
	.space	512			/* of every branch site fit */
	.globl zero_table
	.type	zero_table, @object
zero_table:				/* zeros, but an object: not free for --kvm-tmp */
	.space	512
	.size	zero_table, 512
	.globl code_end
code_end:

	.globl kvm_template_start
kvm_template_start:
	mfmsr	r3			/* the template area is never scanned */
	.globl kvm_tmp
kvm_tmp:
	.space	4096
	.globl kvm_tmp_end
kvm_tmp_end:
	.globl kvm_template_end
kvm_template_end:
	.globl _etext
_etext:
	mfmsr	r3			/* after _etext: not scanned */

	/* Executable, but 64 MiB away once linked: beyond branch reach. */
	.section .far.text, "ax"
	.globl far_tmp
far_tmp:
	.space	1024

	.data
	.long	0x7c6000a6		/* mfmsr r3 as data outside the text */
