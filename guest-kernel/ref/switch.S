/* SPDX-License-Identifier: MIT */
/*
 * switch.S - moving the CPU from one process's kernel context to another's
 * (schedule() in proc.c), and the first steps of a new process.
 */
#include "proc.h"

	.text
/*
 * void switch_context(struct kcontext *prev, struct kcontext *next)
 * Only what a C callee must preserve: r14-r31, r1, LR, CR.  r2 (the TOC)
 * and r13 (the paca) are the same in every kernel context.
 */
	.globl	switch_context
switch_context:
	.irp	n, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	std	\n, KCTX_GPR(\n)(r3)
	.endr
	std	r1, KCTX_SP(r3)
	mflr	r0
	std	r0, KCTX_LR(r3)
	mfcr	r0
	std	r0, KCTX_CR(r3)
	ld	r0, KCTX_CR(r4)
	mtcrf	0xff, r0
	ld	r0, KCTX_LR(r4)
	mtlr	r0
	ld	r1, KCTX_SP(r4)
	.irp	n, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ld	\n, KCTX_GPR(\n)(r4)
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
