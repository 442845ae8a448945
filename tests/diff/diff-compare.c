// SPDX-License-Identifier: MIT
/*
 * diff-compare: the differential test's judge (native).
 *
 *   diff-compare --blob FILE --native LOG --no-pv LOG --pv LOG [--json]
 *
 * Reads the batch blob (checked against the generator) and the console of
 * the three runs of the test guest over it, and compares, per program, the
 * hashes of the end state: native against both hosted runs (programs that
 * use what the native CPU lacks are compared between the hosted runs
 * only), no-pv against pv on everything.  For a divergent program whose
 * full state the runs dumped (a rerun with diff-gen --dump), it prints the
 * seed, the program disassembled with libopcodes, and the first differing
 * register of each disagreeing pair.
 *
 * Exit status: 0 every program agrees; 1 divergences (or programs without
 * a result: lost); 2 bad input (one line: unreadable or inconsistent blob
 * or log, a run in the wrong mode, a pv run that left sites unpatched).
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "blob.h"
#include "listing.h"
#include "state.h"

#define EXIT_DIVERGED	1
#define EXIT_BAD_INPUT	2
#define LINE_MAX_BYTES	512
/* Divergent programs reported in full, and asked to be dumped. */
#define REPORT_MAX	4

enum run { RUN_NATIVE = 0, RUN_NO_PV, RUN_PV, RUN_COUNT };
static const char *const run_mode[RUN_COUNT] = { "native", "no-pv", "pv" };

enum result { RES_NONE = 0, RES_HASHES, RES_SKIP };

struct run_log {
	const char *path;
	char mode[16], build[64];
	long sites, patched, skipped;
	int done;
	char trouble[LINE_MAX_BYTES];	/* a DIFF-INTERRUPT or DIFF-ERROR line */
	uint8_t *result;		/* enum result, per program */
	uint64_t *common, *hosted;
	uint8_t *dumped;
	uint64_t *at;
	uint64_t (*state)[DIFF_SLOTS];
};

static struct diff_spr sprs[DIFF_MAX_SPRS];
static unsigned int n_sprs;
/* The blob's family; whether it has a native run (else no --native). */
static const struct diff_family *family;

static int bad_input(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int bad_input(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "diff-compare: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_BAD_INPUT;
}

/* ---- Reading a run's console -------------------------------------------- */

static int alloc_log(struct run_log *l, uint32_t count)
{
	l->result = calloc(count, 1);
	l->common = calloc(count, sizeof(*l->common));
	l->hosted = calloc(count, sizeof(*l->hosted));
	l->dumped = calloc(count, 1);
	l->at = calloc(count, sizeof(*l->at));
	l->state = calloc(count, sizeof(*l->state));
	return l->result && l->common && l->hosted && l->dumped && l->at && l->state ? 0 : -1;
}

/* One console line; -1 when it names a program beyond the batch. */
static int take_line(struct run_log *l, const char *line, uint32_t count)
{
	unsigned int i, slot;
	unsigned long long a, b;
	char word[16];

	if (sscanf(line, "DIFF %u %llx %llx", &i, &a, &b) == 3) {
		if (i >= count)
			return -1;
		l->result[i] = RES_HASHES;
		l->common[i] = a;
		l->hosted[i] = b;
	} else if (sscanf(line, "DIFF %u %15s", &i, word) == 2 && !strcmp(word, "skip")) {
		if (i >= count)
			return -1;
		l->result[i] = RES_SKIP;
	} else if (sscanf(line, "DIFF-STATE %u %u %llx", &i, &slot, &a) == 3) {
		if (i >= count || slot >= DIFF_SLOTS)
			return -1;
		l->state[i][slot] = a;
		l->dumped[i] = 1;
	} else if (sscanf(line, "DIFF-AT %u %llx", &i, &a) == 2) {
		if (i >= count)
			return -1;
		l->at[i] = a;
	} else if (sscanf(line, "DIFF-MODE %15s build=%63s", l->mode, l->build) == 2) {
		const char *p = strstr(line, "sites=");

		if (!p || sscanf(p, "sites=%ld patched=%ld skipped=%ld", &l->sites, &l->patched,
				 &l->skipped) != 3)
			return -1;
	} else if (!strncmp(line, "DIFF-DONE", 9)) {
		l->done = 1;
	} else if (!strncmp(line, "DIFF-INTERRUPT", 14) || !strncmp(line, "DIFF-ERROR", 10)) {
		snprintf(l->trouble, sizeof(l->trouble), "%s", line);
	}
	return 0;
}

static int read_log(struct run_log *l, enum run r, uint32_t count)
{
	char line[LINE_MAX_BYTES];
	FILE *f = fopen(l->path, "r");
	unsigned long n = 0;

	if (!f)
		return bad_input("cannot read %s: %s", l->path, strerror(errno));
	if (alloc_log(l, count)) {
		fclose(f);
		return bad_input("%s", "out of memory");
	}
	while (fgets(line, sizeof(line), f)) {
		n++;
		line[strcspn(line, "\r\n")] = '\0';
		if (take_line(l, line, count)) {
			fclose(f);
			return bad_input("%s:%lu: malformed or out of the batch: '%s'", l->path, n, line);
		}
	}
	fclose(f);
	if (!l->mode[0] && !l->trouble[0])
		return bad_input("%s: no DIFF-MODE line (not a run of the differential guest)", l->path);
	if (l->mode[0] && strcmp(l->mode, run_mode[r]))
		return bad_input("%s: a %s run, given as the %s run", l->path, l->mode, run_mode[r]);
	if (r == RUN_PV && l->mode[0] && (l->skipped != 0 || l->patched <= 0))
		return bad_input("%s: the pv run patched %ld sites and skipped %ld (every site must be patched)",
				 l->path, l->patched, l->skipped);
	return 0;
}

/* ---- Comparing ----------------------------------------------------------- */

static const char *slot_name(unsigned int slot, char *buf, size_t size)
{
	static const char *const named[] = {
		[DIFF_SLOT_CR] = "cr", [DIFF_SLOT_XER] = "xer", [DIFF_SLOT_LR] = "lr",
		[DIFF_SLOT_CTR] = "ctr", [DIFF_SLOT_MSR] = "msr (trapping mfmsr)",
		[DIFF_SLOT_PATCHED_MSR] = "msr (patched-part mfmsr)",
		[DIFF_SLOT_MEMSUM] = "memory region checksum",
	};

	if (slot < 32)
		snprintf(buf, size, "r%u", slot);
	else if (slot < DIFF_SLOT_SPR(0))
		snprintf(buf, size, "%s", named[slot]);
	else if (slot < DIFF_SLOT_SPR(n_sprs))
		snprintf(buf, size, "%s (trapping mfspr)", sprs[slot - DIFF_SLOT_SPR(0)].name);
	else if (slot >= DIFF_SLOT_PATCHED_SPR(0) && slot < DIFF_SLOT_PATCHED_SPR(n_sprs))
		snprintf(buf, size, "%s (patched-part mfspr)", sprs[slot - DIFF_SLOT_PATCHED_SPR(0)].name);
	else if (slot >= DIFF_SLOT_SR(0) && slot < DIFF_SLOT_SR(DIFF_SEGMENTS))
		snprintf(buf, size, "sr%u (trapping mfsr)", slot - DIFF_SLOT_SR(0));
	else
		snprintf(buf, size, "unused slot %u", slot);
	return buf;
}

struct pair {
	enum run a, b;
	int hosted;		/* compare the hosted-only slots too */
};

/* The pairs a program is judged on. */
static unsigned int pairs_of(int hosted_only, struct pair out[3])
{
	unsigned int n = 0;

	if (!hosted_only) {
		out[n++] = (struct pair){ RUN_NATIVE, RUN_NO_PV, 0 };
		out[n++] = (struct pair){ RUN_NATIVE, RUN_PV, 0 };
	}
	out[n++] = (struct pair){ RUN_NO_PV, RUN_PV, 1 };
	return n;
}

static int pair_differs(const struct run_log *logs, const struct pair *p, uint32_t i)
{
	const struct run_log *a = &logs[p->a], *b = &logs[p->b];

	return a->common[i] != b->common[i] || (p->hosted && a->hosted[i] != b->hosted[i]);
}

/* What is wrong with program i: a missing result (lost) or a pair that
 * disagrees; 0 when it agrees everywhere. */
static int judge(const struct run_log *logs, uint32_t i, int hosted_only, int *lost)
{
	struct pair pairs[3];
	unsigned int n = pairs_of(hosted_only, pairs), k;
	int bad = 0;

	*lost = (family->native && !hosted_only && logs[RUN_NATIVE].result[i] != RES_HASHES) ||
		(family->native && hosted_only && logs[RUN_NATIVE].result[i] != RES_SKIP) ||
		logs[RUN_NO_PV].result[i] != RES_HASHES || logs[RUN_PV].result[i] != RES_HASHES;
	if (*lost)
		return 1;
	for (k = 0; k < n; k++)
		bad |= pair_differs(logs, &pairs[k], i);
	return bad;
}

/* A dumped state must hash to what the run printed for the program. */
static int dump_consistent(const struct run_log *l, uint32_t i)
{
	uint64_t common, hosted;

	diff_record_hashes(family, l->state[i], sprs, n_sprs, &common, &hosted);
	return common == l->common[i] && hosted == l->hosted[i];
}

static void report_pair(const struct run_log *logs, const struct pair *p, uint32_t i,
			const uint64_t start[DIFF_SLOTS])
{
	const uint64_t *a = logs[p->a].state[i], *b = logs[p->b].state[i];
	char name[64];
	unsigned int s;
	int first = 1;

	for (s = 0; s < DIFF_SLOTS; s++) {
		if (diff_slot_value(family, s, a[s]) == diff_slot_value(family, s, b[s]) ||
		    (!p->hosted && diff_slot_hosted_only(s, sprs, n_sprs)))
			continue;
		slot_name(s, name, sizeof(name));
		if (first)
			printf("  %s vs %s: first differing register: %s (%s 0x%016llx, %s 0x%016llx, start 0x%016llx)\n",
			       run_mode[p->a], run_mode[p->b], name, run_mode[p->a], (unsigned long long)a[s],
			       run_mode[p->b], (unsigned long long)b[s], (unsigned long long)start[s]);
		else
			printf("    also %s (0x%016llx, 0x%016llx)\n", name, (unsigned long long)a[s],
			       (unsigned long long)b[s]);
		first = 0;
	}
}

static void report(const uint8_t *blob, const struct run_log *logs, uint32_t i)
{
	struct diff_prog prog;
	struct pair pairs[3];
	uint64_t start[DIFF_SLOTS];
	unsigned int n, k, r;

	diff_blob_program(blob, i, &prog);
	diff_start_state(diff_blob_family_of(blob), prog.seed, start);
	printf("DIVERGENCE: program %u, seed 0x%016llx\n", i, (unsigned long long)prog.seed);
	for (r = 0; r < RUN_COUNT; r++) {
		if (!logs[r].path)
			continue;
		if (logs[r].result[i] == RES_NONE)
			printf("  the %s run has no result for it%s%s\n", run_mode[r],
			       logs[r].trouble[0] ? ": " : "", logs[r].trouble);
		else if (logs[r].dumped[i] && !dump_consistent(&logs[r], i))
			printf("  the %s run's dump does not hash to the hash it printed\n", run_mode[r]);
	}
	diff_print_program(stdout, &prog, logs[RUN_PV].at[i], "  ");
	n = pairs_of(prog.flags & DIFF_PROG_HOSTED_ONLY, pairs);
	for (k = 0; k < n; k++) {
		if (logs[pairs[k].a].result[i] != RES_HASHES || logs[pairs[k].b].result[i] != RES_HASHES ||
		    !pair_differs(logs, &pairs[k], i))
			continue;
		if (!logs[pairs[k].a].dumped[i] || !logs[pairs[k].b].dumped[i])
			printf("  %s vs %s: the hashes differ (no dump: rerun with diff-gen --dump %u)\n",
			       run_mode[pairs[k].a], run_mode[pairs[k].b], i);
		else
			report_pair(logs, &pairs[k], i, start);
	}
}

struct totals {
	uint32_t programs, hosted_only, divergent, missing;
};

static void compare(const uint8_t *blob, const struct run_log *logs, struct totals *t)
{
	uint32_t count = diff_blob_count(blob), i, reported = 0;
	char wanted[REPORT_MAX * 12] = "";
	size_t used = 0;

	memset(t, 0, sizeof(*t));
	t->programs = count;
	for (i = 0; i < count; i++) {
		int hosted_only = diff_be16(diff_blob_entry(blob, i) + DIFF_ENT_FLAGS) & DIFF_PROG_HOSTED_ONLY;
		int lost;

		t->hosted_only += hosted_only ? 1 : 0;
		if (!judge(logs, i, hosted_only, &lost))
			continue;
		t->divergent++;
		t->missing += lost ? 1 : 0;
		if (reported++ >= REPORT_MAX)
			continue;
		report(blob, logs, i);
		if (!logs[RUN_PV].dumped[i] && used < sizeof(wanted))
			used += (size_t)snprintf(wanted + used, sizeof(wanted) - used, "%s%u", used ? "," : "", i);
	}
	if (t->divergent > REPORT_MAX)
		printf("(%u more divergent programs not shown)\n", t->divergent - REPORT_MAX);
	if (used)
		printf("DUMP-WANTED: %s\n", wanted);
}

/* Check the blob, read the logs, compare: the exit status. */
static int judge_runs(const char *blob_path, const uint8_t *blob, size_t size, struct run_log *logs,
		      int json)
{
	struct totals t;
	const char *why;
	long bad;
	int r;

	why = diff_blob_verify(blob, size, &bad);
	if (why && bad >= 0)
		return bad_input("%s: %s (program %ld)", blob_path, why, bad);
	if (why)
		return bad_input("%s: %s", blob_path, why);
	family = diff_blob_family_of(blob);
	n_sprs = diff_sprs(family, sprs);
	if (family->native != !!logs[RUN_NATIVE].path)
		return bad_input(family->native ? "%s: --native is needed for %s" :
				 "%s: %s has no native run: no --native", blob_path, family->name);
	for (r = 0; r < RUN_COUNT; r++)
		if (logs[r].path && read_log(&logs[r], (enum run)r, diff_blob_count(blob)))
			return EXIT_BAD_INPUT;
	compare(blob, logs, &t);
	printf("diff-compare: %u programs (%u hosted-only), %u divergent, %u without a result in some run; pv build %s\n",
	       t.programs, t.hosted_only, t.divergent, t.missing, logs[RUN_PV].build[0] ? logs[RUN_PV].build : "?");
	if (json)
		printf("{\"programs\":%u,\"divergences\":%u,\"interrupts_placed\":0,\"lost\":0,\"delivered_in_critical\":0}\n",
		       t.programs, t.divergent);
	return t.divergent ? EXIT_DIVERGED : 0;
}

enum { OPT_BLOB = 1, OPT_NATIVE, OPT_NO_PV, OPT_PV, OPT_JSON, OPT_HELP };

static const struct option options[] = {
	{ "blob", required_argument, NULL, OPT_BLOB }, { "native", required_argument, NULL, OPT_NATIVE },
	{ "no-pv", required_argument, NULL, OPT_NO_PV }, { "pv", required_argument, NULL, OPT_PV },
	{ "json", no_argument, NULL, OPT_JSON }, { "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	static struct run_log logs[RUN_COUNT];
	const char *blob_path = NULL, *why;
	uint8_t *blob;
	size_t size;
	int opt, json = 0, rc;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case OPT_BLOB: blob_path = optarg; break;
		case OPT_NATIVE: logs[RUN_NATIVE].path = optarg; break;
		case OPT_NO_PV: logs[RUN_NO_PV].path = optarg; break;
		case OPT_PV: logs[RUN_PV].path = optarg; break;
		case OPT_JSON: json = 1; break;
		case OPT_HELP:
			printf("usage: diff-compare --blob FILE [--native LOG] --no-pv LOG --pv LOG [--json]\n"
			       "(--native for every family that has a native run: all but book3s32)\n");
			return 0;
		default:
			return bad_input("%s", "unknown option (--help)");
		}
	}
	if (optind != argc)
		return bad_input("unexpected argument '%s'", argv[optind]);
	if (!blob_path || !logs[RUN_NO_PV].path || !logs[RUN_PV].path)
		return bad_input("%s", "--blob, --no-pv and --pv are needed (and --native, but for book3s32)");
	blob = diff_read_file(blob_path, DIFF_BLOB_MAX, &size, &why);
	if (!blob)
		return bad_input("cannot read %s: %s", blob_path, why);
	rc = judge_runs(blob_path, blob, size, logs, json);
	free(blob);
	return rc;
}
