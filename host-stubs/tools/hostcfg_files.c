// SPDX-License-Identifier: MIT
/*
 * The files of a hosted boot: default options, the layout rules the host
 * stub will apply again at boot, and writing the two device trees so that
 * a failure leaves no output half written.
 */
#define _GNU_SOURCE	/* program_invocation_short_name */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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
		.host_ram = PPCPV_HOST_RAM_DEFAULT,
		.mode = PPCPV_HOSTCFG_MODE_PV,
		.mmu = PPCPV_HOSTCFG_MMU_FLAT,
		.hcall_bytes = -1,
	};
}

static char why[256];

static const char * __attribute__((format(printf, 1, 2))) reason(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return why;
}

/* The guest image must be a regular file we can open; its size, or -1. */
static long long image_size(const char *path, const char **bad)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st)) {
		*bad = reason("guest image %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	if (S_ISREG(st.st_mode))
		return (long long)st.st_size;
	*bad = reason("guest image %s: %s", path,
		      S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
	return -1;
}

/* Where the guest lives in host memory: the host's own checks, and the RAM. */
static const char *check_region(const struct hostcfg_options *o)
{
	uint64_t end = o->guest_base + o->guest_size;

	if (o->guest_base % PPCPV_MAGIC_PAGE_SIZE || o->guest_size % PPCPV_MAGIC_PAGE_SIZE ||
	    !o->guest_size || o->guest_size > PPCPV_GUEST_SIZE_MAX)
		return "guest base and size must be 4 KiB multiples, size at most 256 MiB";
	if (end < o->guest_base)
		return reason("guest base 0x%llx + size 0x%llx wraps past the top of the address space",
			      (unsigned long long)o->guest_base, (unsigned long long)o->guest_size);
	if (o->guest_base < PPCPV_HOSTCFG_PA + PPCPV_HOSTCFG_MAX_SIZE)
		return "the guest region must lie above the host-config blob";
	if (end > o->host_ram)
		return reason("the guest region 0x%llx-0x%llx ends beyond the host's RAM (0x%llx bytes)",
			      (unsigned long long)o->guest_base, (unsigned long long)end,
			      (unsigned long long)o->host_ram);
	return NULL;
}

static const char *check_guest_view(const struct hostcfg_options *o)
{
	if (o->guest_entry >= o->guest_size || o->guest_entry % 4)
		return "the entry point is outside guest memory or not a multiple of 4";
	if (o->guest_fdt_out && (o->guest_fdt % 8 || o->guest_fdt >= o->guest_size ||
				 o->guest_size - o->guest_fdt < HOSTCFG_BLOB_SIZE))
		return "the guest DTB does not fit at --guest-fdt-addr";
	if (!o->timebase_hz)
		return "--timebase-hz must not be 0 (a guest kernel derives its clock from it)";
	if (o->hostdev != PPCPV_HOSTDEV_NONE &&
	    (o->hostdev % PPCPV_MAGIC_PAGE_SIZE || o->hostdev < o->guest_size))
		return "the MMIO device must be a page outside guest memory";
	return NULL;
}

/* The layout must be one the host accepts (it checks again at boot). */
const char *hostcfg_check_layout(const struct hostcfg_options *o)
{
	const char *bad = NULL;
	long long image = 0;

	if (strcmp(o->mode, PPCPV_HOSTCFG_MODE_PV) && strcmp(o->mode, PPCPV_HOSTCFG_MODE_NO_PV) &&
	    strcmp(o->mode, PPCPV_HOSTCFG_MODE_NONE))
		return "--mode must be pv, no-pv or none";
	if (strcmp(o->mmu, PPCPV_HOSTCFG_MMU_FLAT) && strcmp(o->mmu, PPCPV_HOSTCFG_MMU_SHADOW))
		return "--mmu must be flat or shadow";
	if (o->fast_exits && strcmp(o->fast_exits, PPCPV_HOSTCFG_FAST_EXITS_ON) &&
	    strcmp(o->fast_exits, PPCPV_HOSTCFG_FAST_EXITS_OFF))
		return "--fast-exits must be on or off";
	if ((bad = check_region(o)) || (bad = check_guest_view(o)))
		return bad;
	if (o->guest_image && (image = image_size(o->guest_image, &bad)) < 0)
		return bad;
	if ((uint64_t)image > o->guest_size ||
	    (o->guest_fdt_out && (uint64_t)image > o->guest_fdt))
		return "the guest image overlaps the guest DTB or exceeds guest memory";
	if (o->fault && strcmp(o->fault, PPCPV_HOSTCFG_FAULT_MAP_FAILS) &&
	    strcmp(o->fault, PPCPV_HOSTCFG_FAULT_STALE_PAGE) &&
	    strcmp(o->fault, PPCPV_HOSTCFG_FAULT_ABSENT_PAGE))
		return "--fault must be map-fails, stale-magic-page or absent-magic-page";
	if (o->irq_sweep && strcmp(o->irq_sweep, PPCPV_HOSTCFG_IRQ_SWEEP_STEP) &&
	    strcmp(o->irq_sweep, PPCPV_HOSTCFG_IRQ_SWEEP_IGNORE_CRITICAL))
		return "--irq-sweep must be step or ignore-critical";
	if (o->hcall_bytes > 4 * PPCPV_HCALL_INSN_COUNT + 16)
		return "--hcall-bytes is at most 32";
	return NULL;
}

/* One output: written to a temporary file beside it, renamed when all are. */
struct output {
	const char *path;
	char tmp[PATH_MAX];
	int (*build)(const struct hostcfg_options *, void *, size_t);
	char blob[HOSTCFG_BLOB_SIZE];
};

static int write_error(const char *path)
{
	fprintf(stderr, "%s: cannot write %s: %s\n", program_invocation_short_name, path,
		strerror(errno));
	return -1;
}

static int write_all(int fd, const char *data, size_t size)
{
	while (size) {
		ssize_t n = write(fd, data, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		size -= (size_t)n;
	}
	return 0;
}

/* The temporary file gets the mode a new file would: 0666 less the umask. */
static int write_temp(struct output *out, mode_t mode)
{
	struct stat st;
	size_t size = fdt_totalsize(out->blob);
	int fd, err;

	if (!stat(out->path, &st) && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return write_error(out->path);
	}
	if ((size_t)snprintf(out->tmp, sizeof(out->tmp), "%s.XXXXXX", out->path) >= sizeof(out->tmp)) {
		errno = ENAMETOOLONG;
		return write_error(out->path);
	}
	fd = mkstemp(out->tmp);
	if (fd < 0) {
		out->tmp[0] = '\0';
		return write_error(out->path);
	}
	err = fchmod(fd, mode) || write_all(fd, out->blob, size);
	if (close(fd))
		err = 1;
	return err ? write_error(out->path) : 0;
}

static int build(const struct hostcfg_options *o, struct output *out)
{
	if (!out->build(o, out->blob, sizeof(out->blob)))
		return 0;
	fprintf(stderr, "%s: %s: tree does not fit in %d bytes\n", program_invocation_short_name,
		out->path, HOSTCFG_BLOB_SIZE);
	return -1;
}

int hostcfg_write_files(const struct hostcfg_options *o)
{
	static struct output outs[] = {
		{ .build = hostcfg_build_host_config },
		{ .build = hostcfg_build_guest_fdt },
	};
	const size_t n = sizeof(outs) / sizeof(outs[0]);
	struct hostcfg_options with_image = *o;
	const char *bad = NULL;
	long long image = o->guest_image ? image_size(o->guest_image, &bad) : 0;
	mode_t mask = umask(0);
	size_t i;
	int err = 0;

	umask(mask);
	/* The host scans the image for `sc 1` words (mmu shadow). */
	with_image.image_bytes = image > 0 ? (uint64_t)image : 0;
	o = &with_image;
	outs[0].path = o->host_config_out;
	outs[1].path = o->guest_fdt_out;
	for (i = 0; i < n; i++)
		outs[i].tmp[0] = '\0';
	for (i = 0; i < n && !err; i++)
		if (outs[i].path)
			err = build(o, &outs[i]) || write_temp(&outs[i], 0666 & ~mask);
	for (i = 0; i < n && !err; i++)
		if (outs[i].path && rename(outs[i].tmp, outs[i].path))
			err = write_error(outs[i].path);
	for (i = 0; i < n && err; i++)
		if (outs[i].tmp[0])
			unlink(outs[i].tmp);	/* renamed already: nothing there */
	return err ? -1 : 0;
}
