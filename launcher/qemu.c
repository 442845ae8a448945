// SPDX-License-Identifier: MIT
/*
 * Starting QEMU and watching it: the command line (the same one
 * tests/host/run-guest.sh and tests/host/e500/run-guest.sh build; the
 * family's row says the machine), the console read line by line until
 * QEMU exits, the deadline passes or a stop signal comes (proc.c), then
 * QEMU's whole process group stopped.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <ppcpv/host/hostcfg.h>
#include "hostcfg_blobs.h"
#include "launcher.h"
#include "linux_boot.h"

/* How much of QEMU's output one read takes. */
#define READ_CHUNK	4096
/* A raw file at a physical address. */
#define LOADER "loader,file=%s,addr=0x%llx,force-raw=on"
/* The CPU a Linux guest's device tree describes. */
#define LINUX_CPU "POWER8"
/* A fixed date on the guest's clock, running on virtual time: a Linux
 * boot under -icount then repeats instruction for instruction. */
#define LINUX_RTC "base=2024-01-01T00:00:00,clock=vm"
/* The console's QEMU character device. */
#define CONSOLE_CHARDEV "console"

const char *qemu_find(const char *name)
{
	static char path[4096];
	const char *dirs = getenv("PATH");
	size_t n;

	if (strchr(name, '/'))
		return access(name, X_OK) ? NULL : name;
	while (dirs && *dirs) {
		n = strcspn(dirs, ":");
		snprintf(path, sizeof(path), "%.*s/%s", (int)n, dirs, name);
		if (!access(path, X_OK))
			return path;
		dirs += n + (dirs[n] == ':');
	}
	return NULL;
}

struct argv_builder {
	const char **argv;
	size_t n, max;
	char *store;
	size_t used, size;
};

static void add(struct argv_builder *b, const char *arg)
{
	if (b->n + 1 < b->max)
		b->argv[b->n++] = arg;
}

/* An argument formatted into the builder's storage. */
static void __attribute__((format(printf, 2, 3))) addf(struct argv_builder *b, const char *fmt, ...)
{
	char *dst = b->store + b->used;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(dst, b->size - b->used, fmt, ap);
	va_end(ap);

	if (n < 0 || (size_t)n >= b->size - b->used)
		return;
	b->used += (size_t)n + 1;
	add(b, dst);
}

/* The host stub and the raw guest (or the guest alone, natively, where
 * the family can: as the machine's first image). */
static void ref_guest_args(struct argv_builder *b, const struct run_options *o,
			   const char *host_cfg, const char *guest_fdt)
{
	const unsigned long long base = o->family->guest_base;

	add(b, "-serial");
	add(b, "stdio");
	add(b, o->family->first_image);
	if (o->mode == MODE_NATIVE) {
		add(b, o->native_guest);
		return;
	}
	add(b, o->host);
	add(b, "-device");
	addf(b, LOADER, host_cfg, (unsigned long long)PPCPV_HOSTCFG_PA);
	add(b, "-device");
	addf(b, LOADER, o->guest, base);
	add(b, "-device");
	addf(b, LOADER, guest_fdt, base + PPCPV_GUEST_SIZE_DEFAULT - PPCPV_GUEST_FDT_RESERVE);
}

/* A Linux guest natively: the entry stub as firmware, the kernel at its
 * staging address, the tree, RTAS and initrd where the layout puts them,
 * and the vty at the address the tree names. */
static void linux_native_args(struct argv_builder *b, const struct run_options *o,
			      const struct linux_files *lf)
{
	const struct linux_layout *l = &lf->layout;

	add(b, "-rtc");
	add(b, LINUX_RTC);
	add(b, "-chardev");
	add(b, "stdio,id=" CONSOLE_CHARDEV);
	add(b, "-device");
	addf(b, "spapr-vty,chardev=" CONSOLE_CHARDEV ",reg=0x%x", LINUX_VTY_REG);
	add(b, "-bios");
	add(b, lf->entry);
	add(b, "-device");
	addf(b, LOADER, lf->kernel, (unsigned long long)l->stage);
	add(b, "-device");
	addf(b, LOADER, lf->fdt, (unsigned long long)l->fdt);
	add(b, "-device");
	addf(b, LOADER, lf->rtas, (unsigned long long)l->rtas);
	if (o->initrd) {
		add(b, "-device");
		addf(b, LOADER, o->initrd, (unsigned long long)l->initrd);
	}
}

/* A Linux guest under the host stub: the host's config, then the kernel,
 * tree, RTAS and initrd at the host addresses of their guest-physical ones. */
static void linux_hosted_args(struct argv_builder *b, const struct run_options *o,
			      const struct linux_files *lf)
{
	const struct linux_layout *l = &lf->layout;
	const unsigned long long base = PPCPV_GUEST_BASE_DEFAULT;

	add(b, "-serial");
	add(b, "stdio");
	add(b, "-bios");
	add(b, o->host);
	add(b, "-device");
	addf(b, LOADER, lf->host_cfg, (unsigned long long)PPCPV_HOSTCFG_PA);
	add(b, "-device");
	addf(b, LOADER, lf->kernel, base);
	add(b, "-device");
	addf(b, LOADER, lf->fdt, base + l->fdt);
	add(b, "-device");
	addf(b, LOADER, lf->rtas, base + l->rtas);
	if (o->initrd) {
		add(b, "-device");
		addf(b, LOADER, o->initrd, base + l->initrd);
	}
}

int qemu_argv(const struct run_options *o, const char *host_cfg, const char *guest_fdt,
	      const struct linux_files *lf, const char **argv, size_t max, char *storage,
	      size_t storage_size)
{
	struct argv_builder b = { argv, 0, max, storage, 0, storage_size };
	const struct run_family *fam = o->family;
	const char *const *dev;

	add(&b, o->qemu);
	add(&b, "-M");
	add(&b, fam->machine);
	if (lf || fam->cpu) {
		add(&b, "-cpu");
		add(&b, lf ? LINUX_CPU : fam->cpu);
	}
	add(&b, "-m");
	addf(&b, "%lluM", (unsigned long long)(lf && o->mode == MODE_NATIVE ? LINUX_RAM_DEFAULT
								       : run_family_ram(fam)) >> 20);
	add(&b, "-nographic");
	add(&b, "-nodefaults");
	add(&b, "-monitor");
	add(&b, "none");
	add(&b, "-no-reboot");
	add(&b, "-action");
	add(&b, "panic=exit-failure");
	for (dev = fam->devices; dev && *dev; dev++)
		add(&b, *dev);
	if (o->icount) {
		add(&b, "-icount");
		add(&b, "shift=0,sleep=off");
	}
	if (lf && o->mode == MODE_NATIVE)
		linux_native_args(&b, o, lf);
	else if (lf)
		linux_hosted_args(&b, o, lf);
	else
		ref_guest_args(&b, o, host_cfg, guest_fdt);
	argv[b.n] = NULL;
	return b.n + 1 < max && b.used < storage_size ? 0 : -1;
}

/* Split what arrived into lines; a partial line waits for the next read. */
struct line_buf {
	char buf[8192];
	size_t len;
};

static void take(const struct run_options *o, struct run_result *r, struct line_buf *lb,
		 const char *data, size_t n)
{
	FILE *echo = o->json ? stderr : stdout;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = data[i];

		if (c == '\r')
			continue;
		if (c != '\n' && lb->len + 1 < sizeof(lb->buf)) {
			lb->buf[lb->len++] = c;
			continue;
		}
		lb->buf[lb->len] = '\0';
		if (!o->quiet)
			fprintf(echo, "%s\n", lb->buf);
		result_take_line(r, lb->buf);
		lb->len = 0;
	}
	fflush(echo);
}

/* What QEMU wrote before it exited.  Something it left behind may hold the
 * pipe open, so only what is there already. */
static void drain(const struct run_options *o, struct run_result *r, struct line_buf *lb,
		  struct proc *p, double deadline)
{
	char data[READ_CHUNK];
	ssize_t n;

	while (proc_now() < deadline && (n = proc_read(p, data, sizeof(data), 1)) > 0)
		take(o, r, lb, data, (size_t)n);
}

/* Where the machine cannot end QEMU for a non-zero status (the family's
 * exit_halts), the last EXIT line - the host's, after HOST-STATS, or
 * natively the guest's - with such a status is the end of the boot.
 * Status 0 ends QEMU itself. */
static int halted(const struct run_options *o, const struct run_result *r)
{
	return o->family->exit_halts && r->exit_status &&
	       (o->mode == MODE_NATIVE ? r->have_exit : r->host_exited);
}

int qemu_run(const struct run_options *o, const char *const *argv, struct run_result *r)
{
	struct line_buf lb = { .len = 0 };
	double start = proc_now(), deadline = start + o->timeout_s;
	enum proc_event ev = PROC_OUTPUT;
	struct proc p;
	char data[READ_CHUNK];
	ssize_t n;

	if (proc_spawn(&p, argv)) {
		fprintf(stderr, "ppcpv-run: cannot start %s: %s\n", argv[0], strerror(errno));
		return -1;
	}
	/* A panicked kernel that does not end QEMU (no os-term) spins: the
	 * panic's closing line is the end of the boot as well; so is a
	 * halting machine's last EXIT line (halted()). */
	while (!r->panic_over && !halted(o, r) && (ev = proc_wait(&p, deadline)) == PROC_OUTPUT) {
		n = proc_read(&p, data, sizeof(data), 0);
		if (n > 0)
			take(o, r, &lb, data, (size_t)n);
	}
	if (ev == PROC_EXITED)
		drain(o, r, &lb, &p, deadline);
	take(o, r, &lb, "\n", lb.len ? 1 : 0);
	/* nothing of the group outlives the boot, however it ended */
	proc_stop(&p);
	r->wall_seconds = proc_now() - start;
	r->timed_out = ev == PROC_DEADLINE;
	r->qemu_failed = ev == PROC_EXITED && (!WIFEXITED(p.status) || WEXITSTATUS(p.status) > 1);
	return 0;
}
