// SPDX-License-Identifier: MIT
/*
 * bench-echo: the echo-loop benchmark's driver (`make bench`).  Boots the
 * benchmark image (build/images/guest-bench.bin) through ppcpv-run in each
 * mode -- native, no-pv, pv -- several times under -icount, reads what the
 * guest and the host print, and reports per iteration: guest instructions
 * (from the guest's timebase), host traps by kind (from the host's
 * HOST-STATS-MARK lines), system calls and context switches.  Every boot
 * of a mode must give the same counts.  This file: options, the boots of
 * each mode and their comparison.  Method and numbers:
 * Documentation/benchmarks.rst.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bench_echo.h"

const char *const mode_option[MODES] = { "--native", "--no-pv", "--pv" };
const char *const mode_label[MODES] = { "native", "no-pv", "pv" };
const char *const mode_key[MODES] = { "native", "no_pv", "pv" };

static int same_pairs(const struct pairs *a, const struct pairs *b)
{
	return a->n == b->n && !memcmp(a->val, b->val, a->n * sizeof(a->val[0]));
}

/* Every number a boot reported, compared with the first boot's. */
static int same_counts(const struct boot *a, const struct boot *b, const char **what)
{
	unsigned int k;

	if (!same_pairs(&a->bench, &b->bench)) {
		*what = "BENCH-RESULT";
		return 0;
	}
	for (k = 0; k < MARKS; k++)
		if (!same_pairs(&a->mark[k], &b->mark[k])) {
			*what = "HOST-STATS-MARK";
			return 0;
		}
	return 1;
}

static int run_mode(const struct options *o, enum mode m, struct result *r)
{
	static struct boot first, again;
	const char *why, *what;
	unsigned int k;

	for (k = 0; k < o->runs; k++) {
		struct boot *b = k ? &again : &first;

		fprintf(stderr, "bench-echo: %s, boot %u of %u\n", mode_label[m], k + 1, o->runs);
		if (boot_run(o, m, b)) {
			fprintf(stderr, "bench-echo: cannot start %s\n", o->run);
			return -1;
		}
		why = check_boot(m, b);
		if (why) {
			fprintf(stderr, "bench-echo: %s: %s; last line: \"%s\"\n", mode_label[m], why,
				b->last);
			return -1;
		}
		if (k && !same_counts(&first, b, &what)) {
			fprintf(stderr, "bench-echo: %s: boot %u differs from boot 1 (%s): "
				"the counts are not deterministic\n", mode_label[m], k + 1, what);
			return -1;
		}
		if (!k)
			per_iteration(b, r);
		if (!k && m != NATIVE && o->exit_costs && exit_costs_read(o->exit_costs, m, &r->costs))
			return -1;
		else if (b->wall < r->wall)
			r->wall = b->wall;	/* wall time: the best boot */
	}
	return 0;
}

/* ---- options ---------------------------------------------------------------- */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bench-echo [--run PPCPV_RUN] [--guest IMAGE] [--native-guest IMAGE]\n"
		"                  [--modes LIST] [--runs N]\n"
		"                  [--timeout SEC] [--json FILE] [--mmu flat|shadow]\n"
		"                  [--fast-exits on|off] [--exit-costs DIR] [--family NAME]\n"
		"                  [--family-json NAME=FILE]... [--family-absent NAME=REASON]...\n"
		"  --run      ppcpv-run (default: next to this program)\n"
		"  --guest    the benchmark image (default: the build tree's guest-bench.bin)\n"
		"  --native-guest  the same benchmark as the image native mode boots, where\n"
		"             the family's machine loads another form (the 440's bamboo:\n"
		"             the ELF; default: --guest)\n"
		"  --modes    a comma-separated subset of native,no-pv,pv (default: all)\n"
		"  --runs     boots per mode, which must agree (default 2)\n"
		"  --timeout  seconds per boot (default 300)\n"
		"  --json     write the results there\n"
		"  --mmu      the host's MMU for the hosted modes: shadow (default; the\n"
		"             kernel's own MMU virtualized) or flat (guest memory 1:1,\n"
		"             the previous baseline)\n"
		"  --fast-exits  the host's fast exit path: on (default) or off\n"
		"  --exit-costs  add the host instructions per exit by kind that\n"
		"             bench/exit-trace.sh wrote to DIR/no_pv.txt and DIR/pv.txt\n"
		"  --family   ppcpv-run --family for every boot; results.json names it\n"
		"             and repeats the results under families.NAME\n"
		"  --family-json   add FILE (another family's --json output) to\n"
		"             results.json as families.NAME\n"
		"  --family-absent  add families.NAME as not available, with REASON\n"
		"exit status: 0 done, 1 a boot failed or boots disagreed, 2 usage\n");
}

static int parse_modes(const char *s, int *want)
{
	char buf[64], *tok, *save;
	enum mode m;

	snprintf(buf, sizeof(buf), "%s", s);
	memset(want, 0, sizeof(int) * MODES);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		for (m = 0; m < MODES && strcmp(tok, mode_label[m]); m++)
			;
		if (m == MODES)
			return -1;
		want[m] = 1;
	}
	return want[NATIVE] || want[NO_PV] || want[PV] ? 0 : -1;
}

/* NAME=VALUE of --family-json or --family-absent: a family name of
 * letters and digits, a value without JSON's quote or escape. */
static int parse_family(char *arg, int absent, struct options *o)
{
	char *eq = strchr(arg, '='), *c;
	struct family_result *fr;

	if (!eq || eq == arg || !eq[1] || o->n_fam == MAX_FAMILIES)
		return -1;
	*eq = '\0';
	for (c = arg; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
			return -1;
	if (strpbrk(eq + 1, "\"\\"))
		return -1;
	fr = &o->fam[o->n_fam++];
	fr->name = arg;
	fr->json_file = absent ? NULL : eq + 1;
	fr->absent_reason = absent ? eq + 1 : NULL;
	return 0;
}

/* A default file, relative to this program's directory. */
static const char *beside_me(const char *rel)
{
	static char paths[2][PATH_MAX];
	static int next;
	char *path = paths[next++ % 2], *slash;
	ssize_t n = readlink("/proc/self/exe", path, PATH_MAX / 2);

	if (n <= 0)
		return rel;
	path[n] = '\0';
	slash = strrchr(path, '/');
	snprintf(slash + 1, PATH_MAX - (size_t)(slash + 1 - path), "%s", rel);
	return path;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longs[] = {
		{ "run", required_argument, NULL, 'r' }, { "guest", required_argument, NULL, 'g' },
		{ "native-guest", required_argument, NULL, 'N' },
		{ "modes", required_argument, NULL, 'm' }, { "runs", required_argument, NULL, 'n' },
		{ "timeout", required_argument, NULL, 't' }, { "json", required_argument, NULL, 'j' },
		{ "mmu", required_argument, NULL, 'M' },
		{ "fast-exits", required_argument, NULL, 'F' },
		{ "exit-costs", required_argument, NULL, 'C' },
		{ "family", required_argument, NULL, 'f' },
		{ "family-json", required_argument, NULL, 'J' },
		{ "family-absent", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		switch (c) {
		case 'r': o->run = optarg; break;
		case 'g': o->guest = optarg; break;
		case 'N': o->native_guest = optarg; break;
		case 'j': o->json = optarg; break;
		case 'm': if (parse_modes(optarg, o->want)) return -1; break;
		case 'n': o->runs = (unsigned int)atoi(optarg); break;
		case 't': o->timeout = (unsigned int)atoi(optarg); break;
		case 'M':
			if (strcmp(optarg, "flat") && strcmp(optarg, "shadow"))
				return -1;
			o->mmu = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "on") && strcmp(optarg, "off"))
				return -1;
			o->fast_exits = optarg;
			break;
		case 'C': o->exit_costs = optarg; break;
		case 'f': o->family = optarg; break;
		case 'J': if (parse_family(optarg, 0, o)) return -1; break;
		case 'A': if (parse_family(optarg, 1, o)) return -1; break;
		case 'h': usage(stdout); exit(0);
		default: return -1;
		}
	}
	return optind == argc && o->runs >= 1 && o->runs <= MAX_RUNS && o->timeout >= 1 ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct options o = { .mmu = "shadow", .fast_exits = "on", .want = { 1, 1, 1 }, .runs = 2,
			      .timeout = 300 };
	static struct result res[MODES];
	enum mode m;

	if (parse_options(argc, argv, &o)) {
		usage(stderr);
		return 2;
	}
	if (!o.run)
		o.run = beside_me("ppcpv-run");
	if (!o.guest)
		o.guest = beside_me("../../images/guest-bench.bin");
	for (m = 0; m < MODES; m++)
		if (o.want[m] && run_mode(&o, m, &res[m]))
			return 1;
	print_table(&o, res);
	if (o.json) {
		if (write_json(&o, res))
			return 1;
		printf("\n  results: %s\n", o.json);
	}
	return 0;
}
