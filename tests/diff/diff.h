/* SPDX-License-Identifier: MIT */
/*
 * diff.h - the differential test's contract between the native tools
 * (generator, comparer) and the test guest: where things live in guest
 * memory, the layout of a machine-state record, the batch blob format,
 * the seeded random source, the initial state of a program and the hash of
 * a record.  The numbered layout below is shared with assembly (enter.S).
 *
 * A program runs from a state derived from its seed alone, so its result
 * does not depend on what ran before it: a divergent program can be run
 * again on its own, and a batch can be rerun with full dumps.
 */
#ifndef PPCPV_TEST_DIFF_H
#define PPCPV_TEST_DIFF_H

#include "../host/guest/layout.h"

/* ---- Guest memory ------------------------------------------------------- */

/*
 * The scratch page (RA=0 reach) after the runtime's own slots: the
 * harness's saved context and the memory region programs load from and
 * store to; the page after it: the state a program starts from and the
 * state it ended in.
 */
#define DIFF_SAVE_ADDR		(GS_BASE + GS_RUNTIME_BYTES)	/* r1, r2, r13..r31, LR, CR */
#define DIFF_MEM_ADDR		(GS_BASE + 0x800)	/* the programs' data region */
#define DIFF_MEM_SIZE		(GS_BASE + GS_SIZE - DIFF_MEM_ADDR)
#define DIFF_IN_ADDR		GS_EXTRA			/* a record: the start state */
#define DIFF_OUT_ADDR		(GS_EXTRA + GS_EXTRA_SIZE / 2)	/* a record: the end state */

/* Saved harness context, in 8-byte slots of DIFF_SAVE_ADDR. */
#define DIFF_SAVE_R1		0
#define DIFF_SAVE_R2		1
#define DIFF_SAVE_GPR(n)	(2 + (n) - 13)	/* r13..r31 */
#define DIFF_SAVE_LR		21
#define DIFF_SAVE_CR		22
#define DIFF_SAVE_SLOTS		23

/*
 * Above the test image (guest-physical, the same natively and hosted): the
 * code the programs run as (copied from the blob; the part the PV
 * component patches), the trampoline area, the patcher's site list and the
 * blob QEMU loads.  The guest checks that its image ends below DIFF_AREA_ADDR
 * and that its device tree lies above DIFF_TOP.
 */
#define DIFF_AREA_ADDR		0x400000
#define DIFF_AREA_SIZE		0x100000
#define DIFF_KVM_TMP_ADDR	(DIFF_AREA_ADDR + DIFF_AREA_SIZE)
#define DIFF_KVM_TMP_SIZE	0x200000
#define DIFF_SITES_ADDR		(DIFF_KVM_TMP_ADDR + DIFF_KVM_TMP_SIZE)
#define DIFF_SITES_SIZE		0x200000
#define DIFF_BLOB_ADDR		(DIFF_SITES_ADDR + DIFF_SITES_SIZE)
#define DIFF_BLOB_MAX		0x200000
#define DIFF_TOP		(DIFF_BLOB_ADDR + DIFF_BLOB_MAX)

/* ---- A machine-state record (8-byte slots) ------------------------------ */

/*
 * The same layout is the start state (DIFF_IN_ADDR: what the harness loads;
 * the readout slots unused) and the end state (DIFF_OUT_ADDR).  The MSR and
 * every shadowed SPR are read twice at the end: by a copy of the readout
 * code outside the patched text (it traps in the patched run, so the host
 * answers) and by a copy inside it (patched into magic-page loads).
 */
#define DIFF_SLOT_GPR(n)	(n)
#define DIFF_SLOT_CR		32
#define DIFF_SLOT_XER		33
#define DIFF_SLOT_LR		34
#define DIFF_SLOT_CTR		35
#define DIFF_SLOT_MSR		36	/* start MSR; trapping mfmsr at the end */
#define DIFF_SLOT_PATCHED_MSR		37	/* patched-part mfmsr at the end */
#define DIFF_SLOT_MEMSUM	38	/* hash of the memory region at the end */
#define DIFF_MAX_SPRS		32	/* e500 shadows 25 */
#define DIFF_SLOT_SPR(i)	(39 + (i))			/* start; trapping read */
#define DIFF_SLOT_PATCHED_SPR(i)	(39 + DIFF_MAX_SPRS + (i))	/* patched-part read */
/* Book3S-32's segment registers: start (written by trapping mtsr); read by
 * trapping mfsr at the end (no patched form); 0 in the other families. */
#define DIFF_SEGMENTS		16
#define DIFF_SLOT_SR(i)		(39 + 2 * DIFF_MAX_SPRS + (i))
#define DIFF_SLOTS		(39 + 2 * DIFF_MAX_SPRS + DIFF_SEGMENTS)

#define DIFF_SLOT_BYTES		8
#define DIFF_IN(slot)		(DIFF_IN_ADDR + DIFF_SLOT_BYTES * (slot))
#define DIFF_OUT(slot)		(DIFF_OUT_ADDR + DIFF_SLOT_BYTES * (slot))
#define DIFF_SAVE(slot)		(DIFF_SAVE_ADDR + DIFF_SLOT_BYTES * (slot))
/* A 32-bit build of the guest (e500) keeps the same layout and stores a
 * value in a slot's low word: big-endian, at +4 (the high word stays 0). */
#define DIFF_SLOT_LOW_WORD	4

/* ---- The batch blob (big-endian, at DIFF_BLOB_ADDR) --------------------- */

/*
 *   header   magic, version, program count, code words, FNV-1a 64 of
 *            everything after the header, the family (state.h's
 *            enum diff_family_id), a reserved word
 *   entries  per program: seed, first code word, word count, flags
 *   code     the programs' instruction words, back to back
 * A program's words are its body only; the harness appends the branch back.
 */
#define DIFF_BLOB_MAGIC		0x50564446u	/* "PVDF" */
#define DIFF_BLOB_VERSION	2
#define DIFF_HEADER_BYTES	32	/* u32 magic, version, count, words; u64 hash; u32 family, 0 */
#define DIFF_HDR_MAGIC		0
#define DIFF_HDR_VERSION	4
#define DIFF_HDR_COUNT		8
#define DIFF_HDR_WORDS		12
#define DIFF_HDR_HASH		16
#define DIFF_HDR_FAMILY		24
#define DIFF_HDR_RESERVED	28
#define DIFF_ENTRY_BYTES	16	/* u64 seed; u32 first word; u16 words, flags */
#define DIFF_ENT_SEED		0
#define DIFF_ENT_FIRST		8
#define DIFF_ENT_WORDS		12
#define DIFF_ENT_FLAGS		14

/* Program flags. */
#define DIFF_PROG_HOSTED_ONLY	0x1	/* uses what the native CPU lacks: not run natively */
#define DIFF_PROG_DUMP		0x2	/* print the full end state, not just its hash */

/* Programs per batch and words per program the harness accepts. */
#define DIFF_MAX_PROGRAMS	4096
#define DIFF_MIN_WORDS		16
#define DIFF_MAX_WORDS		64

#ifndef __ASSEMBLER__
#include <stdint.h>

_Static_assert(DIFF_SAVE_ADDR + DIFF_SLOT_BYTES * DIFF_SAVE_SLOTS <= DIFF_MEM_ADDR, "save area");
_Static_assert(DIFF_IN(DIFF_SLOTS) <= DIFF_OUT_ADDR, "start record");
_Static_assert(DIFF_OUT(DIFF_SLOTS) <= GS_EXTRA + GS_EXTRA_SIZE, "end record");

/* ---- Seeded randomness (splitmix64: one 64-bit state, any seed) --------- */

static inline uint64_t diff_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static inline uint32_t diff_below(uint64_t *state, uint32_t n)
{
	return (uint32_t)(((diff_rand(state) >> 32) * n) >> 32);
}

/* The random streams of one seed: the program's code, its start state and
 * its memory are drawn independently. */
#define DIFF_STREAM_CODE	0x636f6465ull	/* "code" */
#define DIFF_STREAM_STATE	0x73746174ull	/* "stat" */
#define DIFF_STREAM_MEMORY	0x6d656d6full	/* "memo" */

static inline uint64_t diff_stream(uint64_t seed, uint64_t stream)
{
	uint64_t s = seed ^ (stream << 32 | stream);

	return diff_rand(&s);
}

/* ---- The hash of records and memory (FNV-1a 64, by bytes of values) ---- */

#define DIFF_HASH_INIT		0xcbf29ce484222325ull

static inline uint64_t diff_hash_u64(uint64_t h, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++) {
		h ^= (v >> (8 * i)) & 0xff;
		h *= 0x100000001b3ull;
	}
	return h;
}

static inline uint64_t diff_hash_bytes(uint64_t h, const uint8_t *p, uint32_t n)
{
	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ull;
	}
	return h;
}

/* The memory region's start contents. */
static inline void diff_init_memory(uint64_t seed, uint8_t *mem)
{
	uint64_t s = diff_stream(seed, DIFF_STREAM_MEMORY), v = 0;
	uint32_t i;

	for (i = 0; i < DIFF_MEM_SIZE; i++) {
		if (i % 8 == 0)
			v = diff_rand(&s);
		mem[i] = (uint8_t)(v >> (8 * (i % 8)));
	}
}

/* ---- Reading and checking a blob (guest and native tools alike) -------- */

static inline uint32_t diff_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint32_t diff_be16(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static inline uint64_t diff_be64(const uint8_t *p)
{
	return (uint64_t)diff_be32(p) << 32 | diff_be32(p + 4);
}

static inline uint32_t diff_blob_family(const uint8_t *b)
{
	return diff_be32(b + DIFF_HDR_FAMILY);
}

static inline uint32_t diff_blob_count(const uint8_t *b)
{
	return diff_be32(b + DIFF_HDR_COUNT);
}

static inline const uint8_t *diff_blob_entry(const uint8_t *b, uint32_t i)
{
	return b + DIFF_HEADER_BYTES + DIFF_ENTRY_BYTES * i;
}

static inline const uint8_t *diff_blob_code(const uint8_t *b)
{
	return diff_blob_entry(b, diff_blob_count(b));
}

static inline uint64_t diff_blob_size(uint32_t count, uint32_t words)
{
	return DIFF_HEADER_BYTES + (uint64_t)DIFF_ENTRY_BYTES * count + 4ull * words;
}

/*
 * Check a blob of at most `max` bytes: NULL when it is whole and sane
 * (magic, version, sizes, the hash, every program inside the code and of a
 * legal length), else what is wrong.
 */
static inline const char *diff_blob_check(const uint8_t *b, uint64_t max)
{
	uint32_t count, words, i;
	uint64_t size;

	if (max < DIFF_HEADER_BYTES || diff_be32(b + DIFF_HDR_MAGIC) != DIFF_BLOB_MAGIC)
		return "no batch blob (bad magic)";
	if (diff_be32(b + DIFF_HDR_VERSION) != DIFF_BLOB_VERSION)
		return "batch blob of another version";
	count = diff_blob_count(b);
	words = diff_be32(b + DIFF_HDR_WORDS);
	size = diff_blob_size(count, words);
	if (count == 0 || count > DIFF_MAX_PROGRAMS || size > max)
		return "batch blob sizes out of range";
	if (diff_be32(b + DIFF_HDR_RESERVED) != 0)
		return "batch blob header damaged (reserved word)";
	if (diff_hash_bytes(DIFF_HASH_INIT, b + DIFF_HEADER_BYTES, (uint32_t)(size - DIFF_HEADER_BYTES)) !=
	    diff_be64(b + DIFF_HDR_HASH))
		return "batch blob hash mismatch (damaged or cut short)";
	for (i = 0; i < count; i++) {
		const uint8_t *e = diff_blob_entry(b, i);
		uint32_t first = diff_be32(e + DIFF_ENT_FIRST);
		uint32_t n = diff_be16(e + DIFF_ENT_WORDS);

		if (n < DIFF_MIN_WORDS || n > DIFF_MAX_WORDS || first > words || n > words - first)
			return "batch blob program out of range";
	}
	return 0;
}

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_TEST_DIFF_H */
