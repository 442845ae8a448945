/* SPDX-License-Identifier: MIT */
/*
 * The e500 host stub's entry, interrupt vectors and the guest switch.
 *
 * QEMU ppce500 loads the ELF (-kernel) and enters _start with the MMU on
 * (its own TLB1[0] maps EA 0 = PA 0), MSR = 0 and r3 = its device tree.
 * Every interrupt enters at IVPR | IVORn; IVPR is this image's base (64 KiB
 * aligned, host.ld) and each IVOR names a stub below.  The guest runs at
 * MSR[PR]=1 in address space 1 and the host at PR=0 in address space 0
 * with EE=0: an interrupt from host mode means the host is broken and goes
 * to a fatal path of its own.
 *
 * As on pseries, the host keeps no context while the guest runs: every
 * trap saves the guest into the vCPU (real SPRG0 points at it) and calls
 * host_exit() on a fresh host stack, whose result - the real MSR - enters
 * the guest again.  The vCPU's registers are 64-bit slots; this 32-bit
 * host saves and loads their low words (asm-offsets.c).
 */
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/boot-asm.h>
#include "asm-offsets.h"

/* The interrupts that save into SRR0/SRR1: IVOR2..14 and e500's 32..35
 * (the 440 host, which has no IVOR32.., includes this file with its own). */
#ifndef HOST_SRR_IVORS
#define HOST_SRR_IVORS	2,3,4,5,6,7,8,9,10,11,12,13,14,32,33,34,35
#endif

/* Guest GPR n in the vCPU: the low word of its slot. */
#define VCPU_GPR(n)	(VCPU_GPR0_LOW + (n) * VCPU_GPR_SIZE)

	.section .text.vectors, "ax", @progbits
	.globl	_start
_start:
	PPCPV_LOAD_ADDR(r1, __stack_top)
	li	r0, 0
	stwu	r0, -16(r1)
	PPCPV_CLEAR_BSS r4, r5, __bss_start, __bss_end
	bl	host_main
	b	.

/* An interrupt that saves into SRR0/SRR1: park r13 in SPRG1, fetch the
 * vCPU, save r12 there, note the IVOR and go to the common path.  IVORs
 * need 16-byte alignment; a stub is five words. */
.macro VECTOR ivor, common=trap_common
	.balign	32
	.globl	host_vector_\ivor
host_vector_\ivor:
	mtspr	PPC_SPR_SPRG1, r13
	mfspr	r13, PPC_SPR_SPRG0
	stw	r12, VCPU_GPR(12)(r13)
	li	r12, \ivor
	b	\common
.endm

/* Critical and machine-check interrupts have save registers of their
 * own, and nothing a guest does here raises them: stop. */
.macro FATAL_VECTOR ivor, srr0, srr1
	.balign	32
	.globl	host_vector_\ivor
host_vector_\ivor:
	li	r3, \ivor
	mfspr	r4, \srr0
	mfspr	r5, \srr1
	b	fatal_common
.endm

	FATAL_VECTOR PPC_BOOKE_IVOR_CRITICAL, PPC_BOOKE_SPR_CSRR0, PPC_BOOKE_SPR_CSRR1
	FATAL_VECTOR PPC_BOOKE_IVOR_MCHECK, PPC_BOOKE_SPR_MCSRR0, PPC_BOOKE_SPR_MCSRR1
	/* The debug interrupt is the single step of irq-sweep (the host
	 * enters the guest with MSR[DE], DBCR0[IDM|ICMP] set): an exit like
	 * the others, its save registers copied into SRR0/SRR1 first. */
	VECTOR	PPC_BOOKE_IVOR_DEBUG, trap_debug
	/* The rest save into SRR0/SRR1, e500's IVOR32..35 (SPE, performance
	 * monitor) too. */
	.irp	n, HOST_SRR_IVORS
	VECTOR	\n
	.endr

/* Each IVOR and its stub, for host_main() to program (mmu-less: the
 * addresses are the image's own); ends with IVOR -1. */
	.section .rodata
	.globl	host_vector_table
host_vector_table:
	.irp	n, PPC_BOOKE_IVOR_CRITICAL, PPC_BOOKE_IVOR_MCHECK, PPC_BOOKE_IVOR_DEBUG, HOST_SRR_IVORS
	.long	\n, host_vector_\n
	.endr
	.long	-1, 0

	.text
/*
 * The debug interrupt (critical class on e500v2) saved the guest's pc and
 * MSR in CSRR0/CSRR1: move them to SRR0/SRR1, which hold nothing live
 * while the guest runs (its own are in the shared page and the non-critical
 * interrupts that set them clear MSR[DE]), and take the common path.
 */
trap_debug:
	stw	r11, VCPU_GPR(11)(r13)
	mfspr	r11, PPC_BOOKE_SPR_CSRR0
	mtspr	PPC_SPR_SRR0, r11
	mfspr	r11, PPC_BOOKE_SPR_CSRR1
	mtspr	PPC_SPR_SRR1, r11
	lwz	r11, VCPU_GPR(11)(r13)
	/* fall through */

/*
 * r13 = the vCPU, r12 = IVOR; SPRG1 = the guest's r13, the vCPU's r12 =
 * its r12.  Save the guest, call host_exit(ivor, srr1, esr, dear) on the
 * host stack, load the guest again and rfi.  Every GPR is saved: the
 * core may read or write any of them (emulation, MMIO).
 */
trap_common:
	stw	r11, VCPU_GPR(11)(r13)
	mfcr	r11
	stw	r11, VCPU_CR_LOW(r13)
	mfspr	r11, PPC_SPR_SRR1
	andi.	r11, r11, PPC_MSR_PR
	beq	host_mode_trap
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	stw	r\n, VCPU_GPR(\n)(r13)
	.endr
	mfspr	r0, PPC_SPR_SPRG1
	stw	r0, VCPU_GPR(13)(r13)
	mflr	r0
	stw	r0, VCPU_LR_LOW(r13)
	mfctr	r0
	stw	r0, VCPU_CTR_LOW(r13)
	mfxer	r0
	stw	r0, VCPU_XER_LOW(r13)
	mfspr	r0, PPC_SPR_SRR0
	stw	r0, VCPU_PC_LOW(r13)
	mr	r3, r12
	mfspr	r4, PPC_SPR_SRR1
	mfspr	r5, PPC_BOOKE_SPR_ESR
	mfspr	r6, PPC_BOOKE_SPR_DEAR
	lwz	r1, TA_HOST_SP(r13)
	bl	host_exit
	mfspr	r13, PPC_SPR_SPRG0
	/* fall through */

/* r3 = the real MSR, r13 = the vCPU: load the guest and enter it. */
resume:
	mtspr	PPC_SPR_SRR1, r3
	lwz	r0, VCPU_PC_LOW(r13)
	mtspr	PPC_SPR_SRR0, r0
	lwz	r0, VCPU_CR_LOW(r13)
	mtcr	r0
	lwz	r0, VCPU_LR_LOW(r13)
	mtlr	r0
	lwz	r0, VCPU_CTR_LOW(r13)
	mtctr	r0
	lwz	r0, VCPU_XER_LOW(r13)
	mtxer	r0
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	lwz	r\n, VCPU_GPR(\n)(r13)
	.endr
	lwz	r13, VCPU_GPR(13)(r13)
	rfi

/* An interrupt taken in host mode: report it from a stack of its own. */
host_mode_trap:
	mr	r3, r12
	mfspr	r4, PPC_SPR_SRR0
	mfspr	r5, PPC_SPR_SRR1
fatal_common:
	mfspr	r6, PPC_BOOKE_SPR_ESR
	mfspr	r7, PPC_BOOKE_SPR_DEAR
	PPCPV_LOAD_ADDR(r1, __fatal_stack_top)
	li	r0, 0
	stwu	r0, -16(r1)
	bl	host_fatal_trap
	b	.

/* void guest_enter(uint32_t real_msr): run the guest from its vCPU. */
	.globl	guest_enter
	.type	guest_enter, @function
guest_enter:
	mfspr	r13, PPC_SPR_SPRG0
	b	resume
	.size	guest_enter, . - guest_enter

	.section .note.GNU-stack, "", @progbits
