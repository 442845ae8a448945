/* SPDX-License-Identifier: MIT */
/*
 * bench_echo.h - bench-echo, the driver of the echo-loop benchmark
 * (`make bench`, Documentation/benchmarks.rst):
 *   echo_boot.c    one boot through ppcpv-run, and what its console said
 *   echo_report.c  per-iteration results, the table, results.json
 *   bench_echo.c   options, the boots of each mode, determinism, main
 */
#ifndef PPCPV_BENCH_ECHO_H
#define PPCPV_BENCH_ECHO_H

#include <stddef.h>
#include <stdio.h>

#define MAX_PAIRS	64
#define MAX_RUNS	10
#define MARKS		3
#define NS_PER_S	1e9	/* icount shift=0: 1 instruction = 1 ns */
#define TARGET_OFF_ON	1.94	/* the 2010 cover letter: 14.7 s -> 7.6 s */
#define TARGET_ON_NATIVE 1.2

enum mode { NATIVE, NO_PV, PV, MODES };

/* ppcpv-run's option, the table's label, the results.json key */
extern const char *const mode_option[MODES], *const mode_label[MODES], *const mode_key[MODES];

struct pairs {
	char key[MAX_PAIRS][40];
	unsigned long long val[MAX_PAIRS];
	unsigned int n;
};

struct boot {
	struct pairs bench;		/* BENCH-RESULT */
	struct pairs mark[MARKS];	/* HOST-STATS-MARK 1..3 */
	int have_bench, have_mark[MARKS];
	int status;			/* ppcpv-run's exit status */
	double wall;
	char last[256];			/* the last console line, for errors */
};

/* Host instructions per exit by kind, traced by exit-costs
 * (bench/exit_costs.c) in another boot of the mode. */
struct exit_costs {
	int have;
	unsigned int n;
	char kind[MAX_PAIRS][24];
	double per_iter[MAX_PAIRS], insns[MAX_PAIRS];
};

/* Per iteration, from one boot. */
struct result {
	int ran;
	unsigned long long iterations;
	unsigned long long timebase_hz;	/* the guest's (its BENCH-RESULT) */
	double instructions, syscalls, switches, wall;
	double guest_faults;		/* storage and segment interrupts the guest took */
	double hcalls;			/* its hash-table hypercalls (H_ENTER, H_*REMOVE) */
	struct pairs traps;		/* loop totals by HOST-STATS key */
	struct exit_costs costs;	/* --exit-costs: traced host cost per exit */
};

/* Another family's results for results.json's "families" object: the
 * JSON bench-echo wrote for it (--family-json) or why it has none
 * (--family-absent). */
#define MAX_FAMILIES	8
struct family_result {
	const char *name, *json_file, *absent_reason;
};

struct options {
	const char *run, *guest, *json;
	const char *native_guest;	/* the image natively, if not guest (an ELF for -kernel) */
	const char *family;	/* ppcpv-run --family, and results.json's "family" */
	struct family_result fam[MAX_FAMILIES];
	unsigned int n_fam;
	const char *mmu;	/* ppcpv-run --mmu for the hosted modes */
	const char *fast_exits;	/* ppcpv-run --fast-exits for the hosted modes */
	const char *exit_costs;	/* a directory of exit-costs outputs, <mode key>.txt */
	int want[MODES];
	unsigned int runs, timeout;
};

/* echo_boot.c */
void pairs_add(struct pairs *p, const char *key, size_t n, unsigned long long v);
int pairs_get(const struct pairs *p, const char *key, unsigned long long *v);
int boot_run(const struct options *o, enum mode m, struct boot *b);	/* -1: cannot start */

/* echo_costs.c: read <dir>/<mode key>.txt; 0, or -1 with a message */
int exit_costs_read(const char *dir, enum mode m, struct exit_costs *c);
void exit_costs_print(const struct result *res);
void exit_costs_json(FILE *f, const struct exit_costs *c);

/* echo_report.c */
const char *check_boot(enum mode m, const struct boot *b);	/* NULL if usable */
void per_iteration(const struct boot *b, struct result *r);
void print_table(const struct options *o, const struct result *res);
int write_json(const struct options *o, const struct result *res);

#endif /* PPCPV_BENCH_ECHO_H */
