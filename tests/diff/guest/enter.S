/* SPDX-License-Identifier: MIT */
/*
 * The way into and out of a generated program.  Every register is the
 * program's, so both directions go through the scratch page with RA=0
 * D-form accesses (absolute addresses, no base register):
 *
 *   diff_enter    saves the harness (r1, r2, r13..r31, LR, CR) at
 *                 DIFF_SAVE_ADDR, loads XER, CTR, LR, CR and all 32 GPRs
 *                 from the start record at DIFF_IN_ADDR and branches to the
 *                 launch pad at DIFF_AREA_ADDR, which the harness has made
 *                 a branch to the program;
 *   diff_capture  where every program's last word branches: stores all 32
 *                 GPRs, CR, XER, LR and CTR into the end record at
 *                 DIFF_OUT_ADDR, restores the harness and returns from
 *                 diff_enter.
 *
 * Neither is in the patched text: the MSR and the SPRs are set and read by
 * code the harness builds (t_diff.c).
 *
 * A 32-bit build (the e500 image) keeps the records' 8-byte slots and
 * stores and loads each value in a slot's low word (DIFF_SLOT_LOW_WORD).
 */
#include <ppcpv/abi-asm.h>
#include "../diff.h"

#ifdef __powerpc64__
#define ST_SLOT		std
#define LD_SLOT		ld
#define SLOT_VALUE	0
#else
#define ST_SLOT		stw
#define LD_SLOT		lwz
#define SLOT_VALUE	DIFF_SLOT_LOW_WORD
#endif

#define SAVE_AT(slot)	(DIFF_SAVE(slot) + SLOT_VALUE)(0)
#define IN_AT(slot)	(DIFF_IN(slot) + SLOT_VALUE)(0)
#define OUT_AT(slot)	(DIFF_OUT(slot) + SLOT_VALUE)(0)

#define SAVE_NV(n)	ST_SLOT r##n, SAVE_AT(DIFF_SAVE_GPR(n))
#define LOAD_NV(n)	LD_SLOT r##n, SAVE_AT(DIFF_SAVE_GPR(n))
#define LOAD_IN(n)	LD_SLOT r##n, IN_AT(DIFF_SLOT_GPR(n))
#define STORE_OUT(n)	ST_SLOT r##n, OUT_AT(DIFF_SLOT_GPR(n))

	.text
/* void diff_enter(void): runs the program the launch pad names. */
PPCPV_FUNC(diff_enter)
	ST_SLOT	r1, SAVE_AT(DIFF_SAVE_R1)
	ST_SLOT	r2, SAVE_AT(DIFF_SAVE_R2)
	SAVE_NV(13); SAVE_NV(14); SAVE_NV(15); SAVE_NV(16); SAVE_NV(17); SAVE_NV(18)
	SAVE_NV(19); SAVE_NV(20); SAVE_NV(21); SAVE_NV(22); SAVE_NV(23); SAVE_NV(24)
	SAVE_NV(25); SAVE_NV(26); SAVE_NV(27); SAVE_NV(28); SAVE_NV(29); SAVE_NV(30)
	SAVE_NV(31)
	mflr	r0
	ST_SLOT	r0, SAVE_AT(DIFF_SAVE_LR)
	mfcr	r0
	ST_SLOT	r0, SAVE_AT(DIFF_SAVE_CR)

	LD_SLOT	r0, IN_AT(DIFF_SLOT_XER)
	mtxer	r0
	LD_SLOT	r0, IN_AT(DIFF_SLOT_CTR)
	mtctr	r0
	LD_SLOT	r0, IN_AT(DIFF_SLOT_LR)
	mtlr	r0
	LD_SLOT	r0, IN_AT(DIFF_SLOT_CR)
	mtcrf	0xff, r0
	LOAD_IN(0); LOAD_IN(1); LOAD_IN(2); LOAD_IN(3); LOAD_IN(4); LOAD_IN(5)
	LOAD_IN(6); LOAD_IN(7); LOAD_IN(8); LOAD_IN(9); LOAD_IN(10); LOAD_IN(11)
	LOAD_IN(12); LOAD_IN(13); LOAD_IN(14); LOAD_IN(15); LOAD_IN(16); LOAD_IN(17)
	LOAD_IN(18); LOAD_IN(19); LOAD_IN(20); LOAD_IN(21); LOAD_IN(22); LOAD_IN(23)
	LOAD_IN(24); LOAD_IN(25); LOAD_IN(26); LOAD_IN(27); LOAD_IN(28); LOAD_IN(29)
	LOAD_IN(30); LOAD_IN(31)
	ba	DIFF_AREA_ADDR
PPCPV_FUNC_END(diff_enter)

PPCPV_FUNC(diff_capture)
	STORE_OUT(0); STORE_OUT(1); STORE_OUT(2); STORE_OUT(3); STORE_OUT(4)
	STORE_OUT(5); STORE_OUT(6); STORE_OUT(7); STORE_OUT(8); STORE_OUT(9)
	STORE_OUT(10); STORE_OUT(11); STORE_OUT(12); STORE_OUT(13); STORE_OUT(14)
	STORE_OUT(15); STORE_OUT(16); STORE_OUT(17); STORE_OUT(18); STORE_OUT(19)
	STORE_OUT(20); STORE_OUT(21); STORE_OUT(22); STORE_OUT(23); STORE_OUT(24)
	STORE_OUT(25); STORE_OUT(26); STORE_OUT(27); STORE_OUT(28); STORE_OUT(29)
	STORE_OUT(30); STORE_OUT(31)
	mfcr	r0
	ST_SLOT	r0, OUT_AT(DIFF_SLOT_CR)
	mfxer	r0
	ST_SLOT	r0, OUT_AT(DIFF_SLOT_XER)
	mflr	r0
	ST_SLOT	r0, OUT_AT(DIFF_SLOT_LR)
	mfctr	r0
	ST_SLOT	r0, OUT_AT(DIFF_SLOT_CTR)

	LD_SLOT	r1, SAVE_AT(DIFF_SAVE_R1)
	LD_SLOT	r2, SAVE_AT(DIFF_SAVE_R2)
	LOAD_NV(13); LOAD_NV(14); LOAD_NV(15); LOAD_NV(16); LOAD_NV(17); LOAD_NV(18)
	LOAD_NV(19); LOAD_NV(20); LOAD_NV(21); LOAD_NV(22); LOAD_NV(23); LOAD_NV(24)
	LOAD_NV(25); LOAD_NV(26); LOAD_NV(27); LOAD_NV(28); LOAD_NV(29); LOAD_NV(30)
	LOAD_NV(31)
	LD_SLOT	r0, SAVE_AT(DIFF_SAVE_CR)
	mtcrf	0xff, r0
	LD_SLOT	r0, SAVE_AT(DIFF_SAVE_LR)
	mtlr	r0
	blr
PPCPV_FUNC_END(diff_capture)

/*
 * Fault-safe probes for the PV bring-up: one access each at a global
 * label; a storage interrupt there sets diff_probe_faulted and skips it
 * (t_diff.c's handler).  Loads return the value in r3.  The doubleword
 * ones only in a 64-bit build (the bring-up asks for the word size).
 */
#ifdef __powerpc64__
PPCPV_FUNC(diff_probe_ld)
	mr	r4, r3
	li	r3, 0
	.globl	diff_probe_ld_insn
diff_probe_ld_insn:
	ld	r3, 0(r4)
	blr
PPCPV_FUNC_END(diff_probe_ld)
#endif

PPCPV_FUNC(diff_probe_lwz)
	mr	r4, r3
	li	r3, 0
	.globl	diff_probe_lwz_insn
diff_probe_lwz_insn:
	lwz	r3, 0(r4)
	blr
PPCPV_FUNC_END(diff_probe_lwz)

#ifdef __powerpc64__
PPCPV_FUNC(diff_probe_std)
	.globl	diff_probe_std_insn
diff_probe_std_insn:
	std	r4, 0(r3)
	blr
PPCPV_FUNC_END(diff_probe_std)
#endif

PPCPV_FUNC(diff_probe_stw)
	.globl	diff_probe_stw_insn
diff_probe_stw_insn:
	stw	r4, 0(r3)
	blr
PPCPV_FUNC_END(diff_probe_stw)

	.section .note.GNU-stack, "", @progbits
