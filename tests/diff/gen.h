/* SPDX-License-Identifier: MIT */
/*
 * gen.h - the program generator of the differential test (native C).
 *
 * diff_gen() turns a seed into a short supervisor-mode program of a family:
 * every instruction the patcher rewrites for the family, mixed with
 * ordinary loads and stores into the data region, arithmetic, CR and
 * LR/CTR moves and forward branches.  The same seed gives the same words on
 * every machine (only diff.h's splitmix64 draws numbers).  See
 * Documentation/differential.rst for what is generated and why.
 */
#ifndef PPCPV_TEST_DIFF_GEN_H
#define PPCPV_TEST_DIFF_GEN_H

#include <stdint.h>
#include "diff.h"

/* What a generated block is, for coverage counts. */
enum diff_gen_kind {
	DIFF_GEN_MFMSR = 0,
	DIFF_GEN_MFSPR,
	DIFF_GEN_MTSPR,
	DIFF_GEN_MTMSRD_L1,
	DIFF_GEN_MTMSRD_L0,
	DIFF_GEN_MTMSR,
	DIFF_GEN_TLBSYNC,
	DIFF_GEN_ALU,
	DIFF_GEN_LOAD,
	DIFF_GEN_STORE,
	DIFF_GEN_BRANCH,
	DIFF_GEN_CR,
	DIFF_GEN_LR_CTR_XER,
	DIFF_GEN_MTSRIN,
	DIFF_GEN_WRTEE,
	DIFF_GEN_WRTEEI,
	DIFF_GEN_KIND_COUNT
};

struct diff_prog {
	uint64_t seed;
	uint16_t flags;			/* DIFF_PROG_HOSTED_ONLY */
	uint16_t n_words;		/* DIFF_MIN_WORDS..DIFF_MAX_WORDS */
	uint32_t words[DIFF_MAX_WORDS];
	uint16_t kinds[DIFF_GEN_KIND_COUNT];	/* blocks of each kind */
	uint16_t spr_reads[DIFF_MAX_SPRS];	/* mfspr of each shadowed SPR (state.h order) */
	uint16_t spr_writes[DIFF_MAX_SPRS];	/* mtspr of each */
	uint16_t regs_used;			/* r0, r1, r30, r31 appear: bits 0..3 */
};

struct diff_family;

/* The program of a seed, for a family (state.h). */
void diff_gen(const struct diff_family *fam, uint64_t seed, struct diff_prog *p);

const char *diff_gen_kind_name(enum diff_gen_kind k);

#endif /* PPCPV_TEST_DIFF_GEN_H */
