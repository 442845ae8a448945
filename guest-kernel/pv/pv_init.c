// SPDX-License-Identifier: MIT
/*
 * The guest's PV bring-up: hypercall stub, FEATURES, MAP_MAGIC_PAGE, a
 * self-test that really exercises the page in both directions, then the
 * patch.  Nothing is patched unless every step before succeeded.
 */
#include <stdarg.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/fmt.h>
#include <ppcpv/guest_pv.h>

/* Patterns with bits set in both halves of a word and in the high word. */
#define PATTERN_GUEST	0x5ca1ab1e0ddba11ULL
#define PATTERN_HOST	0x0b5e55ed7e57f00dULL

static int failf(struct ppcpv_pv_result *res, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int failf(struct ppcpv_pv_result *res, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ppcpv_vfmt(res->reason, sizeof(res->reason), fmt, ap);
	va_end(ap);
	res->err = err;
	return err;
}

static uint64_t word_mask(const struct ppcpv_config *cfg)
{
	return cfg->word_bits == 64 ? ~0ULL : 0xffffffffULL;
}

static int features_and_map(const struct ppcpv_guest_platform *p, const struct ppcpv_config *cfg,
			    struct ppcpv_pv_result *res)
{
	unsigned long r4 = 0;
	uint64_t ea = (uint64_t)cfg->magic_ea;
	long st;

	res->stage = PPCPV_PV_FEATURES;
	st = p->hcall(p->ctx, PPCPV_TOKEN_FEATURES, 0, 0, &r4);
	if (st != PPCPV_EV_SUCCESS)
		return failf(res, -PPCPV_ERR_HCALL, "FEATURES hypercall failed: status %ld", st);
	res->features = r4;
	if (!(r4 & (1UL << PPCPV_KVM_FEATURE_MAGIC_PAGE)))
		return failf(res, -PPCPV_ERR_UNSUPPORTED,
			     "FEATURES lacks the magic-page bit (features 0x%lx)", r4);
	res->stage = PPCPV_PV_MAP;
	st = p->hcall(p->ctx, PPCPV_TOKEN_MAP_MAGIC_PAGE, (unsigned long)ea,
		      (unsigned long)ea | PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX, &r4);
	if (st != PPCPV_EV_SUCCESS)
		return failf(res, -PPCPV_ERR_HCALL, "MAP_MAGIC_PAGE failed: status %ld (EA 0x%llx)",
			     st, (unsigned long long)(ea & word_mask(cfg)));
	res->magic_features = r4;
	return 0;
}

/* The value of a u64 shared-page field: all of it on 64-bit, the low
 * word (+4) on 32-bit. */
static uint64_t field_ea(const struct ppcpv_config *cfg, unsigned int off, unsigned int *bytes)
{
	*bytes = cfg->word_bits / 8;
	if (cfg->word_bits == 32)
		off += PPCPV_SHARED_U64_LOW_WORD;
	return (uint64_t)(cfg->magic_ea + (int64_t)off);
}

static int probe(const struct ppcpv_guest_platform *p, const struct ppcpv_config *cfg,
		 unsigned int off, uint64_t *val, struct ppcpv_pv_result *res)
{
	unsigned int bytes;
	uint64_t ea = field_ea(cfg, off, &bytes);

	if (p->probe_load(p->ctx, ea, bytes, val))
		return failf(res, -PPCPV_ERR_FAULT,
			     "self-test: magic page not readable at EA 0x%llx (field at offset %u faulted)",
			     (unsigned long long)(ea & word_mask(cfg)), off);
	return 0;
}

static int check_msr(const struct ppcpv_guest_platform *p, const struct ppcpv_config *cfg,
		     struct ppcpv_pv_result *res)
{
	uint64_t page, real;
	int err = probe(p, cfg, PPCPV_SHARED_MSR, &page, res);

	if (err)
		return err;
	real = p->trap_mfmsr(p->ctx) & word_mask(cfg);
	if (page != real)
		return failf(res, -PPCPV_ERR_MISMATCH,
			     "self-test: page msr 0x%llx but mfmsr 0x%llx",
			     (unsigned long long)page, (unsigned long long)real);
	return 0;
}

/* Guest writes through the page, host reads; host writes, page shows it. */
static int check_sprg(const struct ppcpv_guest_platform *p, const struct ppcpv_config *cfg,
		      unsigned int off, struct ppcpv_pv_result *res)
{
	uint64_t saved = p->trap_mfsprg(p->ctx), mask = word_mask(cfg), got;
	unsigned int bytes;
	uint64_t ea = field_ea(cfg, off, &bytes);
	int err = 0;

	if (p->probe_store(p->ctx, ea, bytes, PATTERN_GUEST & mask))
		return failf(res, -PPCPV_ERR_FAULT,
			     "self-test: magic page not writable at EA 0x%llx",
			     (unsigned long long)(ea & mask));
	got = p->trap_mfsprg(p->ctx) & mask;
	if (got != (PATTERN_GUEST & mask))
		err = failf(res, -PPCPV_ERR_MISMATCH,
			    "self-test: the host did not see the guest's write (wrote 0x%llx, mfspr 0x%llx)",
			    (unsigned long long)(PATTERN_GUEST & mask), (unsigned long long)got);
	if (!err) {
		p->trap_mtsprg(p->ctx, PATTERN_HOST & mask);
		err = probe(p, cfg, off, &got, res);
		if (!err && got != (PATTERN_HOST & mask))
			err = failf(res, -PPCPV_ERR_MISMATCH,
				    "self-test: the page did not show the host's write (mtspr 0x%llx, page 0x%llx)",
				    (unsigned long long)(PATTERN_HOST & mask), (unsigned long long)got);
	}
	p->trap_mtsprg(p->ctx, saved);
	return err;
}

static int self_test(const struct ppcpv_guest_platform *p, const struct ppcpv_guest_image *img,
		     struct ppcpv_pv_result *res)
{
	int err;

	res->stage = PPCPV_PV_SELFTEST;
	err = check_msr(p, &img->cfg, res);
	return err ? err : check_sprg(p, &img->cfg, img->selftest_sprg_field, res);
}

static int patch(const struct ppcpv_guest_platform *p, struct ppcpv_guest_image *img,
		 struct ppcpv_pv_result *res)
{
	uint64_t start = p->clock ? p->clock(p->ctx) : 0;
	int n;

	res->stage = PPCPV_PV_PATCH;
	img->cfg.features = (uint32_t)res->magic_features;
	n = ppcpv_patch_text(&img->cfg, &img->text, &img->kvm_tmp, img->sites, img->sites_cap,
			     0, &res->stats);
	if (p->clock)
		res->scan_ticks = p->clock(p->ctx) - start;
	if (n < 0)
		return failf(res, n, "patching failed: %s", ppcpv_strerror(n));
	res->n_sites = n;
	p->icache_sync(p->ctx, img->kvm_tmp.bytes, (size_t)res->stats.tmp_used);
	p->icache_sync(p->ctx, img->text.bytes, img->text.size);
	return 0;
}

static int valid_platform(const struct ppcpv_guest_platform *p)
{
	return p && p->install_hcall && p->hcall && p->probe_load && p->probe_store &&
	       p->trap_mfmsr && p->trap_mfsprg && p->trap_mtsprg && p->icache_sync;
}

int ppcpv_guest_pv_init(const void *fdt, size_t fdt_size,
			const struct ppcpv_guest_platform *plat,
			struct ppcpv_guest_image *img, struct ppcpv_pv_result *res)
{
	int err;

	if (!res)
		return -PPCPV_ERR_INVAL;
	*res = (struct ppcpv_pv_result){ 0 };
	if (!valid_platform(plat) || !img)
		return failf(res, -PPCPV_ERR_INVAL, "internal: incomplete platform operations");
	err = ppcpv_guest_discover(fdt, fdt_size, res);
	if (!err) {
		res->stage = PPCPV_PV_INSTALL;
		err = plat->install_hcall(plat->ctx, res->hcall_words, res->n_hcall_words);
		if (err)
			failf(res, err, "cannot install the hypercall words: %s", ppcpv_strerror(err));
	}
	if (!err)
		err = features_and_map(plat, &img->cfg, res);
	if (!err)
		err = self_test(plat, img, res);
	if (!err)
		err = patch(plat, img, res);
	if (err)
		return err;
	res->stage = PPCPV_PV_DONE;
	res->enabled = 1;
	return 0;
}
