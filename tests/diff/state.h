/* SPDX-License-Identifier: MIT */
/*
 * state.h - what the differential test varies and compares, per family:
 * the shadowed SPRs (from the one SPR-to-field table), the MSR bits a
 * program may touch, and the start state of a program from its seed.
 * C only; compiled into the native tools and the test guest alike, so both
 * sides derive the same start state.
 */
#ifndef PPCPV_TEST_DIFF_STATE_H
#define PPCPV_TEST_DIFF_STATE_H

#include <stdint.h>
#include <ppcpv/abi.h>
#include <ppcpv/isa/family.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/shared-spr.h>
#include "diff.h"

/*
 * The families the test runs on (the names are ppcpv-run's --family).
 * A blob names its family; a guest image runs the families of its byte
 * order.
 */
enum diff_family_id {
	DIFF_FAMILY_BOOK3S64 = 0,	/* Book3S-64 big-endian */
	DIFF_FAMILY_BOOK3S64LE,		/* Book3S-64 little-endian */
	DIFF_FAMILY_BOOK3S32,		/* Book3S-32 (hosted only) */
	DIFF_FAMILY_E500,		/* e500, BookE */
	DIFF_FAMILY_COUNT
};

/*
 * MSR bits, and why each is in its set.  The guest runs in real mode at
 * PR=0 natively and believes so hosted.
 *  safe        EE, RI: the trampolines change them without the host.
 *  changeable  FP, FE0, FE1, VEC, VSX, PMM: bits this CPU implements whose
 *              change is harmless here (no FP/vector code runs) and must
 *              trap to the host from a trampoline (critical bits).
 *  kept        ME, HV: mtmsr/mtmsrd do not alter them (natively HV is 0
 *              and ME stays what it is); an operand may hold either value,
 *              the MSR must not follow.  A trampoline must trap on them.
 *  fixed       SF=1 for every mtmsrd operand: the magic page's EA (-4096)
 *              is a 64-bit address, and 32-bit mode would move the harness's
 *              absolute accesses.  mtmsr leaves the high word alone, so its
 *              operand's high word (SF, HV included) is random.  LE=1 in
 *              every operand of the little-endian family: its code is
 *              little-endian.
 *  entry       the MSR the guest is entered with, natively (QEMU pseries
 *              resets to 0: no ME, 32-bit; the guest sets SF, and LE for
 *              the little-endian family) and hosted alike: the hosted boots
 *              are given it as their guest MSR, so that ME starts 0 there too.
 *              Book3S-32 runs hosted only, entered as ppcpv-run enters it
 *              (ME; SF=0 makes the host a 32-bit CPU).
 * Book3S-32 has no SF, HV, VSX or PMM and its programs no mtmsrd; VEC is
 * left out (the 7xx have none).
 * e500 (QEMU 7.2's e500v2 msr_mask: UCLE SPE POW CE EE PR FP ME FE0 DWE DE
 * FE1 IS DS; no RI, no GS):
 *  safe        EE only: the e500 has no RI (the CPU drops it, the host and
 *              the trampolines would keep it: never in an operand).
 *  changeable  FP, FE0, FE1, SPE (the host lets them through to the real
 *              MSR; no FP/SPE code runs).
 *  fixed       ME=1 in every start MSR and operand: Book III-E's mtmsr
 *              writes ME and the host does, but QEMU 7.2's mtmsr never
 *              changes ME on any CPU (a QEMU deviation), so natively an
 *              operand that flips ME would not be followed.
 *  kept        GS: an operand may set it, the MSR must not follow (the
 *              e500v2 has no GS, the host never lets a guest set it); the
 *              mtmsr trampoline must trap on it.  The bit a program flips
 *              alone (flip_kept), as Book3S programs flip ME.
 *  entry       ME, as tests/host/e500/run-guest.sh enters the guest.
 *  never       PR, IS, DS (no TLB entries for the other address space),
 *              DE, CE (debug and critical interrupts), POW (the CPU may
 *              doze), CM (64-bit, not on the e500v2), UCLE, DWE, RI, PMM.
 * Never set: PR (the harness is supervisor code), IR/DR (no page tables),
 * LE in the big-endian family, SE/BE (trace interrupts), and the reserved
 * bits (the CPU drops them, the host would keep them: not a legal program).
 */
struct diff_family {
	uint32_t id;			/* enum diff_family_id: the blob's */
	const char *name;
	enum ppcpv_family family;	/* whose patch rules */
	int big_endian;			/* the guest's byte order */
	uint64_t safe, changeable, kept, fixed, entry;
	uint64_t flip_kept;		/* the kept bit programs flip alone */
	uint8_t word_bytes;		/* 4: only the low word of a register is compared */
	uint8_t native;			/* QEMU can run the guest without the host */
	uint8_t mtmsrd;			/* the family has mtmsrd (else mtmsr only) */
	uint8_t segments;		/* mtsrin is patched, segment registers compared */
	uint8_t wrtee;			/* BookE wrtee/wrteei are patched */
	uint8_t native_tlbsync;		/* tlbsync runs natively at PR=0 */
	/* The shadowed SPRs the native CPU lacks: hosted_only_count numbers
	 * from hosted_only_spr (only the hosted runs compare them). */
	uint16_t hosted_only_spr, hosted_only_count;
};

#define DIFF_MSR_SAFE		PPCPV_MSR_SAFE_BITS
#define DIFF_BOOK3S64_CHANGEABLE (PPC_MSR_FP | PPC_MSR_FE0 | PPC_MSR_FE1 | PPC_BOOK3S_MSR_VEC | \
				  PPC_BOOK3S_MSR_VSX | PPC_MSR_PMM)
#define DIFF_BOOK3S64_KEPT	(PPC_MSR_ME | PPC_BOOK3S_MSR_HV)
/* Book3S hardware has no SPRG4..7 (QEMU treats them as no-ops); the PV
 * ABI shadows them on every family.  e500 has them, but no DSISR (mfspr 18
 * is an illegal instruction there), which the ABI shadows on every family. */
#define DIFF_BOOK3S_HOSTED_ONLY	.hosted_only_spr = PPC_BOOKE_SPR_SPRG4, .hosted_only_count = 4
#define DIFF_E500_HOSTED_ONLY	.hosted_only_spr = PPC_BOOK3S_SPR_DSISR, .hosted_only_count = 1

static const struct diff_family diff_families[DIFF_FAMILY_COUNT] = {
	[DIFF_FAMILY_BOOK3S64] = {
		.id = DIFF_FAMILY_BOOK3S64, .name = "book3s64", .family = PPCPV_FAMILY_BOOK3S64,
		.big_endian = 1, .safe = DIFF_MSR_SAFE, .changeable = DIFF_BOOK3S64_CHANGEABLE,
		.kept = DIFF_BOOK3S64_KEPT, .fixed = PPC_BOOK3S_MSR_SF, .entry = PPC_BOOK3S_MSR_SF,
		.flip_kept = PPC_MSR_ME, .word_bytes = 8, .native = 1, .mtmsrd = 1, .segments = 0,
		DIFF_BOOK3S_HOSTED_ONLY,
	},
	[DIFF_FAMILY_BOOK3S64LE] = {
		.id = DIFF_FAMILY_BOOK3S64LE, .name = "book3s64le", .family = PPCPV_FAMILY_BOOK3S64,
		.big_endian = 0, .safe = DIFF_MSR_SAFE, .changeable = DIFF_BOOK3S64_CHANGEABLE,
		.kept = DIFF_BOOK3S64_KEPT, .fixed = PPC_BOOK3S_MSR_SF | PPC_BOOK3S_MSR_LE,
		.entry = PPC_BOOK3S_MSR_SF | PPC_BOOK3S_MSR_LE,
		.flip_kept = PPC_MSR_ME, .word_bytes = 8, .native = 1, .mtmsrd = 1, .segments = 0,
		DIFF_BOOK3S_HOSTED_ONLY,
	},
	[DIFF_FAMILY_BOOK3S32] = {
		.id = DIFF_FAMILY_BOOK3S32, .name = "book3s32", .family = PPCPV_FAMILY_BOOK3S32,
		.big_endian = 1, .safe = DIFF_MSR_SAFE, .changeable = PPC_MSR_FP | PPC_MSR_FE0 | PPC_MSR_FE1,
		.kept = PPC_MSR_ME, .fixed = 0, .entry = PPC_MSR_ME,
		.flip_kept = PPC_MSR_ME, .word_bytes = 4, .native = 0, .mtmsrd = 0, .segments = 1,
		DIFF_BOOK3S_HOSTED_ONLY,
	},
	/* Native on ppce500 (tests/host/e500/run-guest.sh --native). */
	[DIFF_FAMILY_E500] = {
		.id = DIFF_FAMILY_E500, .name = "e500", .family = PPCPV_FAMILY_E500,
		.big_endian = 1, .safe = PPC_MSR_EE,
		.changeable = PPC_MSR_FP | PPC_MSR_FE0 | PPC_MSR_FE1 | PPC_BOOKE_MSR_SPE,
		.kept = PPC_BOOKE_MSR_GS, .fixed = PPC_MSR_ME, .entry = PPC_MSR_ME,
		.flip_kept = PPC_BOOKE_MSR_GS, .word_bytes = 4, .native = 1, .mtmsrd = 0, .segments = 0,
		.wrtee = 1, .native_tlbsync = 1, DIFF_E500_HOSTED_ONLY,
	},
};

/* A family by id (NULL when out of range) or by name (NULL: unknown). */
static inline const struct diff_family *diff_family(uint32_t id)
{
	return id < DIFF_FAMILY_COUNT ? &diff_families[id] : 0;
}

static inline const struct diff_family *diff_family_named(const char *name)
{
	unsigned int i, k;

	for (i = 0; i < DIFF_FAMILY_COUNT; i++) {
		for (k = 0; name[k] && name[k] == diff_families[i].name[k]; k++)
			;
		if (!name[k] && !diff_families[i].name[k])
			return &diff_families[i];
	}
	return 0;
}

/* A shadowed SPR as the test sees it. */
struct diff_spr {
	const char *name;
	uint16_t spr;
	uint8_t writable;	/* mtspr is patched (RW in the table) */
	uint8_t bytes;		/* 4: a 32-bit register */
	uint8_t hosted_only;	/* the family's CPU has no such register */
};

/* Does the family's CPU lack this shadowed SPR (so that only the hosted
 * runs can be compared on it)? */
static inline int diff_spr_hosted_only(const struct diff_family *f, unsigned int spr)
{
	return spr >= f->hosted_only_spr && spr < (unsigned int)f->hosted_only_spr + f->hosted_only_count;
}

/* The family's rows of ppcpv/shared-spr.h, in its order: fills out[] and
 * returns how many (at most DIFF_MAX_SPRS). */
static inline unsigned int diff_sprs(const struct diff_family *f, struct diff_spr out[DIFF_MAX_SPRS])
{
	unsigned int n = 0;

#define DIFF_SPR_ROW(nm, num, families, feature, access, width, field)			\
	if (((families) & PPCPV_FAMILY_BIT(f->family)) && n < DIFF_MAX_SPRS) {	\
		out[n].name = nm;							\
		out[n].spr = num;							\
		out[n].writable = PPCPV_SHARED_WRITABLE_##access;			\
		out[n].bytes = PPCPV_SHARED_BYTES_##width;				\
		out[n].hosted_only = (uint8_t)diff_spr_hosted_only(f, num);	\
		n++;									\
	}
	PPCPV_SHARED_SPRS(DIFF_SPR_ROW)
#undef DIFF_SPR_ROW
	return n;
}

/* A value of `bytes` bytes (4: the low word). */
static inline uint64_t diff_fit(uint64_t v, unsigned int bytes)
{
	return bytes >= 8 ? v : v & ((1ull << (8 * bytes)) - 1);
}

/* A register value: mostly random, sometimes one of the edge cases. */
static inline uint64_t diff_value(uint64_t *rng)
{
	static const uint64_t edges[] = {
		0, 1, ~0ull, 0x7fffffffffffffffull, 0x8000000000000000ull,
		0x7fffffffull, 0x80000000ull, 0xffffffffull,
	};
	uint32_t pick = diff_below(rng, 16);

	if (pick == 0)
		return edges[diff_below(rng, sizeof(edges) / sizeof(edges[0]))];
	if (pick == 1)
		return diff_below(rng, 256);
	return diff_rand(rng);
}

/* Every bit of `bits` set with probability 1/2. */
static inline uint64_t diff_some_bits(uint64_t *rng, uint64_t bits)
{
	return diff_rand(rng) & bits;
}

/*
 * The start record of a program (the DIFF_SLOT_* layout; readout slots 0):
 * random GPRs (r1 != r2, see kvm_emul's critical-section rule), CR, the low
 * word of XER, LR, CTR, a legal MSR, and a value for every writable SPR.
 */
static inline void diff_start_state(const struct diff_family *f, uint64_t seed,
				    uint64_t rec[DIFF_SLOTS])
{
	uint64_t rng = diff_stream(seed, DIFF_STREAM_STATE);
	struct diff_spr sprs[DIFF_MAX_SPRS];
	unsigned int n = diff_sprs(f, sprs), i;

	for (i = 0; i < DIFF_SLOTS; i++)
		rec[i] = 0;
	for (i = 0; i < 32; i++)
		rec[DIFF_SLOT_GPR(i)] = diff_fit(diff_value(&rng), f->word_bytes);
	if (rec[DIFF_SLOT_GPR(1)] == rec[DIFF_SLOT_GPR(2)])
		rec[DIFF_SLOT_GPR(1)] ^= 1;
	rec[DIFF_SLOT_CR] = (uint32_t)diff_rand(&rng);
	rec[DIFF_SLOT_XER] = (uint32_t)diff_rand(&rng);
	rec[DIFF_SLOT_LR] = diff_fit(diff_value(&rng), f->word_bytes);
	rec[DIFF_SLOT_CTR] = diff_fit(diff_value(&rng), f->word_bytes);
	rec[DIFF_SLOT_MSR] = f->entry | diff_some_bits(&rng, f->safe | f->changeable);
	for (i = 0; i < n; i++)
		if (sprs[i].writable)
			rec[DIFF_SLOT_SPR(i)] = diff_fit(diff_fit(diff_value(&rng), sprs[i].bytes),
							 f->word_bytes);
	for (i = 0; f->segments && i < DIFF_SEGMENTS; i++)
		rec[DIFF_SLOT_SR(i)] = (uint32_t)diff_rand(&rng);
}

/* Is a record slot one only the hosted runs can be compared on (the
 * start or readout of a register the native CPU lacks)? */
static inline int diff_slot_hosted_only(unsigned int slot, const struct diff_spr *sprs,
					unsigned int n_sprs)
{
	unsigned int i;

	for (i = 0; i < n_sprs; i++)
		if (sprs[i].hosted_only && (slot == DIFF_SLOT_SPR(i) || slot == DIFF_SLOT_PATCHED_SPR(i)))
			return 1;
	return 0;
}

/* A slot's value as the family's registers hold it: a 32-bit family's
 * registers are the low words of this 64-bit CPU's (the high words are
 * whatever 64-bit arithmetic left there, which no 32-bit CPU has). */
static inline uint64_t diff_slot_value(const struct diff_family *f, unsigned int slot, uint64_t v)
{
	return slot == DIFF_SLOT_MEMSUM ? v : diff_fit(v, f->word_bytes);
}

/* The two hashes a run prints for a program: of the slots every run can be
 * compared on, and of the hosted-only ones. */
static inline void diff_record_hashes(const struct diff_family *f, const uint64_t rec[DIFF_SLOTS],
				      const struct diff_spr *sprs, unsigned int n_sprs,
				      uint64_t *common, uint64_t *hosted)
{
	unsigned int s;

	*common = *hosted = DIFF_HASH_INIT;
	for (s = 0; s < DIFF_SLOTS; s++) {
		if (diff_slot_hosted_only(s, sprs, n_sprs))
			*hosted = diff_hash_u64(*hosted, diff_slot_value(f, s, rec[s]));
		else
			*common = diff_hash_u64(*common, diff_slot_value(f, s, rec[s]));
	}
}

#endif /* PPCPV_TEST_DIFF_STATE_H */
