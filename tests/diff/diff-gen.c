// SPDX-License-Identifier: MIT
/*
 * diff-gen: the differential test's batch generator (native).
 *
 *   diff-gen [--family F] --first-seed N --count N --out FILE [--dump I,J,...]
 *       write the blob of programs N .. N+count-1 (I, J: indices in the
 *       batch whose full end state the guest prints)
 *   diff-gen [--family F] --show SEED      one program, disassembled
 *   diff-gen [--family F] --loader-addr native|hosted|guest
 *       the physical address QEMU loads a blob at, for that kind of boot
 *       (hosted: on QEMU pseries, where ppcpv-run puts the guest region);
 *       guest: the guest-physical one (a runner that knows its guest
 *       region's base adds it: tests/host/e500/run-guest.sh --guest-load)
 *   diff-gen [--family F] --guest-msr      the MSR the hosted boots enter
 *       the guest with
 *   diff-gen [--family F] --native-run     1 if the family has a native
 *       run (QEMU runs its guest without the host), else 0
 * F is a family of state.h (ppcpv-run's names), book3s64 by default; it
 * must come before the option it applies to.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/host/hostcfg.h>
#include "blob.h"
#include "listing.h"
#include "state.h"

#define EXIT_USAGE 2

static void usage(FILE *f)
{
	unsigned int i;

	fprintf(f,
		"usage: diff-gen [--family F] --first-seed N --count N --out FILE [--dump I,J,...]\n"
		"       diff-gen [--family F] --show SEED\n"
		"       diff-gen [--family F] --loader-addr native|hosted|guest\n"
		"       diff-gen [--family F] --guest-msr\n"
		"       diff-gen [--family F] --native-run\n"
		"families:");
	for (i = 0; i < DIFF_FAMILY_COUNT; i++)
		fprintf(f, " %s", diff_families[i].name);
	fputc('\n', f);
}

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The one error line; the exit status of every refusal. */
static int fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "diff-gen: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_USAGE;
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || !*s || *end || *s == '-' ? -1 : 0;
}

/* "I,J,..." into marks over count programs. */
static int parse_dump(const char *s, uint8_t *dump, uint32_t count)
{
	char *copy = strdup(s), *tok, *save = NULL;
	uint64_t i;
	int err = copy ? 0 : -1;

	for (tok = copy ? strtok_r(copy, ",", &save) : NULL; tok && !err; tok = strtok_r(NULL, ",", &save)) {
		if (parse_u64(tok, &i) || i >= count)
			err = -1;
		else
			dump[i] = 1;
	}
	free(copy);
	return err;
}

static const struct diff_family *family = &diff_families[DIFF_FAMILY_BOOK3S64];

static int write_batch(uint64_t first, uint64_t count, const char *out, const char *dump_list)
{
	uint8_t *dump, *blob;
	size_t size;
	int rc = 0;

	if (count == 0 || count > DIFF_MAX_PROGRAMS)
		return fail("--count must be 1..%d", DIFF_MAX_PROGRAMS);
	dump = calloc(count, 1);
	if (!dump)
		return fail("%s", "out of memory");
	if (dump_list && parse_dump(dump_list, dump, (uint32_t)count)) {
		free(dump);
		return fail("--dump wants indices below --count, not '%s'", dump_list);
	}
	blob = diff_blob_build(family, first, (uint32_t)count, dump, &size);
	if (!blob)
		rc = fail("%s", "cannot build the blob (out of memory)");
	else if (size > DIFF_BLOB_MAX)
		rc = fail("%s", "the batch is too big for the guest's blob area: fewer programs");
	else if (diff_write_file(out, blob, size))
		rc = fail("cannot write %s: %s", out, strerror(errno));
	free(blob);
	free(dump);
	return rc;
}

static int show(uint64_t seed)
{
	struct diff_prog p;

	diff_gen(family, seed, &p);
	diff_print_program(stdout, &p, 0, "");
	return 0;
}

enum { OPT_FAMILY = 1, OPT_FIRST, OPT_COUNT, OPT_OUT, OPT_DUMP, OPT_SHOW, OPT_LOADER, OPT_MSR, OPT_NATIVE,
       OPT_HELP };

static const struct option options[] = {
	{ "family", required_argument, NULL, OPT_FAMILY },
	{ "first-seed", required_argument, NULL, OPT_FIRST }, { "count", required_argument, NULL, OPT_COUNT },
	{ "out", required_argument, NULL, OPT_OUT }, { "dump", required_argument, NULL, OPT_DUMP },
	{ "show", required_argument, NULL, OPT_SHOW },
	{ "loader-addr", required_argument, NULL, OPT_LOADER },
	{ "guest-msr", no_argument, NULL, OPT_MSR }, { "native-run", no_argument, NULL, OPT_NATIVE },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

int main(int argc, char **argv)
{
	const char *out = NULL, *dump = NULL, *first_s = NULL, *count_s = NULL;
	uint64_t first = 0, count = 0, seed;
	int opt;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case OPT_FAMILY:
			family = diff_family_named(optarg);
			if (!family)
				return fail("unknown family '%s' (--help lists them)", optarg);
			break;
		case OPT_FIRST: first_s = optarg; break;
		case OPT_COUNT: count_s = optarg; break;
		case OPT_OUT: out = optarg; break;
		case OPT_DUMP: dump = optarg; break;
		case OPT_SHOW:
			if (parse_u64(optarg, &seed))
				return fail("--show wants a seed, not '%s'", optarg);
			return show(seed);
		case OPT_LOADER:
			if (!strcmp(optarg, "native") || !strcmp(optarg, "guest"))
				printf("0x%llx\n", (unsigned long long)DIFF_BLOB_ADDR);
			else if (!strcmp(optarg, "hosted") && family->family == PPCPV_FAMILY_E500)
				return fail("%s", "--loader-addr hosted: the e500 guest region's base is "
					    "run-guest.sh's; ask for guest");
			else if (!strcmp(optarg, "hosted"))
				printf("0x%llx\n", (unsigned long long)PPCPV_GUEST_BASE_DEFAULT + DIFF_BLOB_ADDR);
			else
				return fail("--loader-addr wants native, hosted or guest, not '%s'", optarg);
			return 0;
		case OPT_MSR:
			printf("0x%llx\n", (unsigned long long)family->entry);
			return 0;
		case OPT_NATIVE:
			printf("%d\n", family->native);
			return 0;
		case OPT_HELP:
			usage(stdout);
			return 0;
		default:
			return fail("%s", "unknown option (--help lists them)");
		}
	}
	if (optind != argc)
		return fail("unexpected argument '%s'", argv[optind]);
	if (!first_s || !count_s || !out)
		return fail("%s", "--first-seed, --count and --out are needed (or --show, --loader-addr, --guest-msr, "
			    "--native-run; --help)");
	if (parse_u64(first_s, &first))
		return fail("--first-seed wants a number, not '%s'", first_s);
	if (parse_u64(count_s, &count))
		return fail("--count wants a number, not '%s'", count_s);
	return write_batch(first, count, out, dump);
}
