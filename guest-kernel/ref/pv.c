// SPDX-License-Identifier: MIT
/*
 * The reference kernel's side of ppcpv_guest_pv_init(): the few operations
 * that need real (trapping) instructions, and the image to patch.
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/hcall.h>
#include "ref.h"

#define MAX_SITES 1024
#define TEXT_SKIP PPC_BOOK3S_VEC_RESET	/* bytes before the entry point */

static struct ppcpv_site sites[MAX_SITES];
static struct ppcpv_pv_result result;
int pv_hcalls_ready;

static int install_hcall(void *ctx, const uint32_t *words, size_t n)
{
	int err = ppcpv_hcall_install(words, n);

	pv_hcalls_ready = !err;
	return err;
}

static long hcall(void *ctx, unsigned long token, unsigned long a0, unsigned long a1,
		  unsigned long *r4)
{
	return ppcpv_hcall4(token, a0, a1, 0, 0, r4);
}

/* Register-wide probes: the PV bring-up asks for the word size's bytes. */
static int probe_load(void *ctx, uint64_t ea, unsigned int bytes, uint64_t *val)
{
	unsigned long v = 0;
	int err = ppcpv_ref_probe_load((unsigned long)ea, bytes, &v);

	*val = v;
	return err;
}

static int probe_store(void *ctx, uint64_t ea, unsigned int bytes, uint64_t val)
{
	return ppcpv_ref_probe_store((unsigned long)ea, bytes, (unsigned long)val);
}

static uint64_t trap_mfmsr(void *ctx)
{
	unsigned long v;

	__asm__ __volatile__("mfmsr %0" : "=r"(v));
	return v;
}

static uint64_t trap_mfsprg(void *ctx)
{
	unsigned long v;

	__asm__ __volatile__("mfspr %0,%1" : "=r"(v) : "i"(PPC_SPR_SPRG2));
	return v;
}

static void trap_mtsprg(void *ctx, uint64_t v)
{
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_SPR_SPRG2), "r"((unsigned long)v));
}

static void icache_sync(void *ctx, const void *start, size_t len)
{
	ppcpv_icache_sync(start, len);
}

static const struct ppcpv_guest_platform platform = {
	NULL, install_hcall, hcall, probe_load, probe_store,
	trap_mfmsr, trap_mfsprg, trap_mtsprg, icache_sync, NULL,
};

const struct ppcpv_pv_result *pv_result(void)
{
	return &result;
}

int pv_start(const void *fdt, size_t fdt_size)
{
	struct ppcpv_guest_image img;
	char line[320];
	int err;

	ppcpv_config_init(&img.cfg, REF_FAMILY, REF_BIG_ENDIAN);
	/* The image starts at real address 0, which C calls NULL; nothing
	 * lives below the entry point, so the scan starts there. */
	img.text = (struct ppcpv_region){ (uint8_t *)_stext + TEXT_SKIP,
					  (uintptr_t)_stext + TEXT_SKIP,
					  (size_t)(_etext - _stext) - TEXT_SKIP };
	img.kvm_tmp = (struct ppcpv_region){ (uint8_t *)ppcpv_kvm_tmp, (uintptr_t)ppcpv_kvm_tmp,
					     (size_t)(ppcpv_kvm_tmp_end - ppcpv_kvm_tmp) };
	img.sites = sites;
	img.sites_cap = MAX_SITES;
	img.selftest_sprg_field = PPCPV_SHARED_SPRG2;
	/* Patching rewrites code that may run from an interrupt. */
	irq_disable();
	err = ppcpv_guest_pv_init(fdt, fdt_size, &platform, &img, &result);
	ppcpv_guest_pv_report(&result, line, sizeof(line));
	kprintf("%s\n", line);
	irq.pv_on = result.enabled;
	return err;
}
