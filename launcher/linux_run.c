// SPDX-License-Identifier: MIT
/*
 * The files of one Linux boot, written into the boot's directory: the
 * kernel's raw image, the device tree, the RTAS blob, and natively the
 * entry stub with its parameters filled in, hosted the host stub's config.  Where each goes is the
 * layout's (linux_fdt.c); qemu.c names them on QEMU's command line.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libfdt.h>
#include <ppcpv/host/hostcfg.h>
#include "hostcfg_blobs.h"
#include "linux_boot.h"
#include "linux_entry.h"

/* The largest entry stub accepted (it is a few hundred bytes). */
#define ENTRY_STUB_MAX	0x10000

static int write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	int err = !f || fwrite(data, 1, n, f) != n;

	if (f && fclose(f))
		err = 1;
	if (err)
		fprintf(stderr, "ppcpv-run: cannot write %s: %s\n", path, strerror(errno));
	return err ? -1 : 0;
}

static void put_be64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint64_t get_be64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* The entry stub with this boot's parameters, written to lf->entry. */
static int write_entry_stub(const char *stub, const struct linux_image *img, struct linux_files *lf)
{
	static uint8_t buf[ENTRY_STUB_MAX];
	uint8_t *p = buf + LINUX_ENTRY_PARAMS;
	FILE *f = fopen(stub, "rb");
	size_t n = f ? fread(buf, 1, sizeof(buf), f) : 0;

	if (f)
		fclose(f);
	if (!f || n < LINUX_ENTRY_START || n == sizeof(buf) ||
	    get_be64(p + LINUX_ENTRY_P_MAGIC) != LINUX_ENTRY_MAGIC) {
		fprintf(stderr, "ppcpv-run: entry stub %s: %s\n", stub,
			!f ? strerror(errno) : "not ppcpv's Linux entry stub (build it with make)");
		return -1;
	}
	if (get_be64(p + LINUX_ENTRY_P_MOVER_SIZE) > LINUX_ENTRY_MOVER_SPACE) {
		fprintf(stderr, "ppcpv-run: entry stub %s: its copy routine outgrew %u bytes\n",
			stub, LINUX_ENTRY_MOVER_SPACE);
		return -1;
	}
	put_be64(p + LINUX_ENTRY_P_STAGE, lf->layout.stage);
	put_be64(p + LINUX_ENTRY_P_SIZE, lf->layout.stage_size);
	put_be64(p + LINUX_ENTRY_P_ENTRY, img->entry);
	put_be64(p + LINUX_ENTRY_P_FDT, lf->layout.fdt);
	put_be64(p + LINUX_ENTRY_P_MOVER, lf->layout.mover);
	return write_file(lf->entry, buf, n);
}

static int initrd_size(const char *path, uint64_t *size)
{
	struct stat st;

	*size = 0;
	if (!path)
		return 0;
	if (stat(path, &st) || access(path, R_OK)) {
		fprintf(stderr, "ppcpv-run: initrd %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode) || !st.st_size) {
		fprintf(stderr, "ppcpv-run: initrd %s: %s\n", path,
			S_ISREG(st.st_mode) ? "empty" : "not a regular file");
		return -1;
	}
	*size = (uint64_t)st.st_size;
	return 0;
}

/* The kernel command line: the launcher's own words, then --append's. */
static char *bootargs(const struct run_options *o)
{
	char *s;

	if (asprintf(&s, "%s%s%s", LINUX_BOOTARGS_BASE, o->append ? " " : "",
		     o->append ? o->append : "") < 0)
		return NULL;
	return s;
}

static int write_tree_and_rtas(const struct run_options *o, struct linux_files *lf)
{
	static uint8_t fdt[LINUX_FDT_SPACE];
	uint8_t rtas[64];
	size_t rtas_n = linux_rtas_blob(o->mode, rtas, sizeof(rtas));
	char *args = bootargs(o);
	int err = !args || !rtas_n;

	if (!err && linux_fdt_build(o->mode, o->inject, o->hcall_bytes, &lf->layout, args, fdt,
					  sizeof(fdt))) {
		fprintf(stderr, "ppcpv-run: the Linux device tree does not fit in %llu bytes\n",
			(unsigned long long)sizeof(fdt));
		err = 1;
	}
	free(args);
	if (!err)
		err = write_file(lf->fdt, fdt, fdt_totalsize(fdt));
	if (!err)
		err = write_file(lf->rtas, rtas, rtas_n);
	return err ? -1 : 0;
}

/*
 * --prepatch: ppcpv-patch --apply writes the patched kernel ELF into the
 * boot's directory (its own checks and restore record, the sites the
 * book3s64 rules and the relocatable rule allow, trampolines in the
 * image's kvm_tmp); the number of sites patched is read back from its
 * --json summary.  It runs as QEMU does (proc.c): in a group of its own,
 * under the boot's deadline and the stop signals.
 */
static int run_patch_tool(const struct run_options *o, struct linux_files *lf,
			  unsigned long long *patched)
{
	const char *const argv[] = { o->patch_tool, "--apply", lf->patched, "--json",
				     o->linux_kernel, NULL };
	double deadline = proc_now() + o->timeout_s;
	enum proc_event ev = PROC_OUTPUT;
	char json[8192], *key;
	size_t len = 0;
	struct proc p;
	ssize_t n;

	if (proc_spawn(&p, argv)) {
		fprintf(stderr, "ppcpv-run: --prepatch: cannot start %s: %s\n", o->patch_tool,
			strerror(errno));
		return -1;
	}
	/* the summary is small: a full buffer just ends the reading */
	while ((ev = proc_wait(&p, deadline)) == PROC_OUTPUT)
		if ((n = proc_read(&p, json + len, sizeof(json) - 1 - len, 0)) > 0)
			len += (size_t)n;
	while (ev == PROC_EXITED && (n = proc_read(&p, json + len, sizeof(json) - 1 - len, 1)) > 0)
		len += (size_t)n;
	proc_stop(&p);
	json[len] = '\0';
	if (ev != PROC_EXITED || !WIFEXITED(p.status) || WEXITSTATUS(p.status)) {
		fprintf(stderr, "ppcpv-run: --prepatch: %s could not patch %s\n", o->patch_tool,
			o->linux_kernel);
		return -1;
	}
	key = strstr(json, "\"patched\":");
	if (!key) {
		fprintf(stderr, "ppcpv-run: --prepatch: no site count in %s's summary\n",
			o->patch_tool);
		return -1;
	}
	*patched = strtoull(key + strlen("\"patched\":"), NULL, 10);
	return 0;
}

/*
 * Hosted: the host stub's config.  The guest is the kernel's raw image at
 * guest-physical 0, entered at the ELF's entry with r3 = the tree; the host
 * virtualizes its hash MMU (shadow) and finds the `sc 1` hypercall sites in
 * the image and in the RTAS blob.
 */
static int write_host_config(const struct run_options *o, const struct linux_image *img,
			     struct linux_files *lf)
{
	const struct linux_layout *l = &lf->layout;
	struct hostcfg_options h;
	const char *bad;

	hostcfg_options_init(&h);
	h.guest_size = l->ram;
	h.guest_entry = img->entry;
	h.guest_fdt = l->fdt;
	h.guest_fdt_own = 1;
	h.mmu = PPCPV_HOSTCFG_MMU_SHADOW;
	h.hostdev = PPCPV_HOSTDEV_NONE;
	h.verbose = (uint32_t)o->verbose_host;
	h.guest_image = lf->kernel;
	h.rtas_base = l->rtas;
	h.rtas_size = l->rtas_size;
	h.host_config_out = lf->host_cfg;
	if (o->mode == MODE_NO_PV) {
		h.mode = PPCPV_HOSTCFG_MODE_NO_PV;
		h.features = 0;
	}
	/* the other injections change the tree only (linux_fdt_build) */
	if (o->inject == INJECT_MAP_FAILS)
		h.fault = PPCPV_HOSTCFG_FAULT_MAP_FAILS;
	else if (o->inject == INJECT_STALE_PAGE)
		h.fault = PPCPV_HOSTCFG_FAULT_STALE_PAGE;
	else if (o->inject == INJECT_ABSENT_PAGE)
		h.fault = PPCPV_HOSTCFG_FAULT_ABSENT_PAGE;
	if (l->magic) {
		/* patched code reads the page from the kernel's first
		 * instructions, in the kernel's byte order */
		h.premap = 1;
		h.premap_ea = (uint64_t)(int64_t)PPCPV_MAGIC_PAGE_EA;
		h.premap_pa = l->magic;
		h.premap_le = (uint32_t)img->little_endian;
	}
	bad = hostcfg_check_layout(&h);
	if (bad) {
		fprintf(stderr, "ppcpv-run: %s\n", bad);
		return -1;
	}
	return hostcfg_write_files(&h);
}

int linux_files_make(const struct run_options *o, const char *dir, struct linux_files *lf)
{
	struct linux_image img;
	char why[512];
	uint64_t initrd;
	int err;

	memset(lf, 0, sizeof(*lf));
	snprintf(lf->kernel, sizeof(lf->kernel), "%s/kernel.bin", dir);
	snprintf(lf->fdt, sizeof(lf->fdt), "%s/linux.dtb", dir);
	snprintf(lf->rtas, sizeof(lf->rtas), "%s/rtas.bin", dir);
	snprintf(lf->entry, sizeof(lf->entry), "%s/linux-entry.bin", dir);
	snprintf(lf->host_cfg, sizeof(lf->host_cfg), "%s/host-config.dtb", dir);
	snprintf(lf->patched, sizeof(lf->patched), "%s/vmlinux.ppcpv", dir);
	if (initrd_size(o->initrd, &initrd))
		return -1;
	/* the original is checked first: its name is the one to complain of */
	if (linux_elf_load(o->linux_kernel, LINUX_RAM_DEFAULT, &img, why, sizeof(why))) {
		fprintf(stderr, "ppcpv-run: kernel %s\n", why);
		return -1;
	}
	if (o->prepatch) {
		linux_image_free(&img);
		if (run_patch_tool(o, lf, &lf->patched_sites))
			return -1;
		if (linux_elf_load(lf->patched, LINUX_RAM_DEFAULT, &img, why, sizeof(why))) {
			fprintf(stderr, "ppcpv-run: patched kernel %s\n", why);
			return -1;
		}
	}
	err = linux_layout(&img, initrd, o->mode, o->prepatch, LINUX_RAM_DEFAULT, &lf->layout, why,
			   sizeof(why));
	if (err)
		fprintf(stderr, "ppcpv-run: %s\n", why);
	if (!err)
		err = write_file(lf->kernel, img.raw, img.raw_size);
	if (!err)
		err = write_tree_and_rtas(o, lf);
	if (!err && o->mode == MODE_NATIVE)
		err = write_entry_stub(o->linux_entry, &img, lf);
	if (!err && o->mode != MODE_NATIVE)
		err = write_host_config(o, &img, lf);
	linux_image_free(&img);
	return err;
}

void linux_files_remove(const struct linux_files *lf)
{
	const char *const files[] = { lf->kernel, lf->fdt, lf->rtas, lf->entry, lf->host_cfg,
				      lf->patched };
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (files[i][0])
			unlink(files[i]);
}
