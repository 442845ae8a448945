/* SPDX-License-Identifier: MIT */
/*
 * The e500 test guest's entry and interrupt stubs.  Every interrupt saves
 * the guest's registers in a frame on the exception stack (interrupts do
 * not nest: handlers run with EE=0) and calls guest_trap(); its privileged
 * moves (SRR0/1, ESR, DEAR) and the closing rfi each trap to the host.
 */
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/boot-asm.h>
#include "guest.h"

	.section .text.head, "ax", @progbits
	. = 0x100
	.globl	_start
_start:
	PPCPV_LOAD_ADDR(r1, __stack_top)
	li	r0, 0
	stwu	r0, -16(r1)
	PPCPV_CLEAR_BSS r4, r5, __bss_start, __bss_end
	bl	guest_start
	b	.

	.text
#define GUEST_IVORS	0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15

.macro GVECTOR ivor
	.balign	32
guest_vector_\ivor:
	stw	r12, GS_R12(0)
	li	r12, \ivor
	b	guest_common
.endm
	.irp	n, GUEST_IVORS
	GVECTOR	\n
	.endr

guest_common:
	stw	r1, GS_R1(0)
	PPCPV_LOAD_ADDR(r1, __xstack_top)
	stwu	r1, -GF_FRAME(r1)
	stw	r0, GF_HEADER + GF_GPR(0)(r1)
	stmw	r2, GF_HEADER + GF_GPR(2)(r1)
	stw	r12, GF_HEADER + GF_IVOR(r1)
	lwz	r0, GS_R12(0)
	stw	r0, GF_HEADER + GF_GPR(12)(r1)
	lwz	r0, GS_R1(0)
	stw	r0, GF_HEADER + GF_GPR(1)(r1)
	mflr	r0
	stw	r0, GF_HEADER + GF_LR(r1)
	mfctr	r0
	stw	r0, GF_HEADER + GF_CTR(r1)
	mfxer	r0
	stw	r0, GF_HEADER + GF_XER(r1)
	mfcr	r0
	stw	r0, GF_HEADER + GF_CR(r1)
	mfspr	r0, PPC_SPR_SRR0
	stw	r0, GF_HEADER + GF_SRR0(r1)
	mfspr	r0, PPC_SPR_SRR1
	stw	r0, GF_HEADER + GF_SRR1(r1)
	mfspr	r0, PPC_BOOKE_SPR_ESR
	stw	r0, GF_HEADER + GF_ESR(r1)
	mfspr	r0, PPC_BOOKE_SPR_DEAR
	stw	r0, GF_HEADER + GF_DEAR(r1)
	addi	r3, r1, GF_HEADER
	bl	guest_trap
	lwz	r0, GF_HEADER + GF_SRR0(r1)
	mtspr	PPC_SPR_SRR0, r0
	lwz	r0, GF_HEADER + GF_SRR1(r1)
	mtspr	PPC_SPR_SRR1, r0
	lwz	r0, GF_HEADER + GF_LR(r1)
	mtlr	r0
	lwz	r0, GF_HEADER + GF_CTR(r1)
	mtctr	r0
	lwz	r0, GF_HEADER + GF_XER(r1)
	mtxer	r0
	lwz	r0, GF_HEADER + GF_CR(r1)
	mtcr	r0
	lwz	r0, GF_HEADER + GF_GPR(0)(r1)
	lmw	r2, GF_HEADER + GF_GPR(2)(r1)
	lwz	r1, GF_HEADER + GF_GPR(1)(r1)
	rfi

	.section .rodata
	.globl	guest_vector_table
guest_vector_table:
	.irp	n, GUEST_IVORS
	.long	\n, guest_vector_\n
	.endr
	.long	-1, 0

	.section .note.GNU-stack, "", @progbits
