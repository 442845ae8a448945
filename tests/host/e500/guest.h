/* SPDX-License-Identifier: MIT */
/*
 * The e500 test guest's runtime: a 32-bit BookE guest kernel entered at
 * guest-physical 0x100 with r3 = its device tree, running (as far as it
 * knows) at PR=0 in address space 0 - really at PR=1 in address space 1
 * under the e500 host stub.  Its interrupts enter at IVPR (0) | IVORn,
 * where head.S has one stub per IVOR; the frame layout is shared with it.
 */
#ifndef PPCPV_TEST_E500_GUEST_H
#define PPCPV_TEST_E500_GUEST_H

/* The RA=0 scratch words interrupt entry parks r12 and r1 in: the first
 * two words of the test guests' scratch page (GS_R12 is layout.h's). */
#include "../guest/layout.h"
#define GS_R1		(GS_R12 + 4)

/* struct guest_frame */
#define GF_GPR(n)	((n) * 4)
#define GF_LR		128
#define GF_CTR		132
#define GF_XER		136
#define GF_CR		140
#define GF_SRR0		144
#define GF_SRR1		148
#define GF_ESR		152
#define GF_DEAR		156
#define GF_IVOR		160
#define GF_SIZE		164
#define GF_HEADER	8	/* back chain, LR save word */
#define GF_FRAME	176	/* header + frame, 16-aligned */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct guest_frame {
	uint32_t gpr[32];
	uint32_t lr, ctr, xer, cr;
	uint32_t srr0, srr1, esr, dear;
	uint32_t ivor;
};
_Static_assert(sizeof(struct guest_frame) == GF_SIZE, "guest frame layout");

/* head.S: each IVOR's stub, for guest_start() to program. */
extern const uint32_t guest_vector_table[][2];	/* { ivor, address }, ends with -1 */

void guest_start(const void *fdt) __attribute__((noreturn));
void guest_trap(struct guest_frame *f);
#endif

#endif /* PPCPV_TEST_E500_GUEST_H */
