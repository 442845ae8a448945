// SPDX-License-Identifier: MIT
/*
 * Unit tests of kvm_emul: the generated trampoline tables (ppcpv/emul.h).
 *
 * Shape: for both word sizes and every template, the slots the patcher
 * relies on are where emul.h says and hold their placeholders, the
 * prologue/epilogue follow the shared-page access rules of the ABI, every
 * word is a real instruction for libopcodes, and magic_slot[] lists exactly
 * the absolute (RA=0) loads and stores.
 *
 * Behaviour: a model CPU that knows just the instructions the templates
 * use runs each template, instantiated the way emul.h describes, against a
 * model shared page, and checks the new msr / sr[] value, which exit it
 * takes (return branch or original instruction), that every register and
 * CR come back unchanged, that nothing else on the page changes, and that
 * the page is only written inside the critical section.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/disasm.h>
#include <ppcpv/emul.h>
#include "ppcpv_test.h"

#define OP_LWZ	32
#define OP_STW	36
#define OP_LD	58
#define OP_STD	62

#define INSN_VALUE_PLACEHOLDER	0x601e0000u	/* ori r30,r0,0 */
#define INSN_B_SELF		0x48000000u	/* b . */
#define INSN_SR_INDEX		0x541e36bau	/* rlwinm r30,r0,6,26,29 */
#define INSN_SR_STORE		0x901ef068u	/* stw r0,-3992(r30): sr[0] at -4096 */
#define INSN_MFCR_R31		0x7fe00026u
#define INSN_MTCR_R30		0x7fcff120u	/* mtcrf 0xff,r30 */
#define INSN_LI_R30_EE		0x3bc08000u	/* li r30,0x8000: wrteei 1's value */

#define RS_FIELD(r)	((uint32_t)(r) << 21)
#define RA_FIELD(r)	((uint32_t)(r) << 16)
#define RS_MASK		RS_FIELD(31)
#define RA_MASK		RA_FIELD(31)

static const unsigned int widths[] = { 32, 64 };

/* What emul.h promises per template; orig placeholders per kvm_emul/README.md. */
static const struct {
	const char *name;
	unsigned int n_values;
	int has_orig;
	int has_sr;
	uint32_t orig_placeholder;
} shapes[PPCPV_EMUL_COUNT] = {
	[PPCPV_EMUL_MTMSRD_L1] = { "mtmsrd_l1", 1, 1, 0, 0x7c010164 },	/* mtmsrd r0,1 */
	[PPCPV_EMUL_MTMSR] = { "mtmsr", 2, 1, 0, 0x7c000124 },		/* mtmsr r0 */
	[PPCPV_EMUL_WRTEE] = { "wrtee", 1, 1, 0, 0x7c000106 },		/* wrtee r0 */
	[PPCPV_EMUL_WRTEEI0] = { "wrteei0", 0, 0, 0, 0 },
	[PPCPV_EMUL_MTSRIN] = { "mtsrin", 0, 1, 1, 0x7c0001e4 },	/* mtsrin r0,r0 */
};

/* A failed check with a formatted message (CUnit copies the text). */
#define CHECKF(cond, ...) check_at((cond), __LINE__, __VA_ARGS__)
static __attribute__((format(printf, 3, 4))) void check_at(int ok, unsigned int line,
							  const char *fmt, ...)
{
	char msg[256] = "";
	va_list ap;

	if (!ok) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
	}
	CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, msg, __FILE__, "", CU_FALSE);
}

static const struct ppcpv_emul_template *get(unsigned int bits, unsigned int id)
{
	return ppcpv_emul_template(bits, (enum ppcpv_emul_id)id);
}

/* ---- Encodings of the ABI's shared-page accesses ------------------------- */

static uint32_t dform(unsigned int opcd, unsigned int rt, unsigned int ra, int32_t d)
{
	return (uint32_t)opcd << 26 | RS_FIELD(rt) | RA_FIELD(ra) | ((uint32_t)d & 0xffff);
}

static int32_t disp(unsigned int off)
{
	return PPCPV_SHARED_DISP(PPCPV_MAGIC_PAGE_EA, (int32_t)off);
}

/* u64 value field: ld/std, or lwz/stw of the low word (+4) on 32-bit. */
static uint32_t value_access(unsigned int bits, int store, unsigned int reg, unsigned int off)
{
	if (bits == 64)
		return dform(store ? OP_STD : OP_LD, reg, 0, disp(off));
	return dform(store ? OP_STW : OP_LWZ, reg, 0, disp(off + PPCPV_SHARED_U64_LOW_WORD));
}

/* scratch1/2: native width at +0. */
static uint32_t native_access(unsigned int bits, int store, unsigned int reg, unsigned int off)
{
	if (bits == 64)
		return dform(store ? OP_STD : OP_LD, reg, 0, disp(off));
	return dform(store ? OP_STW : OP_LWZ, reg, 0, disp(off));
}

static uint32_t word_access(int store, unsigned int reg, unsigned int off)
{
	return dform(store ? OP_STW : OP_LWZ, reg, 0, disp(off));
}

static int is_absolute_access(uint32_t w)
{
	unsigned int opcd = w >> 26;

	if (w & RA_MASK)
		return 0;
	return opcd == OP_LWZ || opcd == OP_STW ||
	       ((opcd == OP_LD || opcd == OP_STD) && (w & 3) == 0);
}

/* ---- Shape --------------------------------------------------------------- */

static void test_lookup(void)
{
	unsigned int w, id;

	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			const struct ppcpv_emul_template *t = get(widths[w], id);

			CU_ASSERT_PTR_NOT_NULL_FATAL(t);
			CU_ASSERT_STRING_EQUAL(t->name, shapes[id].name);
			CU_ASSERT_PTR_NOT_NULL(t->words);
			CU_ASSERT(t->n_words > 10 && t->n_words <= 64);
		}
	CU_ASSERT_PTR_NULL(ppcpv_emul_template(0, PPCPV_EMUL_MTMSR));
	CU_ASSERT_PTR_NULL(ppcpv_emul_template(16, PPCPV_EMUL_MTMSR));
	CU_ASSERT_PTR_NULL(ppcpv_emul_template(128, PPCPV_EMUL_MTMSR));
	CU_ASSERT_PTR_NULL(ppcpv_emul_template(64, PPCPV_EMUL_COUNT));
	CU_ASSERT_PTR_NULL(ppcpv_emul_template(32, (enum ppcpv_emul_id)-1));
}

/* A slot is -1 when absent, else a word of the template holding `want`. */
static void check_slot(const struct ppcpv_emul_template *t, unsigned int bits,
		       const char *what, int slot, int present, uint32_t want)
{
	if (!present) {
		CHECKF(slot == -1, "%u-bit %s: %s slot %d, expected none", bits, t->name, what, slot);
		return;
	}
	CHECKF(slot >= 0 && slot < t->n_words, "%u-bit %s: %s slot %d outside 0..%u",
	       bits, t->name, what, slot, t->n_words - 1);
	if (slot >= 0 && slot < t->n_words)
		CHECKF(t->words[slot] == want, "%u-bit %s: %s slot %d holds 0x%08x, expected 0x%08x",
		       bits, t->name, what, slot, t->words[slot], want);
}

/* No two slots may share a word: each gets its own fix-up. */
static void check_slots_distinct(const struct ppcpv_emul_template *t, unsigned int bits)
{
	int slots[] = { t->value_slot[0], t->value_slot[1], t->orig_slot, t->branch_slot,
			t->sr_index_slot, t->sr_store_slot };
	unsigned int i, j, n = sizeof(slots) / sizeof(slots[0]);

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			CHECKF(slots[i] < 0 || slots[i] != slots[j],
			       "%u-bit %s: two slots at word %d", bits, t->name, slots[i]);
}

static void test_slots(void)
{
	unsigned int w, id, i;

	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			const struct ppcpv_emul_template *t = get(widths[w], id);

			for (i = 0; i < PPCPV_EMUL_MAX_VALUE_SLOTS; i++)
				check_slot(t, widths[w], "value", t->value_slot[i],
					   i < shapes[id].n_values, INSN_VALUE_PLACEHOLDER);
			check_slot(t, widths[w], "orig", t->orig_slot, shapes[id].has_orig,
				   shapes[id].orig_placeholder);
			check_slot(t, widths[w], "branch", t->branch_slot, 1, INSN_B_SELF);
			check_slot(t, widths[w], "sr_index", t->sr_index_slot, shapes[id].has_sr,
				   INSN_SR_INDEX);
			check_slot(t, widths[w], "sr_store", t->sr_store_slot, shapes[id].has_sr,
				   INSN_SR_STORE);
			check_slots_distinct(t, widths[w]);
		}
}

/* The same instructions on both widths, so the patcher's indices agree. */
static void test_widths_agree(void)
{
	unsigned int id;

	for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
		const struct ppcpv_emul_template *a = get(32, id), *b = get(64, id);

		CU_ASSERT_EQUAL(a->n_words, b->n_words);
		CU_ASSERT_EQUAL(a->value_slot[0], b->value_slot[0]);
		CU_ASSERT_EQUAL(a->value_slot[1], b->value_slot[1]);
		CU_ASSERT_EQUAL(a->orig_slot, b->orig_slot);
		CU_ASSERT_EQUAL(a->branch_slot, b->branch_slot);
		CU_ASSERT_EQUAL(a->sr_index_slot, b->sr_index_slot);
		CU_ASSERT_EQUAL(a->sr_store_slot, b->sr_store_slot);
	}
}

static void test_prologue(void)
{
	unsigned int w, id;

	/* Anchors from the ABI reference: critical is entered with r1. */
	CU_ASSERT_EQUAL(get(64, PPCPV_EMUL_MTMSR)->words[0], 0xf820f018);	/* std r1,-4072(0) */
	CU_ASSERT_EQUAL(get(32, PPCPV_EMUL_MTMSR)->words[0], 0x9020f01c);	/* stw r1,-4068(0) */
	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			unsigned int bits = widths[w];
			const uint32_t *words = get(bits, id)->words;

			CU_ASSERT_EQUAL(words[0], value_access(bits, 1, 1, PPCPV_SHARED_CRITICAL));
			CU_ASSERT_EQUAL(words[1], native_access(bits, 1, 31, PPCPV_SHARED_SCRATCH1));
			CU_ASSERT_EQUAL(words[2], native_access(bits, 1, 30, PPCPV_SHARED_SCRATCH2));
			CU_ASSERT_EQUAL(words[3], INSN_MFCR_R31);
			CU_ASSERT_EQUAL(words[4], word_access(1, 31, PPCPV_SHARED_SCRATCH3));
		}
}

/* The five words before `slot` restore r31, CR, r30 and leave the section. */
static void check_epilogue_before(const struct ppcpv_emul_template *t, unsigned int bits,
				  int slot, const char *what)
{
	const uint32_t want[5] = {
		native_access(bits, 0, 31, PPCPV_SHARED_SCRATCH1),
		word_access(0, 30, PPCPV_SHARED_SCRATCH3),
		INSN_MTCR_R30,
		native_access(bits, 0, 30, PPCPV_SHARED_SCRATCH2),
		value_access(bits, 1, 2, PPCPV_SHARED_CRITICAL),
	};
	unsigned int i;

	CHECKF(slot >= 5, "%u-bit %s: no room for the epilogue before the %s slot",
	       bits, t->name, what);
	if (slot < 5)
		return;
	for (i = 0; i < 5; i++)
		CHECKF(t->words[slot - 5 + (int)i] == want[i],
		       "%u-bit %s: word %d before the %s slot is 0x%08x, expected 0x%08x",
		       bits, t->name, slot - 5 + (int)i, what, t->words[slot - 5 + (int)i], want[i]);
}

static void test_epilogue(void)
{
	unsigned int w, id;

	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			const struct ppcpv_emul_template *t = get(widths[w], id);

			check_epilogue_before(t, widths[w], t->branch_slot, "branch");
			if (t->orig_slot >= 0)
				check_epilogue_before(t, widths[w], t->orig_slot, "orig");
		}
}

/* Which absolute accesses the ABI allows, per width: field and instruction. */
struct access_rule {
	unsigned int bits;
	unsigned int opcd;
	unsigned int off;	/* byte offset of the access in the page */
};

static const struct access_rule access_rules[] = {
	{ 64, OP_STD, PPCPV_SHARED_CRITICAL },
	{ 64, OP_STD, PPCPV_SHARED_SCRATCH1 }, { 64, OP_LD, PPCPV_SHARED_SCRATCH1 },
	{ 64, OP_STD, PPCPV_SHARED_SCRATCH2 }, { 64, OP_LD, PPCPV_SHARED_SCRATCH2 },
	{ 64, OP_STW, PPCPV_SHARED_SCRATCH3 }, { 64, OP_LWZ, PPCPV_SHARED_SCRATCH3 },
	{ 64, OP_STD, PPCPV_SHARED_MSR }, { 64, OP_LD, PPCPV_SHARED_MSR },
	{ 64, OP_LWZ, PPCPV_SHARED_INT_PENDING },
	/* 32-bit: u64 values through their low word, scratch at +0 */
	{ 32, OP_STW, PPCPV_SHARED_CRITICAL + PPCPV_SHARED_U64_LOW_WORD },
	{ 32, OP_STW, PPCPV_SHARED_SCRATCH1 }, { 32, OP_LWZ, PPCPV_SHARED_SCRATCH1 },
	{ 32, OP_STW, PPCPV_SHARED_SCRATCH2 }, { 32, OP_LWZ, PPCPV_SHARED_SCRATCH2 },
	{ 32, OP_STW, PPCPV_SHARED_SCRATCH3 }, { 32, OP_LWZ, PPCPV_SHARED_SCRATCH3 },
	{ 32, OP_STW, PPCPV_SHARED_MSR + PPCPV_SHARED_U64_LOW_WORD },
	{ 32, OP_LWZ, PPCPV_SHARED_MSR + PPCPV_SHARED_U64_LOW_WORD },
	{ 32, OP_LWZ, PPCPV_SHARED_INT_PENDING },
};

static int access_allowed(unsigned int bits, uint32_t w)
{
	unsigned int opcd = w >> 26, i;
	int32_t off = (int16_t)(w & (opcd == OP_LD || opcd == OP_STD ? 0xfffc : 0xffff)) -
		      PPCPV_MAGIC_PAGE_EA;

	for (i = 0; i < sizeof(access_rules) / sizeof(access_rules[0]); i++)
		if (access_rules[i].bits == bits && access_rules[i].opcd == opcd &&
		    (int32_t)access_rules[i].off == off)
			return 1;
	return 0;
}

static void test_field_access(void)
{
	unsigned int w, id, i;

	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			const struct ppcpv_emul_template *t = get(widths[w], id);

			for (i = 0; i < t->n_words; i++)
				if (is_absolute_access(t->words[i]))
					CHECKF(access_allowed(widths[w], t->words[i]),
					       "%u-bit %s word %u (0x%08x): access the ABI does not allow",
					       widths[w], t->name, i, t->words[i]);
		}
}

/* A 32-bit CPU has no ld/std at all. */
static void test_no_doubleword_on_32(void)
{
	unsigned int id, i;

	for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
		const struct ppcpv_emul_template *t = get(32, id);

		for (i = 0; i < t->n_words; i++) {
			unsigned int opcd = t->words[i] >> 26;

			CHECKF(opcd != OP_LD && opcd != OP_STD, "32-bit %s word %u is ld/std",
			       t->name, i);
		}
	}
}

static void test_magic_slots(void)
{
	unsigned int w, id, i;

	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			const struct ppcpv_emul_template *t = get(widths[w], id);
			unsigned int n = 0;

			CU_ASSERT(t->n_magic <= PPCPV_EMUL_MAX_MAGIC_SLOTS);
			for (i = 0; i < t->n_words; i++) {
				if (!is_absolute_access(t->words[i]) && (int)i != t->sr_store_slot)
					continue;
				CHECKF(n < t->n_magic && t->magic_slot[n] == i,
				       "%u-bit %s: word %u is a magic-page access missing from magic_slot[]",
				       widths[w], t->name, i);
				n++;
			}
			CHECKF(n == t->n_magic, "%u-bit %s: %u magic slots listed, %u found",
			       widths[w], t->name, t->n_magic, n);
		}
}

static void check_decodes(const struct ppcpv_emul_template *t, unsigned int bits, unsigned int i)
{
	const struct ppcpv_disasm_opts be = { (int)bits, 1, NULL }, le = { (int)bits, 0, NULL };
	char text[PPCPV_DISASM_TEXT_MAX], text_le[PPCPV_DISASM_TEXT_MAX];

	CU_ASSERT_EQUAL_FATAL(ppcpv_disasm_word(&be, t->words[i], 4 * i, text, sizeof(text)), 0);
	CHECKF(text[0] && strncmp(text, ".long", 5), "%u-bit %s word %u (0x%08x) decodes as '%s'",
	       bits, t->name, i, t->words[i], text);
	/* host-order words: the byte order of the code must not matter */
	CU_ASSERT_EQUAL(ppcpv_disasm_word(&le, t->words[i], 4 * i, text_le, sizeof(text_le)), 0);
	CU_ASSERT_STRING_EQUAL(text, text_le);
}

static void test_decodes(void)
{
	unsigned int w, id, i;

	for (w = 0; w < 2; w++)
		for (id = 0; id < PPCPV_EMUL_COUNT; id++) {
			const struct ppcpv_emul_template *t = get(widths[w], id);

			for (i = 0; i < t->n_words; i++)
				check_decodes(t, widths[w], i);
		}
}

PPCPV_SUITE(emul_shape, "kvm_emul tables", NULL, NULL,
	{ "lookup by width and id", test_lookup },
	{ "slots and placeholders", test_slots },
	{ "32-bit and 64-bit slots agree", test_widths_agree },
	{ "prologue enters the critical section", test_prologue },
	{ "epilogue before every exit", test_epilogue },
	{ "shared-page access widths", test_field_access },
	{ "no ld/std in 32-bit templates", test_no_doubleword_on_32 },
	{ "magic slots are the RA=0 accesses", test_magic_slots },
	{ "every word decodes (libopcodes)", test_decodes })

/* ---- A model CPU for the instructions the templates use ------------------ */

enum stop { STOP_RETURN, STOP_ORIG, STOP_FAULT };

struct cpu {
	unsigned int bits;
	uint64_t gpr[32];
	uint32_t cr;
	uint8_t page[PPCPV_MAGIC_PAGE_SIZE];	/* the shared page, big-endian guest */
	unsigned int unguarded_stores;		/* page stores outside the critical section */
	char fault[96];
};

static uint64_t be_get(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | *p++;
	return v;
}

static void be_put(uint8_t *p, unsigned int n, uint64_t v)
{
	while (n--) {
		p[n] = (uint8_t)v;
		v >>= 8;
	}
}

/* A u64 value field as the guest of that width sees it. */
static uint64_t shared_value(const uint8_t *page, unsigned int bits, unsigned int off)
{
	if (bits == 64)
		return be_get(page + off, 8);
	return be_get(page + off + PPCPV_SHARED_U64_LOW_WORD, 4);
}

static void set_shared_value(uint8_t *page, unsigned int bits, unsigned int off, uint64_t v)
{
	if (bits == 64)
		be_put(page + off, 8, v);
	else
		be_put(page + off + PPCPV_SHARED_U64_LOW_WORD, 4, v);
}

static uint64_t trunc_reg(const struct cpu *c, uint64_t v)
{
	return c->bits == 64 ? v : (uint32_t)v;
}

static int fault(struct cpu *c, const char *why, uint32_t w)
{
	snprintf(c->fault, sizeof(c->fault), "%s (0x%08x)", why, w);
	return -1;
}

static void set_cr_field(struct cpu *c, unsigned int field, int64_t v)
{
	unsigned int shift = 28 - 4 * field;
	uint32_t bits = v < 0 ? 8 : v > 0 ? 4 : 2;

	c->cr = (c->cr & ~(0xfu << shift)) | bits << shift;
}

/* Rc=1: CR0 from the result, compared as a register of the CPU's width. */
static void record(struct cpu *c, uint64_t result)
{
	set_cr_field(c, 0, c->bits == 64 ? (int64_t)result : (int32_t)result);
}

/* Shared-page byte of an effective address, or NULL outside the page. */
static uint8_t *page_byte(struct cpu *c, uint64_t ea, unsigned int n)
{
	uint64_t off = trunc_reg(c, ea) - trunc_reg(c, (uint64_t)(int64_t)PPCPV_MAGIC_PAGE_EA);

	return off <= PPCPV_MAGIC_PAGE_SIZE - n ? c->page + off : NULL;
}

static int in_critical(const struct cpu *c)
{
	return shared_value(c->page, c->bits, PPCPV_SHARED_CRITICAL) == trunc_reg(c, c->gpr[1]);
}

static int exec_memory(struct cpu *c, uint32_t w)
{
	unsigned int opcd = w >> 26, rt = (w >> 21) & 31, ra = (w >> 16) & 31;
	unsigned int n = opcd == OP_LD || opcd == OP_STD ? 8 : 4;
	int64_t d = n == 8 ? (int16_t)(w & 0xfffc) : (int16_t)(w & 0xffff);
	uint8_t *p;

	if (n == 8 && ((w & 3) || c->bits == 32))
		return fault(c, "ld/std form this CPU lacks", w);
	p = page_byte(c, (ra ? c->gpr[ra] : 0) + (uint64_t)d, n);
	if (!p)
		return fault(c, "access outside the shared page", w);
	if (opcd == OP_LWZ || opcd == OP_LD) {
		c->gpr[rt] = be_get(p, n);
		return 0;
	}
	if (p - c->page != PPCPV_SHARED_CRITICAL + (c->bits == 32 ? 4 : 0) && !in_critical(c))
		c->unguarded_stores++;
	be_put(p, n, c->gpr[rt]);
	return 0;
}

/* IBM-numbered 64-bit mask from bit mb to bit me, wrapping when mb > me. */
static uint64_t mask64(unsigned int mb, unsigned int me)
{
	uint64_t from_mb = ~0ull >> mb, to_me = ~0ull << (63 - me);

	return mb <= me ? from_mb & to_me : from_mb | to_me;
}

/* rlwinm / rlwimi: rotate the low word, copied into both halves. */
static int exec_rotate(struct cpu *c, uint32_t w)
{
	unsigned int rs = (w >> 21) & 31, ra = (w >> 16) & 31, sh = (w >> 11) & 31;
	uint32_t lo = (uint32_t)c->gpr[rs];
	uint32_t rot32 = sh ? lo << sh | lo >> (32 - sh) : lo;
	uint64_t rot = (uint64_t)rot32 << 32 | rot32;
	uint64_t m = mask64(((w >> 6) & 31) + 32, ((w >> 1) & 31) + 32);
	uint64_t keep = (w >> 26) == 20 ? c->gpr[ra] & ~m : 0;

	c->gpr[ra] = trunc_reg(c, (rot & m) | keep);
	if (w & 1)
		record(c, c->gpr[ra]);
	return 0;
}

static int exec_logical_x(struct cpu *c, uint32_t w, unsigned int xo)
{
	unsigned int rs = (w >> 21) & 31, ra = (w >> 16) & 31, rb = (w >> 11) & 31;
	uint64_t a = c->gpr[rs], b = c->gpr[rb];

	switch (xo) {
	case 28: c->gpr[ra] = a & b; break;	/* and */
	case 60: c->gpr[ra] = a & ~b; break;	/* andc */
	case 316: c->gpr[ra] = a ^ b; break;	/* xor */
	case 444: c->gpr[ra] = a | b; break;	/* or */
	default: return fault(c, "X-form instruction the model lacks", w);
	}
	c->gpr[ra] = trunc_reg(c, c->gpr[ra]);
	if (w & 1)
		record(c, c->gpr[ra]);
	return 0;
}

static int exec_x(struct cpu *c, uint32_t w)
{
	unsigned int rt = (w >> 21) & 31, xo = (w >> 1) & 0x3ff, f;

	if (xo == 19 && !(w & 0x00100001)) {		/* mfcr */
		c->gpr[rt] = c->cr;
		return 0;
	}
	if (xo == 144 && !(w & 0x00100001)) {		/* mtcrf */
		for (f = 0; f < 8; f++)
			if (w & (0x80000u >> f))
				c->cr = (c->cr & ~(0xf0000000u >> 4 * f)) |
					((uint32_t)c->gpr[rt] & (0xf0000000u >> 4 * f));
		return 0;
	}
	return exec_logical_x(c, w, xo);
}

static int exec_immediate(struct cpu *c, uint32_t w)
{
	unsigned int opcd = w >> 26, rt = (w >> 21) & 31, ra = (w >> 16) & 31;
	uint64_t ui = w & 0xffff, si = (uint64_t)(int64_t)(int16_t)ui;

	switch (opcd) {
	case 14: c->gpr[rt] = (ra ? c->gpr[ra] : 0) + si; break;		/* addi */
	case 15: c->gpr[rt] = (ra ? c->gpr[ra] : 0) + (si << 16); break;	/* addis */
	case 24: c->gpr[ra] = c->gpr[rt] | ui; break;				/* ori */
	case 26: c->gpr[ra] = c->gpr[rt] ^ ui; break;				/* xori */
	case 28: c->gpr[ra] = c->gpr[rt] & ui; record(c, c->gpr[ra]); break;	/* andi. */
	default: return fault(c, "D-form instruction the model lacks", w);
	}
	c->gpr[rt] = trunc_reg(c, c->gpr[rt]);
	c->gpr[ra] = trunc_reg(c, c->gpr[ra]);
	return 0;
}

/* cmpi with L=0 (cmpwi): compare the low words as signed values. */
static int exec_compare(struct cpu *c, uint32_t w)
{
	if (w & 0x00200000)
		return fault(c, "cmpdi in a template", w);
	set_cr_field(c, (w >> 23) & 7,
		     (int64_t)(int32_t)c->gpr[(w >> 16) & 31] - (int64_t)(int16_t)(w & 0xffff));
	return 0;
}

/* b / bc without CTR, AA or LK; *pc becomes the target's word index. */
static int exec_branch(struct cpu *c, uint32_t w, int *pc)
{
	int64_t off;

	if (w & 3)
		return fault(c, "absolute or linking branch", w);
	if ((w >> 26) == 18) {
		off = (int64_t)(w & 0x03fffffc);
		off -= off & 0x02000000 ? 0x04000000 : 0;
	} else {
		unsigned int bo = (w >> 21) & 31, bi = (w >> 16) & 31;
		unsigned int bit = (c->cr >> (31 - bi)) & 1;

		if (!(bo & 0x04))
			return fault(c, "branch that uses CTR", w);
		off = (int16_t)(w & 0xfffc);
		if (!(bo & 0x10) && bit != ((bo >> 3) & 1))
			off = 4;
	}
	*pc += (int)(off / 4);
	return 0;
}

static int step(struct cpu *c, uint32_t w, int *pc)
{
	switch (w >> 26) {
	case 16: case 18:
		return exec_branch(c, w, pc);
	case 11:
		(*pc)++;
		return exec_compare(c, w);
	case 20: case 21:
		(*pc)++;
		return exec_rotate(c, w);
	case 31:
		(*pc)++;
		return exec_x(c, w);
	case OP_LWZ: case OP_STW: case OP_LD: case OP_STD:
		(*pc)++;
		return exec_memory(c, w);
	default:
		(*pc)++;
		return exec_immediate(c, w);
	}
}

/* Run from word 0 until the return-branch or the original-instruction slot. */
static enum stop run(struct cpu *c, const uint32_t *words, const struct ppcpv_emul_template *t)
{
	int pc = 0, n;

	for (n = 0; n < 1000; n++) {
		if (pc == t->branch_slot)
			return STOP_RETURN;
		if (pc == t->orig_slot)
			return STOP_ORIG;
		if (pc < 0 || pc >= t->n_words) {
			fault(c, "ran out of the template", 0);
			return STOP_FAULT;
		}
		if (step(c, words[pc], &pc))
			return STOP_FAULT;
	}
	fault(c, "endless loop", 0);
	return STOP_FAULT;
}

/* ---- Instantiating a template as emul.h describes ------------------------ */

/* Value slot for rS: a copy into r30, or a reload of the saved r30/r31. */
static uint32_t value_word(unsigned int bits, unsigned int rs)
{
	if (rs == 30)
		return native_access(bits, 0, 30, PPCPV_SHARED_SCRATCH2);
	if (rs == 31)
		return native_access(bits, 0, 30, PPCPV_SHARED_SCRATCH1);
	return INSN_VALUE_PLACEHOLDER | RS_FIELD(rs);
}

static void instantiate(const struct ppcpv_emul_template *t, uint32_t value, uint32_t orig,
			uint32_t *out)
{
	unsigned int i;

	memcpy(out, t->words, t->n_words * sizeof(*out));
	for (i = 0; i < PPCPV_EMUL_MAX_VALUE_SLOTS; i++)
		if (t->value_slot[i] >= 0)
			out[t->value_slot[i]] = value;
	if (t->orig_slot >= 0)
		out[t->orig_slot] = orig;
}

/* mtsrin: OFF is r30, or r31 when rS is r30 (see kvm_emul.S). */
static void instantiate_mtsrin(const struct ppcpv_emul_template *t, unsigned int rs,
			       unsigned int rb, uint32_t *out)
{
	unsigned int off_reg = rs == 30 ? 31 : 30;

	instantiate(t, 0, 0x7c0001e4 | RS_FIELD(rs) | (uint32_t)rb << 11, out);
	out[t->sr_index_slot] = (out[t->sr_index_slot] & ~(RS_MASK | RA_MASK)) |
				RS_FIELD(rb) | RA_FIELD(off_reg);
	out[t->sr_store_slot] = (out[t->sr_store_slot] & ~(RS_MASK | RA_MASK)) |
				RS_FIELD(rs) | RA_FIELD(off_reg);
}

/* ---- Scenarios ------------------------------------------------------------ */

/* Registers with distinct values whose top nibbles cover every SR index. */
static void cpu_reset(struct cpu *c, unsigned int bits, uint64_t msr, uint32_t int_pending)
{
	unsigned int i;

	memset(c, 0, sizeof(*c));
	c->bits = bits;
	for (i = 0; i < 32; i++)
		c->gpr[i] = trunc_reg(c, (uint64_t)(0xa5a50000u + i) << 32 |
				      (uint32_t)(i & 15) << 28 | i << 8 | 0x5a);
	c->cr = 0x2468ace1;
	for (i = 0; i < PPCPV_MAGIC_PAGE_SIZE; i++)
		c->page[i] = (uint8_t)(i * 7 + 3);
	set_shared_value(c->page, bits, PPCPV_SHARED_CRITICAL, 0);
	set_shared_value(c->page, bits, PPCPV_SHARED_MSR, msr);
	be_put(c->page + PPCPV_SHARED_INT_PENDING, 4, int_pending);
}

struct outcome {
	enum stop stop;
	uint64_t msr;		/* shared msr afterwards */
	int sr_index;		/* sr[] element written, or -1 */
	uint32_t sr_value;
};

/*
 * Run and compare with the expected outcome: the exit, registers and CR
 * unchanged, critical left (== r2), the page changed only in scratch, msr
 * and the expected sr[] element, and written only inside the section.
 */
static void run_and_check(struct cpu *c, const uint32_t *words, const struct ppcpv_emul_template *t,
			  const struct outcome *want, const char *what)
{
	struct cpu before = *c;
	enum stop stop = run(c, words, t);

	set_shared_value(before.page, c->bits, PPCPV_SHARED_CRITICAL, before.gpr[2]);
	set_shared_value(before.page, c->bits, PPCPV_SHARED_MSR, want->msr);
	if (want->sr_index >= 0)
		be_put(before.page + PPCPV_SHARED_SR + 4 * want->sr_index, 4, want->sr_value);
	CHECKF(stop != STOP_FAULT, "%u-bit %s: %s: %s", c->bits, t->name, what, c->fault);
	CHECKF(stop == want->stop, "%u-bit %s: %s: left by the %s, expected the %s", c->bits,
	       t->name, what, stop == STOP_ORIG ? "original instruction" : "return branch",
	       want->stop == STOP_ORIG ? "original instruction" : "return branch");
	CHECKF(!memcmp(c->gpr, before.gpr, sizeof(c->gpr)) && c->cr == before.cr,
	       "%u-bit %s: %s: registers or CR not restored", c->bits, t->name, what);
	CHECKF(!memcmp(c->page + PPCPV_SHARED_CRITICAL, before.page + PPCPV_SHARED_CRITICAL,
		       sizeof(c->page) - PPCPV_SHARED_CRITICAL),
	       "%u-bit %s: %s: shared page differs (msr 0x%llx, expected 0x%llx)", c->bits,
	       t->name, what, (unsigned long long)shared_value(c->page, c->bits, PPCPV_SHARED_MSR),
	       (unsigned long long)want->msr);
	CHECKF(c->unguarded_stores == 0, "%u-bit %s: %s: %u page stores outside the critical section",
	       c->bits, t->name, what, c->unguarded_stores);
}

/* An msr a kernel might run with: ME, IR, DR, plus SF on 64-bit. */
static uint64_t kernel_msr(unsigned int bits)
{
	return bits == 64 ? 0x8000000000001030ull : 0x1030;
}

static const unsigned int operand_regs[] = { 0, 5, 29, 30, 31 };
#define N_OPERAND_REGS (sizeof(operand_regs) / sizeof(operand_regs[0]))

/* Run template id with operand `value` in register rs (the value slot's rS). */
static void run_operand(unsigned int bits, enum ppcpv_emul_id id, uint32_t value_slot_word,
			unsigned int rs, uint64_t operand, uint64_t msr, uint32_t pending,
			const struct outcome *want, uint32_t orig)
{
	const struct ppcpv_emul_template *t = get(bits, id);
	uint32_t words[64];
	char what[96];
	struct cpu c;

	cpu_reset(&c, bits, msr, pending);
	c.gpr[rs] = trunc_reg(&c, operand);
	instantiate(t, value_slot_word, orig, words);
	snprintf(what, sizeof(what), "r%u=0x%llx msr=0x%llx int_pending=%u", rs,
		 (unsigned long long)c.gpr[rs], (unsigned long long)trunc_reg(&c, msr), pending);
	run_and_check(&c, words, t, want, what);
}

static const uint64_t safe = PPCPV_MSR_SAFE_BITS, ee = PPC_MSR_EE;

static void mtmsrd_l1_case(unsigned int bits, unsigned int rs, uint64_t msr, uint64_t s,
			   uint32_t pending)
{
	uint64_t mask = bits == 64 ? ~0ull : 0xffffffffull;
	struct outcome want = { STOP_RETURN, ((msr & ~safe) | (s & safe)) & mask, -1, 0 };

	if (pending && (want.msr & ee))
		want.stop = STOP_ORIG;
	run_operand(bits, PPCPV_EMUL_MTMSRD_L1, value_word(bits, rs), rs, s, msr, pending, &want,
		    0x7c010164 | RS_FIELD(rs));
}

static void test_exec_mtmsrd_l1(void)
{
	const uint64_t operands[] = { 0, ee, PPC_BOOK3S_MSR_RI, safe, ~safe, ~0ull };
	unsigned int w, r, m, s, p;

	for (w = 0; w < 2; w++)
		for (r = 0; r < N_OPERAND_REGS; r++)
			for (m = 0; m < 4; m++)
				for (s = 0; s < sizeof(operands) / sizeof(operands[0]); s++)
					for (p = 0; p < 2; p++)
						mtmsrd_l1_case(widths[w], operand_regs[r],
							       kernel_msr(widths[w]) | (m & 1 ? ee : 0) |
							       (m & 2 ? PPC_BOOK3S_MSR_RI : 0),
							       operands[s], p);
}

static void mtmsr_case(unsigned int bits, unsigned int rs, uint64_t msr, uint64_t s,
		       uint32_t pending)
{
	uint64_t mask = bits == 64 ? ~0ull : 0xffffffffull;
	struct outcome want = { STOP_RETURN, s & mask, -1, 0 };

	msr &= mask;
	if ((s ^ msr) & ~safe & mask)
		want = (struct outcome){ STOP_ORIG, msr, -1, 0 };	/* host does it all */
	else if (pending && (s & ee))
		want.stop = STOP_ORIG;
	run_operand(bits, PPCPV_EMUL_MTMSR, value_word(bits, rs), rs, s, msr, pending, &want,
		    0x7c000124 | RS_FIELD(rs));
}

static void test_exec_mtmsr(void)
{
	/* flips applied to the current msr: safe ones, critical ones, high word */
	const uint64_t flips[] = { 0, ee, PPC_BOOK3S_MSR_RI, safe, PPC_BOOK3S_MSR_IR, PPC_MSR_PR | ee,
				   1ull << 63, 1ull << 32 };
	unsigned int w, r, m, f, p;

	for (w = 0; w < 2; w++)
		for (r = 0; r < N_OPERAND_REGS; r++)
			for (m = 0; m < 2; m++)
				for (f = 0; f < sizeof(flips) / sizeof(flips[0]); f++)
					for (p = 0; p < 2; p++) {
						uint64_t msr = kernel_msr(widths[w]) | (m ? ee : 0);

						mtmsr_case(widths[w], operand_regs[r], msr,
							   msr ^ flips[f], p);
					}
}

static void wrtee_case(unsigned int bits, unsigned int rs, uint64_t msr, uint64_t s,
		       uint32_t pending)
{
	struct outcome want = { STOP_RETURN, (msr & ~ee) | (s & ee), -1, 0 };

	if (pending && (s & ee))
		want.stop = STOP_ORIG;
	run_operand(bits, PPCPV_EMUL_WRTEE, value_word(bits, rs), rs, s, msr, pending, &want,
		    0x7c000106 | RS_FIELD(rs));
}

/* wrteei 1: the value slot is li r30,0x8000, whatever the registers hold. */
static void wrteei1_case(unsigned int bits, uint64_t msr, uint32_t pending)
{
	struct outcome want = { pending ? STOP_ORIG : STOP_RETURN, msr | ee, -1, 0 };

	run_operand(bits, PPCPV_EMUL_WRTEE, INSN_LI_R30_EE, 0, 0, msr, pending, &want, 0x7c008146);
}

static void test_exec_wrtee(void)
{
	const uint64_t operands[] = { 0, ee, ~ee, ~0ull };
	unsigned int w, r, s, m, p;

	for (w = 0; w < 2; w++)
		for (m = 0; m < 2; m++)
			for (p = 0; p < 2; p++) {
				uint64_t msr = kernel_msr(widths[w]) | (m ? ee : 0);

				for (r = 0; r < N_OPERAND_REGS; r++)
					for (s = 0; s < sizeof(operands) / sizeof(operands[0]); s++)
						wrtee_case(widths[w], operand_regs[r], msr,
							   operands[s] & (widths[w] == 64 ? ~0ull : 0xffffffffull),
							   p);
				wrteei1_case(widths[w], msr, p);
			}
}

static void test_exec_wrteei0(void)
{
	/* a high word unlike the low one catches a wrapping rlwinm mask */
	const uint64_t msrs[] = { 0x8000000000009032ull, 0x123456789abcffffull, ee, 0 };
	const struct ppcpv_emul_template *t;
	unsigned int w, m, p;

	for (w = 0; w < 2; w++)
		for (m = 0; m < sizeof(msrs) / sizeof(msrs[0]); m++)
			for (p = 0; p < 2; p++) {
				uint64_t msr = widths[w] == 64 ? msrs[m] : (uint32_t)msrs[m];
				struct outcome want = { STOP_RETURN, msr & ~ee, -1, 0 };
				uint32_t words[64];
				struct cpu c;

				t = get(widths[w], PPCPV_EMUL_WRTEEI0);
				cpu_reset(&c, widths[w], msr, p);
				instantiate(t, 0, 0, words);
				run_and_check(&c, words, t, &want, p ? "int_pending=1" : "int_pending=0");
			}
}

static void mtsrin_case(unsigned int bits, unsigned int rs, unsigned int rb, uint64_t msr)
{
	const struct ppcpv_emul_template *t = get(bits, PPCPV_EMUL_MTSRIN);
	struct outcome want = { STOP_ORIG, msr, -1, 0 };
	uint32_t words[64];
	char what[64];
	struct cpu c;

	cpu_reset(&c, bits, msr, 1);
	if (!(msr & (PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR))) {
		want.stop = STOP_RETURN;
		want.sr_index = (int)((uint32_t)c.gpr[rb] >> 28);
		want.sr_value = (uint32_t)c.gpr[rs];
	}
	instantiate_mtsrin(t, rs, rb, words);
	snprintf(what, sizeof(what), "mtsrin r%u,r%u msr=0x%llx", rs, rb, (unsigned long long)msr);
	run_and_check(&c, words, t, &want, what);
}

/* Every rS/rB pair, r30 and r31 included, in real mode and with IR or DR. */
static void test_exec_mtsrin(void)
{
	const uint64_t msrs[] = { 0x1000, 0x1000 | PPC_BOOK3S_MSR_IR, 0x1000 | PPC_BOOK3S_MSR_DR, 0x9030 };
	unsigned int w, m, rs, rb;

	for (w = 0; w < 2; w++)
		for (m = 0; m < sizeof(msrs) / sizeof(msrs[0]); m++)
			for (rs = 0; rs < 32; rs++)
				for (rb = 0; rb < 32; rb++)
					mtsrin_case(widths[w], rs, rb, msrs[m]);
}

/* The model itself: a wrapping rlwinm must copy the low word up (ISA). */
static void test_model_rlwinm_wrap(void)
{
	struct cpu c;
	int pc = 0;

	cpu_reset(&c, 64, 0, 0);
	c.gpr[31] = 0xffffffff00009000ull;
	CU_ASSERT_EQUAL(step(&c, 0x57ff045e, &pc), 0);		/* rlwinm r31,r31,0,17,15 */
	CU_ASSERT_EQUAL(c.gpr[31], 0x0000900000001000ull);
	CU_ASSERT_EQUAL(pc, 1);
}

PPCPV_SUITE(emul_exec, "kvm_emul behaviour", NULL, NULL,
	{ "model: wrapping rlwinm", test_model_rlwinm_wrap },
	{ "mtmsrd rS,1", test_exec_mtmsrd_l1 },
	{ "mtmsr rS / mtmsrd rS,0", test_exec_mtmsr },
	{ "wrtee rS / wrteei 1", test_exec_wrtee },
	{ "wrteei 0", test_exec_wrteei0 },
	{ "mtsrin rS,rB (all register pairs)", test_exec_mtsrin })
