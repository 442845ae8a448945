/* SPDX-License-Identifier: MIT */
/*
 * ppcpv-patch output: the short human report, the --json summary object,
 * the --sites lines (one JSON object per site) and the --disasm listing.
 * Formats are specified in man/ppcpv-patch.1.
 */
#ifndef PPCPV_TOOL_REPORT_H
#define PPCPV_TOOL_REPORT_H

#include "elf_image.h"
#include "patch_run.h"
#include "plan.h"

struct report_ctx {
	const struct elf_image *img;
	const struct scan_plan *plan;
	const struct patch_result *res;
	const char *applied_to;		/* --apply OUT, or NULL for a dry run */
	const char *note;		/* an extra remark for the human report, or NULL */
};

void report_text(const struct report_ctx *r);
void report_json(const struct report_ctx *r);
void report_sites(const struct report_ctx *r);
/* 0, or EXIT_INPUT when libopcodes cannot decode PowerPC. */
int report_disasm(const struct report_ctx *r);

#endif /* PPCPV_TOOL_REPORT_H */
