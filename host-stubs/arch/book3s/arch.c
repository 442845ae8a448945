// SPDX-License-Identifier: MIT
/*
 * The Book3S family as the core sees it: its MSR rules as data and its
 * shared-page SPRs.  (Which exit each vector is: ppcpv/host/book3s.h.)
 */
#include <ppcpv/isa/family.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/shared-spr.h>
#include "book3s.h"

/* The SPRs the shared page holds for Book3S, by number. */
#define BOOK3S_ROW(name, spr, families, feature, access, width, field) \
	PPCPV_SHARED_SPR_MAP_ROW(PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S64), spr, families, \
				 access, width, field)
static const struct ppcpv_shared_spr shared_sprs[PPC_SPR_COUNT] = {
	PPCPV_SHARED_SPRS(BOOK3S_ROW)
};

const struct ppcpv_arch ppcpv_arch_book3s = {
	.name = "book3s",
	.family = PPCPV_FAMILY_BOOK3S64,
	.shared_sprs = shared_sprs,
	.msr_64bit = PPC_BOOK3S_MSR_SF,
	.msr_little_endian = PPC_BOOK3S_MSR_LE,
	/* 64-bit, supervisor, real mode, EE off */
	.msr_reset = PPC_BOOK3S_MSR_SF | PPC_MSR_ME,
	/* As KVM PR's shadow MSR: always translated problem state, with EE,
	 * ME and RI, whatever the guest's own MSR says. */
	.msr_run = PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_MSR_EE | PPC_MSR_ME |
		   PPC_BOOK3S_MSR_RI,
	/* Its mode, and the facilities whose state the host never touches. */
	.msr_passthrough = PPC_BOOK3S_MSR_SF | PPC_BOOK3S_MSR_LE | PPC_MSR_FP | PPC_MSR_FE0 |
			   PPC_MSR_FE1 | PPC_BOOK3S_MSR_VEC | PPC_BOOK3S_MSR_VSX,
	.set_msr = book3s_set_msr,
	.emulate = book3s_emulate,
	.reflect = book3s_reflect,
	.deliver = book3s_deliver,
	.dec_write = book3s_dec_write,
	.dec_read = book3s_dec_read,
	.dec_event = book3s_dec_event,
	.dec_expired = UINT32_MAX,	/* -1: negative from the tick after zero */
};
