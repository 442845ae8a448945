/* SPDX-License-Identifier: MIT */
/*
 * ppcpv-run, the launcher: it plays QEMU's part for a KVM PR guest.  It asks
 * the host side for KVM_PPC_GET_PVINFO, builds the guest's device tree and
 * the host stub's configuration with libfdt, starts QEMU (the family's machine) with
 * the host stub and the guest (or the guest alone, natively), watches the
 * console under a timeout and reports what happened.
 */
#ifndef PPCPV_LAUNCHER_H
#define PPCPV_LAUNCHER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Exit statuses of ppcpv-run besides the guest's own (0..119). */
#define RUN_EXIT_USAGE		2
#define RUN_EXIT_PANIC		120	/* a Linux guest's kernel panicked */
#define RUN_EXIT_TIMEOUT	124
#define RUN_EXIT_SETUP		125	/* QEMU or an image missing, files unwritable */
#define RUN_EXIT_NO_STATUS	126	/* QEMU ended without the guest's EXIT line */

enum run_mode { MODE_PV = 0, MODE_NO_PV, MODE_NATIVE, MODE_COUNT };

/* Deliberate bad inputs (tests): what the guest must survive unpatched. */
enum run_inject {
	INJECT_NONE = 0,
	INJECT_NO_HYPERVISOR,	/* no /hypervisor node (host offers no hypercalls) */
	INJECT_HCALL_LENGTH,	/* hcall-instructions of a bad length */
	INJECT_MAP_FAILS,	/* MAP_MAGIC_PAGE refused */
	INJECT_STALE_PAGE,	/* the self-test must find a mismatch */
	INJECT_ABSENT_PAGE,	/* the self-test's fault-safe probe must fault */
};

/* family.c: what differs per CPU family (--family). */
struct run_family {
	const char *name;		/* "book3s64", ... */
	const char *guest_build;	/* default guest image, from the build's bin/ */
	const char *guest_installed;	/* ... and in PREFIX/share/ppcpv/ */
	const char *native_guest_build;	/* the guest image natively if not that one (an ELF
					 * for a -kernel machine), or NULL */
	const char *native_guest_installed;
	const char *host_build;		/* default host stub image, likewise */
	const char *host_installed;
	/* the machine QEMU emulates for it */
	const char *qemu;		/* default QEMU program (--qemu overrides) */
	const char *machine;		/* -M */
	const char *cpu;		/* -cpu, or NULL: the machine's own */
	const char *first_image;	/* how QEMU takes the image that runs first:
					 * "-bios" (a raw image) or "-kernel" (an ELF) */
	const char *const *devices;	/* more QEMU arguments (NULL-terminated), or NULL */
	uint64_t guest_base;		/* host PA of the guest's physical 0 */
	uint32_t timebase_hz;		/* QEMU's timebase, for the guest's tree */
	uint64_t guest_msr;		/* the guest's MSR at entry */
	const char *mmu_default;	/* PPCPV_HOSTCFG_MMU_* */
	const char *no_shadow;		/* why it cannot run under the shadow MMU, or NULL */
	const char *no_native;		/* why QEMU cannot run it natively, or NULL */
	const char *no_magic_page;	/* why its host shows no magic page (--pv runs with
					 * PV off; the magic-page injections are refused), or NULL */
	uint64_t ram_bytes;		/* QEMU's -m; 0: PPCPV_HOST_RAM_DEFAULT */
	int exit_halts;			/* the host cannot end QEMU for a non-zero status (it
					 * halts): the boot ends at the host's EXIT line */
};
const struct run_family *run_family_default(void);
const struct run_family *run_family_find(const char *name);	/* NULL: unknown */
void run_family_list(FILE *f, const char *sep);	/* "book3s64<sep>book3s64le..." */
uint64_t run_family_ram(const struct run_family *f);	/* QEMU's -m, in bytes */

struct run_options {
	const struct run_family *family;
	enum run_mode mode;
	enum run_inject inject;
	int hcall_bytes;	/* INJECT_HCALL_LENGTH */
	const char *guest;	/* raw guest image */
	const char *native_guest;	/* the image natively: the family's, or --guest */
	const char *host;	/* raw host stub image */
	const char *qemu;	/* NULL: the family's */
	unsigned int timeout_s;
	int icount;		/* -icount shift=0,sleep=off */
	int verbose_host;
	const char *mmu;	/* hosted: "shadow" (the guest's own MMU) or "flat";
				 * NULL: the family's default */
	const char *fast_exits;	/* hosted: "on", "off" or NULL (the host's default, on) */
	int json;
	int quiet;		/* no console echo */
	int console;		/* --all: echo the consoles anyway */
	int print_only;		/* print the command line, do not run */
	int all;		/* native, no-pv and pv side by side */
	const char *keep_dir;	/* keep the device trees here */
	const char *linux_kernel;	/* --linux: a Linux vmlinux (ELF) instead of a raw guest */
	const char *initrd;
	const char *append;	/* kernel command line words after the launcher's */
	const char *linux_entry;	/* the native Linux entry stub image */
	int prepatch;		/* --linux --pv: ppcpv-patch the image before boot */
	const char *patch_tool;	/* ppcpv-patch */
};

#define HOST_STATS_MAX	64
#define LINE_MAX_LEN	512

struct host_stat {
	char key[40];
	unsigned long long value;
};

struct run_result {
	enum run_mode mode;
	int exit_status;		/* the guest's, from its "EXIT: n" line */
	int have_exit;
	int host_exited;		/* an EXIT line after HOST-STATS: the host's last */
	int timed_out;
	int qemu_failed;		/* QEMU could not start or died oddly */
	int have_guest_result;
	int pv;
	unsigned long long patched, skipped, sites, kvm_tmp_used;
	unsigned long long checks_passed, checks_failed, checks_skipped, timebase;
	uint32_t timebase_hz;		/* the family's, to turn timebase into instructions */
	char pv_line[LINE_MAX_LEN];	/* "ppcpv: PV on: ..." / "ppcpv: PV off: ..." */
	char last_line[LINE_MAX_LEN];
	struct host_stat host[HOST_STATS_MAX];
	unsigned int n_host;
	double wall_seconds;
	/* Linux guests: what the console said */
	int is_linux;
	int powered_off;		/* the kernel's "reboot: Power down" */
	int panicked;
	int panic_over;			/* its closing line came: nothing more will */
	char panic_line[LINE_MAX_LEN];
	char digest[LINE_MAX_LEN];	/* the init's RESULT-DIGEST */
	char *console;			/* everything, for the report (malloc'd) */
	size_t console_len, console_cap;
	int console_truncated;
};

/* console.c: one console line into the result. */
void result_init(struct run_result *r, enum run_mode mode, uint32_t timebase_hz);
void result_take_line(struct run_result *r, const char *line);
void result_free(struct run_result *r);
/* A HOST-STATS counter, or 0. */
unsigned long long result_host(const struct run_result *r, const char *key);
/* Instructions the virtual CPU ran, from the guest's timebase (icount). */
unsigned long long result_instructions(const struct run_result *r);

/* qemu.c: build the command line (argv[] of at most max entries); lf is
 * NULL unless a Linux guest boots. */
struct linux_files;
int qemu_argv(const struct run_options *o, const char *host_cfg, const char *guest_fdt,
	      const struct linux_files *lf, const char **argv, size_t max, char *storage,
	      size_t storage_size);
/* Run it; console lines go to result_take_line (and stdout/stderr). */
int qemu_run(const struct run_options *o, const char *const *argv, struct run_result *r);
/* name, or the path where $PATH has it (a static buffer); NULL if absent. */
const char *qemu_find(const char *name);

/*
 * proc.c: QEMU in a process group of its own, and the stop signals.
 * proc_signals_init() before anything that must be cleaned up: SIGINT,
 * SIGTERM and SIGHUP (unless ignored on entry) then only mark the launcher
 * stopped; each wait ends on them.
 */
struct proc {
	pid_t pid;		/* QEMU, and its process group */
	int out_fd;		/* its stdout; -1 once closed */
	int exited;		/* reaped; status holds how it ended */
	int status;
};

enum proc_event {
	PROC_OUTPUT,		/* out_fd is readable (or at its end) */
	PROC_EXITED,		/* QEMU itself has exited */
	PROC_DEADLINE,
	PROC_STOPPED,		/* a stop signal came */
};

double proc_now(void);		/* seconds, monotonic */
void proc_signals_init(void);
int proc_stop_signal(void);	/* the stop signal that came, or 0 */
/* After the clean-up: if a stop signal came, die of it (a shell sees 128 + sig). */
void proc_exit_if_stopped(void);
int proc_spawn(struct proc *p, const char *const *argv);
/* Wait until output, QEMU's exit, a stop signal or the deadline. */
enum proc_event proc_wait(struct proc *p, double deadline);
/* Read QEMU's output (without blocking if only_if_ready); 0 at its end. */
ssize_t proc_read(struct proc *p, void *buf, size_t size, int only_if_ready);
/* Close the output and end the whole group: SIGTERM, a short grace, SIGKILL. */
void proc_stop(struct proc *p);

/* report.c */
void report_json(const struct run_options *o, const struct run_result *r);
void report_linux_json(const struct run_options *o, const struct run_result *r);
void report_linux_summary(FILE *f, const struct run_options *o, const struct run_result *r);
void report_summary(FILE *f, const struct run_result *r, int with_pv_line);
void report_side_by_side(const struct run_result *res, unsigned int n);
const char *mode_name(enum run_mode m);
/* The process exit status for one result. */
int result_status(const struct run_result *r);

#endif /* PPCPV_LAUNCHER_H */
