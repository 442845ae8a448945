// SPDX-License-Identifier: MIT
/*
 * ppcpv-patch: find, report and (with --apply) rewrite the privileged
 * instructions of a PowerPC kernel image that the KVM paravirtual magic
 * page replaces, using the ppcpv patcher library; or (with --unpatch) give
 * back the image it patched.  Usage and formats: man/ppcpv-patch.1.
 */
#include <stdio.h>
#include <stdlib.h>
#include "elf_image.h"
#include "options.h"
#include "patch_record.h"
#include "patch_run.h"
#include "plan.h"
#include "report.h"
#include "tool.h"
#include "unpatch.h"

/*
 * A file this tool already patched: --apply would patch trampolines and
 * lose the way back, so it is refused; a report leaves our trampoline
 * area (which holds copies of original instructions) out of the scan.
 * 0: no record; -1: a record, *extra and *note set; else an exit code.
 */
static int check_prior_patch(const struct elf_image *img, const struct tool_options *o,
			     struct plan_range *extra, const char **note)
{
	struct patch_record rec;
	int found = record_read(img, &rec);

	if (found <= 0)
		return found < 0 ? EXIT_INPUT : 0;
	if (o->apply_out) {
		tool_error("%s was already patched by ppcpv-patch; --unpatch it first", img->path);
		return EXIT_INPUT;
	}
	*extra = (struct plan_range){
		img->relocatable && rec.tmp_section < img->n_sections ?
			&img->sections[rec.tmp_section] : NULL,
		rec.tmp_addr, rec.tmp_addr + rec.tmp_used, "ppcpv-patch trampolines",
	};
	*note = "this file was patched by ppcpv-patch (it carries a restore record)";
	return -1;
}

static int apply_and_save(struct elf_image *img, const struct scan_plan *plan,
			  struct patch_result *res, const char *out)
{
	struct record_draft draft;
	uint8_t *record = NULL;
	size_t record_len = 0;
	int err = patch_check_fit(img, plan, res);

	if (err)
		return err;
	if (record_prepare(img, plan, res, &draft))
		return EXIT_INPUT;
	err = patch_execute(img, plan, 0, res);
	if (!err && record_build(img, plan, res, &draft, &record, &record_len))
		err = EXIT_INPUT;
	if (!err && elf_image_save(img, out, img->size, record, record_len))
		err = EXIT_INPUT;
	free(record);
	record_draft_free(&draft);
	return err;
}

static int print_report(const struct tool_options *o, const struct report_ctx *r)
{
	if (o->json)
		report_json(r);
	else if (o->sites)
		report_sites(r);
	else if (o->disasm)
		return report_disasm(r);
	else
		report_text(r);
	return 0;
}

static int patch_image(struct elf_image *img, const struct tool_options *o)
{
	struct report_ctx r = { img, NULL, NULL, o->apply_out, NULL };
	struct plan_range extra;
	struct scan_plan plan;
	struct patch_result res;
	int prior = check_prior_patch(img, o, &extra, &r.note), err;

	if (prior > 0)
		return prior;
	err = plan_build(img, o, prior < 0 ? &extra : NULL, &plan);
	if (err)
		return err;
	err = patch_count(img, &plan, &res);
	if (!err)
		err = o->apply_out ? apply_and_save(img, &plan, &res, o->apply_out)
				   : patch_execute(img, &plan, 1, &res);
	r.plan = &plan;
	r.res = &res;
	if (!err)
		err = print_report(o, &r);
	patch_result_free(&res);
	plan_free(&plan);
	return err;
}

int main(int argc, char **argv)
{
	struct tool_options opts;
	struct elf_image img;
	int err = options_parse(argc, argv, &opts);

	if (err)
		return err < 0 ? 0 : err;
	if (elf_image_open(&img, opts.input))
		err = EXIT_INPUT;
	else {
		err = opts.unpatch ? unpatch_image(&img, opts.apply_out, opts.json)
				   : patch_image(&img, &opts);
		elf_image_close(&img);
	}
	options_free(&opts);
	return err;
}
