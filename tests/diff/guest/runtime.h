/* SPDX-License-Identifier: MIT */
/*
 * runtime.h - the test guest runtime the differential test guest is built
 * on, and what differs between the two: the 64-bit tests/host runtime
 * (pseries; book3s64, book3s64le, and book3s32 entered with MSR[SF]=0)
 * and, with DIFF_RUNTIME_E500 (tests/diff.mk), the 32-bit BookE
 * tests/host/e500 runtime (e500).  t_diff.c and sweep.c include it.
 */
#ifndef PPCPV_TEST_DIFF_RUNTIME_H
#define PPCPV_TEST_DIFF_RUNTIME_H

#ifdef DIFF_RUNTIME_E500
#include <ppcpv/isa/spr.h>	/* t_guest.h's helpers use it */
#include <ppcpv/isa/vectors.h>
#include "../../host/e500/t_guest.h"

#define DIFF_RUNTIME_NAME	"e500 runtime"
#define DIFF_RUNTIME_BOOKE	1
/* Bytes of a register: records keep values in their slots' low words. */
#define DIFF_GUEST_WORD_BYTES	4
/* Every IVOR the runtime has a stub for. */
#define DIFF_RUNTIME_VECTORS	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
#define DIFF_FRAME_VECTOR(f)	((f)->ivor)
#define DIFF_FRAME_VECTOR_NAME	"ivor"
#define DIFF_FRAME_DAR(f)	((f)->dear)
#define DIFF_FRAME_DAR_NAME	"dear"
#define DIFF_MFSPR(n)		MFSPR(n)
#define DIFF_MTSPR(n, v)	MTSPR(n, v)
/* BookE's decrementer interrupts only with TCR[DIE], which only the
 * sweep sets; DEC is never written (it stays 0: only the host's raise sets
 * TSR[DIS]). */
#define DIFF_QUIET_DECREMENTER()	do { } while (0)
/* The sweep's decrementer: its IVOR; the handler lowers the level by
 * writing TSR[DIS] (write-one-to-clear, it traps), only then does the host
 * clear int_pending; TCR[DIE] lets the raised level interrupt. */
#define DIFF_DEC_VECTOR			PPC_BOOKE_IVOR_DEC
#define DIFF_DEC_ACK()			MTSPR(PPC_BOOKE_SPR_TSR, PPC_BOOKE_TSR_DIS)
#define DIFF_DEC_SWEEP_ENABLE()		MTSPR(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE)

#else
#include "../../host/guest/guest.h"

#define DIFF_RUNTIME_NAME	"pseries runtime"
#define DIFF_RUNTIME_BOOKE	0
#define DIFF_GUEST_WORD_BYTES	8
#define DIFF_RUNTIME_VECTORS							\
	PPC_BOOK3S_VEC_MCHECK, PPC_BOOK3S_VEC_DSI, PPC_BOOK3S_VEC_DSEG, PPC_BOOK3S_VEC_ISI,	\
	PPC_BOOK3S_VEC_ISEG, PPC_BOOK3S_VEC_EXTERNAL, PPC_BOOK3S_VEC_ALIGNMENT,		\
	PPC_BOOK3S_VEC_PROGRAM, PPC_BOOK3S_VEC_FP_UNAVAIL, PPC_BOOK3S_VEC_DEC,		\
	PPC_BOOK3S_VEC_DOORBELL, PPC_BOOK3S_VEC_SYSCALL, PPC_BOOK3S_VEC_TRACE,		\
	PPC_BOOK3S_VEC_PERF, PPC_BOOK3S_VEC_VEC_UNAVAIL, PPC_BOOK3S_VEC_VSX_UNAVAIL,	\
	PPC_BOOK3S_VEC_FAC_UNAVAIL
#define DIFF_FRAME_VECTOR(f)	((f)->vector)
#define DIFF_FRAME_VECTOR_NAME	"vector"
#define DIFF_FRAME_DAR(f)	((f)->dar)
#define DIFF_FRAME_DAR_NAME	"dar"
#define DIFF_MFSPR(n)		mfspr(n)
#define DIFF_MTSPR(n, v)	mtspr(n, v)
#define DIFF_QUIET_DECREMENTER()	mtspr(PPC_SPR_DEC, PPC_DEC_MAX)
/* The sweep's decrementer: the level drops when DEC is written positive;
 * it interrupts whenever MSR[EE] allows. */
#define DIFF_DEC_VECTOR			PPC_BOOK3S_VEC_DEC
#define DIFF_DEC_ACK()			mtspr(PPC_SPR_DEC, PPC_DEC_MAX)
#define DIFF_DEC_SWEEP_ENABLE()		do { } while (0)
#endif

/* The console through the byte-channel hypercall from here on (both
 * runtimes have it: 16 bytes an exit instead of one). */
#define DIFF_CONSOLE_BYTE_CHANNEL()	guest_console_use('b')

#endif /* PPCPV_TEST_DIFF_RUNTIME_H */
