/* SPDX-License-Identifier: MIT */
/*
 * user.S - the two user programs of the benchmark image.  They are program
 * images, not kernel code: exec (exec.c) copies one into a process's
 * program page and starts it there at MSR[PR]=1 with r3 = argc, r4 = argv,
 * r5 = envp.  So they are position independent, need no TOC, and keep
 * their data on the stack; they live in .rodata, out of the patcher's scan.
 *
 *   /bin/sh N   `for i in 1..N; do /bin/echo hello > /dev/null; done`
 *               between measurement points 2 and 3 (marks 1 and 2 back to
 *               back measure the marking itself); exits with the number of
 *               failed iterations
 *   /bin/echo   its arguments, space separated, and a newline to fd 1;
 *               exits 0, or 1 if the write failed or was short
 *
 * and the programs the MMU checks run (mmu_checks.c), which find their
 * target address in r6 (the checks set it):
 *
 *   /bin/mmu-fresh    touches a stack page nobody touched: one fault, then
 *                     none; exits 0, or 1 (fault count), 2 (not zero), 3
 *                     (the stored value did not stay)
 *   /bin/mmu-refault  stores to a fresh page, makes it read-only with
 *                     mprotect (the kernel removes its entry), reads it:
 *                     exits 0 if that took exactly one more fault and the
 *                     value stayed, else 1 to 4 (the step that failed)
 *   /bin/mmu-load, /bin/mmu-store, /bin/mmu-jump
 *                     load from, store to, branch to r6; exit 0 if they
 *                     survive it (they should be killed)
 *
 * System calls as on Linux/powerpc: r0 = number, r3.. = arguments, sc; r3 =
 * result, CR0[SO] set on error.  One source for every build: loads,
 * stores and compares of a register's width through ref.h's macros
 * (LDREG, STREG, CMPREG, ...), pointers REG_BYTES apart.
 */
#include "proc.h"

#define SH_FRAME	80	/* 32-byte header, then the locals below */
#define SH_STATUS	32	/* wait4 status */
#define SH_ARGV		40	/* child: argv[0..2], then envp[0], a register each */
#define ECHO_LINE	224	/* bytes for echo's output line */
#define CHAR_0		48
#define CHAR_SPACE	32
#define CHAR_NEWLINE	10
#define MMU_PATTERN	0x5a5a	/* what the MMU programs store */

.macro syscall nr
	li	r0, \nr
	sc
.endm

	.section .rodata.user, "a"
	.balign	4

/* ---- /bin/sh --------------------------------------------------------- */
	.globl	user_sh_start, user_sh_end
user_sh_start:
	bcl	20, 31, .Lsh_base
.Lsh_base:
	mflr	r30			/* r30: constants are .Lsh_base-relative */
	STREGU	r1, -SH_FRAME(r1)
	li	r31, 0			/* r31: N, from argv[1] in decimal */
	CMPREGI	r3, 2
	blt	.Lsh_counted
	LDREG	r5, REG_BYTES(r4)
.Lsh_digit:
	lbz	r6, 0(r5)
	CMPREGI	r6, 0
	beq	.Lsh_counted
	addi	r6, r6, -CHAR_0
	mulli	r31, r31, 10
	add	r31, r31, r6
	addi	r5, r5, 1
	b	.Lsh_digit
.Lsh_counted:
	li	r29, 0			/* r29: failed iterations */
	li	r28, 0			/* r28: iterations done */
	li	r3, 1
	syscall	SYS_BENCH_MARK
	li	r3, 2
	syscall	SYS_BENCH_MARK
.Lsh_loop:
	CMPREG	r28, r31
	bge	.Lsh_done
	syscall	SYS_FORK
	bso	.Lsh_failed
	CMPREGI	r3, 0
	beq	.Lsh_child
	mr	r27, r3			/* wait4(pid, &status, 0, NULL) */
	addi	r4, r1, SH_STATUS
	li	r5, 0
	li	r6, 0
	syscall	SYS_WAIT4
	bso	.Lsh_failed
	CMPREG	r3, r27
	bne	.Lsh_failed
	lwz	r5, SH_STATUS(r1)
	cmpwi	r5, 0
	beq	.Lsh_next
.Lsh_failed:
	addi	r29, r29, 1
.Lsh_next:
	addi	r28, r28, 1
	b	.Lsh_loop
.Lsh_done:
	li	r3, 3
	syscall	SYS_BENCH_MARK
	mr	r3, r29
	syscall	SYS_EXIT_GROUP
	b	.

/* The child, on its own copy of the stack: `> /dev/null` as a shell does
 * it (open, dup2 onto fd 1, close), then exec /bin/echo hello. */
.Lsh_child:
	addi	r3, r30, .Lsh_devnull - .Lsh_base
	li	r4, O_WRONLY
	li	r5, 0
	syscall	SYS_OPEN
	bso	.Lsh_child_failed
	mr	r27, r3
	li	r4, 1
	syscall	SYS_DUP2
	bso	.Lsh_child_failed
	mr	r3, r27
	syscall	SYS_CLOSE
	bso	.Lsh_child_failed
	addi	r5, r30, .Lsh_arg0 - .Lsh_base
	STREG	r5, SH_ARGV(r1)
	addi	r5, r30, .Lsh_arg1 - .Lsh_base
	STREG	r5, SH_ARGV + REG_BYTES(r1)
	li	r5, 0
	STREG	r5, SH_ARGV + 2 * REG_BYTES(r1)
	STREG	r5, SH_ARGV + 3 * REG_BYTES(r1)
	addi	r3, r30, .Lsh_path - .Lsh_base
	addi	r4, r1, SH_ARGV
	addi	r5, r1, SH_ARGV + 3 * REG_BYTES
	syscall	SYS_EXECVE
.Lsh_child_failed:
	li	r3, 127
	syscall	SYS_EXIT_GROUP
	b	.

.Lsh_devnull:	.asciz	"/dev/null"
.Lsh_path:	.asciz	"/bin/echo"
.Lsh_arg0:	.asciz	"echo"
.Lsh_arg1:	.asciz	"hello"
	.balign	4
user_sh_end:

/* ---- /bin/echo ------------------------------------------------------- */
	.globl	user_echo_start, user_echo_end
user_echo_start:
	STREGU	r1, -(32 + ECHO_LINE)(r1)
	addi	r8, r1, 32		/* r8: the line */
	mr	r9, r8			/* r9: where the next byte goes */
	addi	r7, r8, ECHO_LINE - 1	/* r7: the last byte kept for the newline */
	li	r10, 1			/* r10: argument index */
.Lecho_arg:
	CMPREG	r10, r3
	bge	.Lecho_emit
	CMPREGI	r10, 1
	beq	.Lecho_copy_start
	CMPLREG	r9, r7
	bge	.Lecho_emit
	li	r11, CHAR_SPACE
	stb	r11, 0(r9)
	addi	r9, r9, 1
.Lecho_copy_start:
	SLREGI	r11, r10, REG_SHIFT
	LDREGX	r12, r4, r11
.Lecho_copy:
	lbz	r11, 0(r12)
	CMPREGI	r11, 0
	beq	.Lecho_next
	CMPLREG	r9, r7
	bge	.Lecho_emit
	stb	r11, 0(r9)
	addi	r9, r9, 1
	addi	r12, r12, 1
	b	.Lecho_copy
.Lecho_next:
	addi	r10, r10, 1
	b	.Lecho_arg
.Lecho_emit:
	li	r11, CHAR_NEWLINE
	stb	r11, 0(r9)
	addi	r9, r9, 1
	subf	r26, r8, r9		/* r26: bytes to write */
	li	r3, 1
	mr	r4, r8
	mr	r5, r26
	syscall	SYS_WRITE
	li	r6, 1
	bso	.Lecho_exit
	CMPREG	r3, r26
	bne	.Lecho_exit
	li	r6, 0
.Lecho_exit:
	mr	r3, r6
	syscall	SYS_EXIT_GROUP
	b	.
	.balign	4
user_echo_end:

/* ---- the MMU checks' programs ---------------------------------------- */
/* exit_group(code) */
.macro exit_with code
	li	r3, \code
	syscall	SYS_EXIT_GROUP
.endm

	.globl	user_mmu_fresh_start, user_mmu_fresh_end
user_mmu_fresh_start:
	syscall	SYS_PAGE_FAULTS
	mr	r20, r3			/* r20: faults before */
	CLRRREG	r5, r1, PAGE_SHIFT	/* the stack's top page ... */
	subi	r5, r5, REG_BYTES	/* ... and the last word below it */
	LDREG	r6, 0(r5)		/* the first touch: one fault */
	li	r7, MMU_PATTERN
	STREG	r7, 0(r5)
	LDREG	r8, 0(r5)
	syscall	SYS_PAGE_FAULTS
	subf	r3, r20, r3
	CMPREGI	r3, 1
	bne	1f
	CMPREGI	r6, 0
	bne	2f
	CMPREG	r8, r7
	bne	3f
	exit_with 0
1:	exit_with 1
2:	exit_with 2
3:	exit_with 3
	.balign	4
user_mmu_fresh_end:

	.globl	user_mmu_refault_start, user_mmu_refault_end
user_mmu_refault_start:
	CLRRREG	r31, r1, PAGE_SHIFT
	subi	r31, r31, PAGE_SIZE	/* r31: the page below the stack's top page */
	li	r30, MMU_PATTERN
	STREG	r30, 0(r31)		/* mapped read/write on this fault */
	syscall	SYS_PAGE_FAULTS
	mr	r29, r3			/* r29: faults so far */
	mr	r3, r31
	li	r4, PAGE_SIZE
	li	r5, PROT_READ
	syscall	SYS_MPROTECT
	bso	1f
	syscall	SYS_PAGE_FAULTS
	CMPREG	r3, r29
	bne	2f
	LDREG	r28, 0(r31)		/* its entry is gone: a fault again */
	syscall	SYS_PAGE_FAULTS
	subf	r3, r29, r3
	CMPREGI	r3, 1
	bne	3f
	CMPREG	r28, r30
	bne	4f
	exit_with 0
1:	exit_with 1
2:	exit_with 2
3:	exit_with 3
4:	exit_with 4
	.balign	4
user_mmu_refault_end:

	.globl	user_mmu_load_start, user_mmu_load_end
user_mmu_load_start:
	LDREG	r3, 0(r6)
	exit_with 0
	.balign	4
user_mmu_load_end:

	.globl	user_mmu_store_start, user_mmu_store_end
user_mmu_store_start:
	STREG	r3, 0(r6)
	exit_with 0
	.balign	4
user_mmu_store_end:

	.globl	user_mmu_jump_start, user_mmu_jump_end
user_mmu_jump_start:
	mtctr	r6
	bctr
	.balign	4
user_mmu_jump_end:

	.section .note.GNU-stack, "", @progbits
