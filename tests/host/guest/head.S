/* SPDX-License-Identifier: MIT */
/*
 * Test-guest entry and interrupt vectors.  The host enters at 0x100 with
 * r3 = the device tree; interrupts the host reflects arrive at the usual
 * Book3S vectors with the guest's (virtual) MSR EE/PR/IR/DR cleared.
 */
#include <ppcpv/boot-asm.h>
#include "guest.h"

	.section .text.head, "ax", @progbits
	. = 0x100
	.globl	_start
_start:
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
	VECTOR 0xa00
	VECTOR 0xc00
	VECTOR 0xd00
	VECTOR 0xf00
	VECTOR 0xf20
	VECTOR 0xf40
	VECTOR 0xf60
	. = 0x1000

	.section .note.GNU-stack, "", @progbits
