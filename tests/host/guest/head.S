/* SPDX-License-Identifier: MIT */
/*
 * Test-guest entry and interrupt vectors.  The host enters at 0x100 with
 * r3 = the device tree; interrupts the host reflects arrive at the usual
 * Book3S vectors with the guest's (virtual) MSR EE/PR/IR/DR cleared.  A
 * little-endian build (the differential test's book3s64le guest) may be
 * entered big-endian (natively, QEMU's -bios) and switches itself first.
 */
#include <ppcpv/boot-asm.h>
#include "guest.h"

	.section .text.head, "ax", @progbits
	. = PPC_BOOK3S_VEC_RESET
	.globl	_start
_start:
	PPCPV_ENTRY_ENDIAN_SWITCH PPC_BOOK3S_VEC_RESET, .Lboot
.Lboot:
	PPCPV_LOAD_ADDR(r1, __stack_top)
	li	r0, 0
	stdu	r0, -32(r1)
	PPCPV_LOAD_ADDR(r2, .TOC.)
	std	r2, GS_TOC(0)
	PPCPV_LOAD_ADDR(r4, __xstack_top)
	std	r4, GS_XSTACK(0)
	PPCPV_CLEAR_BSS r4, r5, __bss_start, __bss_end
	bl	guest_start
	b	.

/* Park r12/r13 in the scratch page (RA=0: no register needed). */
.macro VECTOR vec
	. = \vec
	std	r13, GS_R13(0)
	std	r12, GS_R12(0)
	li	r12, \vec
	b	guest_trap_entry
.endm

	VECTOR PPC_BOOK3S_VEC_MCHECK
	VECTOR PPC_BOOK3S_VEC_DSI
	VECTOR PPC_BOOK3S_VEC_DSEG
	VECTOR PPC_BOOK3S_VEC_ISI
	VECTOR PPC_BOOK3S_VEC_ISEG
	VECTOR PPC_BOOK3S_VEC_EXTERNAL
	VECTOR PPC_BOOK3S_VEC_ALIGNMENT
	VECTOR PPC_BOOK3S_VEC_PROGRAM
	VECTOR PPC_BOOK3S_VEC_FP_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_DEC
	VECTOR PPC_BOOK3S_VEC_DOORBELL
	VECTOR PPC_BOOK3S_VEC_SYSCALL
	VECTOR PPC_BOOK3S_VEC_TRACE
	VECTOR PPC_BOOK3S_VEC_PERF
	VECTOR PPC_BOOK3S_VEC_VEC_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_VSX_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_FAC_UNAVAIL
	. = PPC_BOOK3S_VEC_AREA_END

	.section .note.GNU-stack, "", @progbits
