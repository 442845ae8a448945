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
 * The host keeps no context of its own while the guest runs: every trap
 * saves the guest into the vCPU and calls host_exit() on a fresh host
 * stack, which returns the real MSR to run the guest with; the exit path
 * then loads the guest from the vCPU and rfids.  So a round trip saves and
 * loads the guest's registers once (only those the C code may clobber,
 * where it can), and nothing of the host's.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/boot-asm.h>
#include "asm-offsets.h"

/* Guest GPR n in the vCPU. */
#define VCPU_GPR(n)	(VCPU_GPR0 + (n) * VCPU_GPR_SIZE)

	.section .text.head, "ax", @progbits
	.globl	_head
_head:
	. = PPC_BOOK3S_VEC_RESET
	.globl	_start
_start:
	/* 64-bit mode first; machine checks on (else they checkstop). */
	li	r11, 1
	rldicr	r11, r11, 63, 0
	ori	r11, r11, PPC_MSR_ME
	mfmsr	r12
	or	r12, r12, r11
	mtmsrd	r12
	isync
	b	start64

/* One vector: park r13, fetch the vCPU, save r12 there, note the vector,
 * and go to the exit path that saves what the core needs (see below). */
.macro VECTOR vec, path=trap_volatile
	. = \vec
	mtspr	PPC_SPR_SPRG1, r13
	mfspr	r13, PPC_SPR_SPRG0
	std	r12, VCPU_GPR(12)(r13)
	li	r12, \vec
	b	\path
.endm

	VECTOR PPC_BOOK3S_VEC_MCHECK
	VECTOR PPC_BOOK3S_VEC_DSI, trap_all_gprs
	VECTOR PPC_BOOK3S_VEC_DSEG, trap_all_gprs
	VECTOR PPC_BOOK3S_VEC_ISI
	VECTOR PPC_BOOK3S_VEC_ISEG
	VECTOR PPC_BOOK3S_VEC_EXTERNAL
	VECTOR PPC_BOOK3S_VEC_ALIGNMENT
	VECTOR PPC_BOOK3S_VEC_PROGRAM, trap_all_gprs
	VECTOR PPC_BOOK3S_VEC_FP_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_DEC
	VECTOR PPC_BOOK3S_VEC_HDEC
	VECTOR PPC_BOOK3S_VEC_DOORBELL
	VECTOR PPC_BOOK3S_VEC_RESERVED_B00
	VECTOR PPC_BOOK3S_VEC_SYSCALL
	VECTOR PPC_BOOK3S_VEC_TRACE
	VECTOR PPC_BOOK3S_VEC_HDSI
	VECTOR PPC_BOOK3S_VEC_HISI
	VECTOR PPC_BOOK3S_VEC_HEMU
	VECTOR PPC_BOOK3S_VEC_HMAINT
	VECTOR PPC_BOOK3S_VEC_HDOORBELL
	VECTOR PPC_BOOK3S_VEC_HVIRT
	VECTOR PPC_BOOK3S_VEC_PERF
	VECTOR PPC_BOOK3S_VEC_VEC_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_VSX_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_FAC_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_HFAC_UNAVAIL
	. = PPC_BOOK3S_VEC_AREA_END

	.text
start64:
	PPCPV_LOAD_ADDR(r1, __stack_top)
	li	r0, 0
	stdu	r0, -32(r1)
	PPCPV_LOAD_ADDR(r2, .TOC.)
	PPCPV_CLEAR_BSS r4, r5, __bss_start, __bss_end
	bl	host_main
	b	.

/*
 * The exit paths.  r13 = the vCPU, r12 = vector; SPRG1 = r13 and the vCPU's
 * r12 = r12 of the interrupted context.  Everything else is untouched.
 *
 * host_exit() is C: it preserves r14-r31 (the ELFv2 ABI's non-volatile
 * registers) and may clobber the rest.  So an exit saves the volatile
 * state into the vCPU and loads it back, and leaves r14-r31 in the
 * registers - except for the vectors whose handling reads or writes any
 * GPR (program: emulation, DSI and DSEG: MMIO), which save and load all
 * of them; the core touches no other guest GPR above r13
 * (ppcpv_book3s_vector_uses_all_gprs() in ppcpv/host/book3s.h).
 */

/* CR, r11 and the PR check: an interrupt taken in host mode is FATAL. */
.macro TRAP_ENTRY
	std	r11, VCPU_GPR(11)(r13)
	mfcr	r11
	std	r11, VCPU_CR(r13)
	mfspr	r11, PPC_SPR_SRR1
	andi.	r11, r11, PPC_MSR_PR
	beq	host_mode_trap
.endm

.macro SAVE_NONVOLATILE
	.irp	n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	r\n, VCPU_GPR(\n)(r13)
	.endr
.endm

.macro LOAD_NONVOLATILE
	.irp	n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	r\n, VCPU_GPR(\n)(r13)
	.endr
.endm

/* Save r0-r10, r13, LR, CTR, XER and pc, then r3 = host_exit() on the
 * host stack. */
.macro SAVE_VOLATILE_AND_EXIT
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10
	std	r\n, VCPU_GPR(\n)(r13)
	.endr
	mfspr	r0, PPC_SPR_SPRG1
	std	r0, VCPU_GPR(13)(r13)
	mflr	r0
	std	r0, VCPU_LR(r13)
	mfctr	r0
	std	r0, VCPU_CTR(r13)
	mfxer	r0
	std	r0, VCPU_XER(r13)
	mfspr	r0, PPC_SPR_SRR0
	std	r0, VCPU_PC(r13)
	/* uint64_t host_exit(uint32_t vector, uint64_t srr1): the real MSR. */
	mr	r3, r12
	mfspr	r4, PPC_SPR_SRR1
	ld	r1, TA_HOST_SP(r13)
	ld	r2, TA_TOC(r13)
	bl	host_exit
	mfspr	r13, PPC_SPR_SPRG0
.endm

trap_volatile:
	TRAP_ENTRY
	SAVE_VOLATILE_AND_EXIT
	/* r14-r31 are still the guest's. */
	b	resume_volatile

trap_all_gprs:
	TRAP_ENTRY
	SAVE_NONVOLATILE
	SAVE_VOLATILE_AND_EXIT
	LOAD_NONVOLATILE
	b	resume_volatile

/* An interrupt in host mode: the host is broken.  Report it from a stack
 * of its own and never return. */
host_mode_trap:
	mr	r3, r12
	mfspr	r4, PPC_SPR_SRR0
	mfspr	r5, PPC_SPR_SRR1
	mfspr	r6, PPC_BOOK3S_SPR_DAR
	mfspr	r7, PPC_BOOK3S_SPR_DSISR
	ld	r1, TA_FATAL_SP(r13)
	ld	r2, TA_TOC(r13)
	bl	host_fatal_trap
	b	.

/* void guest_enter(uint64_t real_msr): run the guest from its vCPU state;
 * never returns (traps come back through host_exit). */
	.globl	guest_enter
	.type	guest_enter, @function
guest_enter:
	mfspr	r13, PPC_SPR_SPRG0
	LOAD_NONVOLATILE
	/* fall through */
	.size	guest_enter, . - guest_enter

/* r3 = the real MSR to run the guest with, r13 = the vCPU, r14-r31 = the
 * guest's: load the rest of the guest from the vCPU and enter it. */
resume_volatile:
	mtspr	PPC_SPR_SRR1, r3
	ld	r0, VCPU_PC(r13)
	mtspr	PPC_SPR_SRR0, r0
	ld	r0, VCPU_CR(r13)
	mtcr	r0
	ld	r0, VCPU_LR(r13)
	mtlr	r0
	ld	r0, VCPU_CTR(r13)
	mtctr	r0
	ld	r0, VCPU_XER(r13)
	mtxer	r0
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12
	ld	r\n, VCPU_GPR(\n)(r13)
	.endr
	ld	r13, VCPU_GPR(13)(r13)
	rfid

	.section .note.GNU-stack, "", @progbits
