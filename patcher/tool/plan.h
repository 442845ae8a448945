/* SPDX-License-Identifier: MIT */
/*
 * What ppcpv-patch scans and where trampolines go, decided from the image's
 * symbols and the options before anything is patched:
 *  - the scan range: --start/--end, else _stext.._etext, else every
 *    executable section; cut into one target per executable section;
 *  - the exclusions: the image's template area (kvm_template_start..
 *    kvm_template_end), its kvm_tmp regions, and the trampoline region;
 *  - the relocatable-Book3S rule: no branch below __end_interrupts;
 *  - the trampoline region: --kvm-tmp, else ppcpv_kvm_tmp..ppcpv_kvm_tmp_end,
 *    else Linux's kvm_tmp..kvm_tmp_end, else none; a --kvm-tmp region
 *    holding code or data is refused unless --force-kvm-tmp
 *    (region_check.c).
 */
#ifndef PPCPV_TOOL_PLAN_H
#define PPCPV_TOOL_PLAN_H

#include <stdint.h>
#include <ppcpv/patcher.h>
#include "elf_image.h"
#include "options.h"

#define PLAN_MAX_EXCLUDE 8
#define PLAN_MAX_RESERVED 2	/* ppcpv_kvm_tmp, kvm_tmp */

/* An address range; sec NULL means "wherever it is" (executables only). */
struct plan_range {
	const struct elf_section *sec;
	uint64_t start;
	uint64_t end;
	const char *what;
};

struct scan_target {
	const struct elf_section *sec;
	uint64_t start;		/* word aligned, inside sec */
	uint64_t end;
	int no_branches;	/* relocatable object, kvm_tmp in another section */
};

struct tmp_plan {
	const char *source;	/* "ppcpv_kvm_tmp", "kvm_tmp", "--kvm-tmp"; NULL: none */
	const struct elf_section *sec;
	uint64_t addr;
	uint64_t size;
	int forced;		/* --force-kvm-tmp: may hold code or data */
};

struct scan_plan {
	struct ppcpv_config cfg;	/* family, order, features, EA; no exclusions */
	const char *range_name;		/* how the scan range was chosen */
	unsigned int n_targets;
	struct scan_target *targets;
	unsigned int n_exclude;
	struct plan_range exclude[PLAN_MAX_EXCLUDE];
	struct image_loc no_branch_below;	/* sec NULL and addr 0: no such rule */
	struct tmp_plan tmp;
	/* The image's own trampoline areas (zero-filled until patched), each
	 * inside one code section (sec always set). */
	unsigned int n_reserved;
	struct plan_range reserved[PLAN_MAX_RESERVED];
};

/*
 * Decide the plan.  `extra` (may be NULL) is one more range never to scan:
 * the trampoline region recorded in a file this tool already patched.
 * 0, or an exit code after printing the problem.
 */
int plan_build(const struct elf_image *img, const struct tool_options *opts,
	       const struct plan_range *extra, struct scan_plan *plan);
void plan_free(struct scan_plan *plan);

/* The library configuration for one target: its exclusions and branch rule. */
int plan_target_config(const struct scan_plan *plan, const struct scan_target *t,
		       struct ppcpv_config *cfg);

#endif /* PPCPV_TOOL_PLAN_H */
