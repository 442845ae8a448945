/* SPDX-License-Identifier: MIT */
/*
 * Running the patcher library over a plan: one ppcpv_patch_text() call per
 * scan target, the trampoline region handed on from call to call, the
 * site lists concatenated and the statistics summed.
 *
 * Two passes: patch_count() is a dry run that sizes the site list and tells
 * whether everything fits; patch_execute() then decides again into the
 * list and, unless it is a dry run, writes.
 */
#ifndef PPCPV_TOOL_PATCH_RUN_H
#define PPCPV_TOOL_PATCH_RUN_H

#include <stddef.h>
#include <ppcpv/patcher.h>
#include "elf_image.h"
#include "plan.h"

struct target_sites {
	size_t first;		/* index of the target's first site */
	size_t count;
};

struct patch_result {
	struct ppcpv_site *sites;
	size_t n_sites;
	struct target_sites *per_target;	/* plan->n_targets entries */
	struct ppcpv_stats stats;		/* summed over the targets */
	double seconds;				/* time in ppcpv_patch_text() */
};

/* Pass 1.  0, or an exit code after printing the problem. */
int patch_count(struct elf_image *img, const struct scan_plan *plan, struct patch_result *res);

/* Pass 2, after patch_count().  0, or an exit code after printing it. */
int patch_execute(struct elf_image *img, const struct scan_plan *plan, int dry_run,
		  struct patch_result *res);

/* With --apply every branch site must get its trampoline.  0 or EXIT_NOFIT. */
int patch_check_fit(const struct elf_image *img, const struct scan_plan *plan,
		    const struct patch_result *res);

void patch_result_free(struct patch_result *res);

#endif /* PPCPV_TOOL_PATCH_RUN_H */
