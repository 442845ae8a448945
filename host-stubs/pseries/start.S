/* SPDX-License-Identifier: MIT */
/*
 * The pseries host stub's entry, interrupt vectors and the guest switch.
 *
 * QEMU loads the raw image at physical 0 and enters it at 0x100 in real
 * mode with MSR[SF]=0 (r3 = QEMU's device tree).  Interrupts arrive in real
 * mode at 0x200..0xf60 with MSR[SF]=1.  The host itself runs with EE=0, so
 * every interrupt should come from the guest (SRR1[PR]=1); one taken in
 * host mode would overwrite the guest's saved state, so it goes to a
 * separate fatal path instead.
 *
 * guest_enter() saves the host's non-volatile state, loads the guest's
 * registers from the vCPU and rfids; the next interrupt saves the guest
 * into the vCPU and "returns" from guest_enter() with the vector number.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/vcpu.h>
#include "trap_area.h"

/* Host frame of guest_enter: ELFv2 header (32) + r2 + r14..r31, 16-aligned. */
#define ENTER_FRAME	192
#define ENTER_R2	32
#define ENTER_GPR(n)	(40 + ((n) - 14) * 8)

	.section .text.head, "ax", @progbits
	.globl	_head
_head:
	. = 0x100
	.globl	_start
_start:
	/* 64-bit mode first; machine checks on (else they checkstop). */
	li	r11, 1
	rldicr	r11, r11, 63, 0
	ori	r11, r11, PPCPV_MSR_ME
	mfmsr	r12
	or	r12, r12, r11
	mtmsrd	r12
	isync
	b	start64

/* One vector: park r13 and r12, fetch the trap area, note the vector. */
.macro VECTOR vec
	. = \vec
	mtspr	SPRN_SPRG1, r13
	mfspr	r13, SPRN_SPRG0
	std	r12, TA_R12(r13)
	li	r12, \vec
	b	trap_common
.endm

	VECTOR 0x200
	VECTOR 0x300
	VECTOR 0x380
	VECTOR 0x400
	VECTOR 0x480
	VECTOR 0x500
	VECTOR 0x600
	VECTOR 0x700
	VECTOR 0x800
	VECTOR 0x900
	VECTOR 0x980
	VECTOR 0xa00
	VECTOR 0xb00
	VECTOR 0xc00
	VECTOR 0xd00
	VECTOR 0xe00
	VECTOR 0xe20
	VECTOR 0xe40
	VECTOR 0xe60
	VECTOR 0xe80
	VECTOR 0xea0
	VECTOR 0xf00
	VECTOR 0xf20
	VECTOR 0xf40
	VECTOR 0xf60
	VECTOR 0xf80
	. = 0x1000

	.text
start64:
	lis	r1, __stack_top@h
	ori	r1, r1, __stack_top@l
	li	r0, 0
	stdu	r0, -32(r1)
	lis	r2, .TOC.@h
	ori	r2, r2, .TOC.@l
	/* .bss: the image carries none of it. */
	lis	r4, __bss_start@h
	ori	r4, r4, __bss_start@l
	lis	r5, __bss_end@h
	ori	r5, r5, __bss_end@l
1:	cmpld	r4, r5
	bge	2f
	std	r0, 0(r4)
	addi	r4, r4, 8
	b	1b
2:	bl	host_main
	b	.

/* r13 = trap area, r12 = vector; SPRG1 = r13, TA_R12 = r12 of the
 * interrupted context.  Everything else is still untouched. */
trap_common:
	std	r11, TA_R11(r13)
	mfcr	r11
	std	r11, TA_CR(r13)
	mfspr	r11, SPRN_SRR1
	andi.	r11, r11, PPCPV_MSR_PR
	beq	host_mode_trap

	ld	r11, TA_VCPU(r13)
	std	r0, PPCPV_REGS_GPR(0)(r11)
	std	r1, PPCPV_REGS_GPR(1)(r11)
	std	r2, PPCPV_REGS_GPR(2)(r11)
	std	r3, PPCPV_REGS_GPR(3)(r11)
	std	r4, PPCPV_REGS_GPR(4)(r11)
	std	r5, PPCPV_REGS_GPR(5)(r11)
	std	r6, PPCPV_REGS_GPR(6)(r11)
	std	r7, PPCPV_REGS_GPR(7)(r11)
	std	r8, PPCPV_REGS_GPR(8)(r11)
	std	r9, PPCPV_REGS_GPR(9)(r11)
	std	r10, PPCPV_REGS_GPR(10)(r11)
	ld	r0, TA_R11(r13)
	std	r0, PPCPV_REGS_GPR(11)(r11)
	ld	r0, TA_R12(r13)
	std	r0, PPCPV_REGS_GPR(12)(r11)
	mfspr	r0, SPRN_SPRG1
	std	r0, PPCPV_REGS_GPR(13)(r11)
	std	r14, PPCPV_REGS_GPR(14)(r11)
	std	r15, PPCPV_REGS_GPR(15)(r11)
	std	r16, PPCPV_REGS_GPR(16)(r11)
	std	r17, PPCPV_REGS_GPR(17)(r11)
	std	r18, PPCPV_REGS_GPR(18)(r11)
	std	r19, PPCPV_REGS_GPR(19)(r11)
	std	r20, PPCPV_REGS_GPR(20)(r11)
	std	r21, PPCPV_REGS_GPR(21)(r11)
	std	r22, PPCPV_REGS_GPR(22)(r11)
	std	r23, PPCPV_REGS_GPR(23)(r11)
	std	r24, PPCPV_REGS_GPR(24)(r11)
	std	r25, PPCPV_REGS_GPR(25)(r11)
	std	r26, PPCPV_REGS_GPR(26)(r11)
	std	r27, PPCPV_REGS_GPR(27)(r11)
	std	r28, PPCPV_REGS_GPR(28)(r11)
	std	r29, PPCPV_REGS_GPR(29)(r11)
	std	r30, PPCPV_REGS_GPR(30)(r11)
	std	r31, PPCPV_REGS_GPR(31)(r11)
	ld	r0, TA_CR(r13)
	std	r0, PPCPV_REGS_CR(r11)
	mflr	r0
	std	r0, PPCPV_REGS_LR(r11)
	mfctr	r0
	std	r0, PPCPV_REGS_CTR(r11)
	mfxer	r0
	std	r0, PPCPV_REGS_XER(r11)
	mfspr	r0, SPRN_SRR0
	std	r0, PPCPV_REGS_PC(r11)
	mfspr	r0, SPRN_SRR1
	std	r0, TA_SRR1(r13)
	mfspr	r0, SPRN_DAR
	std	r0, TA_DAR(r13)
	mfspr	r0, SPRN_DSISR
	std	r0, TA_DSISR(r13)
	std	r12, TA_VECTOR(r13)
	/* Back into guest_enter's frame, which returns the vector. */
	ld	r1, TA_HOST_SP(r13)
	mr	r3, r12
	b	enter_return

/* An interrupt in host mode: the host is broken.  Report it from a stack
 * of its own and never return. */
host_mode_trap:
	mr	r3, r12
	mfspr	r4, SPRN_SRR0
	mfspr	r5, SPRN_SRR1
	mfspr	r6, SPRN_DAR
	mfspr	r7, SPRN_DSISR
	ld	r1, TA_FATAL_SP(r13)
	ld	r2, TA_TOC(r13)
	bl	host_fatal_trap
	b	.

/* uint64_t guest_enter(struct ppcpv_vcpu *v (r3), uint64_t real_msr (r4)) */
	.globl	guest_enter
	.type	guest_enter, @function
guest_enter:
	mflr	r0
	std	r0, 16(r1)
	mfcr	r0
	stw	r0, 8(r1)
	stdu	r1, -ENTER_FRAME(r1)
	std	r2, ENTER_R2(r1)
	std	r14, ENTER_GPR(14)(r1)
	std	r15, ENTER_GPR(15)(r1)
	std	r16, ENTER_GPR(16)(r1)
	std	r17, ENTER_GPR(17)(r1)
	std	r18, ENTER_GPR(18)(r1)
	std	r19, ENTER_GPR(19)(r1)
	std	r20, ENTER_GPR(20)(r1)
	std	r21, ENTER_GPR(21)(r1)
	std	r22, ENTER_GPR(22)(r1)
	std	r23, ENTER_GPR(23)(r1)
	std	r24, ENTER_GPR(24)(r1)
	std	r25, ENTER_GPR(25)(r1)
	std	r26, ENTER_GPR(26)(r1)
	std	r27, ENTER_GPR(27)(r1)
	std	r28, ENTER_GPR(28)(r1)
	std	r29, ENTER_GPR(29)(r1)
	std	r30, ENTER_GPR(30)(r1)
	std	r31, ENTER_GPR(31)(r1)
	mfspr	r5, SPRN_SPRG0
	std	r1, TA_HOST_SP(r5)
	std	r3, TA_VCPU(r5)

	mtspr	SPRN_SRR1, r4
	ld	r0, PPCPV_REGS_PC(r3)
	mtspr	SPRN_SRR0, r0
	ld	r0, PPCPV_REGS_CR(r3)
	mtcr	r0
	ld	r0, PPCPV_REGS_LR(r3)
	mtlr	r0
	ld	r0, PPCPV_REGS_CTR(r3)
	mtctr	r0
	ld	r0, PPCPV_REGS_XER(r3)
	mtxer	r0
	ld	r0, PPCPV_REGS_GPR(0)(r3)
	ld	r1, PPCPV_REGS_GPR(1)(r3)
	ld	r2, PPCPV_REGS_GPR(2)(r3)
	ld	r4, PPCPV_REGS_GPR(4)(r3)
	ld	r5, PPCPV_REGS_GPR(5)(r3)
	ld	r6, PPCPV_REGS_GPR(6)(r3)
	ld	r7, PPCPV_REGS_GPR(7)(r3)
	ld	r8, PPCPV_REGS_GPR(8)(r3)
	ld	r9, PPCPV_REGS_GPR(9)(r3)
	ld	r10, PPCPV_REGS_GPR(10)(r3)
	ld	r11, PPCPV_REGS_GPR(11)(r3)
	ld	r12, PPCPV_REGS_GPR(12)(r3)
	ld	r13, PPCPV_REGS_GPR(13)(r3)
	ld	r14, PPCPV_REGS_GPR(14)(r3)
	ld	r15, PPCPV_REGS_GPR(15)(r3)
	ld	r16, PPCPV_REGS_GPR(16)(r3)
	ld	r17, PPCPV_REGS_GPR(17)(r3)
	ld	r18, PPCPV_REGS_GPR(18)(r3)
	ld	r19, PPCPV_REGS_GPR(19)(r3)
	ld	r20, PPCPV_REGS_GPR(20)(r3)
	ld	r21, PPCPV_REGS_GPR(21)(r3)
	ld	r22, PPCPV_REGS_GPR(22)(r3)
	ld	r23, PPCPV_REGS_GPR(23)(r3)
	ld	r24, PPCPV_REGS_GPR(24)(r3)
	ld	r25, PPCPV_REGS_GPR(25)(r3)
	ld	r26, PPCPV_REGS_GPR(26)(r3)
	ld	r27, PPCPV_REGS_GPR(27)(r3)
	ld	r28, PPCPV_REGS_GPR(28)(r3)
	ld	r29, PPCPV_REGS_GPR(29)(r3)
	ld	r30, PPCPV_REGS_GPR(30)(r3)
	ld	r31, PPCPV_REGS_GPR(31)(r3)
	ld	r3, PPCPV_REGS_GPR(3)(r3)
	rfid

/* r1 = guest_enter's frame, r3 = the vector to return. */
enter_return:
	ld	r2, ENTER_R2(r1)
	ld	r14, ENTER_GPR(14)(r1)
	ld	r15, ENTER_GPR(15)(r1)
	ld	r16, ENTER_GPR(16)(r1)
	ld	r17, ENTER_GPR(17)(r1)
	ld	r18, ENTER_GPR(18)(r1)
	ld	r19, ENTER_GPR(19)(r1)
	ld	r20, ENTER_GPR(20)(r1)
	ld	r21, ENTER_GPR(21)(r1)
	ld	r22, ENTER_GPR(22)(r1)
	ld	r23, ENTER_GPR(23)(r1)
	ld	r24, ENTER_GPR(24)(r1)
	ld	r25, ENTER_GPR(25)(r1)
	ld	r26, ENTER_GPR(26)(r1)
	ld	r27, ENTER_GPR(27)(r1)
	ld	r28, ENTER_GPR(28)(r1)
	ld	r29, ENTER_GPR(29)(r1)
	ld	r30, ENTER_GPR(30)(r1)
	ld	r31, ENTER_GPR(31)(r1)
	addi	r1, r1, ENTER_FRAME
	ld	r0, 16(r1)
	mtlr	r0
	lwz	r0, 8(r1)
	mtcr	r0
	blr
	.size	guest_enter, . - guest_enter

	.section .note.GNU-stack, "", @progbits
