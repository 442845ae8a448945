/* SPDX-License-Identifier: MIT */
/*
 * head.S - entry, exception vectors, exception entry/exit and fault-safe
 * probes of the reference guest kernel, for its builds:
 *  - ppc64: Book3S-64, big-endian, ELFv2;
 *  - ppc64le: Book3S-64, little-endian, ELFv2 (the same code, after an
 *    endian switch at the entry when entered big-endian);
 *  - ppc32: Book3S-32, big-endian, the SysV 32-bit ABI, MSR[SF]=0;
 *  - ppc32 with REF_BOOKE: e500 or the 440 (Book III-E), the same ABI, interrupts
 *    through IVPR and the IVORs (one stub each, below the entry's page),
 *    ESR and DEAR for the causes, wrteei for EE.
 * The shape is the same; where the families differ (mtmsrd/rfid or
 * mtmsr/rfi, segment interrupts, vectors or IVORs, the kernel's own MMU)
 * the code says so.
 *
 * The image is linked at guest real address 0 and entered at 0x100 (QEMU
 * pseries loads -bios there; the ppcpv host stub enters hosted guests the
 * same way) with r3 = the device tree.
 *
 * Exception entry follows the usual Book3S shape, so a hosted kernel
 * executes the privileged-instruction mix a real one does on every
 * interrupt: mtspr/mfspr of SPRGs, mfspr SRR0/SRR1 (DAR/DSISR for a data
 * storage interrupt), mtspr SRR0/SRR1, an MSR write and the return from
 * interrupt on the way out.
 */
#include <ppcpv/abi.h>
#include <ppcpv/boot-asm.h>
#include <ppcpv/err.h>
#include "ref.h"

#ifndef __powerpc64__
/* IBM bit number of MSR[EE] in a 32-bit word, for the rlwinm mask. */
	.set	MSR_EE_BIT, 31 - PPC_MSR_EE_SHIFT
#endif

/* One vector: free r12/r13 through SPRG1 and the paca, then go common. */
.macro vector addr
	. = \addr
	mtspr	PPC_SPR_SPRG1, r13
	mfspr	r13, PPC_SPR_SPRG0
	STREG	r12, PACA_R12(r13)
	li	r12, \addr
	b	exc_common
.endm

	.section .head.text, "ax", @progbits
	.globl	_start
_start:
	. = PPC_BOOK3S_VEC_RESET
/* The ELF's entry point, for loaders that take it from there (QEMU
 * bamboo's -kernel); pseries' -bios and the ppcpv host enter at 0x100. */
	.globl	_entry
_entry:
	/* little-endian: entered either way round (ppcpv/boot-asm.h) */
	PPCPV_ENTRY_ENDIAN_SWITCH PPC_BOOK3S_VEC_RESET, boot
#ifdef REF_BOOKE
/* One stub per IVOR (IVPR = 0: the image base), the same code as a vector;
 * trap = the IVOR number.  Critical, machine-check and debug interrupts
 * have their own save registers: the kernel never enables them. */
#define REF_IVORS	2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
.macro ivor_stub n
	.balign	16
ivor_stub_\n:
	mtspr	PPC_SPR_SPRG1, r13
	mfspr	r13, PPC_SPR_SPRG0
	STREG	r12, PACA_R12(r13)
	li	r12, \n
	b	exc_common
.endm
	.irp	n, REF_IVORS
	ivor_stub \n
	.endr
#else

	vector	PPC_BOOK3S_VEC_MCHECK
	vector	PPC_BOOK3S_VEC_DSI
#ifdef __powerpc64__
	vector	PPC_BOOK3S_VEC_DSEG
#endif
	vector	PPC_BOOK3S_VEC_ISI
#ifdef __powerpc64__
	vector	PPC_BOOK3S_VEC_ISEG
#endif
	/* (Book3S-32 has no segment interrupts: a host reports those as
	 * storage interrupts, 0x300 and 0x400.) */
	vector	PPC_BOOK3S_VEC_EXTERNAL
	vector	PPC_BOOK3S_VEC_ALIGNMENT
	vector	PPC_BOOK3S_VEC_PROGRAM
	vector	PPC_BOOK3S_VEC_FP_UNAVAIL
	vector	PPC_BOOK3S_VEC_DEC
	vector	PPC_BOOK3S_VEC_SYSCALL
	vector	PPC_BOOK3S_VEC_TRACE
	vector	PPC_BOOK3S_VEC_PERF
	. = PPC_BOOK3S_VEC_AREA_END
#endif

	.text
/* r3 = device tree.  ppc64: switch to 64-bit mode, TOC.  Stack, paca. */
boot:
#ifdef __powerpc64__
	mfmsr	r11
	li	r12, 1
	rldicr	r12, r12, PPC_BOOK3S_MSR_SF_SHIFT, 0
	or	r11, r11, r12
	mtmsrd	r11
	isync
	PPCPV_LOAD_ADDR(r2, .TOC.)
#endif
	mr	r31, r3
#ifdef REF_BOOKE
	li	r0, 0
	mtspr	PPC_BOOKE_SPR_IVPR, r0
	.irp	n, REF_IVORS
	li	r0, ivor_stub_\n - _start
	mtspr	PPC_BOOKE_SPR_IVOR0 + \n, r0
	.endr
#endif
	PPCPV_LOAD_ADDR(r1, boot_stack_top)
	li	r0, 0
	STREGU	r0, -32(r1)
	/* the paca and stacks live in .bss */
	PPCPV_CLEAR_BSS r3, r4, __bss_start, __bss_end
	PPCPV_LOAD_ADDR(r13, boot_paca)
	STREG	r2, PACA_TOC(r13)
	PPCPV_LOAD_ADDR(r3, user_entry_stack_top)
	STREG	r3, PACA_KSTACK(r13)
	mtspr	PPC_SPR_SPRG0, r13
	mr	r3, r31
	bl	kmain
	b	.

/*
 * r12 = vector, r13 = paca, SPRG1 = the interrupted r13.  Kernel-mode
 * interrupts push a frame below the red zone of the interrupted code (the
 * 32-bit ABI has none); user-mode ones start at the top of the kernel
 * stack.
 */
exc_common:
	STREG	r11, PACA_R11(r13)
	mfcr	r11
	STREG	r11, PACA_CR(r13)
	mfspr	r11, PPC_SPR_SRR1
	andi.	r11, r11, PPC_MSR_PR
	mr	r11, r1
	beq	1f
	LDREG	r1, PACA_KSTACK(r13)
	b	2f
1:	subi	r1, r1, RED_ZONE
2:	CLRRREG	r1, r1, 4
	STREGU	r11, -FRAME_SIZE(r1)
	STREG	r0, FRAME_REGS + REGS_GPR(0)(r1)
	STREG	r11, FRAME_REGS + REGS_GPR(1)(r1)
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	STREG	\n, FRAME_REGS + REGS_GPR(\n)(r1)
	.endr
	LDREG	r0, PACA_R11(r13)
	STREG	r0, FRAME_REGS + REGS_GPR(11)(r1)
	LDREG	r0, PACA_R12(r13)
	STREG	r0, FRAME_REGS + REGS_GPR(12)(r1)
	mfspr	r0, PPC_SPR_SPRG1
	STREG	r0, FRAME_REGS + REGS_GPR(13)(r1)
	STREG	r12, FRAME_REGS + REGS_TRAP(r1)
	mfspr	r0, PPC_SPR_SRR0
	STREG	r0, FRAME_REGS + REGS_NIP(r1)
	mfspr	r0, PPC_SPR_SRR1
	STREG	r0, FRAME_REGS + REGS_MSR(r1)
	LDREG	r0, PACA_CR(r13)
	STREG	r0, FRAME_REGS + REGS_CCR(r1)
	mflr	r0
	STREG	r0, FRAME_REGS + REGS_LINK(r1)
	mfctr	r0
	STREG	r0, FRAME_REGS + REGS_CTR(r1)
	mfxer	r0
	STREG	r0, FRAME_REGS + REGS_XER(r1)
#ifdef REF_BOOKE
	/* the causes of every interrupt: ESR and DEAR (in DSISR's and DAR's
	 * slots) */
	mfspr	r0, PPC_BOOKE_SPR_DEAR
	STREG	r0, FRAME_REGS + REGS_DAR(r1)
	mfspr	r0, PPC_BOOKE_SPR_ESR
	STREG	r0, FRAME_REGS + REGS_DSISR(r1)
#else
	CMPREGI	r12, PPC_BOOK3S_VEC_DSI
#ifdef __powerpc64__
	beq	4f
	cmpdi	r12, PPC_BOOK3S_VEC_DSEG	/* sets DAR too */
#endif
	bne	3f
4:	mfspr	r0, PPC_BOOK3S_SPR_DAR
	STREG	r0, FRAME_REGS + REGS_DAR(r1)
	mfspr	r0, PPC_BOOK3S_SPR_DSISR
	STREG	r0, FRAME_REGS + REGS_DSISR(r1)
3:
#endif
#ifdef __powerpc64__
	/*
	 * Interrupts arrive in real mode.  With its own MMU on (mmu.c) the
	 * kernel turns translation back on here: everything the interrupt
	 * left only in SPRs is in the frame, and every kernel address means
	 * the same translated (the linear mapping is 1:1).  Flat mode: 0.
	 * (The Book3S-32 kernel always stays in real mode: mmu32.c.)
	 */
	ld	r0, PACA_KERNEL_MSR(r13)
	cmpdi	r0, 0
	beq	5f
	mtmsrd	r0
	isync
5:	ld	r2, PACA_TOC(r13)
#endif
	addi	r3, r1, FRAME_REGS
	bl	interrupt_dispatch
	/*
	 * The way out, also taken by a new process (switch.S): r1 = its frame.
	 * Handlers may have enabled interrupts: none from here to the return
	 * (ppc64: mtmsrd L=1; ppc32: mfmsr/mtmsr, as 32-bit kernels do).
	 */
	.globl	exc_return
exc_return:
#ifdef __powerpc64__
	li	r0, PPC_BOOK3S_MSR_RI
	mtmsrd	r0, 1
#elif defined(REF_BOOKE)
	wrteei	0
#else
	mfmsr	r0
	rlwinm	r0, r0, 0, MSR_EE_BIT + 1, MSR_EE_BIT - 1
	mtmsr	r0
#endif
	LDREG	r0, FRAME_REGS + REGS_MSR(r1)
	mtspr	PPC_SPR_SRR1, r0
	LDREG	r0, FRAME_REGS + REGS_NIP(r1)
	mtspr	PPC_SPR_SRR0, r0
	LDREG	r0, FRAME_REGS + REGS_CCR(r1)
	mtcr	r0
	LDREG	r0, FRAME_REGS + REGS_LINK(r1)
	mtlr	r0
	LDREG	r0, FRAME_REGS + REGS_CTR(r1)
	mtctr	r0
	LDREG	r0, FRAME_REGS + REGS_XER(r1)
	mtxer	r0
	LDREG	r0, FRAME_REGS + REGS_GPR(0)(r1)
	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	LDREG	\n, FRAME_REGS + REGS_GPR(\n)(r1)
	.endr
	LDREG	r1, FRAME_REGS + REGS_GPR(1)(r1)
#ifdef __powerpc64__
	rfid
#else
	rfi			/* the 32-bit form: Book3S-32 has no rfid */
#endif
	b	.

/*
 * Fault-safe probes: int probe(ea, bytes, ...), 4 or 8 bytes (ppc32: a
 * word whatever bytes says; the PV bring-up asks for 4 there).  The access
 * is listed in __ex_table; a data storage interrupt there resumes at
 * probe_fault.
 */
	.globl	ppcpv_ref_probe_load
ppcpv_ref_probe_load:
#ifdef __powerpc64__
	cmpwi	r4, 8
	beq	1f
#endif
10:	lwz	r6, 0(r3)
	b	2f
1:
#ifdef __powerpc64__
11:	ld	r6, 0(r3)
#endif
2:	STREG	r6, 0(r5)
	li	r3, 0
	blr

	.globl	ppcpv_ref_probe_store
ppcpv_ref_probe_store:
#ifdef __powerpc64__
	cmpwi	r4, 8
	beq	1f
#endif
12:	stw	r5, 0(r3)
	b	2f
1:
#ifdef __powerpc64__
13:	std	r5, 0(r3)
#endif
2:	li	r3, 0
	blr

#if !defined(__powerpc64__) && !defined(REF_BOOKE)
/*
 * int ppcpv_ref32_probe_wide_ea(unsigned long ea, unsigned long *val):
 * load the word at ea through a register whose upper word is 1 (the
 * 64-bit CPU underneath a hosted Book3S-32 kernel keeps 64-bit GPRs).  In
 * 32-bit mode (MSR[SF]=0) the CPU ignores that upper word and reads ea; in
 * 64-bit mode the access goes 4 GiB higher, where nothing is mapped, and
 * faults.
 */
	.globl	ppcpv_ref32_probe_wide_ea
ppcpv_ref32_probe_wide_ea:
	li	r0, 1
	sldi	r0, r0, 32
	or	r3, r3, r0
14:	lwz	r6, 0(r3)
	stw	r6, 0(r4)
	li	r3, 0
	blr
#endif

probe_fault:
	li	r3, -PPCPV_ERR_FAULT
	blr

	.section __ex_table, "a"
	.balign	REG_BYTES
	.globl	__ex_table_start
__ex_table_start:
	REGWORD	10b, probe_fault
	REGWORD	12b, probe_fault
#ifdef __powerpc64__
	REGWORD	11b, probe_fault
	REGWORD	13b, probe_fault
#elif !defined(REF_BOOKE)
	REGWORD	14b, probe_fault
#endif
	.globl	__ex_table_end
__ex_table_end:

	.section .note.GNU-stack, "", @progbits
