// SPDX-License-Identifier: MIT
/*
 * The files of a hosted boot: default options, the layout rules the host
 * stub will apply again at boot, and writing the two device trees.
 */
#define _GNU_SOURCE	/* program_invocation_short_name */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <libfdt.h>
#include <ppcpv/abi.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/vcpu.h>
#include "hostcfg_blobs.h"

void hostcfg_options_init(struct hostcfg_options *o)
{
	*o = (struct hostcfg_options){
		.guest_base = PPCPV_GUEST_BASE_DEFAULT,
		.guest_size = PPCPV_GUEST_SIZE_DEFAULT,
		.guest_entry = PPCPV_GUEST_ENTRY_DEFAULT,
		.guest_fdt = PPCPV_GUEST_SIZE_DEFAULT - PPCPV_GUEST_FDT_RESERVE,
		.guest_msr = PPC_BOOK3S_MSR_SF | PPC_MSR_ME,
		.hostdev = PPCPV_HOSTDEV_BASE_DEFAULT,
		.features = 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE,
		.timebase_hz = HOSTCFG_TIMEBASE_HZ_DEFAULT,
		.mode = PPCPV_HOSTCFG_MODE_PV,
		.hcall_bytes = -1,
	};
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : (long)st.st_size;
}

/* The layout must be one the host accepts (it checks again at boot). */
const char *hostcfg_check_layout(const struct hostcfg_options *o)
{
	long image = o->guest_image ? file_size(o->guest_image) : 0;

	if (strcmp(o->mode, PPCPV_HOSTCFG_MODE_PV) && strcmp(o->mode, PPCPV_HOSTCFG_MODE_NO_PV) &&
	    strcmp(o->mode, PPCPV_HOSTCFG_MODE_NONE))
		return "--mode must be pv, no-pv or none";
	if (o->guest_base % PPCPV_MAGIC_PAGE_SIZE || o->guest_size % PPCPV_MAGIC_PAGE_SIZE ||
	    !o->guest_size || o->guest_size > PPCPV_GUEST_SIZE_MAX)
		return "guest base and size must be 4 KiB multiples, size at most 256 MiB";
	if (o->guest_base < PPCPV_HOSTCFG_PA + PPCPV_HOSTCFG_MAX_SIZE)
		return "the guest region must lie above the host-config blob";
	if (o->guest_entry >= o->guest_size)
		return "the entry point is outside guest memory";
	if (o->guest_fdt_out && (o->guest_fdt % 8 || o->guest_fdt >= o->guest_size ||
				 o->guest_size - o->guest_fdt < HOSTCFG_BLOB_SIZE))
		return "the guest DTB does not fit at --guest-fdt-addr";
	if (image < 0)
		return "cannot read --guest-image";
	if ((uint64_t)image > o->guest_size ||
	    (o->guest_fdt_out && (uint64_t)image > o->guest_fdt))
		return "the guest image overlaps the guest DTB or exceeds guest memory";
	if (o->fault && strcmp(o->fault, PPCPV_HOSTCFG_FAULT_MAP_FAILS) &&
	    strcmp(o->fault, PPCPV_HOSTCFG_FAULT_STALE_PAGE) &&
	    strcmp(o->fault, PPCPV_HOSTCFG_FAULT_ABSENT_PAGE))
		return "--fault must be map-fails, stale-magic-page or absent-magic-page";
	if (o->hcall_bytes > 4 * PPCPV_HCALL_INSN_COUNT + 16)
		return "--hcall-bytes is at most 32";
	if (o->hostdev != PPCPV_HOSTDEV_NONE &&
	    (o->hostdev % PPCPV_MAGIC_PAGE_SIZE || o->hostdev < o->guest_size))
		return "the MMIO device must be a page outside guest memory";
	return NULL;
}

static int write_blob(const char *path, const void *blob, size_t size)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(blob, 1, size, f) == size;

	if (f && fclose(f))
		ok = 0;
	if (!ok)
		fprintf(stderr, "%s: cannot write %s: %s\n", program_invocation_short_name, path,
			strerror(errno));
	return ok ? 0 : -1;
}

int hostcfg_write(const struct hostcfg_options *o, const char *path,
			   int (*build)(const struct hostcfg_options *, void *, size_t))
{
	static char blob[HOSTCFG_BLOB_SIZE];

	if (!path)
		return 0;
	if (build(o, blob, sizeof(blob))) {
		fprintf(stderr, "%s: %s: tree does not fit in %d bytes\n", program_invocation_short_name,
			path, HOSTCFG_BLOB_SIZE);
		return -1;
	}
	return write_blob(path, blob, fdt_totalsize(blob));
}

