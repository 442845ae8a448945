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

/*
 * PPCPV_ENTRY_ENDIAN_SWITCH entry, target: the first words of a
 * little-endian Book3S-64 image whose entry point `entry` may be reached
 * either way round - the ppcpv host enters it little-endian (guest-msr with
 * LE), QEMU's -bios entry is big-endian.  The first word is a branch over
 * the next one when fetched big-endian, and a trap-immediate that never
 * traps (TO = 0) when fetched little-endian; the second is `b target`.
 * The big-endian path, assembled byte-reversed, sets MSR[LE] and returns to
 * that `b target` through rfid.  Uses r11 and r12 on the big-endian path.
 * In a big-endian build, just `b target`.
 */
#if defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#define PPCPV_BYTE_REVERSED(w) \
	((((w) >> 24) & 0xff) | (((w) >> 8) & 0xff00) | (((w) & 0xff00) << 8) | (((w) & 0xff) << 24))
.macro PPCPV_ENTRY_ENDIAN_SWITCH entry, target
.Lendian_switch\@:
	.long	PPCPV_BYTE_REVERSED(PPC_INST_B | 8)		/* over `b target` */
.Lendian_switch_le\@:
	b	\target
	.long	PPCPV_BYTE_REVERSED(PPC_INST_MFMSR | PPC_FIELD_RT(11))
	.long	PPCPV_BYTE_REVERSED(PPC_ENC_ORI(11, 11, PPC_BOOK3S_MSR_LE))
	.long	PPCPV_BYTE_REVERSED(PPC_INST_MTSPR | PPC_FIELD_RT(11) | PPC_FIELD_SPR(PPC_SPR_SRR1))
	.long	PPCPV_BYTE_REVERSED(PPC_ENC_LI(12, (\entry) + 4))
	.long	PPCPV_BYTE_REVERSED(PPC_INST_MTSPR | PPC_FIELD_RT(12) | PPC_FIELD_SPR(PPC_SPR_SRR0))
	.long	PPCPV_BYTE_REVERSED(PPC_INST_RFID)
	.if	.Lendian_switch_le\@ - .Lendian_switch\@ != 4
	.error	"the endian switch returns to the wrong word"
	.endif
.endm
#else
.macro PPCPV_ENTRY_ENDIAN_SWITCH entry, target
	b	\target
.endm
#endif

#endif /* PPCPV_BOOT_ASM_H */
