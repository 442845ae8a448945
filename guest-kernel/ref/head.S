/* SPDX-License-Identifier: MIT */
/*
 * head.S - entry, exception vectors, exception entry/exit and fault-safe
 * probes of the reference guest kernel (Book3S-64, big-endian, ELFv2).
 *
 * The image is linked at guest real address 0 and entered at 0x100 (QEMU
 * pseries loads -bios there; the ppcpv host stub enters hosted guests the
 * same way) with r3 = the device tree.
 *
 * Exception entry follows the usual Book3S-64 shape, so a hosted kernel
 * executes the privileged-instruction mix a real one does on every
 * interrupt: mtspr/mfspr of SPRGs, mfspr SRR0/SRR1 (DAR/DSISR for a data
 * storage interrupt), mtspr SRR0/SRR1, mtmsrd and rfid on the way out.
 */
#include <ppcpv/abi.h>
#include <ppcpv/boot-asm.h>
#include <ppcpv/err.h>
#include "ref.h"


/* One vector: free r12/r13 through SPRG1 and the paca, then go common. */
.macro vector addr
	. = \addr
	mtspr	PPC_SPR_SPRG1, r13
	mfspr	r13, PPC_SPR_SPRG0
	std	r12, PACA_R12(r13)
	li	r12, \addr
	b	exc_common
.endm

	.section .head.text, "ax", @progbits
	.globl	_start
_start:
	. = PPC_BOOK3S_VEC_RESET
	b	boot

	vector	PPC_BOOK3S_VEC_MCHECK
	vector	PPC_BOOK3S_VEC_DSI
	vector	PPC_BOOK3S_VEC_DSEG
	vector	PPC_BOOK3S_VEC_ISI
	vector	PPC_BOOK3S_VEC_ISEG
	vector	PPC_BOOK3S_VEC_EXTERNAL
	vector	PPC_BOOK3S_VEC_ALIGNMENT
	vector	PPC_BOOK3S_VEC_PROGRAM
	vector	PPC_BOOK3S_VEC_FP_UNAVAIL
	vector	PPC_BOOK3S_VEC_DEC
	vector	PPC_BOOK3S_VEC_SYSCALL
	vector	PPC_BOOK3S_VEC_TRACE
	vector	PPC_BOOK3S_VEC_PERF
	. = PPC_BOOK3S_VEC_AREA_END

	.text
/* r3 = device tree.  Switch to 64-bit mode, set up stack, TOC, paca. */
boot:
	mfmsr	r11
	li	r12, 1
	rldicr	r12, r12, PPC_BOOK3S_MSR_SF_SHIFT, 0
	or	r11, r11, r12
	mtmsrd	r11
	isync
	mr	r31, r3
	PPCPV_LOAD_ADDR(r2, .TOC.)
	PPCPV_LOAD_ADDR(r1, boot_stack_top)
	li	r0, 0
	stdu	r0, -32(r1)
	/* the paca and stacks live in .bss */
	PPCPV_CLEAR_BSS r3, r4, __bss_start, __bss_end
	PPCPV_LOAD_ADDR(r13, boot_paca)
	std	r2, PACA_TOC(r13)
	PPCPV_LOAD_ADDR(r3, user_entry_stack_top)
	std	r3, PACA_KSTACK(r13)
	mtspr	PPC_SPR_SPRG0, r13
	mr	r3, r31
	bl	kmain
	b	.

/*
 * r12 = vector, r13 = paca, SPRG1 = the interrupted r13.  Kernel-mode
 * interrupts push a frame below the red zone of the interrupted code;
 * user-mode ones start at the top of the kernel stack.
 */
exc_common:
	std	r11, PACA_R11(r13)
	mfcr	r11
	std	r11, PACA_CR(r13)
	mfspr	r11, PPC_SPR_SRR1
	andi.	r11, r11, PPC_MSR_PR
	mr	r11, r1
	beq	1f
	ld	r1, PACA_KSTACK(r13)
	b	2f
1:	subi	r1, r1, RED_ZONE
2:	clrrdi	r1, r1, 4
	stdu	r11, -FRAME_SIZE(r1)
	std	r0, FRAME_REGS + REGS_GPR(0)(r1)
	std	r11, FRAME_REGS + REGS_GPR(1)(r1)
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	std	\n, FRAME_REGS + REGS_GPR(\n)(r1)
	.endr
	ld	r0, PACA_R11(r13)
	std	r0, FRAME_REGS + REGS_GPR(11)(r1)
	ld	r0, PACA_R12(r13)
	std	r0, FRAME_REGS + REGS_GPR(12)(r1)
	mfspr	r0, PPC_SPR_SPRG1
	std	r0, FRAME_REGS + REGS_GPR(13)(r1)
	std	r12, FRAME_REGS + REGS_TRAP(r1)
	mfspr	r0, PPC_SPR_SRR0
	std	r0, FRAME_REGS + REGS_NIP(r1)
	mfspr	r0, PPC_SPR_SRR1
	std	r0, FRAME_REGS + REGS_MSR(r1)
	ld	r0, PACA_CR(r13)
	std	r0, FRAME_REGS + REGS_CCR(r1)
	mflr	r0
	std	r0, FRAME_REGS + REGS_LINK(r1)
	mfctr	r0
	std	r0, FRAME_REGS + REGS_CTR(r1)
	mfxer	r0
	std	r0, FRAME_REGS + REGS_XER(r1)
	cmpdi	r12, PPC_BOOK3S_VEC_DSI
	beq	4f
	cmpdi	r12, PPC_BOOK3S_VEC_DSEG	/* sets DAR too */
	bne	3f
4:	mfspr	r0, PPC_BOOK3S_SPR_DAR
	std	r0, FRAME_REGS + REGS_DAR(r1)
	mfspr	r0, PPC_BOOK3S_SPR_DSISR
	std	r0, FRAME_REGS + REGS_DSISR(r1)
	/*
	 * Interrupts arrive in real mode.  With its own MMU on (mmu.c) the
	 * kernel turns translation back on here: everything the interrupt
	 * left only in SPRs is in the frame, and every kernel address means
	 * the same translated (the linear mapping is 1:1).  Flat mode: 0.
	 */
3:	ld	r0, PACA_KERNEL_MSR(r13)
	cmpdi	r0, 0
	beq	5f
	mtmsrd	r0
	isync
5:	ld	r2, PACA_TOC(r13)
	addi	r3, r1, FRAME_REGS
	bl	interrupt_dispatch
	/*
	 * The way out, also taken by a new process (switch.S): r1 = its frame.
	 * Handlers may have enabled interrupts: none from here to rfid.
	 */
	.globl	exc_return
exc_return:
	li	r0, PPC_BOOK3S_MSR_RI
	mtmsrd	r0, 1
	ld	r0, FRAME_REGS + REGS_MSR(r1)
	mtspr	PPC_SPR_SRR1, r0
	ld	r0, FRAME_REGS + REGS_NIP(r1)
	mtspr	PPC_SPR_SRR0, r0
	ld	r0, FRAME_REGS + REGS_CCR(r1)
	mtcr	r0
	ld	r0, FRAME_REGS + REGS_LINK(r1)
	mtlr	r0
	ld	r0, FRAME_REGS + REGS_CTR(r1)
	mtctr	r0
	ld	r0, FRAME_REGS + REGS_XER(r1)
	mtxer	r0
	ld	r0, FRAME_REGS + REGS_GPR(0)(r1)
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	\n, FRAME_REGS + REGS_GPR(\n)(r1)
	.endr
	ld	r1, FRAME_REGS + REGS_GPR(1)(r1)
	rfid
	b	.

/*
 * Fault-safe probes: int probe(ea, bytes, ...).  The access is listed in
 * __ex_table; a data storage interrupt there resumes at probe_fault.
 */
	.globl	ppcpv_ref_probe_load
ppcpv_ref_probe_load:
	cmpwi	r4, 8
	beq	1f
10:	lwz	r6, 0(r3)
	b	2f
1:
11:	ld	r6, 0(r3)
2:	std	r6, 0(r5)
	li	r3, 0
	blr

	.globl	ppcpv_ref_probe_store
ppcpv_ref_probe_store:
	cmpwi	r4, 8
	beq	1f
12:	stw	r5, 0(r3)
	b	2f
1:
13:	std	r5, 0(r3)
2:	li	r3, 0
	blr

probe_fault:
	li	r3, -PPCPV_ERR_FAULT
	blr

	.section __ex_table, "a"
	.balign	8
	.globl	__ex_table_start
__ex_table_start:
	.quad	10b, probe_fault
	.quad	11b, probe_fault
	.quad	12b, probe_fault
	.quad	13b, probe_fault
	.globl	__ex_table_end
__ex_table_end:

	.section .note.GNU-stack, "", @progbits
