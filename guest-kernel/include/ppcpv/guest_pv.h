/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/guest_pv.h - the guest side of the PV framework (Linux's
 * kvm_guest_init, done properly), usable by any guest kernel.
 *
 * ppcpv_guest_pv_init() runs the whole chain and either leaves the kernel
 * patched or leaves it untouched, saying exactly why:
 *   1. discover  /hypervisor: compatible "linux,kvm", hcall-instructions
 *                (1..4 big-endian words), has-idle
 *   2. install   the words into the hypercall stub
 *   3. FEATURES  must report the magic-page bit
 *   4. MAP       the magic page at -4096 (flag NOT_MAPPED_NX); r4 = features
 *   5. self-test through fault-safe probes: the guest writes a shadowed
 *                register through the page and the host (trapping mfspr)
 *                sees it; the host changes it (trapping mtspr) and the page
 *                shows it; the page's msr equals the trapping mfmsr
 *   6. patch     the kernel text with the patcher, sync the icache
 *
 * Portable: the platform supplies the few operations that need privileged
 * or trapping instructions.  Freestanding-safe (no allocation).
 */
#ifndef PPCPV_GUEST_PV_H
#define PPCPV_GUEST_PV_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/patcher.h>

struct ppcpv_guest_platform {
	void *ctx;
	/* Copy 1..4 host-order words into the hypercall stub, sync icache. */
	int (*install_hcall)(void *ctx, const uint32_t *words, size_t n);
	/* A hypercall through the stub: returns r3, stores r4 in *r4. */
	long (*hcall)(void *ctx, unsigned long token, unsigned long a0,
		      unsigned long a1, unsigned long *r4);
	/* Fault-safe load/store of 4 or 8 bytes at an effective address:
	 * 0, or -PPCPV_ERR_FAULT when the access faults. */
	int (*probe_load)(void *ctx, uint64_t ea, unsigned int bytes, uint64_t *val);
	int (*probe_store)(void *ctx, uint64_t ea, unsigned int bytes, uint64_t val);
	/* The real (trapping) mfmsr and mfspr/mtspr of the self-test SPRG. */
	uint64_t (*trap_mfmsr)(void *ctx);
	uint64_t (*trap_mfsprg)(void *ctx);
	void (*trap_mtsprg)(void *ctx, uint64_t val);
	/* Make stores to code visible to instruction fetch. */
	void (*icache_sync)(void *ctx, const void *start, size_t len);
	/* Optional (may be NULL): a free-running counter, e.g. the timebase;
	 * with it the result says what the patcher's pass cost. */
	uint64_t (*clock)(void *ctx);
};

/* What to patch and with what; the site list is the caller's storage. */
struct ppcpv_guest_image {
	struct ppcpv_config cfg;	/* family, byte order, exclusions, no-branch zone;
					 * features are set from MAP's answer */
	struct ppcpv_region text;	/* _stext .. _etext */
	struct ppcpv_region kvm_tmp;	/* trampoline area */
	struct ppcpv_site *sites;
	size_t sites_cap;
	unsigned int selftest_sprg_field;	/* shared-page offset of the self-test SPRG */
};

enum ppcpv_pv_stage {
	PPCPV_PV_DISCOVER = 0,
	PPCPV_PV_INSTALL,
	PPCPV_PV_FEATURES,
	PPCPV_PV_MAP,
	PPCPV_PV_SELFTEST,
	PPCPV_PV_PATCH,
	PPCPV_PV_DONE
};

#define PPCPV_PV_REASON_MAX 160

struct ppcpv_pv_result {
	int enabled;			/* 1: text patched and PV in use */
	enum ppcpv_pv_stage stage;	/* DONE, or where it stopped */
	int err;			/* -PPCPV_ERR_* of the failure */
	char reason[PPCPV_PV_REASON_MAX];	/* why PV is off ("" when on) */
	uint32_t hcall_words[4];
	unsigned int n_hcall_words;
	int has_idle;
	unsigned long features;		/* FEATURES r4 */
	unsigned long magic_features;	/* MAP r4 */
	int n_sites;
	struct ppcpv_stats stats;
	uint64_t scan_ticks;		/* clock ticks of the patcher's pass (0: no clock) */
};

/* Run the chain; returns 0 when patched, else the error (res says why). */
int ppcpv_guest_pv_init(const void *fdt, size_t fdt_size,
			const struct ppcpv_guest_platform *plat,
			struct ppcpv_guest_image *img, struct ppcpv_pv_result *res);

/* The one log line: "ppcpv: PV on: ..." or "ppcpv: PV off: <reason>". */
int ppcpv_guest_pv_report(const struct ppcpv_pv_result *res, char *line, size_t size);

/* Step 1 alone (also used by the console to find the hypercall words). */
int ppcpv_guest_discover(const void *fdt, size_t fdt_size, struct ppcpv_pv_result *res);

#endif /* PPCPV_GUEST_PV_H */
