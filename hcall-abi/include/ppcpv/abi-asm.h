/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/abi-asm.h - PowerPC assembly helpers for the PV ABI.
 *
 * For .S files of the trampolines (kvm_emul/) and guest stubs.  Assemble with
 * -Wa,-mregnames so that r0..r31 are accepted.  Every magic-page access is an
 * absolute D-form with RA=0: "MAGIC(off)" expands to the operand.
 *
 * Width rules (see abi.h): a u64 value field is read with ld/std on 64-bit and
 * with lwz/stw of its low word (+4) on 32-bit; the native-width scratch slots
 * use ld/std or lwz/stw at +0.
 */
#ifndef PPCPV_ABI_ASM_H
#define PPCPV_ABI_ASM_H

#include <ppcpv/abi.h>

#ifndef __ASSEMBLER__
#error "ppcpv/abi-asm.h is for assembly sources"
#endif

/* D(0) operand of shared-page byte offset `off`. */
#define MAGIC(off)	(PPCPV_MAGIC_PAGE_EA + (off))(0)

#ifdef __powerpc64__
/* u64 value field, native access */
#define PPCPV_LL64(reg, off)	ld reg, MAGIC(off)
#define PPCPV_STL64(reg, off)	std reg, MAGIC(off)
/* native-width slot at +0 (scratch1/2) */
#define PPCPV_LL(reg, off)	ld reg, MAGIC(off)
#define PPCPV_STL(reg, off)	std reg, MAGIC(off)
#else
#define PPCPV_LL64(reg, off)	lwz reg, MAGIC((off) + PPCPV_SHARED_U64_LOW_WORD)
#define PPCPV_STL64(reg, off)	stw reg, MAGIC((off) + PPCPV_SHARED_U64_LOW_WORD)
#define PPCPV_LL(reg, off)	lwz reg, MAGIC(off)
#define PPCPV_STL(reg, off)	stw reg, MAGIC(off)
#endif

/* u32 field, every width */
#define PPCPV_LW(reg, off)	lwz reg, MAGIC(off)
#define PPCPV_SW(reg, off)	stw reg, MAGIC(off)

/* Declare a global function symbol (ELFv2 on ppc64: no descriptors). */
#define PPCPV_FUNC(name)	\
	.globl name;		\
	.type name, @function;	\
	.balign 4;		\
name:

#define PPCPV_FUNC_END(name)	.size name, . - name

#endif /* PPCPV_ABI_ASM_H */
