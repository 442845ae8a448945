// SPDX-License-Identifier: MIT
/*
 * The differential test's generator (tests/diff/gen.c), over many seeds:
 * the same seed gives the same program; lengths stay in range; every word
 * is an instruction libopcodes knows; every kind the patcher rewrites for
 * the family appears (each family: book3s64, book3s64le, book3s32, e500),
 * every shadowed SPR is read and every writable one written, r0/r1/r30/r31
 * are used; the SPRs the family's CPU lacks (and tlbsync on Book3S) only in
 * hosted-only programs; r2 is never written; every load and store is
 * inside the data region, naturally aligned, with its base set in the
 * words just before it and no branch landing between the two; branches go
 * forward, inside the program; the start MSR is legal, and so are the
 * mtmsr/wrtee operands a 32-bit family's block builds.  A decoder of its own
 * (field positions typed here on purpose: an oracle, not the ISA layer)
 * reads the words back.
 */
#include <string.h>
#include <ppcpv/disasm.h>
#include "../diff/gen.h"
#include "../diff/state.h"
#include "../patcher/check.h"
#include "ppcpv_test.h"

#define SEEDS		4000

/* The family the suite's checks run on; hosted_only_and_msr() covers each. */
static const struct diff_family *fam = &diff_families[DIFF_FAMILY_BOOK3S64];
/* Lengths over more seeds: the longest block fits the end rarely. */
#define LENGTH_SEEDS	100000
#define OPCD(w)		((w) >> 26)
#define RT(w)		(((w) >> 21) & 31)
#define RA(w)		(((w) >> 16) & 31)
#define RB(w)		(((w) >> 11) & 31)
#define XO10(w)		(((w) >> 1) & 0x3ff)
#define SIMM(w)		((int32_t)(int16_t)((w) & 0xffff))
#define SPRN(w)		((((w) >> 16) & 31) | (((w) >> 6) & 0x3e0))

static void determinism_of(void)
{
	struct diff_prog a, b;
	uint64_t seed;

	for (seed = 0; seed < 200; seed++) {
		diff_gen(fam, seed, &a);
		diff_gen(fam, seed, &b);
		EXPECT(!memcmp(&a, &b, sizeof(a)), "seed %llu twice", (unsigned long long)seed);
	}
	diff_gen(fam, 7, &a);
	diff_gen(fam, 8, &b);
	EXPECT(a.n_words != b.n_words || memcmp(a.words, b.words, 4u * a.n_words),
	       "seeds 7 and 8 differ%s", "");
}

static void lengths(void)
{
	struct diff_prog p;
	uint64_t seed;

	for (seed = 0; seed < LENGTH_SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		EXPECT(p.n_words >= DIFF_MIN_WORDS && p.n_words <= DIFF_MAX_WORDS, "seed %llu: %u words",
		       (unsigned long long)seed, p.n_words);
	}
}

static void decoding(void)
{
	struct ppcpv_disasm_opts opts = { 64, 1, NULL };
	char text[PPCPV_DISASM_TEXT_MAX];
	struct diff_prog p;
	uint64_t seed;
	unsigned int i;

	for (seed = 0; seed < SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		for (i = 0; i < p.n_words; i++) {
			int rc = ppcpv_disasm_word(&opts, p.words[i], 4 * i, text, sizeof(text));

			EXPECT(!rc && strncmp(text, ".long", 5), "seed %llu word %u %08x: '%s'",
			       (unsigned long long)seed, i, p.words[i], text);
		}
	}
}

static void coverage(void)
{
	struct diff_spr sprs[DIFF_MAX_SPRS];
	unsigned int n = diff_sprs(fam, sprs), k, i, hosted = 0, regs = 0;
	unsigned long kinds[DIFF_GEN_KIND_COUNT] = { 0 }, reads[DIFF_MAX_SPRS] = { 0 },
		      writes[DIFF_MAX_SPRS] = { 0 };
	struct diff_prog p;
	uint64_t seed;

	for (seed = 0; seed < SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		hosted += p.flags & DIFF_PROG_HOSTED_ONLY ? 1 : 0;
		regs |= p.regs_used;
		for (k = 0; k < DIFF_GEN_KIND_COUNT; k++)
			kinds[k] += p.kinds[k];
		for (i = 0; i < n; i++) {
			reads[i] += p.spr_reads[i];
			writes[i] += p.spr_writes[i];
		}
	}
	for (k = 0; k < DIFF_GEN_KIND_COUNT; k++) {
		int has = (k != DIFF_GEN_MTSRIN || fam->segments) &&
			  ((k != DIFF_GEN_MTMSRD_L0 && k != DIFF_GEN_MTMSRD_L1) || fam->mtmsrd) &&
			  ((k != DIFF_GEN_WRTEE && k != DIFF_GEN_WRTEEI) || fam->wrtee);

		if (has)
			EXPECT(kinds[k] > SEEDS / 20, "%s %s: %lu blocks", fam->name, diff_gen_kind_name(k),
			       kinds[k]);
		else
			EXPECT(kinds[k] == 0, "%s has no %s: %lu blocks", fam->name, diff_gen_kind_name(k),
			       kinds[k]);
	}
	for (i = 0; i < n; i++) {
		EXPECT(reads[i] > 0, "mfspr %s never generated", sprs[i].name);
		EXPECT(!sprs[i].writable || writes[i] > 0, "mtspr %s never generated", sprs[i].name);
		EXPECT(sprs[i].writable || writes[i] == 0, "mtspr of read-only %s", sprs[i].name);
	}
	EXPECT_EQ(regs, 0xf, "r0, r1, r30, r31 all used%s", "");
	if (fam->native)
		EXPECT(hosted > SEEDS / 6 && hosted < SEEDS / 3, "%u of %u programs hosted-only", hosted, SEEDS);
	else
		EXPECT_EQ(hosted, SEEDS, "%s: every program hosted-only%s", fam->name, "");
	/* Book3S shadows 13 SPRs: SPRG0-3, SRR0/1, DAR, DSISR, SPRG4-7, PIR;
	 * e500 25: SPRG0-3, SRR0/1, DEAR, DSISR, SPRG4-7, SPRG4R-7R, ESR, PIR,
	 * MAS0-4, MAS6, MAS7. */
	EXPECT_EQ(n, fam->family == PPCPV_FAMILY_E500 ? 25u : 13u, "%s shadowed SPRs", fam->name);
}

/* What a word writes, for the generated subset: the GPR (or -1). */
static int gpr_written(uint32_t w)
{
	static const unsigned int xo_form[] = { 10, 40, 104, 136, 138, 233, 235, 266 };
	static const unsigned int x_to_rt[] = { 339, 83, 19, 21, 23, 87, 279, 343 };
	static const unsigned int x_to_ra[] = { 28, 444, 316, 124, 60, 27, 539, 24, 536, 58, 986, 954 };
	unsigned int op = OPCD(w), xo = XO10(w), i;

	switch (op) {
	case 7: case 12: case 14: case 15: case 32: case 33: case 34: case 35: case 40:
	case 41: case 42: case 43: case 58:
		return (int)RT(w);				/* D-form arithmetic, loads */
	case 21: case 24: case 25: case 26: case 27: case 28: case 30:
		return (int)RA(w);				/* rlwinm, logical immediates, rotates */
	case 31:
		for (i = 0; i < sizeof(xo_form) / sizeof(xo_form[0]); i++)
			if ((xo & 0x1ff) == xo_form[i])
				return (int)RT(w);		/* XO-form arithmetic (OE apart) */
		for (i = 0; i < sizeof(x_to_rt) / sizeof(x_to_rt[0]); i++)
			if (xo == x_to_rt[i])
				return (int)RT(w);		/* mfspr, mfmsr, mfcr, indexed loads */
		for (i = 0; i < sizeof(x_to_ra) / sizeof(x_to_ra[0]); i++)
			if (xo == x_to_ra[i])
				return (int)RA(w);		/* logical, shifts, extends */
		return -1;
	default:
		return -1;
	}
}

/* Update forms write RA as well. */
static int update_form(uint32_t w)
{
	unsigned int op = OPCD(w);

	return op == 33 || op == 35 || op == 37 || op == 39 || op == 41 || op == 43 || op == 45 ||
	       ((op == 58 || op == 62) && (w & 3) == 1);
}

static void r2_never_written(void)
{
	struct diff_prog p;
	uint64_t seed;
	unsigned int i;

	for (seed = 0; seed < SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		for (i = 0; i < p.n_words; i++) {
			uint32_t w = p.words[i];

			EXPECT(gpr_written(w) != 2 && !(update_form(w) && RA(w) == 2),
			       "seed %llu word %u %08x writes r2", (unsigned long long)seed, i, w);
		}
	}
}

/* Loads and stores: size, and whether it is X-form (index in RB). */
static unsigned int access_size(uint32_t w, int *indexed)
{
	static const struct { unsigned int op, xo, size; } forms[] = {
		{ 32, 0, 4 }, { 33, 0, 4 }, { 34, 0, 1 }, { 35, 0, 1 }, { 36, 0, 4 }, { 37, 0, 4 },
		{ 38, 0, 1 }, { 39, 0, 1 }, { 40, 0, 2 }, { 41, 0, 2 }, { 42, 0, 2 }, { 43, 0, 2 },
		{ 44, 0, 2 }, { 45, 0, 2 }, { 58, 0, 8 }, { 62, 0, 8 },
		{ 31, 21, 8 }, { 31, 23, 4 }, { 31, 87, 1 }, { 31, 279, 2 }, { 31, 343, 2 },
		{ 31, 149, 8 }, { 31, 151, 4 }, { 31, 215, 1 }, { 31, 407, 2 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (OPCD(w) == forms[i].op && (forms[i].op != 31 || XO10(w) == forms[i].xo)) {
			*indexed = forms[i].op == 31;
			return forms[i].size;
		}
	return 0;
}

/* The value an "li r,imm" at words[at] gives r, or -1 if it is not one. */
static int64_t li_value(const struct diff_prog *p, int at, unsigned int r)
{
	uint32_t w;

	if (at < 0)
		return -1;
	w = p->words[at];
	return OPCD(w) == 14 && RA(w) == 0 && RT(w) == r ? SIMM(w) : -1;
}

static int64_t ds_disp(uint32_t w)
{
	return OPCD(w) == 58 || OPCD(w) == 62 ? SIMM(w & ~3u) : SIMM(w);
}

/* The effective address of access word i, from the li words before it, and
 * the first word of its block; -1 when it cannot be read that way. */
static int64_t access_ea(const struct diff_prog *p, int i, int indexed, int *block)
{
	uint32_t w = p->words[i];
	int64_t base, index;

	*block = i;
	if (!indexed) {
		if (RA(w) == 0)
			return ds_disp(w);
		*block = i - 1;
		base = li_value(p, i - 1, RA(w));
		return base < 0 ? -1 : base + ds_disp(w);
	}
	*block = i - 1;
	index = li_value(p, i - 1, RB(w));
	if (RA(w) == 0)
		return index;
	*block = i - 2;
	base = li_value(p, i - 2, RA(w));
	return base < 0 || index < 0 ? -1 : base + index;
}

/* Where a branch word goes (word index), or -1 for other words. */
static int branch_target(uint32_t w, int at)
{
	if (OPCD(w) == 18)
		return at + ((int32_t)((w & 0x03fffffc) << 6) >> 6) / 4;
	if (OPCD(w) == 16)
		return at + SIMM(w & ~3u) / 4;
	return -1;
}

static void memory_and_branches(void)
{
	struct diff_prog p;
	uint64_t seed;
	int i, j;

	for (seed = 0; seed < SEEDS; seed++) {
		uint8_t inside_block[DIFF_MAX_WORDS + 1] = { 0 };

		diff_gen(fam, seed, &p);
		for (i = 0; i < p.n_words; i++) {
			int indexed, block;
			unsigned int size = access_size(p.words[i], &indexed);
			int64_t ea;

			if (!size)
				continue;
			ea = access_ea(&p, i, indexed, &block);
			EXPECT(ea >= DIFF_MEM_ADDR && ea + size <= DIFF_MEM_ADDR + DIFF_MEM_SIZE && ea % size == 0,
			       "seed %llu word %d %08x: EA %lld, size %u", (unsigned long long)seed, i,
			       p.words[i], (long long)ea, size);
			for (j = block + 1; j <= i; j++)
				inside_block[j] = 1;
		}
		for (i = 0; i < p.n_words; i++) {
			int t = branch_target(p.words[i], i);

			if (t < 0)
				continue;
			EXPECT(t > i && t <= p.n_words, "seed %llu word %d: branch to word %d of %u",
			       (unsigned long long)seed, i, t, p.n_words);
			EXPECT(t > p.n_words || !inside_block[t], "seed %llu word %d: branch into a block at %d",
			       (unsigned long long)seed, i, t);
		}
	}
}

static uint64_t never_msr_bits(void);

static void hosted_only_and_msr_of(void)
{
	struct diff_spr sprs[DIFF_MAX_SPRS];
	unsigned int n = diff_sprs(fam, sprs), i, k;
	const uint64_t never = never_msr_bits();
	struct diff_prog p;
	uint64_t seed, rec[DIFF_SLOTS];

	for (seed = 0; seed < SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		for (i = 0; i < p.n_words; i++) {
			uint32_t w = p.words[i];
			int spr_move = OPCD(w) == 31 && (XO10(w) == 339 || XO10(w) == 467);

			if (p.flags & DIFF_PROG_HOSTED_ONLY)
				continue;
			EXPECT(w != PPC_INST_TLBSYNC || fam->native_tlbsync, "seed %llu: tlbsync in a native program",
			       (unsigned long long)seed);
			for (k = 0; spr_move && k < n; k++)
				EXPECT(!(sprs[k].hosted_only && SPRN(w) == sprs[k].spr),
				       "seed %llu: %s in a native program", (unsigned long long)seed, sprs[k].name);
		}
		diff_start_state(fam, seed, rec);
		EXPECT((rec[DIFF_SLOT_MSR] & never) == 0 && (rec[DIFF_SLOT_MSR] & fam->fixed) == fam->fixed,
		       "seed %llu: start MSR 0x%llx", (unsigned long long)seed,
		       (unsigned long long)rec[DIFF_SLOT_MSR]);
		EXPECT(rec[DIFF_SLOT_GPR(1)] != rec[DIFF_SLOT_GPR(2)], "seed %llu: r1 == r2", (unsigned long long)seed);
	}
}

/* A 32-bit family's programs hold no 64-bit instruction: no MD-form
 * rotate, DS-form load or store, mtmsrd, 64-bit multiply, shift, count or
 * extend, and no 64-bit compare. */
static void only_32bit_of(void)
{
	static const unsigned int x64[] = { 178, 27, 539, 58, 986, 21, 53, 149, 181, 233 };
	struct diff_prog p;
	uint64_t seed;
	unsigned int i, k;

	if (fam->word_bytes == 8)
		return;
	for (seed = 0; seed < SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		for (i = 0; i < p.n_words; i++) {
			uint32_t w = p.words[i], op = OPCD(w);
			int bad = op == 30 || op == 58 || op == 62 ||
				  ((op == 10 || op == 11) && (w & (1u << 21)));

			for (k = 0; op == 31 && k < sizeof(x64) / sizeof(x64[0]); k++)
				bad |= XO10(w) == x64[k] || (XO10(w) & 0x1ff) == x64[k];
			bad |= op == 31 && (XO10(w) == 0 || XO10(w) == 32) && (w & (1u << 21));
			EXPECT(!bad, "%s seed %llu word %u %08x: a 64-bit instruction", fam->name,
			       (unsigned long long)seed, i, w);
		}
	}
}

/* The MSR bits no operand of the family may set or flip: BookE's IS, DS
 * and DE are Book3S's IR, DR and BE. */
static uint64_t never_msr_bits(void)
{
	return (PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_LE |
		PPC_BOOK3S_MSR_SE | PPC_BOOK3S_MSR_BE |
		(fam->wrtee ? PPC_BOOKE_MSR_CE | PPC_BOOKE_MSR_WE | PPC_BOOKE_MSR_CM |
		 PPC_BOOK3S_MSR_RI | PPC_MSR_PMM : 0)) & ~fam->fixed;
}

/* A 32-bit family's mtmsr/wrtee operands built in their block - "lis rS;
 * ori rS,rS" (a constant) or "mfmsr rS; xori rS,rS; [xoris rS,rS]" (bits
 * flipped) - set or flip only legal bits, and only the family's; a
 * constant has every fixed bit, a flip none (e500's ME: QEMU's mtmsr
 * never changes it, so natively the MSR would not follow). */
static void msr_operands_of(void)
{
	const uint64_t legal = fam->safe | fam->changeable | fam->kept | fam->fixed;
	struct diff_prog p;
	uint64_t seed;
	unsigned int i, built = 0, constants = 0;

	if (fam->word_bytes == 8)
		return;
	for (seed = 0; seed < SEEDS; seed++) {
		diff_gen(fam, seed, &p);
		for (i = 3; i < p.n_words; i++) {
			uint32_t w = p.words[i], rs = RT(w), a = p.words[i - 1], b = p.words[i - 2];
			uint64_t bits;

			if (OPCD(w) != 31 || (XO10(w) != 146 && XO10(w) != 131))
				continue;	/* mtmsr, wrtee */
			if (OPCD(a) == 24 && OPCD(b) == 15 && RA(b) == 0 && RT(b) == rs && RT(a) == rs && RA(a) == rs) {
				bits = (uint64_t)(b & 0xffff) << 16 | (a & 0xffff);		/* lis; ori */
				constants++;
				EXPECT((bits & fam->fixed) == fam->fixed, "%s seed %llu word %u: constant 0x%llx "
				       "without the fixed bits", fam->name, (unsigned long long)seed, i,
				       (unsigned long long)bits);
			} else if (OPCD(a) == 26 && RT(a) == rs && RA(a) == rs)
				bits = a & 0xffff;						/* xori */
			else if (OPCD(a) == 27 && OPCD(b) == 26 && RT(a) == rs && RA(a) == rs)
				bits = (uint64_t)(a & 0xffff) << 16 | (b & 0xffff);		/* xori; xoris */
			else
				continue;	/* wrtee of any register */
			EXPECT(OPCD(a) == 24 || (bits & fam->fixed) == 0, "%s seed %llu word %u: flips fixed bits "
			       "0x%llx", fam->name, (unsigned long long)seed, i, (unsigned long long)bits);
			built++;
			EXPECT((bits & never_msr_bits()) == 0 && (bits & ~legal) == 0,
			       "%s seed %llu word %u: MSR operand bits 0x%llx", fam->name, (unsigned long long)seed, i,
			       (unsigned long long)bits);
		}
	}
	EXPECT(built > SEEDS / 4 && constants > SEEDS / 16 && built - constants > SEEDS / 16,
	       "%s: %u built MSR operands, %u of them constants", fam->name, built, constants);
}

/* Each check over every family (fam is the one it runs on). */
static void each_family(void (*check)(void))
{
	unsigned int f;

	for (f = 0; f < DIFF_FAMILY_COUNT; f++) {
		fam = &diff_families[f];
		check();
	}
	fam = &diff_families[DIFF_FAMILY_BOOK3S64];
}

static void determinism(void) { each_family(determinism_of); }
static void hosted_only_and_msr(void) { each_family(hosted_only_and_msr_of); }
static void coverage_all(void) { each_family(coverage); }
static void decoding_all(void) { each_family(decoding); }
static void r2_all(void) { each_family(r2_never_written); }
static void memory_and_branches_all(void) { each_family(memory_and_branches); }
static void only_32bit(void) { each_family(only_32bit_of); }
static void msr_operands(void) { each_family(msr_operands_of); }

PPCPV_SUITE(diff_gen, "diff-gen", NULL, NULL,
	{ "the same seed gives the same program (each family)", determinism },
	{ "lengths in range", lengths },
	{ "every word an instruction libopcodes knows (each family)", decoding_all },
	{ "every rewritten kind, SPR and special register appears (each family)", coverage_all },
	{ "r2 is never written (each family)", r2_all },
	{ "accesses inside the region, branches forward and never into a block (each family)",
	  memory_and_branches_all },
	{ "Book3S-32 and e500 programs hold 32-bit instructions only", only_32bit },
	{ "Book3S-32 and e500 MSR operands built in the block are legal", msr_operands },
	{ "hosted-only instructions only in hosted-only programs; legal start state", hosted_only_and_msr })
