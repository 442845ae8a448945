/* SPDX-License-Identifier: MIT */
/*
 * layout.h - the test guests' low memory: the scratch page that interrupt
 * entry and the user-mode switch reach with RA=0 D-form accesses (no
 * register needed).  Plain numbers, for C (guest and native tools) and
 * assembly; guest.h includes it.
 */
#ifndef PPCPV_TEST_GUEST_LAYOUT_H
#define PPCPV_TEST_GUEST_LAYOUT_H

/* Scratch page reachable with RA=0 D-form accesses (guest-physical). */
#define GS_BASE		0x1000
#define GS_R12		(GS_BASE + 0)
#define GS_R13		(GS_BASE + 8)
#define GS_TOC		(GS_BASE + 16)
#define GS_XSTACK	(GS_BASE + 24)	/* top of the exception stack */
#define GS_KCTX		(GS_BASE + 64)	/* kernel context saved by guest_run_user */
#define KCTX_R1		0
#define KCTX_R2		8
#define KCTX_LR		16
#define KCTX_CR		24
#define KCTX_GPR(n)	(32 + ((n) - 14) * 8)	/* r14..r31 */
#define KCTX_MSR	176	/* MSR to return to the kernel with */

/* Bytes of the scratch page (guest.ld reserves one page at GS_BASE). */
#define GS_SIZE		0x1000
/* The runtimes' own slots lie below GS_BASE + this (the e500 runtime,
 * tests/host/e500/guest.h, parks r12 and r1 in the first 8 bytes); the
 * rest of the page is the payload's (the differential test's, diff.h). */
#define GS_RUNTIME_BYTES	0x100
/* The page after it, reserved by both runtimes' guest.ld too (NOLOAD) and
 * also in RA=0 reach: the differential test's state records. */
#define GS_EXTRA	(GS_BASE + GS_SIZE)
#define GS_EXTRA_SIZE	0x1000

#ifndef __ASSEMBLER__
_Static_assert(GS_KCTX + KCTX_MSR + 8 <= GS_BASE + GS_RUNTIME_BYTES, "runtime scratch slots");
#endif

#endif /* PPCPV_TEST_GUEST_LAYOUT_H */
