// SPDX-License-Identifier: MIT
/*
 * From a boot's console to per-iteration numbers, and the report: the
 * table on the terminal and bench/results.json.  The guest's marks 1 and 2
 * come back to back and 3 after the loop, so (3 - 2) - (2 - 1) is the loop
 * alone (guest-kernel/ref/bench.c).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "bench_echo.h"

static unsigned long long bench_value(const struct boot *b, const char *key)
{
	unsigned long long v = 0;

	pairs_get(&b->bench, key, &v);
	return v;
}

/* The loop's traps by kind: (mark 3 - mark 2) - (mark 2 - mark 1). */
static void loop_traps(const struct boot *b, struct pairs *out)
{
	const struct pairs *m1 = &b->mark[0], *m2 = &b->mark[1], *m3 = &b->mark[2];
	unsigned long long v1, v2, v3;
	unsigned int i;

	out->n = 0;
	for (i = 0; i < m3->n; i++)
		if (!pairs_get(m1, m3->key[i], &v1) && !pairs_get(m2, m3->key[i], &v2)) {
			v3 = m3->val[i];
			pairs_add(out, m3->key[i], strlen(m3->key[i]), (v3 - v2) - (v2 - v1));
		}
}

const char *check_boot(enum mode m, const struct boot *b)
{
	if (b->status)
		return "the boot failed (ppcpv-run exit status is not 0)";
	if (!b->have_bench)
		return "no BENCH-RESULT line";
	if (m != NATIVE && !(b->have_mark[0] && b->have_mark[1] && b->have_mark[2]))
		return "no HOST-STATS-MARK lines 1, 2 and 3 (is the host stub current?)";
	if (!bench_value(b, "iterations"))
		return "zero iterations";
	if (!bench_value(b, "timebase_hz"))
		return "no timebase_hz in BENCH-RESULT (is the benchmark image current?)";
	return NULL;
}

void per_iteration(const struct boot *b, struct result *r)
{
	unsigned long long n = bench_value(b, "iterations");
	double ticks = (double)bench_value(b, "loop_ticks") - (double)bench_value(b, "calib_ticks");

	r->ran = 1;
	r->iterations = n;
	/* Under -icount shift=0 an instruction is a nanosecond of virtual
	 * time, and the guest's timebase runs at the frequency its device
	 * tree names (pseries 512 MHz, ppce500 400 MHz: launcher/family.c). */
	r->timebase_hz = bench_value(b, "timebase_hz");
	r->instructions = ticks * NS_PER_S / (double)r->timebase_hz / (double)n;
	r->syscalls = (double)bench_value(b, "loop_syscalls") / (double)n;
	r->switches = (double)bench_value(b, "loop_switches") / (double)n;
	r->guest_faults = (double)bench_value(b, "loop_guest_faults") / (double)n;
	r->hcalls = (double)bench_value(b, "loop_hcalls") / (double)n;
	r->wall = b->wall;
	loop_traps(b, &r->traps);
}

/* ---- the report ------------------------------------------------------------ */

static double trap_count(const struct result *r, const char *key)
{
	unsigned long long v = 0;

	pairs_get(&r->traps, key, &v);
	return r->iterations ? (double)v / (double)r->iterations : 0;
}

static const char *const trap_labels[][2] = {
	{ "syscall_reflected", "sc (system call entry)" },
	{ "emul_rfid", "rfid" },
	{ "emul_rfi", "rfi" },
	{ "emul_mfspr", "mfspr" },
	{ "emul_mtspr", "mtspr" },
	{ "emul_mtmsrd_l1", "mtmsrd L=1" },
	{ "emul_mtmsrd", "mtmsrd L=0" },
	{ "emul_mtmsr", "mtmsr" },
	{ "emul_mfmsr", "mfmsr" },
	{ "emul_wrtee", "wrtee/wrteei" },
};

/* The row label of a HOST-STATS key; the key itself when it has none. */
static const char *trap_label(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(trap_labels) / sizeof(trap_labels[0]); i++)
		if (!strcmp(trap_labels[i][0], key))
			return trap_labels[i][1];
	return key;
}

/* Keys worth a row: a kind of trap with a count in some mode.  "exits" is
 * the total and "emulated" a sum of the emul_ kinds. */
static int trap_row(const struct result *res, const char *key)
{
	enum mode m;

	if (!strcmp(key, "exits") || !strcmp(key, "emulated"))
		return 0;
	for (m = 0; m < MODES; m++)
		if (res[m].ran && trap_count(&res[m], key) != 0)
			return 1;
	return 0;
}

/* A mode that ran (the first). */
static const struct result *any_run(const struct result *res)
{
	enum mode m;

	for (m = 0; m < MODES; m++)
		if (res[m].ran)
			return &res[m];
	return &res[0];
}

static const struct pairs *any_traps(const struct result *res)
{
	return res[NO_PV].ran ? &res[NO_PV].traps : &res[PV].traps;
}

typedef double (*cell_fn)(const struct result *r, const char *key);

/* One table row; cells printed with fmt, "-" for native on host rows. */
static void print_row(const struct result *res, const char *label, const char *key, cell_fn cell,
		      const char *fmt, int hosted_only)
{
	enum mode m;

	printf("  %-34s", label);
	for (m = 0; m < MODES; m++) {
		if (!res[m].ran)
			continue;
		if (hosted_only && m == NATIVE)
			printf(" %12s", "-");
		else
			printf(fmt, cell(&res[m], key));
	}
	printf("\n");
}

static double cell_field(const struct result *r, const char *key)
{
	if (!strcmp(key, "instructions"))
		return r->instructions;
	if (!strcmp(key, "syscalls"))
		return r->syscalls;
	if (!strcmp(key, "switches"))
		return r->switches;
	if (!strcmp(key, "guest_faults"))
		return r->guest_faults;
	if (!strcmp(key, "hcalls"))
		return r->hcalls;
	return r->wall;
}

static double ratio(const struct result *res, enum mode a, enum mode b)
{
	return res[a].ran && res[b].ran && res[b].instructions > 0 ?
		res[a].instructions / res[b].instructions : 0;
}

/* With PV, are system-call entries and the returns from interrupt (rfid;
 * the 32-bit kernels' rfi) the only traps left? */
static int pv_only_unavoidable(const struct result *res)
{
	double left = trap_count(&res[PV], "exits") - trap_count(&res[PV], "syscall_reflected") -
		      trap_count(&res[PV], "emul_rfid") - trap_count(&res[PV], "emul_rfi");

	return res[PV].ran && left == 0;
}

void print_table(const struct options *o, const struct result *res)
{
	const struct pairs *keys = any_traps(res);
	unsigned long long n = 0;
	enum mode m;
	unsigned int i;

	for (m = 0; m < MODES && !n; m++)
		n = res[m].iterations;
	printf("\necho loop: %llu iterations of fork, open/dup2/close (> /dev/null), execve "
	       "/bin/echo hello, write, exit, wait4\n", n);
	printf("per iteration; instructions from -icount (1 instruction = 1 ns of the guest's "
	       "timebase, %.0f MHz); %u boots per mode, identical\n\n  %-34s",
	       (double)any_run(res)->timebase_hz / 1e6, o->runs, "");
	for (m = 0; m < MODES; m++)
		if (res[m].ran)
			printf(" %12s", mode_label[m]);
	printf("\n");
	print_row(res, "guest instructions", "instructions", cell_field, " %12.1f", 0);
	print_row(res, "host traps (all)", "exits", trap_count, " %12g", 1);
	for (i = 0; i < sizeof(trap_labels) / sizeof(trap_labels[0]); i++)
		if (trap_row(res, trap_labels[i][0]))
			print_row(res, trap_labels[i][1], trap_labels[i][0], trap_count, " %12g", 1);
	for (i = 0; i < keys->n; i++)
		if (trap_row(res, keys->key[i]) && trap_label(keys->key[i]) == keys->key[i])
			print_row(res, keys->key[i], keys->key[i], trap_count, " %12g", 1);
	print_row(res, "system calls", "syscalls", cell_field, " %12g", 0);
	print_row(res, "context switches", "switches", cell_field, " %12g", 0);
	print_row(res, "guest page faults (DSI/ISI)", "guest_faults", cell_field, " %12g", 0);
	print_row(res, "guest H_ENTER/H_REMOVE calls", "hcalls", cell_field, " %12g", 0);
	print_row(res, "wall seconds per boot (best)", "wall", cell_field, " %12.3f", 0);
	printf("\n");
	if (res[NO_PV].ran && res[PV].ran)
		printf("  no-pv / pv   = %.3f   (target >= %.2f: %s)\n", ratio(res, NO_PV, PV),
		       TARGET_OFF_ON, ratio(res, NO_PV, PV) >= TARGET_OFF_ON ? "met" : "missed");
	if (res[PV].ran && res[NATIVE].ran)
		printf("  pv / native  = %.3f   (target <= %.2f: %s)\n", ratio(res, PV, NATIVE),
		       TARGET_ON_NATIVE, ratio(res, PV, NATIVE) <= TARGET_ON_NATIVE ? "met" : "missed");
	if (res[PV].ran)
		printf("  pv: traps left are only system-call entries and rfid/rfi: %s\n",
		       pv_only_unavoidable(res) ? "yes" : "no");
	exit_costs_print(res);
}

/* ---- results.json ------------------------------------------------------------ */

/* Compact JSON (as every ppcpv tool writes it), one mode per line. */
static void json_mode(FILE *f, const struct result *r, const char *key)
{
	unsigned int i;

	fprintf(f, "\"%s\":{\"instructions_per_iter\":%.1f,\"traps_per_iter\":{\"total\":%g",
		key, r->instructions, trap_count(r, "exits"));
	for (i = 0; i < r->traps.n; i++)
		if (r->traps.val[i] && strcmp(r->traps.key[i], "exits"))
			fprintf(f, ",\"%s\":%g", r->traps.key[i], trap_count(r, r->traps.key[i]));
	/* shadow faults: the host's, 0 natively and with the flat mapping */
	fprintf(f, "},\"syscalls_per_iter\":%g,\"switches_per_iter\":%g,"
		"\"guest_faults_per_iter\":%g,\"shadow_faults_per_iter\":%g,\"hcalls_per_iter\":%g,"
		"\"wall_seconds\":%.3f",
		r->syscalls, r->switches, r->guest_faults, trap_count(r, "shadow_faults"), r->hcalls,
		r->wall);
	exit_costs_json(f, &r->costs);
	fprintf(f, "},\n");
}

static void json_ratio(FILE *f, const char *key, double v, const char *end)
{
	if (v > 0)
		fprintf(f, "\"%s\":%.3f%s\n", key, v, end);
	else
		fprintf(f, "\"%s\":null%s\n", key, end);
}

/* One family's results as an object, without its closing brace. */
static void json_results_open(FILE *f, const struct options *o, const struct result *res)
{
	unsigned long long n = 0;
	enum mode m;

	for (m = 0; m < MODES && !n; m++)
		n = res[m].iterations;
	fprintf(f, "{\"benchmark\":\"echo-loop\",");
	if (o->family)
		fprintf(f, "\"family\":\"%s\",", o->family);
	fprintf(f, "\"iterations\":%llu,\"runs_per_mode\":%u,\"deterministic\":%s,\n", n, o->runs,
		o->runs > 1 ? "true" : "null");
	for (m = 0; m < MODES; m++)
		if (res[m].ran)
			json_mode(f, &res[m], mode_key[m]);
	if (res[PV].ran)
		fprintf(f, "\"pv_traps_only_sc_rfid\":%s,\n",
			pv_only_unavoidable(res) ? "true" : "false");
	json_ratio(f, "ratio_off_on", ratio(res, NO_PV, PV), ",");
	json_ratio(f, "ratio_on_native", ratio(res, PV, NATIVE), "");
}

/* A file bench-echo wrote: one JSON object, embedded as it is. */
static int json_embed(FILE *f, const char *path)
{
	FILE *in = fopen(path, "r");
	char buf[1 << 16];
	size_t n;

	if (!in) {
		fprintf(stderr, "bench-echo: %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = fread(buf, 1, sizeof(buf) - 1, in);
	fclose(in);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		n--;
	if (n < 2 || n >= sizeof(buf) - 2 || buf[0] != '{' || buf[n - 1] != '}') {
		fprintf(stderr, "bench-echo: %s: not one JSON object of bench-echo's\n", path);
		return -1;
	}
	fwrite(buf, 1, n, f);
	return 0;
}

/* "families": this run's family (when named) and the others given. */
static int json_families(FILE *f, const struct options *o, const struct result *res)
{
	unsigned int i;

	fprintf(f, ",\n\"families\":{");
	if (o->family) {
		fprintf(f, "\"%s\":", o->family);
		json_results_open(f, o, res);
		fprintf(f, "}");
	}
	for (i = 0; i < o->n_fam; i++) {
		fprintf(f, "%s\n\"%s\":", o->family || i ? "," : "", o->fam[i].name);
		if (o->fam[i].absent_reason)
			fprintf(f, "{\"benchmark\":\"echo-loop\",\"family\":\"%s\",\"available\":false,"
				"\"reason\":\"%s\"}", o->fam[i].name, o->fam[i].absent_reason);
		else if (json_embed(f, o->fam[i].json_file))
			return -1;
	}
	fprintf(f, "}");
	return 0;
}

int write_json(const struct options *o, const struct result *res)
{
	FILE *f = fopen(o->json, "w");
	int err;

	if (!f) {
		fprintf(stderr, "bench-echo: %s: %s\n", o->json, strerror(errno));
		return -1;
	}
	json_results_open(f, o, res);
	err = o->family || o->n_fam ? json_families(f, o, res) : 0;
	fprintf(f, "}\n");
	if (fclose(f) || err) {
		unlink(o->json);	/* a whole file or none */
		return -1;
	}
	return 0;
}
