// SPDX-License-Identifier: MIT
/*
 * Unit tests of the host-config blob: what ppcpv-hostcfg writes (its blob
 * writers) is what the host core parses, defaults apply, and bad configs
 * are refused with a reason.  The guest's device tree carries what the
 * guest side needs (/hypervisor, the MMIO device).
 */
#include <string.h>
#include <libfdt.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/hostdev.h>
#include "ppcpv_test.h"
#include "hostcfg_blobs.h"

static char blob[8192];

static struct hostcfg_options defaults(void)
{
	struct hostcfg_options o;

	hostcfg_options_init(&o);
	o.guest_fdt_out = "x";
	return o;
}

static int parse(const struct hostcfg_options *o, struct ppcpv_hostcfg *cfg, const char **why)
{
	CU_ASSERT_EQUAL_FATAL(hostcfg_build_host_config(o, blob, sizeof(blob)), 0);
	return ppcpv_hostcfg_parse(blob, sizeof(blob), cfg, why);
}

static void test_round_trip(void)
{
	struct hostcfg_options o = defaults();
	struct ppcpv_hostcfg cfg;
	const char *why = "unset";

	o.mode = PPCPV_HOSTCFG_MODE_NO_PV;
	o.verbose = 1;
	o.selftest = PPCPV_HOSTCFG_SELFTEST_HOST_FAULT;
	o.fault = PPCPV_HOSTCFG_FAULT_STALE_PAGE;
	o.guest_entry = 0x2000;
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_PTR_NULL(why);
	CU_ASSERT_EQUAL(cfg.guest_base, o.guest_base);
	CU_ASSERT_EQUAL(cfg.guest_size, o.guest_size);
	CU_ASSERT_EQUAL(cfg.guest_entry, 0x2000);
	CU_ASSERT_TRUE(cfg.has_guest_fdt);
	CU_ASSERT_EQUAL(cfg.guest_fdt, o.guest_fdt);
	CU_ASSERT_TRUE(cfg.has_guest_msr);
	CU_ASSERT_EQUAL(cfg.guest_msr, o.guest_msr);
	CU_ASSERT_EQUAL(cfg.hostdev_base, o.hostdev);
	CU_ASSERT_EQUAL(cfg.fault, PPCPV_FAULT_STALE_MAGIC_PAGE);
	CU_ASSERT_EQUAL(cfg.mode, PPCPV_MODE_NO_PV);
	CU_ASSERT_EQUAL(cfg.features, 2);
	CU_ASSERT_EQUAL(cfg.verbose, 1);
	CU_ASSERT_TRUE(cfg.selftest_host_fault);
	o.fault = PPCPV_HOSTCFG_FAULT_ABSENT_PAGE;
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_EQUAL(cfg.fault, PPCPV_FAULT_ABSENT_MAGIC_PAGE);
	o.fault = "no-such-fault";
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), -PPCPV_ERR_INVAL);
	o.fault = NULL;
	/* fast-exits: on when absent or "on", off only when "off" */
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_FALSE(cfg.fast_exits_off);
	o.fast_exits = PPCPV_HOSTCFG_FAST_EXITS_OFF;
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_TRUE(cfg.fast_exits_off);
	o.fast_exits = PPCPV_HOSTCFG_FAST_EXITS_ON;
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_FALSE(cfg.fast_exits_off);
	o.fast_exits = "fast";
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), -PPCPV_ERR_INVAL);
}

/* irq-sweep: off when absent, each value, anything else refused. */
static void test_irq_sweep(void)
{
	struct hostcfg_options o = defaults();
	struct ppcpv_hostcfg cfg;
	const char *why = NULL;

	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_EQUAL(cfg.irq_sweep, PPCPV_IRQ_SWEEP_OFF);
	o.irq_sweep = PPCPV_HOSTCFG_IRQ_SWEEP_STEP;
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_EQUAL(cfg.irq_sweep, PPCPV_IRQ_SWEEP_STEP);
	o.irq_sweep = PPCPV_HOSTCFG_IRQ_SWEEP_IGNORE_CRITICAL;
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), 0);
	CU_ASSERT_EQUAL(cfg.irq_sweep, PPCPV_IRQ_SWEEP_IGNORE_CRITICAL);
	o.irq_sweep = "always";
	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), -PPCPV_ERR_INVAL);
	CU_ASSERT_PTR_NOT_NULL(why);
}

/* A minimal blob: only the two required properties. */
static void test_defaults(void)
{
	struct ppcpv_hostcfg cfg;

	CU_ASSERT_EQUAL_FATAL(fdt_create(blob, sizeof(blob)), 0);
	fdt_finish_reservemap(blob);
	fdt_begin_node(blob, "");
	fdt_property_string(blob, "compatible", PPCPV_HOSTCFG_COMPATIBLE);
	fdt_begin_node(blob, PPCPV_HOSTCFG_NODE + 1);
	fdt_property_u32(blob, PPCPV_HOSTCFG_GUEST_BASE, 0x2000000);	/* one cell is fine */
	fdt_property_u64(blob, PPCPV_HOSTCFG_GUEST_SIZE, 0x100000);
	fdt_end_node(blob);
	fdt_end_node(blob);
	CU_ASSERT_EQUAL_FATAL(fdt_finish(blob), 0);
	CU_ASSERT_EQUAL(ppcpv_hostcfg_parse(blob, sizeof(blob), &cfg, NULL), 0);
	CU_ASSERT_EQUAL(cfg.guest_base, 0x2000000);
	CU_ASSERT_EQUAL(cfg.guest_entry, PPCPV_GUEST_ENTRY_DEFAULT);
	CU_ASSERT_FALSE(cfg.has_guest_fdt);
	CU_ASSERT_EQUAL(cfg.hostdev_base, PPCPV_HOSTDEV_NONE);
	CU_ASSERT_EQUAL(cfg.mode, PPCPV_MODE_PV);
	CU_ASSERT_EQUAL(cfg.features, 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE);
	CU_ASSERT_FALSE(cfg.has_guest_msr);
	CU_ASSERT_FALSE(cfg.selftest_host_fault);
}

static void expect_refused(struct hostcfg_options o, int err)
{
	struct ppcpv_hostcfg cfg;
	const char *why = NULL;

	CU_ASSERT_EQUAL(parse(&o, &cfg, &why), err);
	CU_ASSERT_PTR_NOT_NULL(why);
}

static void test_refusals(void)
{
	struct hostcfg_options o;

	o = defaults(); o.mode = "fast";
	expect_refused(o, -PPCPV_ERR_INVAL);
	o = defaults(); o.guest_base += 8;
	expect_refused(o, -PPCPV_ERR_ALIGN);
	o = defaults(); o.guest_size = PPCPV_GUEST_SIZE_MAX + 0x1000;
	expect_refused(o, -PPCPV_ERR_ALIGN);
	o = defaults(); o.guest_entry = o.guest_size;
	expect_refused(o, -PPCPV_ERR_RANGE);
	o = defaults(); o.guest_fdt = o.guest_size + 0x1000;
	expect_refused(o, -PPCPV_ERR_RANGE);
	o = defaults(); o.hostdev = 0x8000;		/* inside guest memory */
	expect_refused(o, -PPCPV_ERR_RANGE);
	o = defaults(); o.hostdev = 0xf0000800;		/* not a page */
	expect_refused(o, -PPCPV_ERR_RANGE);
}

static void test_not_a_config(void)
{
	struct ppcpv_hostcfg cfg;
	struct hostcfg_options o = defaults();
	const char *why = NULL;

	CU_ASSERT_EQUAL_FATAL(hostcfg_build_guest_fdt(&o, blob, sizeof(blob)), 0);
	CU_ASSERT_EQUAL(ppcpv_hostcfg_parse(blob, sizeof(blob), &cfg, &why), -PPCPV_ERR_MISMATCH);
	CU_ASSERT_PTR_NOT_NULL(why);
	memset(blob, 0, sizeof(blob));
	CU_ASSERT_EQUAL(ppcpv_hostcfg_parse(blob, sizeof(blob), &cfg, &why), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_hostcfg_parse(blob, sizeof(blob), NULL, &why), -PPCPV_ERR_INVAL);
}

static void test_guest_tree(void)
{
	struct hostcfg_options o = defaults();
	const void *val;
	const char *s;
	uint64_t reg;
	int node, len;

	CU_ASSERT_EQUAL_FATAL(hostcfg_build_guest_fdt(&o, blob, sizeof(blob)), 0);
	node = ppcpv_fdt_path_offset(blob, sizeof(blob), "/hypervisor");
	CU_ASSERT_FATAL(node > 0);
	len = ppcpv_fdt_getprop(blob, sizeof(blob), node, "compatible", &val);
	CU_ASSERT_TRUE(ppcpv_fdt_stringlist_contains(val, len, "linux,kvm"));
	len = ppcpv_fdt_getprop(blob, sizeof(blob), node, "hcall-instructions", &val);
	CU_ASSERT_EQUAL(len, 16);
	CU_ASSERT_EQUAL(ppcpv_fdt_be32(val), PPCPV_HCALL_INSN0);
	CU_ASSERT_EQUAL(ppcpv_fdt_be32((const char *)val + 8), PPCPV_HCALL_INSN2);
	CU_ASSERT(ppcpv_fdt_getprop(blob, sizeof(blob), node, "has-idle", NULL) == 0);
	node = ppcpv_fdt_find_compatible(blob, sizeof(blob), -1, PPCPV_HOSTDEV_COMPATIBLE);
	CU_ASSERT_FATAL(node > 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, sizeof(blob), node, "reg", 0, 2, &reg), 0);
	CU_ASSERT_EQUAL(reg, PPCPV_HOSTDEV_BASE_DEFAULT);
	node = ppcpv_fdt_path_offset(blob, sizeof(blob), "/chosen");
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(blob, sizeof(blob), node, "stdout-path", &s), 0);
	CU_ASSERT_STRING_EQUAL(s, "/hypervisor/console");
	node = ppcpv_fdt_path_offset(blob, sizeof(blob), "/memory");
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, sizeof(blob), node, "reg", 2, 2, &reg), 0);
	CU_ASSERT_EQUAL(reg, o.guest_size);
	/* a bad-input test's hcall-instructions: cut short, or padded */
	o.hcall_bytes = 6;
	CU_ASSERT_EQUAL_FATAL(hostcfg_build_guest_fdt(&o, blob, sizeof(blob)), 0);
	node = ppcpv_fdt_path_offset(blob, sizeof(blob), "/hypervisor");
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, sizeof(blob), node, "hcall-instructions", &val), 6);
	o.hcall_bytes = 20;
	CU_ASSERT_EQUAL_FATAL(hostcfg_build_guest_fdt(&o, blob, sizeof(blob)), 0);
	node = ppcpv_fdt_path_offset(blob, sizeof(blob), "/hypervisor");
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, sizeof(blob), node, "hcall-instructions", &val), 20);
	/* no hypercalls: no /hypervisor node, the console is the device */
	o.mode = PPCPV_HOSTCFG_MODE_NONE;
	CU_ASSERT_EQUAL_FATAL(hostcfg_build_guest_fdt(&o, blob, sizeof(blob)), 0);
	node = ppcpv_fdt_path_offset(blob, sizeof(blob), "/chosen");
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(blob, sizeof(blob), node, "stdout-path", &s), 0);
	CU_ASSERT_STRING_EQUAL(s, "/hostdev@f0000000");
	o.hostdev = PPCPV_HOSTDEV_NONE;
	CU_ASSERT_EQUAL_FATAL(hostcfg_build_guest_fdt(&o, blob, sizeof(blob)), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, sizeof(blob), "/hypervisor"), -PPCPV_ERR_NOTFOUND);
	CU_ASSERT_EQUAL(ppcpv_fdt_find_compatible(blob, sizeof(blob), -1, PPCPV_HOSTDEV_COMPATIBLE),
			-PPCPV_ERR_NOTFOUND);
}

PPCPV_SUITE(host_config, "host-config", NULL, NULL,
	{ "ppcpv-hostcfg output parses back", test_round_trip },
	{ "irq-sweep: off by default, step, ignore-critical, refused otherwise", test_irq_sweep },
	{ "defaults", test_defaults },
	{ "bad configs are refused", test_refusals },
	{ "not a host config", test_not_a_config },
	{ "the guest's device tree", test_guest_tree })
