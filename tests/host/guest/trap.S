/* SPDX-License-Identifier: MIT */
/*
 * Test-guest interrupt entry/exit and the switch into user mode.  Like a
 * real guest kernel it uses the privileged instructions (mfspr SRR0/1,
 * mtspr, rfid), which trap to the host at PR=1 and are emulated there.
 */
#include "guest.h"

#define SAVE(n)		std r##n, GF_HEADER + GF_GPR(n)(r1)
#define LOAD(n)		ld r##n, GF_HEADER + GF_GPR(n)(r1)
#define KSAVE(n)	std r##n, KCTX_GPR(n)(r4)
#define KLOAD(n)	ld r##n, KCTX_GPR(n)(r4)

	.text
/* r12 = vector; the interrupted r12/r13 are in the scratch page. */
	.globl	guest_trap_entry
guest_trap_entry:
	ld	r13, GS_XSTACK(0)
	addi	r13, r13, -GF_FRAME
	std	r1, GF_HEADER + GF_GPR(1)(r13)
	mr	r1, r13
	SAVE(0); SAVE(2); SAVE(3); SAVE(4); SAVE(5); SAVE(6); SAVE(7); SAVE(8)
	SAVE(9); SAVE(10); SAVE(11); SAVE(14); SAVE(15); SAVE(16); SAVE(17)
	SAVE(18); SAVE(19); SAVE(20); SAVE(21); SAVE(22); SAVE(23); SAVE(24)
	SAVE(25); SAVE(26); SAVE(27); SAVE(28); SAVE(29); SAVE(30); SAVE(31)
	ld	r0, GS_R12(0)
	std	r0, GF_HEADER + GF_GPR(12)(r1)
	ld	r0, GS_R13(0)
	std	r0, GF_HEADER + GF_GPR(13)(r1)
	std	r12, GF_HEADER + GF_VECTOR(r1)
	mflr	r0
	std	r0, GF_HEADER + GF_LR(r1)
	mfctr	r0
	std	r0, GF_HEADER + GF_CTR(r1)
	mfxer	r0
	std	r0, GF_HEADER + GF_XER(r1)
	mfcr	r0
	std	r0, GF_HEADER + GF_CR(r1)
	mfspr	r0, PPC_SPR_SRR0
	std	r0, GF_HEADER + GF_SRR0(r1)
	mfspr	r0, PPC_SPR_SRR1
	std	r0, GF_HEADER + GF_SRR1(r1)
	mfspr	r0, PPC_BOOK3S_SPR_DAR
	std	r0, GF_HEADER + GF_DAR(r1)
	mfspr	r0, PPC_BOOK3S_SPR_DSISR
	std	r0, GF_HEADER + GF_DSISR(r1)
	li	r0, 0
	std	r0, 0(r1)
	ld	r2, GS_TOC(0)
	addi	r3, r1, GF_HEADER
	bl	guest_trap
	ld	r0, GF_HEADER + GF_SRR0(r1)
	mtspr	PPC_SPR_SRR0, r0
	ld	r0, GF_HEADER + GF_SRR1(r1)
	mtspr	PPC_SPR_SRR1, r0
	ld	r0, GF_HEADER + GF_LR(r1)
	mtlr	r0
	ld	r0, GF_HEADER + GF_CTR(r1)
	mtctr	r0
	ld	r0, GF_HEADER + GF_XER(r1)
	mtxer	r0
	ld	r0, GF_HEADER + GF_CR(r1)
	mtcr	r0
	LOAD(0); LOAD(2); LOAD(3); LOAD(4); LOAD(5); LOAD(6); LOAD(7); LOAD(8)
	LOAD(9); LOAD(10); LOAD(11); LOAD(12); LOAD(13); LOAD(14); LOAD(15)
	LOAD(16); LOAD(17); LOAD(18); LOAD(19); LOAD(20); LOAD(21); LOAD(22)
	LOAD(23); LOAD(24); LOAD(25); LOAD(26); LOAD(27); LOAD(28); LOAD(29)
	LOAD(30); LOAD(31)
	ld	r1, GF_HEADER + GF_GPR(1)(r1)
	rfid

/* uint64_t guest_run_user(void (*fn)(void)) */
	.globl	guest_run_user
	.type	guest_run_user, @function
guest_run_user:
	li	r4, GS_KCTX
	std	r1, KCTX_R1(r4)
	std	r2, KCTX_R2(r4)
	mflr	r0
	std	r0, KCTX_LR(r4)
	mfcr	r0
	std	r0, KCTX_CR(r4)
	KSAVE(14); KSAVE(15); KSAVE(16); KSAVE(17); KSAVE(18); KSAVE(19)
	KSAVE(20); KSAVE(21); KSAVE(22); KSAVE(23); KSAVE(24); KSAVE(25)
	KSAVE(26); KSAVE(27); KSAVE(28); KSAVE(29); KSAVE(30); KSAVE(31)
	mtspr	PPC_SPR_SRR0, r3		/* SRR0 = fn */
	mfmsr	r0
	std	r0, KCTX_MSR(r4)
	ori	r0, r0, PPC_MSR_PR | PPC_MSR_EE
	mtspr	PPC_SPR_SRR1, r0		/* SRR1 = this MSR + PR */
	mr	r12, r3			/* ELFv2 global entry wants r12 = fn */
	lis	r1, __ustack_top@h
	ori	r1, r1, __ustack_top@l
	li	r0, 0
	stdu	r0, -32(r1)
	rfid

/* The trap handler sends the user-exit sc here, in supervisor mode, with
 * r3 = what the user code left in r3. */
	.globl	guest_user_return
guest_user_return:
	li	r4, GS_KCTX
	ld	r1, KCTX_R1(r4)
	ld	r2, KCTX_R2(r4)
	ld	r0, KCTX_LR(r4)
	mtlr	r0
	ld	r0, KCTX_CR(r4)
	mtcr	r0
	KLOAD(14); KLOAD(15); KLOAD(16); KLOAD(17); KLOAD(18); KLOAD(19)
	KLOAD(20); KLOAD(21); KLOAD(22); KLOAD(23); KLOAD(24); KLOAD(25)
	KLOAD(26); KLOAD(27); KLOAD(28); KLOAD(29); KLOAD(30); KLOAD(31)
	blr
	.size	guest_run_user, . - guest_run_user

	.section .note.GNU-stack, "", @progbits
