/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/boot-asm.h - the start-up steps every bare-metal ppc64 image of the
 * project takes (host stub, reference guest, test guests).  Assembly only.
 */
#ifndef PPCPV_BOOT_ASM_H
#define PPCPV_BOOT_ASM_H

#ifndef __ASSEMBLER__
#error "ppcpv/boot-asm.h is for assembly sources"
#endif

/* reg = the address of sym: the images are linked below 2 GiB, so two
 * instructions reach anything in them. */
#define PPCPV_LOAD_ADDR(reg, sym)	lis reg, sym@ha; addi reg, reg, sym@l

/*
 * Zero the 8-byte words of [start, end) (.bss: a raw image carries none of
 * it).  Uses ra and rb; leaves r0 = 0.
 */
.macro PPCPV_CLEAR_BSS ra, rb, start, end
	PPCPV_LOAD_ADDR(\ra, \start)
	PPCPV_LOAD_ADDR(\rb, \end)
	li	r0, 0
.Lclear_bss_loop\@:
	cmpld	\ra, \rb
	bge	.Lclear_bss_done\@
	std	r0, 0(\ra)
	addi	\ra, \ra, 8
	b	.Lclear_bss_loop\@
.Lclear_bss_done\@:
.endm

#endif /* PPCPV_BOOT_ASM_H */
