// SPDX-License-Identifier: MIT
/*
 * The smallest freestanding "kernel" that links the installed guest PV
 * library of one PowerPC flavour: a platform built on the hypercall stub,
 * and an entry point that runs the PV bring-up on its own text.  It is only
 * linked (with -nostdlib, by tests/install/check.sh), never run: its probes
 * are plain loads and stores, where a real kernel's must survive a fault.
 */
#include <stddef.h>
#include <stdint.h>
#include <ppcpv/abi.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/hcall.h>
#include <ppcpv/isa/spr.h>

#define STR_(x)	#x
#define STR(x)	STR_(x)

#define MAX_SITES	64
#define KVM_TMP_BYTES	4096

extern uint8_t __executable_start[], _etext[];	/* from the linker's default script */
static uint32_t kvm_tmp[KVM_TMP_BYTES / 4];
static struct ppcpv_site sites[MAX_SITES];
static struct ppcpv_pv_result result;
char pv_line[PPCPV_PV_REASON_MAX + 96];

static int install_hcall(void *ctx, const uint32_t *words, size_t n)
{
	return ppcpv_hcall_install(words, n);
}

static long hcall(void *ctx, unsigned long token, unsigned long a0, unsigned long a1,
		  unsigned long *r4)
{
	return ppcpv_hcall4(token, a0, a1, 0, 0, r4);
}

static int probe_load(void *ctx, uint64_t ea, unsigned int bytes, uint64_t *val)
{
	uintptr_t p = (uintptr_t)ea;

	*val = bytes == 8 ? *(volatile uint64_t *)p : *(volatile uint32_t *)p;
	return 0;
}

static int probe_store(void *ctx, uint64_t ea, unsigned int bytes, uint64_t val)
{
	uintptr_t p = (uintptr_t)ea;

	if (bytes == 8)
		*(volatile uint64_t *)p = val;
	else
		*(volatile uint32_t *)p = (uint32_t)val;
	return 0;
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

	__asm__ __volatile__("mfspr %0," STR(PPC_SPR_SPRG2) : "=r"(v));
	return v;
}

static void trap_mtsprg(void *ctx, uint64_t v)
{
	__asm__ __volatile__("mtspr " STR(PPC_SPR_SPRG2) ",%0" : : "r"((unsigned long)v));
}

static void icache_sync(void *ctx, const void *start, size_t len)
{
	ppcpv_icache_sync(start, len);
}

static const struct ppcpv_guest_platform platform = {
	NULL, install_hcall, hcall, probe_load, probe_store,
	trap_mfmsr, trap_mfsprg, trap_mtsprg, icache_sync, NULL,
};

int guest_pv_start(const void *fdt, size_t fdt_size);

int guest_pv_start(const void *fdt, size_t fdt_size)
{
	struct ppcpv_guest_image img;
	int err;

#if defined(__powerpc64__)
	ppcpv_config_init(&img.cfg, PPCPV_FAMILY_BOOK3S64,
			  __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__);
#else
	ppcpv_config_init(&img.cfg, PPCPV_FAMILY_BOOK3S32, 1);
#endif
	img.text = (struct ppcpv_region){ __executable_start, (uintptr_t)__executable_start,
					  (size_t)(_etext - __executable_start) };
	img.kvm_tmp = (struct ppcpv_region){ (uint8_t *)kvm_tmp, (uintptr_t)kvm_tmp,
					     sizeof(kvm_tmp) };
	img.sites = sites;
	img.sites_cap = MAX_SITES;
	img.selftest_sprg_field = PPCPV_SHARED_SPRG2;
	err = ppcpv_guest_pv_init(fdt, fdt_size, &platform, &img, &result);
	ppcpv_guest_pv_report(&result, pv_line, sizeof(pv_line));
	return err;
}
