// SPDX-License-Identifier: MIT
/*
 * ppcpv-hostcfg: write the host-config blob the host stub reads, and the
 * guest's device tree, from command-line options; optionally print the
 * QEMU -device loader arguments that put them (and the guest image) where
 * the host expects them.  See host-stubs/README.md.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libfdt.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/vcpu.h>
#include "hostcfg_blobs.h"


static void usage(FILE *f)
{
	fprintf(f,
		"usage: ppcpv-hostcfg [options]\n"
		"  --host-config FILE   write the host-config blob (loaded at 0x%x)\n"
		"  --guest-fdt FILE     write the guest's device tree\n"
		"  --guest-image FILE   the guest binary (checked against the layout)\n"
		"  --loader-args        print the QEMU -device loader arguments\n"
		"  --guest-base ADDR    host PA of guest-physical 0 (default 0x%x)\n"
		"  --guest-size SIZE    guest memory (default 0x%x, at most 0x%x)\n"
		"  --host-ram SIZE      QEMU's -m in bytes: the guest must end below\n"
		"                       (default 0x%x)\n"
		"  --guest-entry ADDR   guest-physical entry (default 0x%x)\n"
		"  --guest-fdt-addr A   guest-physical address of the guest DTB\n"
		"                       (default: size - 0x%x)\n"
		"  --guest-msr MSR      guest MSR at entry (default SF|ME)\n"
		"  --mode MODE          pv | no-pv | none (default pv)\n"
		"  --mmu MMU            flat | shadow: the guest's own hash MMU, PAPR\n"
		"                       page frame table calls (default flat)\n"
		"  --fast-exits on|off  the host's fast path for system call reflection\n"
		"                       and rfid (default on; off: every exit through C)\n"
		"  --features N         FEATURES result in pv mode (default 0x%x)\n"
		"  --hostdev ADDR|none  guest-physical MMIO device page (default 0x%x)\n"
		"  --timebase-hz HZ     for the guest's cpu node (default %u)\n"
		"  --bootargs STR       /chosen/bootargs of the guest\n"
		"  --verbose            the host logs every trap\n"
		"  --selftest NAME      host self-test: host-fault\n"
		"  --fault NAME         a deliberate host defect: map-fails, stale-magic-page,\n"
		"                       absent-magic-page\n"
		"  --irq-sweep MODE     interrupt placement for the sweep test: step, or\n"
		"                       ignore-critical (a deliberate defect); default off\n"
		"  --hcall-bytes N      length of hcall-instructions (bad-input tests)\n",
		PPCPV_HOSTCFG_PA, PPCPV_GUEST_BASE_DEFAULT, PPCPV_GUEST_SIZE_DEFAULT,
		PPCPV_GUEST_SIZE_MAX, PPCPV_HOST_RAM_DEFAULT, PPCPV_GUEST_ENTRY_DEFAULT,
		PPCPV_GUEST_FDT_RESERVE, 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE, PPCPV_HOSTDEV_BASE_DEFAULT,
		HOSTCFG_TIMEBASE_HZ_DEFAULT);
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || !*s || *end ? -1 : 0;
}

enum {
	OPT_HOST_CONFIG = 1, OPT_GUEST_FDT, OPT_GUEST_IMAGE, OPT_LOADER_ARGS,
	OPT_GUEST_BASE, OPT_GUEST_SIZE, OPT_HOST_RAM, OPT_GUEST_ENTRY,
	OPT_GUEST_FDT_ADDR, OPT_GUEST_MSR, OPT_MODE, OPT_FEATURES, OPT_HOSTDEV, OPT_TIMEBASE,
	OPT_BOOTARGS, OPT_VERBOSE, OPT_SELFTEST, OPT_FAULT, OPT_HCALL_BYTES, OPT_MMU, OPT_FAST_EXITS,
	OPT_IRQ_SWEEP, OPT_HELP,
};

static const struct option long_options[] = {
	{ "host-config", required_argument, NULL, OPT_HOST_CONFIG },
	{ "guest-fdt", required_argument, NULL, OPT_GUEST_FDT },
	{ "guest-image", required_argument, NULL, OPT_GUEST_IMAGE },
	{ "loader-args", no_argument, NULL, OPT_LOADER_ARGS },
	{ "guest-base", required_argument, NULL, OPT_GUEST_BASE },
	{ "guest-size", required_argument, NULL, OPT_GUEST_SIZE },
	{ "host-ram", required_argument, NULL, OPT_HOST_RAM },
	{ "guest-entry", required_argument, NULL, OPT_GUEST_ENTRY },
	{ "guest-fdt-addr", required_argument, NULL, OPT_GUEST_FDT_ADDR },
	{ "guest-msr", required_argument, NULL, OPT_GUEST_MSR },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "features", required_argument, NULL, OPT_FEATURES },
	{ "hostdev", required_argument, NULL, OPT_HOSTDEV },
	{ "timebase-hz", required_argument, NULL, OPT_TIMEBASE },
	{ "bootargs", required_argument, NULL, OPT_BOOTARGS },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "selftest", required_argument, NULL, OPT_SELFTEST },
	{ "fault", required_argument, NULL, OPT_FAULT },
	{ "mmu", required_argument, NULL, OPT_MMU },
	{ "fast-exits", required_argument, NULL, OPT_FAST_EXITS },
	{ "irq-sweep", required_argument, NULL, OPT_IRQ_SWEEP },
	{ "hcall-bytes", required_argument, NULL, OPT_HCALL_BYTES },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static int set_number(int opt, const char *arg, struct hostcfg_options *o, int *fdt_addr_set)
{
	uint64_t v;

	if (opt == OPT_HOSTDEV && !strcmp(arg, "none")) {
		o->hostdev = PPCPV_HOSTDEV_NONE;
		return 0;
	}
	if (parse_u64(arg, &v))
		return -1;
	switch (opt) {
	case OPT_GUEST_BASE: o->guest_base = v; break;
	case OPT_GUEST_SIZE: o->guest_size = v; break;
	case OPT_HOST_RAM: o->host_ram = v; break;
	case OPT_GUEST_ENTRY: o->guest_entry = v; break;
	case OPT_GUEST_FDT_ADDR: o->guest_fdt = v; *fdt_addr_set = 1; break;
	case OPT_GUEST_MSR: o->guest_msr = v; break;
	case OPT_HOSTDEV: o->hostdev = v; break;
	case OPT_FEATURES: o->features = (uint32_t)v; return v > UINT32_MAX ? -1 : 0;
	case OPT_TIMEBASE: o->timebase_hz = (uint32_t)v; return v > UINT32_MAX ? -1 : 0;
	case OPT_HCALL_BYTES: o->hcall_bytes = (int)v; return v > 64 ? -1 : 0;
	}
	return 0;
}

static int parse_options(int argc, char **argv, struct hostcfg_options *o)
{
	int opt, fdt_addr_set = 0;

	while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
		switch (opt) {
		case OPT_HOST_CONFIG: o->host_config_out = optarg; break;
		case OPT_GUEST_FDT: o->guest_fdt_out = optarg; break;
		case OPT_GUEST_IMAGE: o->guest_image = optarg; break;
		case OPT_LOADER_ARGS: o->loader_args = 1; break;
		case OPT_MODE: o->mode = optarg; break;
		case OPT_MMU: o->mmu = optarg; break;
		case OPT_FAST_EXITS: o->fast_exits = optarg; break;
		case OPT_BOOTARGS: o->bootargs = optarg; break;
		case OPT_VERBOSE: o->verbose = 1; break;
		case OPT_SELFTEST: o->selftest = optarg; break;
		case OPT_FAULT: o->fault = optarg; break;
		case OPT_IRQ_SWEEP: o->irq_sweep = optarg; break;
		case OPT_HELP: usage(stdout); exit(0);
		case '?': return -1;
		default:
			if (set_number(opt, optarg, o, &fdt_addr_set)) {
				fprintf(stderr, "ppcpv-hostcfg: bad number '%s'\n", optarg);
				return -1;
			}
		}
	}
	if (optind != argc)
		return -1;
	if (!fdt_addr_set)
		o->guest_fdt = o->guest_size - PPCPV_GUEST_FDT_RESERVE;
	return 0;
}

static void print_loader_args(const struct hostcfg_options *o)
{
	const char *fmt = "-device loader,file=%s,addr=0x%llx,force-raw=on\n";

	if (o->host_config_out)
		printf(fmt, o->host_config_out, (unsigned long long)PPCPV_HOSTCFG_PA);
	if (o->guest_image)
		printf(fmt, o->guest_image, (unsigned long long)o->guest_base);
	if (o->guest_fdt_out)
		printf(fmt, o->guest_fdt_out, (unsigned long long)(o->guest_base + o->guest_fdt));
}

int main(int argc, char **argv)
{
	struct hostcfg_options o;
	const char *bad;

	hostcfg_options_init(&o);
	if (parse_options(argc, argv, &o)) {
		usage(stderr);
		return 2;
	}
	bad = hostcfg_check_layout(&o);
	if (bad) {
		fprintf(stderr, "ppcpv-hostcfg: %s\n", bad);
		return 2;
	}
	if (hostcfg_write_files(&o))
		return 1;
	if (o.loader_args)
		print_loader_args(&o);
	return 0;
}
