// SPDX-License-Identifier: MIT
/*
 * bench-patcher: how fast ppcpv_patch_text() scans a real kernel's text in
 * a dry run, against a plain pass that only reads and sums the same words.
 *
 * usage: bench-patcher [--runs N] [--json FILE] VMLINUX
 *
 * The scan range is _stext.._etext (else every executable section) of a
 * 64-bit Book3S image, minus the image's template area, as ppcpv-patch
 * scans it.  The file is mapped, not copied; the only allocation that
 * grows with the text is the site list.  Each pass runs --runs times
 * after one warm-up; the median and the best are reported.
 */
#include <inttypes.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/patcher.h>
#include <ppcpv/isa/insn.h>
#include "elf_image.h"
#include "tool.h"

#define MAX_PIECES 16
#define MAX_RUNS 1000
#define TARGET_GBPS 2.0
#define TARGET_RATIO 0.5

struct piece {
	struct ppcpv_region text;
	struct ppcpv_config cfg;
};

struct bench {
	struct piece pieces[MAX_PIECES];
	unsigned int n_pieces;
	struct ppcpv_region tmp;
	struct ppcpv_site *sites;
	size_t cap;
	uint64_t bytes;
	size_t n_sites;
};

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int symbol_addr(const struct elf_image *img, const char *name, uint64_t *addr)
{
	struct image_loc loc;

	if (elf_image_symbol(img, name, &loc))
		return -1;
	*addr = loc.addr;
	return 0;
}

/* The template area and kvm_tmp are never scanned, as in ppcpv-patch. */
static void base_config(const struct elf_image *img, struct ppcpv_config *cfg)
{
	uint64_t s, e;

	ppcpv_config_init(cfg, PPCPV_FAMILY_BOOK3S64, img->big_endian);
	cfg->features = PPCPV_MAGIC_FEAT_ALL;
	if (!symbol_addr(img, "kvm_template_start", &s) && !symbol_addr(img, "kvm_template_end", &e))
		cfg->exclude[cfg->n_exclude++] = (struct ppcpv_range){ s, e };
	if (!symbol_addr(img, "__end_interrupts", &s))
		cfg->no_branch_below = s;
}

static void find_tmp(const struct elf_image *img, struct bench *b)
{
	uint64_t s, e;

	if (!symbol_addr(img, "kvm_tmp", &s) && !symbol_addr(img, "kvm_tmp_end", &e) && e > s)
		b->tmp = (struct ppcpv_region){ NULL, s, (size_t)(e - s) };
}

/* One piece per executable section, clipped to [lo, hi). */
static int cut_pieces(const struct elf_image *img, struct bench *b, uint64_t lo, uint64_t hi)
{
	struct ppcpv_config cfg;
	unsigned int i;

	base_config(img, &cfg);
	for (i = 0; i < img->n_sections; i++) {
		const struct elf_section *s = &img->sections[i];
		uint64_t start = ((s->addr > lo ? s->addr : lo) + 3) & ~(uint64_t)3;
		uint64_t end = (s->addr + s->size < hi ? s->addr + s->size : hi) & ~(uint64_t)3;

		if (!s->exec_bytes || end <= start)
			continue;
		if (b->n_pieces == MAX_PIECES) {
			tool_error("more than %d executable pieces", MAX_PIECES);
			return -1;
		}
		b->pieces[b->n_pieces++] = (struct piece){
			{ elf_image_bytes(img, s, start), start, (size_t)(end - start) }, cfg
		};
		b->bytes += end - start;
	}
	return b->n_pieces ? 0 : -1;
}

static int patch_all(struct bench *b, struct ppcpv_site *sites, size_t cap, size_t *found)
{
	struct ppcpv_region tmp;
	struct ppcpv_stats st;
	unsigned int i;
	size_t total = 0;
	int n;

	tmp = b->tmp;
	for (i = 0; i < b->n_pieces; i++) {
		n = ppcpv_patch_text(&b->pieces[i].cfg, &b->pieces[i].text, tmp.size ? &tmp : NULL,
				     cap ? sites + total : NULL, cap ? cap - total : 0,
				     PPCPV_PATCH_DRY_RUN, &st);
		if (n < 0) {
			tool_error("ppcpv_patch_text: %s", ppcpv_strerror(n));
			return -1;
		}
		total += (size_t)n;
		tmp.addr += st.tmp_used;
		tmp.size -= (size_t)st.tmp_used;
	}
	*found = total;
	return 0;
}

/*
 * The baselines read every word of the same pieces:
 *  - "plain": the sum of the words in the text's byte order, loaded as the
 *    patcher loads them (ppc_load_insn, the order fixed per loop): the
 *    pass the targets compare against;
 *  - "raw": the sum of the same bytes as host-order words, which the
 *    compiler may vectorize: what merely reading the memory costs.
 */
#define SUM_WORDS(p, n, be)						\
	({ uint32_t sum_ = 0; size_t k_;				\
	   for (k_ = 0; k_ < (n); k_ += 4)				\
		sum_ += ppc_load_insn((p) + k_, (be));			\
	   sum_; })

static uint32_t sum_piece(const struct ppcpv_region *t, int be)
{
	return be ? SUM_WORDS(t->bytes, t->size, 1) : SUM_WORDS(t->bytes, t->size, 0);
}

/* GCC's default -O2 cost model only vectorizes loops of a known trip count. */
__attribute__((optimize("vect-cost-model=dynamic")))
static uint32_t sum_piece_raw(const struct ppcpv_region *t)
{
	size_t i, n = t->size / 4;
	uint32_t sum = 0, w;

	for (i = 0; i < n; i++) {
		memcpy(&w, t->bytes + 4 * i, 4);
		sum += w;
	}
	return sum;
}

static uint32_t sum_all(const struct bench *b, int raw)
{
	uint32_t sum = 0;
	unsigned int i;

	for (i = 0; i < b->n_pieces; i++)
		sum += raw ? sum_piece_raw(&b->pieces[i].text)
			   : sum_piece(&b->pieces[i].text, b->pieces[i].cfg.big_endian);
	return sum;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

struct timing {
	double median, best;
};

static struct timing summarize(double *t, unsigned int n)
{
	qsort(t, n, sizeof(*t), compare_double);
	return (struct timing){ t[n / 2], t[0] };
}

static volatile uint32_t sink;

enum pass { PASS_PATCHER, PASS_PLAIN, PASS_RAW, PASS_COUNT };
static const char *const pass_names[PASS_COUNT] = { "patcher", "plain", "raw" };
static const char *const pass_what[PASS_COUNT] = {
	"ppcpv_patch_text, dry run", "sum of the words in the text's byte order",
	"sum of host-order words: the memory read alone",
};

static int run_pass(struct bench *b, enum pass p)
{
	size_t n;

	if (p == PASS_PATCHER)
		return patch_all(b, b->sites, b->cap, &n) || n != b->n_sites ? -1 : 0;
	sink = sum_all(b, p == PASS_RAW);
	return 0;
}

/* Passes interleaved run by run, so they share the machine's moods. */
static int time_passes(struct bench *b, unsigned int runs, struct timing *out)
{
	double *t[PASS_COUNT], t0;
	unsigned int r, p;
	int err = 0;

	for (p = 0; p < PASS_COUNT; p++)
		err |= !(t[p] = calloc(runs, sizeof(double)));
	for (r = 0; !err && r <= runs; r++)
		for (p = 0; !err && p < PASS_COUNT; p++) {
			t0 = now_seconds();
			err = run_pass(b, (enum pass)p);
			if (r)	/* run 0 warms up */
				t[p][r - 1] = now_seconds() - t0;
		}
	for (p = 0; p < PASS_COUNT; p++) {
		if (!err)
			out[p] = summarize(t[p], runs);
		free(t[p]);
	}
	return err ? -1 : 0;
}

static void write_json(const struct bench *b, const char *path, unsigned int runs,
		       const double *mbs, const double *best, int ok, const char *json)
{
	FILE *f = fopen(json, "w");
	unsigned int p;

	if (!f) {
		tool_error("cannot write %s", json);
		return;
	}
	fprintf(f, "{\"file\":\"%s\",\"bytes\":%" PRIu64 ",\"sites\":%zu,\"runs\":%u", path,
		b->bytes, b->n_sites, runs);
	for (p = 0; p < PASS_COUNT; p++)
		fprintf(f, ",\"%s_mb_s\":%.1f,\"%s_best_mb_s\":%.1f", pass_names[p], mbs[p],
			pass_names[p], best[p]);
	fprintf(f, ",\"ratio_plain\":%.3f,\"ratio_raw\":%.3f,\"targets_met\":%s}\n",
		mbs[PASS_PATCHER] / mbs[PASS_PLAIN], mbs[PASS_PATCHER] / mbs[PASS_RAW],
		ok ? "true" : "false");
	fclose(f);
}

static void report(const struct bench *b, const char *path, unsigned int runs,
		   const struct timing *t, const char *json)
{
	double mb = (double)b->bytes / 1e6, mbs[PASS_COUNT], best[PASS_COUNT];
	unsigned int p;
	int ok;

	printf("text      %s: %.1f MB in %u pieces, %zu sites, %u runs per pass\n", path, mb,
	       b->n_pieces, b->n_sites, runs);
	for (p = 0; p < PASS_COUNT; p++) {
		mbs[p] = mb / t[p].median;
		best[p] = mb / t[p].best;
		printf("%-9s %9.1f MB/s median, %9.1f MB/s best (%s)\n", pass_names[p], mbs[p],
		       best[p], pass_what[p]);
	}
	ok = mbs[PASS_PATCHER] >= TARGET_GBPS * 1000 &&
	     mbs[PASS_PATCHER] / mbs[PASS_PLAIN] >= TARGET_RATIO;
	printf("ratio     %.2f of the plain pass, %.2f of the raw pass\n",
	       mbs[PASS_PATCHER] / mbs[PASS_PLAIN], mbs[PASS_PATCHER] / mbs[PASS_RAW]);
	printf("targets   >= %.1f GB/s and >= %.2fx the plain pass: %s\n", TARGET_GBPS, TARGET_RATIO,
	       ok ? "met" : "MISSED");
	if (json)
		write_json(b, path, runs, mbs, best, ok, json);
}

static int setup(const struct elf_image *img, struct bench *b)
{
	uint64_t lo = 0, hi = UINT64_MAX;

	if (img->word_bits != 64) {
		tool_error("%s: the benchmark expects a 64-bit (Book3S) kernel", img->path);
		return -1;
	}
	if (symbol_addr(img, "_stext", &lo) || symbol_addr(img, "_etext", &hi)) {
		lo = 0;
		hi = UINT64_MAX;
	}
	find_tmp(img, b);
	if (cut_pieces(img, b, lo, hi) || patch_all(b, NULL, 0, &b->n_sites))
		return -1;
	b->cap = b->n_sites;
	b->sites = calloc(b->cap ? b->cap : 1, sizeof(*b->sites));
	if (!b->sites) {
		tool_error("out of memory");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "runs", required_argument, NULL, 'r' },
		{ "json", required_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct timing timings[PASS_COUNT];
	struct elf_image img;
	struct bench b = { 0 };
	const char *json = NULL;
	unsigned int runs = 20;
	int c, err;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'r' && (runs = (unsigned int)strtoul(optarg, NULL, 0)) && runs <= MAX_RUNS)
			continue;
		if (c == 'j') {
			json = optarg;
			continue;
		}
		fprintf(stderr, "usage: bench-patcher [--runs 1..%d] [--json FILE] VMLINUX\n", MAX_RUNS);
		return 2;
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: bench-patcher [--runs 1..%d] [--json FILE] VMLINUX\n", MAX_RUNS);
		return 2;
	}
	if (elf_image_open(&img, argv[optind]))
		return 1;
	err = setup(&img, &b) || time_passes(&b, runs, timings);
	if (!err)
		report(&b, argv[optind], runs, timings, json);
	free(b.sites);
	elf_image_close(&img);
	return err ? 1 : 0;
}
