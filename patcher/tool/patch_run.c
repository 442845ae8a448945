// SPDX-License-Identifier: MIT
/* Driving ppcpv_patch_text() over the targets of a plan (see patch_run.h). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ppcpv/err.h>
#include "patch_run.h"
#include "tool.h"

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void add_stats(struct ppcpv_stats *sum, const struct ppcpv_stats *s)
{
	unsigned int i;

	sum->bytes_scanned += s->bytes_scanned;
	sum->sites += s->sites;
	sum->patched += s->patched;
	sum->skipped += s->skipped;
	for (i = 0; i < PPCPV_KIND_COUNT; i++) {
		sum->found_by_kind[i] += s->found_by_kind[i];
		sum->patched_by_kind[i] += s->patched_by_kind[i];
	}
	for (i = 0; i < PPCPV_ACTION_COUNT; i++)
		sum->patched_by_action[i] += s->patched_by_action[i];
	for (i = 0; i < PPCPV_SKIP_COUNT; i++)
		sum->skipped_by_reason[i] += s->skipped_by_reason[i];
	sum->tmp_needed += s->tmp_needed;
	sum->tmp_used += s->tmp_used;
}

/* The trampoline region at the start of a pass (bytes always present). */
static struct ppcpv_region tmp_region(struct elf_image *img, const struct scan_plan *plan)
{
	struct ppcpv_region r = { NULL, 0, 0 };

	if (plan->tmp.source && plan->tmp.size) {
		r.bytes = elf_image_bytes(img, plan->tmp.sec, plan->tmp.addr);
		r.addr = plan->tmp.addr;
		r.size = (size_t)plan->tmp.size;
	}
	return r;
}

/* Each call places its trampolines after those of the calls before it. */
static void consume_tmp(struct ppcpv_region *tmp, uint64_t used)
{
	if (!tmp->bytes)
		return;
	tmp->bytes += used;
	tmp->addr += used;
	tmp->size -= (size_t)used;
}

/* One target, one call.  The site count, or -1 after printing why not. */
static int run_target(struct elf_image *img, const struct scan_plan *plan,
		      const struct scan_target *t, struct ppcpv_region *tmp,
		      struct ppcpv_site *sites, size_t cap, unsigned int flags,
		      struct patch_result *res)
{
	struct ppcpv_region text = {
		elf_image_bytes(img, t->sec, t->start), t->start, (size_t)(t->end - t->start)
	};
	struct ppcpv_config cfg;
	struct ppcpv_stats st;
	double t0;
	int n;

	if (plan_target_config(plan, t, &cfg))
		return -1;
	/* A relocatable object's other sections share kvm_tmp's addresses
	 * (all start at 0) and may not branch to it: no region for them. */
	t0 = now_seconds();
	n = ppcpv_patch_text(&cfg, &text, tmp->bytes && !t->no_branches ? tmp : NULL, sites, cap,
			     flags, &st);
	res->seconds += now_seconds() - t0;
	if (n < 0) {
		tool_error("%s: section %s [0x%" PRIx64 ", 0x%" PRIx64 "): the patcher failed: %s",
			   img->path, t->sec->name, t->start, t->end, ppcpv_strerror(n));
		return -1;
	}
	add_stats(&res->stats, &st);
	consume_tmp(tmp, st.tmp_used);
	return n;
}

static void reset_counts(struct patch_result *res, const struct scan_plan *plan)
{
	memset(&res->stats, 0, sizeof(res->stats));
	res->stats.tmp_size = plan->tmp.size;
	res->seconds = 0;
}

int patch_count(struct elf_image *img, const struct scan_plan *plan, struct patch_result *res)
{
	struct ppcpv_region tmp = tmp_region(img, plan);
	unsigned int i;
	size_t total = 0;

	memset(res, 0, sizeof(*res));
	reset_counts(res, plan);
	res->per_target = calloc(plan->n_targets, sizeof(*res->per_target));
	if (!res->per_target) {
		tool_error("out of memory");
		return EXIT_INPUT;
	}
	for (i = 0; i < plan->n_targets; i++) {
		int n = run_target(img, plan, &plan->targets[i], &tmp, NULL, 0,
				   PPCPV_PATCH_DRY_RUN, res);

		if (n < 0)
			return EXIT_INPUT;
		res->per_target[i] = (struct target_sites){ total, (size_t)n };
		total += (size_t)n;
	}
	res->n_sites = total;
	res->sites = calloc(total ? total : 1, sizeof(*res->sites));
	if (!res->sites) {
		tool_error("out of memory for %zu sites", total);
		return EXIT_INPUT;
	}
	return 0;
}

int patch_execute(struct elf_image *img, const struct scan_plan *plan, int dry_run,
		  struct patch_result *res)
{
	struct ppcpv_region tmp = tmp_region(img, plan);
	unsigned int i;

	reset_counts(res, plan);
	for (i = 0; i < plan->n_targets; i++) {
		const struct target_sites *ts = &res->per_target[i];
		int n = run_target(img, plan, &plan->targets[i], &tmp, res->sites + ts->first,
				   ts->count, dry_run ? PPCPV_PATCH_DRY_RUN : 0, res);

		if (n < 0)
			return EXIT_INPUT;
		if ((size_t)n != ts->count) {
			tool_error("%s: section %s: %d sites on the second pass, %zu on the first",
				   img->path, plan->targets[i].sec->name, n, ts->count);
			return EXIT_INPUT;
		}
	}
	return 0;
}

int patch_check_fit(const struct elf_image *img, const struct scan_plan *plan,
		    const struct patch_result *res)
{
	const struct ppcpv_stats *st = &res->stats;
	uint32_t missing = st->skipped_by_reason[PPCPV_SKIP_NO_SPACE];

	if (!missing)
		return 0;
	if (!plan->tmp.source)
		tool_error("%s has no kvm_tmp region (no ppcpv_kvm_tmp or kvm_tmp symbols): "
			   "%" PRIu32 " branch sites need %" PRIu64 " bytes of trampolines; "
			   "give --kvm-tmp ADDR:SIZE", img->path, missing, st->tmp_needed);
	else
		tool_error("kvm_tmp too small: %" PRIu64 " bytes needed, %" PRIu64 " available in "
			   "%s (%" PRIu32 " branch sites would stay unpatched); nothing written",
			   st->tmp_needed, plan->tmp.size, plan->tmp.source, missing);
	return EXIT_NOFIT;
}

void patch_result_free(struct patch_result *res)
{
	free(res->sites);
	free(res->per_target);
	memset(res, 0, sizeof(*res));
}
