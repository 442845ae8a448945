/* SPDX-License-Identifier: MIT */
/*
 * switch.S - moving the CPU from one process's kernel context to another's
 * (schedule() in proc.c), and the first steps of a new process.
 */
#include "proc.h"

	.text
/*
 * void switch_context(struct kcontext *prev, struct kcontext *next)
 * Only what a C callee must preserve: r14-r31, r1, LR, CR, a register's
 * width each (ref.h's LDREG/STREG).  r2 (the TOC on 64-bit; reserved
 * to the system by the 32-bit ABI) and r13 (the paca) are the same in every
 * kernel context.
 */
	.globl	switch_context
switch_context:
	.irp	n, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	STREG	\n, KCTX_GPR(\n)(r3)
	.endr
	STREG	r1, KCTX_SP(r3)
	mflr	r0
	STREG	r0, KCTX_LR(r3)
	mfcr	r0
	STREG	r0, KCTX_CR(r3)
	LDREG	r0, KCTX_CR(r4)
	mtcrf	0xff, r0
	LDREG	r0, KCTX_LR(r4)
	mtlr	r0
	LDREG	r1, KCTX_SP(r4)
	.irp	n, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	LDREG	\n, KCTX_GPR(\n)(r4)
	.endr
	blr

/*
 * Where a new process's kernel context starts (proc_start()): r1 is the
 * exception frame at the top of its kernel stack, holding the user state
 * fork or exec left there; leave through the interrupt exit path.
 */
	.globl	ret_from_fork
ret_from_fork:
	bl	schedule_tail
	b	exc_return

	.section .note.GNU-stack, "", @progbits
