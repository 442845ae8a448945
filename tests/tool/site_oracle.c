// SPDX-License-Identifier: MIT
/*
 * ppcpv-site-oracle: check `ppcpv-patch --sites` output independently of
 * the patcher library.
 *
 * For every site line on stdin it decodes the original and the new word
 * with libopcodes and checks that
 *  - the original really is the instruction kind the line claims;
 *  - a load/store is ld/std (64-bit) or lwz/stw at the shared-page field
 *    of that register, from the layout as documented (pv-abi, section 8:
 *    written out again below, not taken from the library), RA = 0, the
 *    same register as the original;
 *  - a nop is a nop, a branch is `b` to the line's target inside
 *    [--tmp-start, --tmp-end), and a skipped site is unchanged with a reason.
 *
 * usage: ppcpv-site-oracle --family F [--magic-ea EA] [--tmp-start A --tmp-end B]
 *        [--big-endian] < sites
 * Exit 0 when every line passes (and at least --min-sites lines were read).
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/disasm.h>

#define MAX_REPORTED 20

enum family { BOOK3S64, BOOK3S32, E500 };
#define F_B64	(1u << BOOK3S64)
#define F_B32	(1u << BOOK3S32)
#define F_E500	(1u << E500)
#define F_S	(F_B64 | F_B32)
#define F_ALL	(F_S | F_E500)

#define LOAD_ONLY	1
#define BOTH		2

/* The shared page as documented: register -> byte offset, u64 or u32. */
struct field {
	unsigned int spr;	/* 0xffff: the MSR (mfmsr) */
	unsigned int families;
	int directions;
	unsigned int offset;
	int is_u64;
};

#define MSR_PSEUDO_SPR 0xffff

static const struct field fields[] = {
	{ MSR_PSEUDO_SPR, F_ALL, LOAD_ONLY, 88, 1 },
	{ 0x110, F_ALL, BOTH, 32, 1 }, { 0x111, F_ALL, BOTH, 40, 1 },	/* SPRG0, 1 */
	{ 0x112, F_ALL, BOTH, 48, 1 }, { 0x113, F_ALL, BOTH, 56, 1 },	/* SPRG2, 3 */
	{ 0x01a, F_ALL, BOTH, 64, 1 }, { 0x01b, F_ALL, BOTH, 72, 1 },	/* SRR0, 1 */
	{ 0x013, F_S, BOTH, 80, 1 },					/* DAR */
	{ 0x03d, F_E500, BOTH, 80, 1 },					/* DEAR */
	{ 0x012, F_ALL, BOTH, 96, 0 },					/* DSISR */
	{ 0x114, F_ALL, BOTH, 208, 1 }, { 0x115, F_ALL, BOTH, 216, 1 },	/* SPRG4, 5 */
	{ 0x116, F_ALL, BOTH, 224, 1 }, { 0x117, F_ALL, BOTH, 232, 1 },	/* SPRG6, 7 */
	{ 0x104, F_E500, LOAD_ONLY, 208, 1 }, { 0x105, F_E500, LOAD_ONLY, 216, 1 },	/* SPRG4R, 5R */
	{ 0x106, F_E500, LOAD_ONLY, 224, 1 }, { 0x107, F_E500, LOAD_ONLY, 232, 1 },	/* SPRG6R, 7R */
	{ 0x270, F_E500, BOTH, 168, 0 }, { 0x271, F_E500, BOTH, 172, 0 },	/* MAS0, 1 */
	{ 0x272, F_E500, BOTH, 184, 1 }, { 0x273, F_E500, BOTH, 180, 0 },	/* MAS2, 3 */
	{ 0x274, F_E500, BOTH, 192, 0 }, { 0x276, F_E500, BOTH, 196, 0 },	/* MAS4, 6 */
	{ 0x3b0, F_E500, BOTH, 176, 0 },					/* MAS7 */
	{ 0x03e, F_E500, BOTH, 200, 0 },					/* ESR */
	{ 0x3ff, F_S, LOAD_ONLY, 204, 0 },				/* PIR (Book3S) */
	{ 0x11e, F_E500, LOAD_ONLY, 204, 0 },				/* PIR (BookE) */
};

struct oracle {
	enum family family;
	int word_bits;
	int big_endian;
	long long magic_ea;
	uint64_t tmp_start, tmp_end;
	unsigned long lines, problems, per_action[5];
};

static const char *const action_names[5] = { "load", "store", "nop", "branch", "skip" };

/* The string or number value of "key" in a flat JSON object line. */
static int json_get(const char *line, const char *key, char *out, size_t size)
{
	char pat[64];
	const char *p, *end;

	snprintf(pat, sizeof(pat), "\"%s\":", key);
	p = strstr(line, pat);
	if (!p)
		return -1;
	p += strlen(pat);
	if (*p == '"')
		end = strchr(++p, '"');
	else
		end = p + strcspn(p, ",}");
	if (!end || (size_t)(end - p) >= size)
		return -1;
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
	return 0;
}

static int json_hex(const char *line, const char *key, uint64_t *v)
{
	char buf[64], *end;

	if (json_get(line, key, buf, sizeof(buf)))
		return -1;
	*v = strtoull(buf, &end, 16);
	return *end ? -1 : 0;
}

static void problem(struct oracle *o, const char *addr, const char *fmt, const char *a, const char *b)
{
	o->problems++;
	if (o->problems <= MAX_REPORTED) {
		printf("site %s: ", addr);
		printf(fmt, a, b);
		printf("\n");
	} else if (o->problems == MAX_REPORTED + 1)
		printf("(further problems not shown)\n");
}

static void decode(const struct oracle *o, uint32_t w, uint64_t addr, const char *dialect,
		   char *text, size_t size)
{
	struct ppcpv_disasm_opts d = { o->word_bits, o->big_endian, dialect };

	if (ppcpv_disasm_word(&d, w, addr, text, size))
		snprintf(text, size, "(undecodable)");
}

/* Does the original decode as the claimed kind?  (Mnemonics: GNU raw form.) */
static int kind_matches(const char *kind, const char *text)
{
	static const struct { const char *kind, *prefix; } k[] = {
		{ "mfmsr", "mfmsr " }, { "mfspr", "mfspr " }, { "mtspr", "mtspr " },
		{ "tlbsync", "tlbsync" }, { "mtmsrd_l1", "mtmsrd " }, { "mtmsrd_l0", "mtmsrd " },
		{ "mtmsr", "mtmsr " }, { "wrtee", "wrtee " }, { "wrteei_1", "wrteei 1" },
		{ "wrteei_0", "wrteei 0" }, { "mtsrin", "mtsrin " },
	};
	size_t i, n = strlen(text);
	int l1 = n > 2 && !strcmp(text + n - 2, ",1");

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (!strcmp(kind, k[i].kind))
			return !strncmp(text, k[i].prefix, strlen(k[i].prefix)) &&
			       (strcmp(kind, "mtmsrd_l1") || l1) && (strcmp(kind, "mtmsrd_l0") || !l1);
	return 0;
}

static const struct field *field_for(const struct oracle *o, unsigned int spr, int store)
{
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (fields[i].spr == spr && (fields[i].families & (1u << o->family)) &&
		    (!store || fields[i].directions == BOTH))
			return &fields[i];
	return NULL;
}

/* "ld r3,-4008(0)" and friends for a load/store site. */
static int expected_access(const struct oracle *o, uint32_t orig, int store, char *out, size_t size)
{
	unsigned int rt = (orig >> 21) & 31;
	unsigned int xo = (orig >> 1) & 0x3ff;
	unsigned int spr = xo == 83 ? MSR_PSEUDO_SPR : ((orig >> 16) & 31) | (((orig >> 11) & 31) << 5);
	const struct field *f = field_for(o, spr, store);
	long long disp;
	const char *mn;

	if (!f)
		return -1;
	disp = o->magic_ea + f->offset + (f->is_u64 && o->word_bits == 32 ? 4 : 0);
	if (f->is_u64 && o->word_bits == 64)
		mn = store ? "std" : "ld";
	else
		mn = store ? "stw" : "lwz";
	snprintf(out, size, "%s r%u,%lld(0)", mn, rt, disp);
	return 0;
}

static int action_index(const char *action)
{
	int i;

	for (i = 0; i < 5; i++)
		if (!strcmp(action, action_names[i]))
			return i;
	return -1;
}

/* The action a kind must have when it is not skipped. */
static const char *action_of_kind(const char *kind)
{
	if (!strcmp(kind, "mfmsr") || !strcmp(kind, "mfspr"))
		return "load";
	if (!strcmp(kind, "mtspr"))
		return "store";
	if (!strcmp(kind, "tlbsync"))
		return "nop";
	return "branch";
}

static void check_rewrite(struct oracle *o, const char *line, const char *addr_s, uint64_t addr,
			  uint32_t orig, uint32_t new_word, const char *action)
{
	char want[64], got[PPCPV_DISASM_TEXT_MAX];
	uint64_t target;

	decode(o, new_word, addr, NULL, got, sizeof(got));
	if (!strcmp(action, "load") || !strcmp(action, "store")) {
		if (expected_access(o, orig, !strcmp(action, "store"), want, sizeof(want)))
			problem(o, addr_s, "%s of a register with no shared-page field (%s)", action, got);
		else if (strcmp(want, got))
			problem(o, addr_s, "expected '%s', new word decodes as '%s'", want, got);
	} else if (!strcmp(action, "nop")) {
		if (strcmp(got, "nop"))
			problem(o, addr_s, "expected '%s', new word decodes as '%s'", "nop", got);
	} else if (json_hex(line, "target", &target)) {
		problem(o, addr_s, "branch line without a target%s%s", "", "");
	} else {
		uint64_t to;
		char rest;

		/* libopcodes pads 32-bit addresses: compare the numbers. */
		snprintf(want, sizeof(want), "b 0x%" PRIx64, target);
		if (sscanf(got, "b 0x%" SCNx64 "%c", &to, &rest) != 1 || to != target)
			problem(o, addr_s, "expected '%s', new word decodes as '%s'", want, got);
		if (target < o->tmp_start || target >= o->tmp_end)
			problem(o, addr_s, "branch target %s outside kvm_tmp%s", want + 2, "");
	}
}

static void check_line(struct oracle *o, const char *line)
{
	char addr_s[32], kind[32], action[16], reason[32], text[PPCPV_DISASM_TEXT_MAX];
	uint64_t addr, orig, new_word;
	int a;

	o->lines++;
	if (json_get(line, "addr", addr_s, sizeof(addr_s)) || json_hex(line, "addr", &addr) ||
	    json_hex(line, "orig", &orig) || json_hex(line, "new", &new_word) ||
	    json_get(line, "kind", kind, sizeof(kind)) ||
	    json_get(line, "action", action, sizeof(action)) || (a = action_index(action)) < 0) {
		problem(o, "?", "unparsable line: %s%s", line, "");
		return;
	}
	o->per_action[a]++;
	decode(o, (uint32_t)orig, addr, o->family == E500 ? "e500,raw" : "raw", text, sizeof(text));
	if (!kind_matches(kind, text))
		problem(o, addr_s, "original decodes as '%s', not as a %s", text, kind);
	if (!strcmp(action, "skip")) {
		if (new_word != orig)
			problem(o, addr_s, "skipped site with a new word%s%s", "", "");
		if (json_get(line, "reason", reason, sizeof(reason)))
			problem(o, addr_s, "skipped site without a reason%s%s", "", "");
		return;
	}
	if (strcmp(action, action_of_kind(kind)))
		problem(o, addr_s, "a %s site cannot become a %s", kind, action);
	else
		check_rewrite(o, line, addr_s, addr, (uint32_t)orig, (uint32_t)new_word, action);
}

static int parse_family(const char *s, enum family *f)
{
	if (!strcmp(s, "book3s64"))
		*f = BOOK3S64;
	else if (!strcmp(s, "book3s32"))
		*f = BOOK3S32;
	else if (!strcmp(s, "e500"))
		*f = E500;
	else
		return -1;
	return 0;
}

static int parse_args(int argc, char **argv, struct oracle *o, unsigned long *min_sites)
{
	static const struct option opts[] = {
		{ "family", required_argument, NULL, 'f' },
		{ "magic-ea", required_argument, NULL, 'm' },
		{ "tmp-start", required_argument, NULL, 's' },
		{ "tmp-end", required_argument, NULL, 'e' },
		{ "big-endian", no_argument, NULL, 'b' },
		{ "min-sites", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	int c, have_family = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_family(optarg, &o->family))
				return -1;
			have_family = 1;
			break;
		case 'm': o->magic_ea = strtoll(optarg, NULL, 0); break;
		case 's': o->tmp_start = strtoull(optarg, NULL, 0); break;
		case 'e': o->tmp_end = strtoull(optarg, NULL, 0); break;
		case 'b': o->big_endian = 1; break;
		case 'n': *min_sites = strtoul(optarg, NULL, 0); break;
		default: return -1;
		}
	}
	o->word_bits = o->family == BOOK3S64 ? 64 : 32;
	return have_family && optind == argc ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct oracle o = { .magic_ea = -4096 };
	unsigned long min_sites = 0;
	char line[1024];

	if (parse_args(argc, argv, &o, &min_sites)) {
		fprintf(stderr, "usage: ppcpv-site-oracle --family book3s64|book3s32|e500 [--magic-ea EA]\n"
				"       [--tmp-start A --tmp-end B] [--big-endian] [--min-sites N] < sites\n");
		return 2;
	}
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = '\0';
		if (*line)
			check_line(&o, line);
	}
	printf("site-oracle: %lu sites (load %lu, store %lu, nop %lu, branch %lu, skip %lu), "
	       "%lu problems\n", o.lines, o.per_action[0], o.per_action[1], o.per_action[2],
	       o.per_action[3], o.per_action[4], o.problems);
	if (o.lines < min_sites)
		printf("site-oracle: fewer than %lu sites\n", min_sites);
	return o.problems || o.lines < min_sites ? 1 : 0;
}
