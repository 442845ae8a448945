/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/patcher.h - the binary patcher: privileged instructions of a guest
 * kernel's text become magic-page loads/stores, nops, or branches to
 * trampolines placed in a kvm_tmp region.
 *
 * Portable C (native and freestanding).  No hidden allocation: the caller
 * owns the text, the kvm_tmp region and the site list.  Errors are negative
 * -PPCPV_ERR_* codes (ppcpv/err.h).
 *
 * Use:
 *   struct ppcpv_config cfg;
 *   ppcpv_config_init(&cfg, PPCPV_FAMILY_BOOK3S64, 1);
 *   cfg.features = map_r4;                     (what MAP_MAGIC_PAGE returned)
 *   n = ppcpv_patch_text(&cfg, &text, &tmp, sites, cap, 0, &stats);
 *   ...
 *   ppcpv_unpatch(&cfg, &text, sites, n);      (restores the text exactly)
 */
#ifndef PPCPV_PATCHER_H
#define PPCPV_PATCHER_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/emul.h>
#include <ppcpv/isa/family.h>

/* ---- Kinds, actions, skip reasons (families: ppcpv/isa/family.h) ---------- */

/* What a site is, for counting and reports. */
enum ppcpv_kind {
	PPCPV_KIND_MFMSR = 0,
	PPCPV_KIND_MFSPR,
	PPCPV_KIND_MTSPR,
	PPCPV_KIND_TLBSYNC,
	PPCPV_KIND_MTMSRD_L1,
	PPCPV_KIND_MTMSR,
	PPCPV_KIND_MTMSRD_L0,
	PPCPV_KIND_WRTEE,
	PPCPV_KIND_WRTEEI_1,
	PPCPV_KIND_WRTEEI_0,
	PPCPV_KIND_MTSRIN,
	PPCPV_KIND_COUNT
};

enum ppcpv_action {
	PPCPV_ACTION_LOAD = 0,	/* becomes a load from the magic page */
	PPCPV_ACTION_STORE,	/* becomes a store to the magic page */
	PPCPV_ACTION_NOP,	/* becomes nop */
	PPCPV_ACTION_BRANCH,	/* becomes a branch to a trampoline */
	PPCPV_ACTION_SKIP,	/* left alone; see the skip reason */
	PPCPV_ACTION_COUNT
};

enum ppcpv_skip {
	PPCPV_SKIP_NONE = 0,
	PPCPV_SKIP_FEATURE,		/* the host lacks the rule's feature bit */
	PPCPV_SKIP_NO_BRANCH_ZONE,	/* below no_branch_below (relocatable Book3S) */
	PPCPV_SKIP_BRANCH_RANGE,	/* kvm_tmp out of branch reach (either way) */
	PPCPV_SKIP_NO_SPACE,		/* kvm_tmp full */
	PPCPV_SKIP_PREFIXED,		/* suffix word of a prefixed instruction */
	PPCPV_SKIP_COUNT
};

const char *ppcpv_family_name(enum ppcpv_family f);	/* "book3s64", "book3s32", "e500" */
const char *ppcpv_kind_name(enum ppcpv_kind k);		/* "mfmsr", "mtmsrd_l1", ... */
const char *ppcpv_action_name(enum ppcpv_action a);	/* "load", "store", "nop", "branch", "skip" */
const char *ppcpv_skip_name(enum ppcpv_skip s);		/* "feature", "no-branch-zone", ... */
/* Parse a family name; 0 or -PPCPV_ERR_INVAL. */
int ppcpv_family_parse(const char *name, enum ppcpv_family *out);

/* ---- The rule table ------------------------------------------------------ */

/* How a load/store site accesses its shared-page field. */
enum ppcpv_width {
	PPCPV_WIDTH_NONE = 0,
	PPCPV_WIDTH_U32,	/* lwz/stw at the field, every word size */
	PPCPV_WIDTH_U64,	/* ld/std on 64-bit, lwz/stw of the low word (+4) on 32-bit */
};

/* What a trampoline's value slot receives. */
enum ppcpv_operand {
	PPCPV_OPERAND_RS = 0,	/* the instruction's rS */
	PPCPV_OPERAND_EE_SET,	/* the constant MSR[EE] (wrteei 1) */
};

struct ppcpv_rule {
	const char *name;	/* e.g. "mfspr SRR0" */
	uint32_t match;		/* (insn & mask) == match */
	uint32_t mask;
	uint8_t kind;		/* enum ppcpv_kind */
	uint8_t families;	/* PPCPV_FAMILY_BIT() set */
	uint8_t feature;	/* PPCPV_MAGIC_FEAT_* bits required; 0 = always */
	uint8_t action;		/* LOAD, STORE, NOP or BRANCH */
	uint8_t width;		/* enum ppcpv_width (LOAD/STORE) */
	uint8_t operand;	/* enum ppcpv_operand (BRANCH) */
	uint8_t emul;		/* enum ppcpv_emul_id (BRANCH) */
	uint16_t field;		/* shared-page byte offset (LOAD/STORE) */
};

extern const struct ppcpv_rule ppcpv_rules[];
extern const unsigned int ppcpv_rule_count;

/* Index of the rule matching insn for a family, or -1.  Feature bits are
 * not considered (a feature-gated match is still a site). */
int ppcpv_match(enum ppcpv_family family, uint32_t insn);

/* ---- Configuration ------------------------------------------------------- */

struct ppcpv_range {
	uint64_t start;		/* inclusive */
	uint64_t end;		/* exclusive */
};

#define PPCPV_MAX_EXCLUDE 4

struct ppcpv_config {
	enum ppcpv_family family;
	unsigned int word_bits;		/* 64 for book3s64, 32 otherwise */
	int big_endian;			/* byte order of text and kvm_tmp */
	uint32_t features;		/* PPCPV_MAGIC_FEAT_* the host granted */
	int64_t magic_ea;		/* PPCPV_MAGIC_PAGE_EA, or a test page */
	uint64_t no_branch_below;	/* no branch at addresses below (0: none) */
	unsigned int n_exclude;
	struct ppcpv_range exclude[PPCPV_MAX_EXCLUDE];	/* never scanned */
};

/* Defaults: word size of the family, all features, EA -4096, no limits.
 * 0, or -PPCPV_ERR_INVAL for an unknown family or NULL. */
int ppcpv_config_init(struct ppcpv_config *cfg, enum ppcpv_family family, int big_endian);

/*
 * Validate a configuration: known family, word size fitting it, magic EA
 * page aligned with every shared-page field reachable by a signed 16-bit
 * displacement with RA=0 (a multiple of 4096 in [-32768, 28672]), sane
 * exclusion ranges.  0 or -PPCPV_ERR_INVAL / -PPCPV_ERR_RANGE / -PPCPV_ERR_ALIGN.
 */
int ppcpv_config_check(const struct ppcpv_config *cfg);

/* ---- Patching ------------------------------------------------------------ */

/* Text to scan, or the kvm_tmp region.  `bytes` may be NULL for kvm_tmp in
 * a dry run (placement is still computed from addr and size). */
struct ppcpv_region {
	uint8_t *bytes;
	uint64_t addr;		/* address the code runs at */
	size_t size;
};

struct ppcpv_site {
	uint64_t addr;		/* address of the instruction */
	uint64_t target;	/* trampoline address (BRANCH), else 0 */
	uint32_t orig;		/* the original word */
	uint32_t new_word;	/* the word written (== orig when skipped) */
	uint32_t tmp_offset;	/* trampoline offset in kvm_tmp (BRANCH) */
	uint16_t tmp_size;	/* trampoline bytes (BRANCH) */
	uint16_t rule;		/* index into ppcpv_rules */
	uint8_t action;		/* enum ppcpv_action */
	uint8_t skip;		/* enum ppcpv_skip */
};

struct ppcpv_stats {
	uint64_t bytes_scanned;
	uint32_t sites;					/* sites found */
	uint32_t patched;				/* sites rewritten */
	uint32_t skipped;				/* sites left alone */
	uint32_t found_by_kind[PPCPV_KIND_COUNT];
	uint32_t patched_by_kind[PPCPV_KIND_COUNT];
	uint32_t patched_by_action[PPCPV_ACTION_COUNT];
	uint32_t skipped_by_reason[PPCPV_SKIP_COUNT];
	uint64_t tmp_needed;	/* bytes every branch site outside the no-branch zone needs */
	uint64_t tmp_used;	/* bytes actually placed */
	uint64_t tmp_size;	/* size of the kvm_tmp region */
};

/* Flags of ppcpv_patch_text(). */
#define PPCPV_PATCH_DRY_RUN	0x1	/* decide everything, write nothing */

/*
 * Scan `text` word by word (excluding cfg->exclude) and rewrite every site
 * the rules select for cfg->family, placing trampolines in `tmp` from its
 * start.  Each site found is recorded in sites[0..cap) (sites may be NULL
 * with cap 0 in a dry run).  Everything is decided before anything is
 * written: a trampoline is only allocated once both its branches are known
 * to reach, and if the site list is too small nothing is written.
 *
 * Returns the number of sites found (>= 0; in a dry run it may exceed cap),
 * or -PPCPV_ERR_INVAL (bad config or regions), -PPCPV_ERR_ALIGN (text or
 * tmp not word aligned), -PPCPV_ERR_RANGE (text or tmp running past the top
 * of the address space), -PPCPV_ERR_NOSPACE (more sites than cap, not a
 * dry run).  stats (optional) is filled in either case of success.
 */
int ppcpv_patch_text(const struct ppcpv_config *cfg, struct ppcpv_region *text,
		     struct ppcpv_region *tmp, struct ppcpv_site *sites, size_t cap,
		     unsigned int flags, struct ppcpv_stats *stats);

/*
 * Undo a patch: every patched site must be a word-aligned word inside
 * `text` (else -PPCPV_ERR_RANGE; the check cannot wrap, so a site list read
 * from a file is safe) and still hold its new_word (else
 * -PPCPV_ERR_MISMATCH); nothing is written unless all are.  Then each gets
 * its original word back.  Returns the number of words restored.
 */
int ppcpv_unpatch(const struct ppcpv_config *cfg, struct ppcpv_region *text,
		  const struct ppcpv_site *sites, size_t n);

/*
 * The replacement word of a LOAD/STORE/NOP rule for insn.  0 and *out, or
 * -PPCPV_ERR_INVAL (not such a rule, or insn does not match it).
 */
int ppcpv_rewrite_word(const struct ppcpv_config *cfg, unsigned int rule,
		       uint32_t insn, uint32_t *out);

/*
 * Instantiate the trampoline of a BRANCH rule for the site `insn` at
 * `site`, to be placed at `chunk`: template words with every fix-up applied
 * (value slots, r30/r31 reloads, original word, return branch, mtsrin
 * registers, magic-page displacements).  Returns the number of words written
 * to out[0..cap), or -PPCPV_ERR_INVAL, -PPCPV_ERR_NOSPACE (cap too small),
 * -PPCPV_ERR_RANGE (return branch out of reach).
 */
int ppcpv_trampoline_build(const struct ppcpv_config *cfg, unsigned int rule,
			   uint32_t insn, uint64_t site, uint64_t chunk,
			   uint32_t *out, size_t cap);

#endif /* PPCPV_PATCHER_H */
