// SPDX-License-Identifier: MIT
/*
 * Unit tests of the guest PV bring-up (guest-kernel/pv) against a simulated
 * platform: device trees made with the real libfdt, a fake host answering
 * FEATURES/MAP, a magic page that can be missing or incoherent.
 */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/isa/insn.h>
#include "ppcpv_test.h"

/* ---- device trees ------------------------------------------------------ */

struct dt_spec {
	int hypervisor;			/* create /hypervisor */
	const char *compatible;		/* NULL: none */
	const uint8_t *words;		/* hcall-instructions bytes, NULL: none */
	int words_len;
	int has_idle;
};

static const uint8_t kvm_words[16] = {
	0x3c, 0x00, 0x4b, 0x56, 0x60, 0x00, 0x4d, 0x21,
	0x44, 0x00, 0x00, 0x02, 0x60, 0x00, 0x00, 0x00,
};

static char dtb[4096];

static void make_dt(const struct dt_spec *s)
{
	CU_ASSERT_FATAL(fdt_create(dtb, sizeof(dtb)) == 0);
	CU_ASSERT_FATAL(fdt_finish_reservemap(dtb) == 0);
	CU_ASSERT_FATAL(fdt_begin_node(dtb, "") == 0);
	if (s->hypervisor) {
		CU_ASSERT_FATAL(fdt_begin_node(dtb, "hypervisor") == 0);
		if (s->compatible)
			CU_ASSERT_FATAL(fdt_property_string(dtb, "compatible", s->compatible) == 0);
		if (s->words)
			CU_ASSERT_FATAL(fdt_property(dtb, "hcall-instructions", s->words, s->words_len) == 0);
		if (s->has_idle)
			CU_ASSERT_FATAL(fdt_property(dtb, "has-idle", NULL, 0) == 0);
		CU_ASSERT_FATAL(fdt_end_node(dtb) == 0);
	}
	CU_ASSERT_FATAL(fdt_end_node(dtb) == 0);
	CU_ASSERT_FATAL(fdt_finish(dtb) == 0);
}

static const struct dt_spec good_dt = { 1, "linux,kvm", kvm_words, 16, 1 };

/* ---- the simulated host --------------------------------------------------- */

struct fake_host {
	unsigned int n_words;		/* words installed in the stub */
	long features_status;
	unsigned long features;
	long map_status;
	int map_really_maps;		/* MAP succeeds but maps nothing when 0 */
	int coherent;			/* trapped SPR accesses use the page */
	int mapped;
	int hcalls;
	unsigned int word_bits;
	uint64_t sprg, msr;
	uint8_t page[PPCPV_MAGIC_PAGE_SIZE];
};

static struct fake_host host;

static uint64_t page_base(void)
{
	return host.word_bits == 64 ? (uint64_t)(int64_t)PPCPV_MAGIC_PAGE_EA : 0xfffff000u;
}

static int fake_install(void *ctx, const uint32_t *w, size_t n)
{
	host.n_words = (unsigned int)n;
	return w[0] == PPCPV_HCALL_INSN0 ? 0 : -PPCPV_ERR_INVAL;
}

static long fake_hcall(void *ctx, unsigned long token, unsigned long a0, unsigned long a1,
		       unsigned long *r4)
{
	host.hcalls++;
	*r4 = 0;
	if (!host.n_words)
		return -1;		/* the default stub */
	if (token == PPCPV_TOKEN_FEATURES) {
		*r4 = host.features;
		return host.features_status;
	}
	if (token == PPCPV_TOKEN_MAP_MAGIC_PAGE) {
		CU_ASSERT_EQUAL(a1 & PPCPV_MAGIC_PAGE_FLAGS_MASK, PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX);
		host.mapped = host.map_status == 0 && host.map_really_maps;
		*r4 = PPCPV_MAGIC_FEAT_ALL;
		return host.map_status;
	}
	return PPCPV_EV_UNIMPLEMENTED;
}

static int fake_probe(uint64_t ea, unsigned int bytes, uint8_t **p)
{
	uint64_t off = ea - page_base();

	if (host.word_bits == 32)	/* a 32-bit guest's addresses wrap */
		off &= 0xffffffffu;

	if (!host.mapped || off + bytes > PPCPV_MAGIC_PAGE_SIZE)
		return -PPCPV_ERR_FAULT;
	*p = host.page + off;
	return 0;
}

/* The simulated guest has the build machine's byte order. */
static int fake_load(void *ctx, uint64_t ea, unsigned int bytes, uint64_t *val)
{
	uint8_t *p;
	uint32_t v32;

	if (fake_probe(ea, bytes, &p))
		return -PPCPV_ERR_FAULT;
	if (bytes == 8) {
		memcpy(val, p, 8);
	} else {
		memcpy(&v32, p, 4);
		*val = v32;
	}
	return 0;
}

static int fake_store(void *ctx, uint64_t ea, unsigned int bytes, uint64_t val)
{
	uint8_t *p;
	uint32_t v32 = (uint32_t)val;

	if (fake_probe(ea, bytes, &p))
		return -PPCPV_ERR_FAULT;
	if (bytes == 8)
		memcpy(p, &val, 8);
	else
		memcpy(p, &v32, 4);
	return 0;
}

/* The value of a u64 field as the host sees it: the whole u64 for a
 * 64-bit guest, the low word at +4 for a 32-bit one (guest byte order is
 * the build machine's here, so only the width matters). */
static uint64_t field_get(unsigned int off)
{
	uint64_t v64;
	uint32_t v32;

	if (host.word_bits == 64) {
		memcpy(&v64, host.page + off, 8);
		return v64;
	}
	memcpy(&v32, host.page + off + PPCPV_SHARED_U64_LOW_WORD, 4);
	return v32;
}

static void field_set(unsigned int off, uint64_t v)
{
	uint32_t v32 = (uint32_t)v;

	if (host.word_bits == 64)
		memcpy(host.page + off, &v, 8);
	else
		memcpy(host.page + off + PPCPV_SHARED_U64_LOW_WORD, &v32, 4);
}

static uint64_t fake_mfmsr(void *ctx)
{
	return host.mapped && host.coherent ? field_get(PPCPV_SHARED_MSR) : host.msr;
}

static uint64_t fake_mfsprg(void *ctx)
{
	return host.mapped && host.coherent ? field_get(PPCPV_SHARED_SPRG2) : host.sprg;
}

static void fake_mtsprg(void *ctx, uint64_t v)
{
	if (host.mapped && host.coherent)
		field_set(PPCPV_SHARED_SPRG2, v);
	else
		host.sprg = v;
}

static int syncs;
static void fake_sync(void *ctx, const void *p, size_t n) { syncs++; }

/* A clock that advances by 10 a reading, and counts its readings. */
static uint64_t fake_now;
static int clock_reads;
static uint64_t fake_clock(void *ctx)
{
	clock_reads++;
	return fake_now += 10;
}

static const struct ppcpv_guest_platform fake_platform = {
	NULL, fake_install, fake_hcall, fake_load, fake_store,
	fake_mfmsr, fake_mfsprg, fake_mtsprg, fake_sync, NULL,
};

/* ---- the guest image --------------------------------------------------- */

static const uint32_t text_words[4] = {
	0x7c6000a6,	/* mfmsr r3 */
	0x7c0802a6,	/* mflr r0: not a site */
	0x7c9243a6,	/* mtsprg 2,r4 */
	0x7ca10164,	/* mtmsrd r5,1 */
};
static uint8_t text[sizeof(text_words)], tmp[1024];
static struct ppcpv_site sites[8];
static struct ppcpv_guest_image image;
static struct ppcpv_pv_result res;

static void setup(enum ppcpv_family family)
{
	unsigned int i;

	memset(&host, 0, sizeof(host));
	host.features = 1UL << PPCPV_KVM_FEATURE_MAGIC_PAGE;
	host.map_really_maps = 1;
	host.coherent = 1;
	host.msr = 0x8000000000001032ULL;
	ppcpv_config_init(&image.cfg, family, 1);
	host.word_bits = image.cfg.word_bits;
	for (i = 0; i < 4; i++)
		ppc_store_insn(text + 4 * i, text_words[i], 1);
	memset(tmp, 0, sizeof(tmp));
	image.text = (struct ppcpv_region){ text, 0x10000, sizeof(text) };
	image.kvm_tmp = (struct ppcpv_region){ tmp, 0x20000, sizeof(tmp) };
	image.sites = sites;
	image.sites_cap = 8;
	image.selftest_sprg_field = PPCPV_SHARED_SPRG2;
	syncs = 0;
	make_dt(&good_dt);
}

static int text_untouched(void)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		if (ppc_load_insn(text + 4 * i, 1) != text_words[i])
			return 0;
	return 1;
}

static int run(void)
{
	return ppcpv_guest_pv_init(dtb, sizeof(dtb), &fake_platform, &image, &res);
}

/* Off, at `stage`, with a reason containing `why`, text untouched. */
static void expect_off(enum ppcpv_pv_stage stage, const char *why)
{
	char line[256];

	CU_ASSERT_NOT_EQUAL(run(), 0);
	CU_ASSERT_EQUAL(res.enabled, 0);
	CU_ASSERT_EQUAL(res.stage, stage);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.reason, why));
	CU_ASSERT(text_untouched());
	CU_ASSERT_EQUAL(ppcpv_guest_pv_report(&res, line, sizeof(line)), 0);
	CU_ASSERT_EQUAL(strncmp(line, "ppcpv: PV off: ", 15), 0);
}

/* ---- tests --------------------------------------------------------------- */

static void test_pv_on_book3s64(void)
{
	char line[256];

	setup(PPCPV_FAMILY_BOOK3S64);
	CU_ASSERT_EQUAL(run(), 0);
	CU_ASSERT_EQUAL(res.enabled, 1);
	CU_ASSERT_EQUAL(res.stage, PPCPV_PV_DONE);
	CU_ASSERT_EQUAL(res.n_hcall_words, 4);
	CU_ASSERT_EQUAL(res.hcall_words[2], PPCPV_HCALL_INSN2);
	CU_ASSERT_EQUAL(res.has_idle, 1);
	CU_ASSERT_EQUAL(res.magic_features, PPCPV_MAGIC_FEAT_ALL);
	CU_ASSERT_EQUAL(res.n_sites, 3);
	CU_ASSERT_EQUAL(ppc_load_insn(text, 1), 0xe860f058);		/* ld r3,-4008(0) */
	CU_ASSERT_EQUAL(ppc_load_insn(text + 4, 1), 0x7c0802a6);	/* untouched */
	CU_ASSERT_EQUAL(ppc_load_insn(text + 8, 1), 0xf880f030);	/* std r4,-4048(0) */
	CU_ASSERT_EQUAL(ppc_load_insn(text + 12, 1) >> 26, PPC_OP_B);
	CU_ASSERT(syncs >= 2);
	/* the self-test left the SPRG as it found it */
	CU_ASSERT_EQUAL(fake_mfsprg(NULL), 0);
	ppcpv_guest_pv_report(&res, line, sizeof(line));
	CU_ASSERT_PTR_NOT_NULL(strstr(line, "ppcpv: PV on: patched 3 of 3 sites (mfmsr 1, mtspr 1, mtmsrd_l1 1)"));
	CU_ASSERT_PTR_NOT_NULL(strstr(line, "skipped 0"));
	CU_ASSERT_PTR_NOT_NULL(strstr(line, "kvm_tmp 116/1024 bytes"));
	CU_ASSERT_EQUAL(res.scan_ticks, 0);	/* no clock */
}

/* With a clock, the patcher's pass is timed: two readings around it. */
static void test_scan_is_timed(void)
{
	struct ppcpv_guest_platform timed = fake_platform;

	timed.clock = fake_clock;
	setup(PPCPV_FAMILY_BOOK3S64);
	clock_reads = 0;
	CU_ASSERT_EQUAL(ppcpv_guest_pv_init(dtb, sizeof(dtb), &timed, &image, &res), 0);
	CU_ASSERT_EQUAL(res.enabled, 1);
	CU_ASSERT_EQUAL(clock_reads, 2);
	CU_ASSERT_EQUAL(res.scan_ticks, 10);
	/* PV off before the patch: the clock is never read */
	setup(PPCPV_FAMILY_BOOK3S64);
	host.features = 0;
	clock_reads = 0;
	CU_ASSERT_NOT_EQUAL(ppcpv_guest_pv_init(dtb, sizeof(dtb), &timed, &image, &res), 0);
	CU_ASSERT_EQUAL(clock_reads, 0);
	CU_ASSERT_EQUAL(res.scan_ticks, 0);
}

static void test_pv_on_e500_uses_low_word(void)
{
	setup(PPCPV_FAMILY_E500);
	CU_ASSERT_EQUAL(run(), 0);
	CU_ASSERT_EQUAL(res.enabled, 1);
	CU_ASSERT_EQUAL(ppc_load_insn(text, 1), 0x8060f05c);	/* lwz r3,-4004(0) */
	/* mtmsrd is not an e500 instruction: left alone */
	CU_ASSERT_EQUAL(ppc_load_insn(text + 12, 1), 0x7ca10164);
}

static void test_no_hypervisor(void)
{
	static const struct dt_spec s = { 0 };

	setup(PPCPV_FAMILY_BOOK3S64);
	make_dt(&s);
	expect_off(PPCPV_PV_DISCOVER, "no /hypervisor node");
	CU_ASSERT_EQUAL(host.hcalls, 0);
}

static void test_not_kvm(void)
{
	static const struct dt_spec s = { 1, "ibm,other-hypervisor", kvm_words, 16, 0 };

	setup(PPCPV_FAMILY_BOOK3S64);
	make_dt(&s);
	expect_off(PPCPV_PV_DISCOVER, "not compatible with \"linux,kvm\"");
}

static void test_no_words(void)
{
	static const struct dt_spec s = { 1, "linux,kvm", NULL, 0, 0 };

	setup(PPCPV_FAMILY_BOOK3S64);
	make_dt(&s);
	expect_off(PPCPV_PV_DISCOVER, "has no hcall-instructions");
}

static void test_bad_word_lengths(void)
{
	static const int bad[] = { 0, 2, 6, 15, 17, 20 };
	uint8_t big[20] = { 0 };
	char why[64];
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct dt_spec s = { 1, "linux,kvm", big, bad[i], 0 };

		setup(PPCPV_FAMILY_BOOK3S64);
		make_dt(&s);
		snprintf(why, sizeof(why), "hcall-instructions is %d bytes", bad[i]);
		expect_off(PPCPV_PV_DISCOVER, why);
	}
}

static void test_short_sequence_accepted(void)
{
	static const struct dt_spec s = { 1, "linux,kvm", kvm_words, 4, 0 };

	setup(PPCPV_FAMILY_BOOK3S64);
	make_dt(&s);
	run();
	CU_ASSERT_EQUAL(res.n_hcall_words, 1);
	CU_ASSERT_EQUAL(res.has_idle, 0);
	CU_ASSERT_EQUAL(res.stage, PPCPV_PV_DONE);
}

static void test_features_without_magic_page(void)
{
	setup(PPCPV_FAMILY_BOOK3S64);
	host.features = 0;
	expect_off(PPCPV_PV_FEATURES, "FEATURES lacks the magic-page bit (features 0x0)");
}

static void test_features_fails(void)
{
	setup(PPCPV_FAMILY_BOOK3S64);
	host.features_status = PPCPV_EV_UNIMPLEMENTED;
	expect_off(PPCPV_PV_FEATURES, "FEATURES hypercall failed: status 12");
}

static void test_map_fails(void)
{
	setup(PPCPV_FAMILY_BOOK3S64);
	host.map_status = PPCPV_EV_EINVAL;
	expect_off(PPCPV_PV_MAP, "MAP_MAGIC_PAGE failed: status 8 (EA 0xfffffffffffff000)");
}

static void test_selftest_page_missing(void)
{
	setup(PPCPV_FAMILY_BOOK3S64);
	host.map_really_maps = 0;
	expect_off(PPCPV_PV_SELFTEST, "magic page not readable at EA 0xfffffffffffff058");
}

static void test_selftest_incoherent_host(void)
{
	setup(PPCPV_FAMILY_BOOK3S64);
	host.coherent = 0;
	host.msr = 0;		/* the page's msr is 0 too: msr check passes */
	expect_off(PPCPV_PV_SELFTEST, "the host did not see the guest's write");
	CU_ASSERT_EQUAL(host.sprg, 0);	/* restored */
}

static void test_selftest_msr_mismatch(void)
{
	setup(PPCPV_FAMILY_BOOK3S64);
	host.coherent = 0;
	expect_off(PPCPV_PV_SELFTEST, "page msr 0x0 but mfmsr 0x8000000000001032");
}

static void test_bad_arguments(void)
{
	struct ppcpv_guest_platform incomplete = fake_platform;

	setup(PPCPV_FAMILY_BOOK3S64);
	incomplete.probe_load = NULL;
	CU_ASSERT_EQUAL(ppcpv_guest_pv_init(dtb, sizeof(dtb), &incomplete, &image, &res),
			-PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_guest_pv_init(dtb, sizeof(dtb), &fake_platform, &image, NULL),
			-PPCPV_ERR_INVAL);
	CU_ASSERT_NOT_EQUAL(ppcpv_guest_pv_init(dtb, 16, &fake_platform, &image, &res), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(res.reason, "no valid device tree"));
	CU_ASSERT(text_untouched());
}

PPCPV_SUITE(guest_pv, "guest-pv", NULL, NULL,
	{ "PV on, book3s64", test_pv_on_book3s64 },
	{ "PV on, e500 uses the +4 low word", test_pv_on_e500_uses_low_word },
	{ "the patcher's pass is timed with a clock", test_scan_is_timed },
	{ "no /hypervisor", test_no_hypervisor },
	{ "/hypervisor not linux,kvm", test_not_kvm },
	{ "no hcall-instructions", test_no_words },
	{ "hcall-instructions of bad length", test_bad_word_lengths },
	{ "a one-word sequence is accepted", test_short_sequence_accepted },
	{ "FEATURES without the magic-page bit", test_features_without_magic_page },
	{ "FEATURES fails", test_features_fails },
	{ "MAP_MAGIC_PAGE fails", test_map_fails },
	{ "self-test: page not mapped", test_selftest_page_missing },
	{ "self-test: host does not see the page", test_selftest_incoherent_host },
	{ "self-test: msr mismatch", test_selftest_msr_mismatch },
	{ "bad arguments", test_bad_arguments })
