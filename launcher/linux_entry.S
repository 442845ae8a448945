/* SPDX-License-Identifier: MIT */
/*
 * The native Linux entry stub (see linux_entry.h): QEMU's -bios, run at
 * 0x100 in real mode, big-endian, MSR[SF]=0.  It needs no stack, no TOC
 * and no data: the image is linked at 0, so every address is absolute.
 */
#include <ppcpv/boot-asm.h>
#include "linux_entry.h"

	.section .text.head, "ax", @progbits
	.globl	_head
_head:
	. = LINUX_ENTRY_PARAMS
params:
	.quad	LINUX_ENTRY_MAGIC
	.quad	mover_end - mover	/* LINUX_ENTRY_P_MOVER_SIZE, for ppcpv-run's check */
	.fill	(LINUX_ENTRY_PARAMS_SIZE - 16) / 8, 8, 0

	. = LINUX_ENTRY_START
	.globl	_start
_start:
	/* 64-bit mode: the addresses below may exceed 4 GiB one day */
	li	r11, 1
	rldicr	r11, r11, 63, 0
	mfmsr	r12
	or	r12, r12, r11
	mtmsrd	r12
	isync

	PPCPV_LOAD_ADDR(r10, params)
	ld	r20, LINUX_ENTRY_P_STAGE(r10)
	ld	r21, LINUX_ENTRY_P_SIZE(r10)
	ld	r22, LINUX_ENTRY_P_ENTRY(r10)
	ld	r23, LINUX_ENTRY_P_FDT(r10)
	ld	r24, LINUX_ENTRY_P_MOVER(r10)

	/* the copy routine first goes to r24: the kernel's copy overwrites this code */
	PPCPV_LOAD_ADDR(r5, mover)
	PPCPV_LOAD_ADDR(r6, mover_end)
	mr	r7, r24
1:	cmpld	r5, r6
	bge	2f
	ld	r0, 0(r5)
	std	r0, 0(r7)
	addi	r5, r5, 8
	addi	r7, r7, 8
	b	1b
2:	mr	r3, r24
	mr	r4, r7
	bl	flush_range
	mtctr	r24
	bctr

/*
 * Position-independent, run from r24 (flush_range moves with it): copy r21
 * bytes from r20 to 0 in doublewords (up to 7 bytes more: zeros of the
 * kernel's .bss), flush, enter the kernel at r22 with r3 = the tree (r23),
 * r4 = r5 = 0.
 */
	.balign	8
mover:
	addi	r7, r21, 7
	srdi	r7, r7, 3
	mtctr	r7
	li	r5, 0
	mr	r6, r20
1:	ld	r0, 0(r6)
	std	r0, 0(r5)
	addi	r5, r5, 8
	addi	r6, r6, 8
	bdnz	1b
	li	r3, 0
	mr	r4, r21
	bl	flush_range
	mr	r3, r23
	li	r4, 0
	li	r5, 0
	mtctr	r22
	bctr

/* Make [r3, r4) visible to instruction fetch.  Uses r5.  Part of the
 * moved block, so that the copy routine can call it too. */
flush_range:
	mr	r5, r3
1:	dcbst	0, r5
	addi	r5, r5, LINUX_ENTRY_CACHE_LINE
	cmpld	r5, r4
	blt	1b
	sync
	mr	r5, r3
2:	icbi	0, r5
	addi	r5, r5, LINUX_ENTRY_CACHE_LINE
	cmpld	r5, r4
	blt	2b
	sync
	isync
	blr

	.balign	8
mover_end:
