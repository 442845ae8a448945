// SPDX-License-Identifier: MIT
/*
 * The host-config blob (ppcpv/host/hostcfg.h): parsed with the portable
 * FDT reader, defaults filled in, and checked against the rules that hold
 * on any machine.  The platform adds its own (RAM size, its image, ...).
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include <ppcpv/host/hostcfg.h>

struct parse {
	const void *blob;
	size_t size;
	int node;
	const char *why;
};

static int fail(struct parse *p, int err, const char *why)
{
	p->why = why;
	return err;
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* An optional number: *out keeps its default when absent. */
static int optional_u64(struct parse *p, const char *name, uint64_t *out)
{
	int err = ppcpv_fdt_get_u64(p->blob, p->size, p->node, name, out);

	if (err == -PPCPV_ERR_NOTFOUND)
		return 0;
	return err ? fail(p, err, "host config: a number property has the wrong size") : 0;
}

static int find_node(struct parse *p)
{
	const void *compat;
	int len, err = ppcpv_fdt_check(p->blob, p->size);

	if (err)
		return fail(p, err, "host config: not a valid device tree");
	len = ppcpv_fdt_getprop(p->blob, p->size, 0, "compatible", &compat);
	p->node = ppcpv_fdt_path_offset(p->blob, p->size, PPCPV_HOSTCFG_NODE);
	if (len < 0 || !ppcpv_fdt_stringlist_contains(compat, len, PPCPV_HOSTCFG_COMPATIBLE) ||
	    p->node < 0)
		return fail(p, -PPCPV_ERR_MISMATCH, "host config: not a ppcpv host config");
	return 0;
}

static int read_strings(struct parse *p, struct ppcpv_hostcfg *cfg)
{
	const char *mode = PPCPV_HOSTCFG_MODE_PV, *selftest = "", *fault = "";
	const char *mmu = PPCPV_HOSTCFG_MMU_FLAT, *fast = PPCPV_HOSTCFG_FAST_EXITS_ON, *sweep = "";

	ppcpv_fdt_get_string(p->blob, p->size, p->node, PPCPV_HOSTCFG_MODE, &mode);
	ppcpv_fdt_get_string(p->blob, p->size, p->node, PPCPV_HOSTCFG_SELFTEST, &selftest);
	ppcpv_fdt_get_string(p->blob, p->size, p->node, PPCPV_HOSTCFG_FAULT, &fault);
	ppcpv_fdt_get_string(p->blob, p->size, p->node, PPCPV_HOSTCFG_MMU, &mmu);
	ppcpv_fdt_get_string(p->blob, p->size, p->node, PPCPV_HOSTCFG_IRQ_SWEEP, &sweep);
	if (!sweep[0])
		cfg->irq_sweep = PPCPV_IRQ_SWEEP_OFF;
	else if (str_eq(sweep, PPCPV_HOSTCFG_IRQ_SWEEP_STEP))
		cfg->irq_sweep = PPCPV_IRQ_SWEEP_STEP;
	else if (str_eq(sweep, PPCPV_HOSTCFG_IRQ_SWEEP_IGNORE_CRITICAL))
		cfg->irq_sweep = PPCPV_IRQ_SWEEP_IGNORE_CRITICAL;
	else
		return fail(p, -PPCPV_ERR_INVAL, "host config: irq-sweep must be step or ignore-critical");
	cfg->mmu_shadow = str_eq(mmu, PPCPV_HOSTCFG_MMU_SHADOW);
	if (!cfg->mmu_shadow && !str_eq(mmu, PPCPV_HOSTCFG_MMU_FLAT))
		return fail(p, -PPCPV_ERR_INVAL, "host config: mmu must be flat or shadow");
	ppcpv_fdt_get_string(p->blob, p->size, p->node, PPCPV_HOSTCFG_FAST_EXITS, &fast);
	cfg->fast_exits_off = str_eq(fast, PPCPV_HOSTCFG_FAST_EXITS_OFF);
	if (!cfg->fast_exits_off && !str_eq(fast, PPCPV_HOSTCFG_FAST_EXITS_ON))
		return fail(p, -PPCPV_ERR_INVAL, "host config: fast-exits must be on or off");
	if (str_eq(mode, PPCPV_HOSTCFG_MODE_PV))
		cfg->mode = PPCPV_MODE_PV;
	else if (str_eq(mode, PPCPV_HOSTCFG_MODE_NO_PV))
		cfg->mode = PPCPV_MODE_NO_PV;
	else if (str_eq(mode, PPCPV_HOSTCFG_MODE_NONE))
		cfg->mode = PPCPV_MODE_NONE;
	else
		return fail(p, -PPCPV_ERR_INVAL, "host config: mode must be pv, no-pv or none");
	cfg->selftest_host_fault = str_eq(selftest, PPCPV_HOSTCFG_SELFTEST_HOST_FAULT);
	if (!fault[0])
		cfg->fault = PPCPV_FAULT_NONE;
	else if (str_eq(fault, PPCPV_HOSTCFG_FAULT_MAP_FAILS))
		cfg->fault = PPCPV_FAULT_MAP_FAILS;
	else if (str_eq(fault, PPCPV_HOSTCFG_FAULT_STALE_PAGE))
		cfg->fault = PPCPV_FAULT_STALE_MAGIC_PAGE;
	else if (str_eq(fault, PPCPV_HOSTCFG_FAULT_ABSENT_PAGE))
		cfg->fault = PPCPV_FAULT_ABSENT_MAGIC_PAGE;
	else
		return fail(p, -PPCPV_ERR_INVAL,
			    "host config: fault must be map-fails, stale-magic-page or absent-magic-page");
	return 0;
}

static int read_premap(struct parse *p, struct ppcpv_hostcfg *cfg)
{
	uint64_t ea = UINT64_MAX, pa = UINT64_MAX, le = 0;
	int err = optional_u64(p, PPCPV_HOSTCFG_PREMAP_EA, &ea);

	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_PREMAP_PA, &pa);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_PREMAP_LE, &le);
	if (err)
		return err;
	if ((ea == UINT64_MAX) != (pa == UINT64_MAX))
		return fail(p, -PPCPV_ERR_INVAL, "host config: magic-page-ea and -pa go together");
	cfg->premap = pa != UINT64_MAX;
	cfg->premap_ea = cfg->premap ? ea : 0;
	cfg->premap_pa = cfg->premap ? pa : 0;
	cfg->premap_le = (uint32_t)le;
	return 0;
}

static int read_numbers(struct parse *p, struct ppcpv_hostcfg *cfg)
{
	uint64_t features = cfg->features, verbose = 0, fdt = UINT64_MAX;
	int err;

	/* An MSR is any number: its absence is told by the property's. */
	cfg->has_guest_msr = ppcpv_fdt_get_u64(p->blob, p->size, p->node, PPCPV_HOSTCFG_GUEST_MSR,
					       &cfg->guest_msr) != -PPCPV_ERR_NOTFOUND;

	if (ppcpv_fdt_get_u64(p->blob, p->size, p->node, PPCPV_HOSTCFG_GUEST_BASE, &cfg->guest_base) ||
	    ppcpv_fdt_get_u64(p->blob, p->size, p->node, PPCPV_HOSTCFG_GUEST_SIZE, &cfg->guest_size))
		return fail(p, -PPCPV_ERR_NOTFOUND, "host config: guest-base and guest-size are required");
	err = optional_u64(p, PPCPV_HOSTCFG_GUEST_ENTRY, &cfg->guest_entry);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_GUEST_FDT, &fdt);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_GUEST_MSR, &cfg->guest_msr);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_HOSTDEV, &cfg->hostdev_base);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_FEATURES, &features);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_VERBOSE, &verbose);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_IMAGE_SIZE, &cfg->image_size);
	if (!err)
		err = read_premap(p, cfg);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_RTAS_BASE, &cfg->rtas_base);
	if (!err)
		err = optional_u64(p, PPCPV_HOSTCFG_RTAS_SIZE, &cfg->rtas_size);
	if (err)
		return err;
	cfg->has_guest_fdt = fdt != UINT64_MAX;
	cfg->guest_fdt = cfg->has_guest_fdt ? fdt : 0;
	cfg->features = (uint32_t)features;
	cfg->verbose = (uint32_t)verbose;
	return 0;
}

static int check(struct parse *p, const struct ppcpv_hostcfg *c)
{
	const uint64_t page = PPCPV_MAGIC_PAGE_SIZE;

	if (c->guest_base % page || c->guest_size % page || !c->guest_size ||
	    c->guest_size > PPCPV_GUEST_SIZE_MAX || c->guest_base + c->guest_size < c->guest_base)
		return fail(p, -PPCPV_ERR_ALIGN,
			    "host config: guest base/size not page aligned, or size above 256 MiB");
	if (c->guest_entry >= c->guest_size || c->guest_entry % 4)
		return fail(p, -PPCPV_ERR_RANGE, "host config: guest-entry is outside guest memory");
	if (c->image_size > c->guest_size)
		return fail(p, -PPCPV_ERR_RANGE, "host config: guest-image-size is above guest-size");
	if (c->rtas_size && (c->rtas_base >= c->guest_size ||
			     c->guest_size - c->rtas_base < c->rtas_size))
		return fail(p, -PPCPV_ERR_RANGE, "host config: guest-rtas is outside guest memory");
	if (c->premap && (c->mode != PPCPV_MODE_PV || c->premap_pa % page || c->premap_ea % page ||
			  c->premap_pa >= c->guest_size))
		return fail(p, -PPCPV_ERR_RANGE,
			    "host config: a premapped magic page needs mode pv and whole pages in guest memory");
	if (c->has_guest_fdt && (c->guest_fdt >= c->guest_size || c->guest_fdt % 8))
		return fail(p, -PPCPV_ERR_RANGE, "host config: guest-fdt is outside guest memory");
	if (c->hostdev_base != PPCPV_HOSTDEV_NONE &&
	    (c->hostdev_base % page || c->hostdev_base < c->guest_size))
		return fail(p, -PPCPV_ERR_RANGE,
			    "host config: hostdev-base must be a page outside guest memory");
	return 0;
}

int ppcpv_hostcfg_parse(const void *blob, size_t size, struct ppcpv_hostcfg *cfg,
			const char **why)
{
	struct parse p = { blob, size, -1, NULL };
	int err;

	if (!cfg) {
		err = fail(&p, -PPCPV_ERR_INVAL, "host config: nowhere to put it");
	} else {
		*cfg = (struct ppcpv_hostcfg){
			.guest_entry = PPCPV_GUEST_ENTRY_DEFAULT,
			.hostdev_base = PPCPV_HOSTDEV_NONE,
			.mode = PPCPV_MODE_PV,
			.features = 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE,
		};
		err = find_node(&p);
		if (!err)
			err = read_strings(&p, cfg);
		if (!err)
			err = read_numbers(&p, cfg);
		if (!err)
			err = check(&p, cfg);
	}
	if (why)
		*why = p.why;
	return err;
}

static int overlaps(uint64_t a, uint64_t a_len, uint64_t b, uint64_t b_len)
{
	return a < b + b_len && b < a + a_len;
}

/* The machine's own rules for the guest region, on top of the generic ones. */
static const char *check_against_machine(const struct ppcpv_hostcfg *c,
					 const struct ppcpv_hostcfg_machine *m)
{
	if (c->guest_base < m->image_end ||
	    overlaps(c->guest_base, c->guest_size, PPCPV_HOSTCFG_PA, PPCPV_HOSTCFG_MAX_SIZE) ||
	    overlaps(c->guest_base, c->guest_size, m->qemu_fdt, m->qemu_fdt_size) ||
	    c->guest_base + c->guest_size > m->ram_size)
		return "host config: the guest region overlaps the host, its config, QEMU's "
		       "device tree, or leaves RAM";
	if (c->has_guest_fdt &&
	    ppcpv_fdt_check((const void *)(uintptr_t)(c->guest_base + c->guest_fdt),
			    c->guest_size - c->guest_fdt))
		return "host config: no valid device tree at guest-fdt";
	return NULL;
}

const char *ppcpv_hostcfg_load(struct ppcpv_hostcfg *cfg, const struct ppcpv_hostcfg_machine *m)
{
	const void *blob = (const void *)(uintptr_t)PPCPV_HOSTCFG_PA;
	const char *why;

	if (PPCPV_HOSTCFG_PA < m->image_end)
		return "the host image overlaps the host-config address";
	if (ppcpv_fdt_check(blob, PPCPV_HOSTCFG_MAX_SIZE))
		return "no host-config blob at 0xf00000 (load one with -device loader)";
	if (ppcpv_hostcfg_parse(blob, PPCPV_HOSTCFG_MAX_SIZE, cfg, &why))
		return why;
	return check_against_machine(cfg, m);
}
