// SPDX-License-Identifier: MIT
/*
 * ppcpv-run: boot a guest under the ppcpv host stub (or natively) in
 * QEMU (the --family's machine) and report.  See launcher.h and Documentation/harness.rst.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ppcpv/abi.h>
#include <ppcpv/pvinfo.h>
#include <ppcpv/host/hostcfg.h>
#include "hostcfg_blobs.h"
#include "launcher.h"
#include "linux_boot.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: ppcpv-run [--family NAME] [--pv | --no-pv | --native | --all] [options]\n"
		"       ppcpv-run --linux VMLINUX [--initrd CPIO] [--append ARGS]\n"
		"                 [--native | --no-pv | --pv [--prepatch]] [options]\n"
		"  --family NAME      the guest's CPU family: ");
	run_family_list(f, ", ");
	fprintf(f, "\n"
		"                     (default %s; picks the QEMU machine, the default guest\n"
		"                     and host images, the guest's entry MSR and the host MMU\n"
		"                     mode; book3s32 and e500 run hosted only)\n",
		run_family_default()->name);
	fprintf(f,
		"  --list-families    print the family names, one per line, and stop\n"
		"  --pv               host offers the magic page (default; the 440 host has\n"
		"                     none: PV off, as --no-pv)\n"
		"  --no-pv            host offers hypercalls but no magic-page feature\n"
		"  --native           the guest alone on QEMU (MSR[PR]=0, no host)\n"
		"  --all              native, no-pv and pv, side by side (native only where\n"
		"                     QEMU can run the family)\n"
		"  --inject WHAT      a bad input the guest must survive unpatched:\n"
		"                     no-hypervisor, hcall-length=N, map-fails, stale-magic-page,\n"
		"                     absent-magic-page (the last three not for 440)\n"
		"  --json             print one result object (the console goes to stderr)\n"
		"  --quiet            do not echo the console\n"
		"  --console          with --all: echo each boot's console too\n"
		"  --timeout SEC      stop QEMU (its whole process group) after SEC seconds\n"
		"                     (default 60)\n"
		"  --no-icount        real-time QEMU (instruction counts are then unknown)\n"
		"  --guest FILE       raw guest image (default: the reference guest kernel)\n"
		"  --linux VMLINUX    boot a Linux kernel ELF (PowerPC64) instead; --json then\n"
		"                     adds the console text\n"
		"  --prepatch         with --linux --pv: ppcpv-patch the kernel before boot; the\n"
		"                     host maps the magic page before its first instruction\n"
		"  --initrd FILE      its initramfs\n"
		"  --append ARGS      kernel command line words after \"" LINUX_BOOTARGS_BASE "\"\n"
		"  --host FILE        raw host stub image\n"
		"  --qemu PROGRAM     default the family's: qemu-system-ppc64, for e500 and\n"
		"                     440 qemu-system-ppc (a path: used as it is)\n"
		"  --mmu flat|shadow  hosted: the host virtualizes the guest's hash MMU (shadow,\n"
		"                     book3s64's default: PAPR page-table hcalls, its own SLB and\n"
		"                     translations) or maps guest memory 1:1 (flat; book3s32,\n"
		"                     e500, 440)\n"
		"  --fast-exits on|off  hosted: the host's fast path for system calls and\n"
		"                     rfid (default on; off: every exit through its C path)\n"
		"  --verbose-host     the host logs every trap\n"
		"  --keep DIR         keep the device trees in DIR\n"
		"  --print            print the QEMU command line and stop\n"
		"exit status: the guest's (0 = all checks passed; Linux: powered off, no FAIL\n"
		"line); %d kernel panic, %d timeout, %d setup error (bad image too), %d no exit\n"
		"status from the guest (Linux: no power-off), %d usage.  SIGINT, SIGTERM or\n"
		"SIGHUP stop QEMU and remove the temporary files; then ppcpv-run dies of that\n"
		"signal.\n",
		RUN_EXIT_PANIC, RUN_EXIT_TIMEOUT, RUN_EXIT_SETUP, RUN_EXIT_NO_STATUS, RUN_EXIT_USAGE);
}

static int parse_inject(const char *s, struct run_options *o)
{
	char *end;

	if (!strcmp(s, "no-hypervisor"))
		o->inject = INJECT_NO_HYPERVISOR;
	else if (!strcmp(s, "map-fails"))
		o->inject = INJECT_MAP_FAILS;
	else if (!strcmp(s, "stale-magic-page"))
		o->inject = INJECT_STALE_PAGE;
	else if (!strcmp(s, "absent-magic-page"))
		o->inject = INJECT_ABSENT_PAGE;
	else if (!strncmp(s, "hcall-length=", 13)) {
		o->inject = INJECT_HCALL_LENGTH;
		o->hcall_bytes = (int)strtol(s + 13, &end, 0);
		return *end || o->hcall_bytes < 0 || o->hcall_bytes > 32 ? -1 : 0;
	} else
		return -1;
	return 0;
}

enum { OPT_PV = 1, OPT_NO_PV, OPT_NATIVE, OPT_ALL, OPT_INJECT, OPT_JSON, OPT_QUIET, OPT_TIMEOUT,
       OPT_NO_ICOUNT, OPT_GUEST, OPT_HOST, OPT_QEMU, OPT_VERBOSE_HOST, OPT_KEEP, OPT_PRINT,
       OPT_CONSOLE, OPT_LINUX, OPT_INITRD, OPT_APPEND, OPT_MMU, OPT_PREPATCH, OPT_FAST_EXITS,
       OPT_FAMILY, OPT_LIST_FAMILIES, OPT_HELP };

static const struct option long_options[] = {
	{ "pv", no_argument, NULL, OPT_PV }, { "no-pv", no_argument, NULL, OPT_NO_PV },
	{ "native", no_argument, NULL, OPT_NATIVE }, { "all", no_argument, NULL, OPT_ALL },
	{ "inject", required_argument, NULL, OPT_INJECT }, { "json", no_argument, NULL, OPT_JSON },
	{ "quiet", no_argument, NULL, OPT_QUIET }, { "console", no_argument, NULL, OPT_CONSOLE },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "no-icount", no_argument, NULL, OPT_NO_ICOUNT },
	{ "guest", required_argument, NULL, OPT_GUEST }, { "host", required_argument, NULL, OPT_HOST },
	{ "qemu", required_argument, NULL, OPT_QEMU },
	{ "verbose-host", no_argument, NULL, OPT_VERBOSE_HOST },
	{ "mmu", required_argument, NULL, OPT_MMU },
	{ "fast-exits", required_argument, NULL, OPT_FAST_EXITS },
	{ "family", required_argument, NULL, OPT_FAMILY },
	{ "list-families", no_argument, NULL, OPT_LIST_FAMILIES },
	{ "keep", required_argument, NULL, OPT_KEEP }, { "print", no_argument, NULL, OPT_PRINT },
	{ "linux", required_argument, NULL, OPT_LINUX },
	{ "initrd", required_argument, NULL, OPT_INITRD },
	{ "append", required_argument, NULL, OPT_APPEND },
	{ "prepatch", no_argument, NULL, OPT_PREPATCH },
	{ "help", no_argument, NULL, OPT_HELP }, { NULL, 0, NULL, 0 },
};

static int parse_timeout(const char *s, unsigned int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*end || v <= 0 || v > 3600)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

static int check_linux_options(const struct run_options *o)
{
	const char *bad = NULL;

	if (!o->linux_kernel) {
		if (o->initrd || o->append || o->prepatch)
			bad = "--initrd, --append and --prepatch go with --linux";
	} else if (o->prepatch && o->mode != MODE_PV) {
		bad = "--prepatch goes with --pv (the patched kernel needs the magic page)";
	} else if (o->family != run_family_default()) {
		bad = "--linux boots a 64-bit Book3S kernel: no --family";
	} else if (o->guest) {
		bad = "--linux boots a kernel ELF: no --guest";
	} else if (o->all) {
		bad = "--linux: no --all (yet)";
	} else if (o->inject && o->prepatch) {
		bad = "--inject goes with a kernel that patches itself: no --prepatch";
	} else if (o->mode != MODE_NATIVE && o->mmu && strcmp(o->mmu, PPCPV_HOSTCFG_MMU_SHADOW)) {
		bad = "--linux in a hosted mode needs --mmu shadow (Linux runs its own hash MMU)";
	}
	if (bad)
		fprintf(stderr, "ppcpv-run: %s\n", bad);
	return bad ? -1 : 0;
}

/* parse_options(): a refusal whose one line says all (no usage after it). */
#define OPTIONS_EXPLAINED	(-2)

/* What the family allows: its MMU default, shadow and native only where
 * they work (--all leaves native out instead). */
static int check_family_options(struct run_options *o)
{
	const struct run_family *fam = o->family;

	if (!o->mmu)
		o->mmu = fam->mmu_default;
	if (fam->no_shadow && !strcmp(o->mmu, PPCPV_HOSTCFG_MMU_SHADOW)) {
		fprintf(stderr, "ppcpv-run: --family %s: no --mmu shadow (%s)\n", fam->name,
			fam->no_shadow);
		return -1;
	}
	if (fam->no_native && o->mode == MODE_NATIVE && !o->all) {
		fprintf(stderr, "ppcpv-run: --family %s: no --native (%s)\n", fam->name,
			fam->no_native);
		return -1;
	}
	if (fam->no_magic_page && (o->inject == INJECT_MAP_FAILS || o->inject == INJECT_STALE_PAGE ||
				   o->inject == INJECT_ABSENT_PAGE)) {
		fprintf(stderr, "ppcpv-run: --family %s: no magic-page --inject (%s)\n", fam->name,
			fam->no_magic_page);
		return -1;
	}
	return 0;
}

static int parse_options(int argc, char **argv, struct run_options *o)
{
	int opt;

	while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
		switch (opt) {
		case OPT_PV: o->mode = MODE_PV; break;
		case OPT_NO_PV: o->mode = MODE_NO_PV; break;
		case OPT_NATIVE: o->mode = MODE_NATIVE; break;
		case OPT_ALL: o->all = 1; break;
		case OPT_JSON: o->json = 1; break;
		case OPT_QUIET: o->quiet = 1; break;
		case OPT_CONSOLE: o->console = 1; break;
		case OPT_NO_ICOUNT: o->icount = 0; break;
		case OPT_GUEST: o->guest = optarg; break;
		case OPT_HOST: o->host = optarg; break;
		case OPT_MMU:
			if (strcmp(optarg, PPCPV_HOSTCFG_MMU_FLAT) && strcmp(optarg, PPCPV_HOSTCFG_MMU_SHADOW)) {
				fprintf(stderr, "ppcpv-run: --mmu takes flat or shadow, not '%s'\n", optarg);
				return -1;
			}
			o->mmu = optarg;
			break;
		case OPT_FAST_EXITS:
			if (strcmp(optarg, PPCPV_HOSTCFG_FAST_EXITS_ON) &&
			    strcmp(optarg, PPCPV_HOSTCFG_FAST_EXITS_OFF)) {
				fprintf(stderr, "ppcpv-run: --fast-exits takes on or off, not '%s'\n", optarg);
				return -1;
			}
			o->fast_exits = optarg;
			break;
		case OPT_FAMILY:
			o->family = run_family_find(optarg);
			if (!o->family) {
				fprintf(stderr, "ppcpv-run: unknown --family '%s' (known: ", optarg);
				run_family_list(stderr, ", ");
				fprintf(stderr, ")\n");
				return OPTIONS_EXPLAINED;
			}
			break;
		case OPT_QEMU: o->qemu = optarg; break;
		case OPT_VERBOSE_HOST: o->verbose_host = 1; break;
		case OPT_KEEP: o->keep_dir = optarg; break;
		case OPT_PRINT: o->print_only = 1; break;
		case OPT_LINUX: o->linux_kernel = optarg; break;
		case OPT_INITRD: o->initrd = optarg; break;
		case OPT_APPEND: o->append = optarg; break;
		case OPT_PREPATCH: o->prepatch = 1; break;
		case OPT_HELP: usage(stdout); exit(0);
		case OPT_LIST_FAMILIES: run_family_list(stdout, "\n"); putchar('\n'); exit(0);
		case OPT_INJECT:
			if (parse_inject(optarg, o)) {
				fprintf(stderr, "ppcpv-run: unknown --inject '%s'\n", optarg);
				return -1;
			}
			break;
		case OPT_TIMEOUT:
			if (parse_timeout(optarg, &o->timeout_s)) {
				fprintf(stderr, "ppcpv-run: --timeout wants 1..3600 seconds, not '%s'\n", optarg);
				return -1;
			}
			break;
		default:
			return -1;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "ppcpv-run: unexpected argument '%s'\n", argv[optind]);
		return -1;
	}
	if (o->inject && (o->mode != MODE_PV || o->all)) {
		fprintf(stderr, "ppcpv-run: --inject goes with --pv (the default) only\n");
		return -1;
	}
	if (check_linux_options(o))
		return -1;
	return check_family_options(o) ? OPTIONS_EXPLAINED : 0;
}

/*
 * A default image, found relative to this program so that both a build
 * tree (build/native/bin/) and an installation (PREFIX/bin with images in
 * PREFIX/share/ppcpv/) work wherever they are.
 */
#define DEFAULT_IMAGES	5	/* guest (hosted, native), host stub, Linux entry stub,
				 * ppcpv-patch */

static const char *default_image(const char *build_rel, const char *installed)
{
	static char paths[DEFAULT_IMAGES][PATH_MAX];
	static int next;
	char exe[PATH_MAX / 2], *slash, *path = paths[next++ % DEFAULT_IMAGES];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0 || !(slash = (exe[n] = '\0', strrchr(exe, '/'))))
		return installed;
	*slash = '\0';
	snprintf(path, PATH_MAX, "%s/%s", exe, build_rel);
	if (access(path, R_OK))
		snprintf(path, PATH_MAX, "%s/../share/ppcpv/%s", exe, installed);
	return path;
}

static int check_file(const char *what, const char *path)
{
	struct stat st;

	if (access(path, R_OK) || stat(path, &st)) {
		fprintf(stderr, "ppcpv-run: %s image %s: %s%s\n", what, path, strerror(errno),
			errno == ENOENT ? " (build it with make)" : "");
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return 0;
	fprintf(stderr, "ppcpv-run: %s image %s: not a regular file\n", what, path);
	return -1;
}

static int check_setup(struct run_options *o)
{
	const char *q = qemu_find(o->qemu);

	if (!q) {
		fprintf(stderr, "ppcpv-run: %s not found (install qemu-system-ppc: make deps)\n", o->qemu);
		return -1;
	}
	o->qemu = q;
	if (o->linux_kernel && o->prepatch && access(o->patch_tool, X_OK)) {
		fprintf(stderr, "ppcpv-run: %s: %s (build it with make)\n", o->patch_tool,
			strerror(errno));
		return -1;
	}
	if (o->linux_kernel)	/* the ELF itself is checked as it is read */
		return o->mode == MODE_NATIVE ? check_file("Linux entry stub", o->linux_entry)
					      : check_file("host stub", o->host);
	if (o->mode != MODE_NATIVE && check_file("guest", o->guest))
		return -1;
	if ((o->mode == MODE_NATIVE || o->all) && check_file("guest", o->native_guest))
		return -1;
	return o->mode == MODE_NATIVE ? 0 : check_file("host stub", o->host);
}

/* What the host stub and the guest are told, for this mode and injection. */
static void host_options(const struct run_options *o, struct hostcfg_options *h)
{
	hostcfg_options_init(h);
	h->guest_image = o->guest;
	h->verbose = (uint32_t)o->verbose_host;
	h->mmu = o->mmu;
	h->fast_exits = o->fast_exits;
	h->guest_msr = o->family->guest_msr;
	h->guest_base = o->family->guest_base;
	h->timebase_hz = o->family->timebase_hz;
	h->host_ram = run_family_ram(o->family);
	if (o->mode == MODE_NO_PV) {
		h->mode = PPCPV_HOSTCFG_MODE_NO_PV;
		h->features = 0;
	}
	switch (o->inject) {
	case INJECT_NO_HYPERVISOR: h->mode = PPCPV_HOSTCFG_MODE_NONE; break;
	case INJECT_HCALL_LENGTH: h->hcall_bytes = o->hcall_bytes; break;
	case INJECT_MAP_FAILS: h->fault = PPCPV_HOSTCFG_FAULT_MAP_FAILS; break;
	case INJECT_STALE_PAGE: h->fault = PPCPV_HOSTCFG_FAULT_STALE_PAGE; break;
	case INJECT_ABSENT_PAGE: h->fault = PPCPV_HOSTCFG_FAULT_ABSENT_PAGE; break;
	default: break;
	}
}

struct files {
	char dir[PATH_MAX / 2];	/* room left for the file names */
	char host_cfg[PATH_MAX];
	char guest_fdt[PATH_MAX];
	struct linux_files lf;	/* a Linux boot's */
	int is_linux;
	int temporary;
};

/* The boot's directory: --keep's, or a fresh temporary one. */
static int make_dir(const struct run_options *o, struct files *f)
{
	const char *tmp = getenv("TMPDIR");

	if (o->keep_dir) {
		if (strlen(o->keep_dir) >= sizeof(f->dir)) {
			fprintf(stderr, "ppcpv-run: --keep: the path is too long\n");
			return -1;
		}
		snprintf(f->dir, sizeof(f->dir), "%s", o->keep_dir);
		if (mkdir(f->dir, 0755) && errno != EEXIST) {
			fprintf(stderr, "ppcpv-run: cannot create %s: %s\n", f->dir, strerror(errno));
			return -1;
		}
		return 0;
	}
	if (!tmp || !*tmp || strlen(tmp) + 20 >= sizeof(f->dir))
		tmp = "/tmp";
	snprintf(f->dir, sizeof(f->dir), "%s/ppcpv-run.XXXXXX", tmp);
	if (!mkdtemp(f->dir)) {
		fprintf(stderr, "ppcpv-run: cannot create a temporary directory: %s\n", strerror(errno));
		return -1;
	}
	f->temporary = 1;
	return 0;
}

/* The host stub's configuration and the raw guest's tree. */
static int make_host_files(const struct run_options *o, struct files *f)
{
	struct hostcfg_options h;
	const char *bad;

	snprintf(f->host_cfg, sizeof(f->host_cfg), "%s/host-config.dtb", f->dir);
	snprintf(f->guest_fdt, sizeof(f->guest_fdt), "%s/guest.dtb", f->dir);
	host_options(o, &h);
	h.host_config_out = f->host_cfg;
	h.guest_fdt_out = f->guest_fdt;
	bad = hostcfg_check_layout(&h);
	if (bad) {
		fprintf(stderr, "ppcpv-run: %s\n", bad);
		return -1;
	}
	return hostcfg_write_files(&h);
}

static int make_files(const struct run_options *o, struct files *f)
{
	if (make_dir(o, f))
		return -1;
	if (o->linux_kernel) {
		f->is_linux = 1;
		return linux_files_make(o, f->dir, &f->lf);
	}
	return o->mode == MODE_NATIVE ? 0 : make_host_files(o, f);
}

static void remove_files(const struct files *f)
{
	if (!f->temporary)
		return;
	if (f->is_linux)
		linux_files_remove(&f->lf);
	else if (f->host_cfg[0]) {
		unlink(f->host_cfg);
		unlink(f->guest_fdt);
	}
	rmdir(f->dir);
}

static void print_argv(const char *const *argv)
{
	for (; *argv; argv++)
		printf("%s%s", *argv, argv[1] ? " " : "\n");
}

#define ARGV_MAX	64	/* QEMU's command line, in words */

/* One boot; the result is filled even when the boot went wrong. */
static int run_one(const struct run_options *o, struct run_result *r)
{
	const char *argv[ARGV_MAX];
	char storage[4 * PATH_MAX];
	static struct files f;
	int err = 0;

	memset(&f, 0, sizeof(f));
	result_init(r, o->mode, o->family->timebase_hz);
	r->is_linux = o->linux_kernel != NULL;
	/* the native raw guest needs no files */
	if ((o->mode != MODE_NATIVE || o->linux_kernel) && make_files(o, &f))
		err = -1;
	if (!err && f.is_linux)
		r->patched = f.lf.patched_sites;	/* before boot, by ppcpv-patch */
	if (!err && qemu_argv(o, f.host_cfg, f.guest_fdt, f.is_linux ? &f.lf : NULL, argv,
			      ARGV_MAX, storage, sizeof(storage))) {
		fprintf(stderr, "ppcpv-run: the QEMU command line is too long\n");
		err = -1;
	}
	if (!err && o->print_only)
		print_argv(argv);
	else if (!err && qemu_run(o, argv, r))
		err = -1;
	if (!o->print_only || err)
		remove_files(&f);
	return err;
}

static void explain(const struct run_options *o, const struct run_result *r)
{
	if (r->is_linux && r->panicked)
		fprintf(stderr, "ppcpv-run: %s: the Linux guest panicked: \"%s\"\n",
			mode_name(r->mode), r->panic_line);
	else if (r->timed_out)
		fprintf(stderr, "ppcpv-run: %s: timeout after %u s; last console line: \"%s\"\n",
			mode_name(r->mode), o->timeout_s, r->last_line);
	else if (r->is_linux && !r->powered_off)
		fprintf(stderr, "ppcpv-run: %s: QEMU ended without the Linux guest powering off; "
			"last console line: \"%s\"\n", mode_name(r->mode), r->last_line);
	else if (!r->is_linux && !r->have_exit)
		fprintf(stderr, "ppcpv-run: %s: QEMU ended without the guest's exit status; "
			"last console line: \"%s\"\n", mode_name(r->mode), r->last_line);
}

static int run_all(struct run_options *o)
{
	static const enum run_mode order[] = { MODE_NATIVE, MODE_NO_PV, MODE_PV };
	struct run_result res[3];
	int status = 0;
	unsigned int i, n = 0;

	/* The table is the point; each boot's console only on request. */
	o->quiet = !o->console;
	for (i = 0; i < 3; i++) {
		if (order[i] == MODE_NATIVE && o->family->no_native) {
			printf("SKIP: %s: %s\n", mode_name(order[i]), o->family->no_native);
			continue;
		}
		o->mode = order[i];
		if (o->console)
			printf("==== %s ====\n", mode_name(o->mode));
		if (run_one(o, &res[n]))
			return RUN_EXIT_SETUP;
		if (proc_stop_signal())
			return RUN_EXIT_SETUP;	/* main dies of the signal */
		explain(o, &res[n]);
		report_summary(stdout, &res[n], 0);
		if (result_status(&res[n]) && !status)
			status = result_status(&res[n]);
		n++;
	}
	report_side_by_side(res, n);
	return status;
}

static int run(struct run_options *o)
{
	struct run_result r;
	int status;

	if (!o->guest) {
		o->guest = default_image(o->family->guest_build, o->family->guest_installed);
		if (o->family->native_guest_build)
			o->native_guest = default_image(o->family->native_guest_build,
							o->family->native_guest_installed);
	}
	if (!o->native_guest)
		o->native_guest = o->guest;
	if (!o->host)
		o->host = default_image(o->family->host_build, o->family->host_installed);
	if (!o->qemu)
		o->qemu = o->family->qemu;
	o->linux_entry = default_image("../../ppc64/launcher/linux-entry.bin", "linux-entry.bin");
	o->patch_tool = default_image("ppcpv-patch", "ppcpv-patch");	/* beside this program */
	if (check_setup(o))
		return RUN_EXIT_SETUP;
	if (o->all)
		return run_all(o);
	if (run_one(o, &r)) {
		result_free(&r);
		return RUN_EXIT_SETUP;
	}
	if (o->print_only || proc_stop_signal()) {
		result_free(&r);
		return 0;
	}
	explain(o, &r);
	if (o->json && r.is_linux)
		report_linux_json(o, &r);
	else if (o->json)
		report_json(o, &r);
	else if (r.is_linux)
		report_linux_summary(stderr, o, &r);
	else
		report_summary(stderr, &r, 1);
	status = result_status(&r);
	result_free(&r);
	return status;
}

int main(int argc, char **argv)
{
	struct run_options o = {
		.mode = MODE_PV, .timeout_s = 60, .icount = 1,
		.family = run_family_default(),
	};
	int status;

	status = parse_options(argc, argv, &o);
	if (status) {
		if (status != OPTIONS_EXPLAINED)
			usage(stderr);
		return RUN_EXIT_USAGE;
	}
	proc_signals_init();
	status = run(&o);
	/* QEMU stopped and the temporary files gone: now the signal may end us */
	proc_exit_if_stopped();
	return status;
}
