/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/boot-asm.h - the start-up steps every bare-metal image of the
 * project takes (host stub, reference guests, test guests).  Assembly only.
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
 * Zero the register-sized words of [start, end) (.bss: a raw image carries
 * none of it).  Uses ra and rb; leaves r0 = 0.  (ppc32 too: the Book3S-32
 * reference guest.)
 */
#ifdef __powerpc64__
#define PPCPV_CLEAR_BSS_WORD	8
#define PPCPV_CLEAR_BSS_CMP	cmpld
#define PPCPV_CLEAR_BSS_STORE	std
#else
#define PPCPV_CLEAR_BSS_WORD	4
#define PPCPV_CLEAR_BSS_CMP	cmplw
#define PPCPV_CLEAR_BSS_STORE	stw
#endif
.macro PPCPV_CLEAR_BSS ra, rb, start, end
	PPCPV_LOAD_ADDR(\ra, \start)
	PPCPV_LOAD_ADDR(\rb, \end)
	li	r0, 0
.Lclear_bss_loop\@:
	PPCPV_CLEAR_BSS_CMP	\ra, \rb
	bge	.Lclear_bss_done\@
	PPCPV_CLEAR_BSS_STORE	r0, 0(\ra)
	addi	\ra, \ra, PPCPV_CLEAR_BSS_WORD
	b	.Lclear_bss_loop\@
.Lclear_bss_done\@:
.endm

#endif /* PPCPV_BOOT_ASM_H */
