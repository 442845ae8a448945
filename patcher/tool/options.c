// SPDX-License-Identifier: MIT
/*
 * ppcpv-patch command line.  Only the form of each value is checked here;
 * whether a symbol exists or a region fits is for the image (plan.c), and
 * whether a magic EA is usable is for the library (main.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/abi.h>
#include "options.h"
#include "tool.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: ppcpv-patch [OPTION...] ELF\n"
		"Find (and with --apply rewrite) the privileged instructions of a PowerPC kernel\n"
		"that the KVM paravirtual magic page replaces.\n"
		"\n"
		"  --family F         book3s64, book3s32 or e500 (default: book3s64 for ELF64;\n"
		"                     required for ELF32)\n"
		"  --features MASK    magic-page features the host grants (default 0x3 = SR|MAS0_TO_SPRG7)\n"
		"  --magic-ea EA      effective address of the magic page (default -4096)\n"
		"  --start SYM|ADDR   scan from here (with --end; default _stext, else every\n"
		"  --end SYM|ADDR     executable section); SYM may carry +OFFSET\n"
		"  --kvm-tmp ADDR:SIZE  trampoline space when the image has no kvm_tmp of its own\n"
		"  --json             print one JSON summary object\n"
		"  --sites            print one JSON object per site, one per line\n"
		"  --disasm           disassemble every site before/after, and every trampoline\n"
		"  --apply OUT        write the patched ELF to OUT (with a restore record)\n"
		"  --unpatch          with --apply OUT: restore a file patched by ppcpv-patch\n"
		"  --help             this text\n"
		"Exit status: 0 success, 1 unusable input or unwritable output, 2 bad usage,\n"
		"3 the patch does not fit (kvm_tmp missing or too small).  See ppcpv-patch(1).\n");
}

int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return errno || *end ? -1 : 0;
}

/* A signed number, decimal or hex, with an optional leading minus. */
static int parse_i64(const char *s, int64_t *out)
{
	uint64_t mag;
	int neg = *s == '-';

	if (parse_u64(s + neg, &mag) || mag > (uint64_t)INT64_MAX)
		return -1;
	*out = neg ? -(int64_t)mag : (int64_t)mag;
	return 0;
}

static int parse_features(const char *s, uint32_t *out)
{
	uint64_t v;

	if (parse_u64(s, &v) || v > UINT32_MAX) {
		tool_error("--features '%s': not a number (hex 0x... or decimal)", s);
		return EXIT_USAGE;
	}
	if (v & ~(uint64_t)PPCPV_MAGIC_FEAT_ALL) {
		tool_error("--features '%s': unknown feature bits 0x%llx (known: SR=0x%x, MAS0_TO_SPRG7=0x%x)",
			   s, (unsigned long long)(v & ~(uint64_t)PPCPV_MAGIC_FEAT_ALL),
			   PPCPV_MAGIC_FEAT_SR, PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7);
		return EXIT_USAGE;
	}
	*out = (uint32_t)v;
	return 0;
}

/* "WHERE:SIZE": WHERE is checked against the image later. */
static int parse_kvm_tmp(const char *s, struct tool_options *o)
{
	const char *colon = strrchr(s, ':');
	char *where;

	if (!colon || colon == s || parse_u64(colon + 1, &o->kvm_tmp_size) || !o->kvm_tmp_size) {
		tool_error("--kvm-tmp '%s': expected ADDR:SIZE (SIZE a non-zero number of bytes)", s);
		return EXIT_USAGE;
	}
	where = strndup(s, (size_t)(colon - s));
	if (!where) {
		tool_error("out of memory");
		return EXIT_USAGE;
	}
	o->kvm_tmp = s;
	free(o->kvm_tmp_where);	/* the last --kvm-tmp counts */
	o->kvm_tmp_where = where;
	return 0;
}

static int parse_one(int c, const char *arg, struct tool_options *o)
{
	switch (c) {
	case 'f':
		if (ppcpv_family_parse(arg, &o->family)) {
			tool_error("--family '%s': unknown family (book3s64, book3s32 or e500)", arg);
			return EXIT_USAGE;
		}
		o->family_given = 1;
		return 0;
	case 'F':
		o->features_given = 1;
		return parse_features(arg, &o->features);
	case 'm':
		if (parse_i64(arg, &o->magic_ea)) {
			tool_error("--magic-ea '%s': not a number", arg);
			return EXIT_USAGE;
		}
		o->magic_ea_given = 1;
		return 0;
	case 's': o->start = arg; return 0;
	case 'e': o->end = arg; return 0;
	case 't': return parse_kvm_tmp(arg, o);
	case 'j': o->json = 1; return 0;
	case 'S': o->sites = 1; return 0;
	case 'd': o->disasm = 1; return 0;
	case 'a': o->apply_out = arg; return 0;
	case 'u': o->unpatch = 1; return 0;
	case 'h': usage(stdout); return -1;
	default: usage(stderr); return EXIT_USAGE;
	}
}

/* Combinations that cannot mean anything. */
static int check_combination(const struct tool_options *o)
{
	if (!!o->start != !!o->end) {
		tool_error("--start and --end go together");
		return EXIT_USAGE;
	}
	if (o->unpatch && !o->apply_out) {
		tool_error("--unpatch needs --apply OUT (the file to write the original to)");
		return EXIT_USAGE;
	}
	if (o->unpatch && (o->family_given || o->start || o->kvm_tmp || o->magic_ea_given ||
			   o->features_given || o->sites || o->disasm)) {
		tool_error("--unpatch takes everything from the file's restore record; "
			   "it accepts only --apply and --json");
		return EXIT_USAGE;
	}
	if (o->json + o->sites + o->disasm > 1) {
		tool_error("--json, --sites and --disasm are different outputs; choose one");
		return EXIT_USAGE;
	}
	return 0;
}

static const struct option longopts[] = {
	{ "family", required_argument, NULL, 'f' },
	{ "features", required_argument, NULL, 'F' },
	{ "magic-ea", required_argument, NULL, 'm' },
	{ "start", required_argument, NULL, 's' },
	{ "end", required_argument, NULL, 'e' },
	{ "kvm-tmp", required_argument, NULL, 't' },
	{ "json", no_argument, NULL, 'j' },
	{ "sites", no_argument, NULL, 'S' },
	{ "disasm", no_argument, NULL, 'd' },
	{ "apply", required_argument, NULL, 'a' },
	{ "unpatch", no_argument, NULL, 'u' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_args(int argc, char **argv, struct tool_options *o)
{
	int c, err;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1)
		if ((err = parse_one(c, optarg, o)))
			return err;
	if (optind != argc - 1) {
		tool_error(optind == argc ? "no input file" : "one input file only");
		usage(stderr);
		return EXIT_USAGE;
	}
	o->input = argv[optind];
	return check_combination(o);
}

int options_parse(int argc, char **argv, struct tool_options *o)
{
	int err;

	memset(o, 0, sizeof(*o));
	o->features = TOOL_DEFAULT_FEATURES;
	o->magic_ea = PPCPV_MAGIC_PAGE_EA;
	err = parse_args(argc, argv, o);
	if (err)
		options_free(o);
	return err;
}

void options_free(struct tool_options *o)
{
	free(o->kvm_tmp_where);
	o->kvm_tmp_where = NULL;
}
