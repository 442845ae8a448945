// SPDX-License-Identifier: MIT
/*
 * patcher-as-cases: every case of the tests' model as one line for the GNU
 * as oracle (tests/patcher/as-oracle.sh):
 *
 *   <family> TAB <BE|LE> TAB <check> TAB <label> TAB <bytes> TAB <text>
 *
 * <bytes> are the word's four bytes in memory order, as the library left
 * them in the text or kvm_tmp buffer (or, for "orig", as the model encodes
 * the original instruction); <text> is what the word must be.  The script
 * assembles every text of a family and byte order in one batch with that
 * family's assembler dialect and compares the bytes.
 *
 * Checks:
 *   orig   the model's original words against their text (validates the
 *          model's own table)
 *   site   the word the library wrote at the site against the model's
 *          replacement text ("b .+N" for branch sites)
 *   slot   the trampoline's fix-up slots against the model's texts
 *   tramp  every other trampoline word against libopcodes' reading of it
 *          (libopcodes and GNU as must agree, in the family's dialect)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/emul.h>
#include <ppcpv/patcher.h>
#include "model.h"

static void print_case(enum ppcpv_family f, int be, const char *check, const char *label,
		       const uint8_t *bytes, const char *text)
{
	printf("%s\t%s\t%s\t%s\t%02x%02x%02x%02x\t%s\n", ppcpv_family_name(f), be ? "BE" : "LE",
	       check, label, bytes[0], bytes[1], bytes[2], bytes[3], text);
}

/* "b .+N" / "beq cr1,.-N": a branch text relative to its own address, so
 * that GNU as encodes the same displacement wherever the line lands. */
static void relative_branch_text(const char *text, uint64_t at, char *out, size_t size)
{
	const char *hex = strstr(text, "0x");
	uint64_t target;
	int64_t off;

	if (!hex || !model_branch_target(text, &target)) {
		snprintf(out, size, "%s", text);
		return;
	}
	off = (int64_t)(target - at);
	snprintf(out, size, "%.*s.%c%lld", (int)(hex - text), text, off < 0 ? '-' : '+',
		 (long long)(off < 0 ? -off : off));
}

static void orig_case(enum ppcpv_family f, int be, const struct model_row *row,
		      unsigned int rs, unsigned int rb)
{
	char text[MODEL_TEXT_MAX];
	uint8_t bytes[4];

	model_put_word(bytes, model_orig_word(row, rs, rb), be);
	model_orig_text(row, rs, rb, text, sizeof(text));
	print_case(f, be, "orig", row->name, bytes, text);
}

static void site_case(enum ppcpv_family f, int be, const struct model_row *row,
		      unsigned int rs, const struct model_one *one)
{
	char text[MODEL_TEXT_MAX];

	if (row->action == PPCPV_ACTION_BRANCH)
		snprintf(text, sizeof(text), "b .+%u", MODEL_ONE_TMP_ADDR - MODEL_ONE_SITE_ADDR);
	else
		model_new_text(row, f, PPCPV_MAGIC_PAGE_EA, rs, text, sizeof(text));
	print_case(f, be, "site", row->name, one->text + 4, text);
}

/* The model's text for trampoline word i, or NULL when it has none. */
static const char *slot_text(const struct ppcpv_emul_template *tpl, enum ppcpv_family f,
			     const struct model_row *row, unsigned int rs, unsigned int rb,
			     int i, char *out, size_t size)
{
	if (i == tpl->value_slot[0] || i == tpl->value_slot[1])
		model_value_text(row, f, PPCPV_MAGIC_PAGE_EA, rs, out, size);
	else if (i == tpl->orig_slot)
		model_orig_text(row, rs, rb, out, size);
	else if (i == tpl->branch_slot)
		snprintf(out, size, "b .-%u", MODEL_ONE_TMP_ADDR + 4 * i - (MODEL_ONE_SITE_ADDR + 4));
	else if (i == tpl->sr_index_slot)
		model_mtsrin_index_text(rs, rb, out, size);
	else if (i == tpl->sr_store_slot)
		model_mtsrin_store_text(PPCPV_MAGIC_PAGE_EA, rs, rb, out, size);
	else
		return NULL;
	return out;
}

static void trampoline_cases(enum ppcpv_family f, int be, const struct model_row *row,
			     unsigned int rs, unsigned int rb, const struct model_one *one)
{
	const struct ppcpv_emul_template *tpl =
		ppcpv_emul_template(model_word_bits(f), (enum ppcpv_emul_id)row->emul);
	char text[MODEL_TEXT_MAX], decoded[MODEL_TEXT_MAX];
	unsigned int i;
	uint64_t at;

	if (!tpl || one->site.action != PPCPV_ACTION_BRANCH)
		return;
	for (i = 0; i < tpl->n_words; i++) {
		const uint8_t *bytes = one->tmp + one->site.tmp_offset + 4 * i;

		at = one->site.target + 4 * i;
		if (slot_text(tpl, f, row, rs, rb, (int)i, text, sizeof(text))) {
			print_case(f, be, "slot", row->name, bytes, text);
			continue;
		}
		if (model_disasm(f, be, model_get_word(bytes, be), at, decoded, sizeof(decoded)))
			snprintf(decoded, sizeof(decoded), "(libopcodes failed)");
		relative_branch_text(decoded, at, text, sizeof(text));
		print_case(f, be, "tramp", tpl->name, bytes, text);
	}
}

static void family_cases(enum ppcpv_family f, int be)
{
	static struct model_one one;
	struct ppcpv_config cfg;
	unsigned int i, c, rs, rb;

	model_config(&cfg, f, be);
	for (i = 0; i < model_row_count; i++) {
		const struct model_row *row = &model_rows[i];

		if (!model_row_applies(row, f))
			continue;
		for (c = 0; c < model_reg_cases(row); c++) {
			model_reg_case(row, c, &rs, &rb);
			orig_case(f, be, row, rs, rb);
			model_patch_one(&cfg, model_orig_word(row, rs, rb), &one);
			if (one.rc != 1) {
				fprintf(stderr, "patcher-as-cases: %s %s: %s r%u,r%u not patched (%d)\n",
					ppcpv_family_name(f), be ? "BE" : "LE", row->name, rs, rb, one.rc);
				continue;
			}
			site_case(f, be, row, rs, &one);
			if (row->action == PPCPV_ACTION_BRANCH)
				trampoline_cases(f, be, row, rs, rb, &one);
		}
	}
}

int main(void)
{
	enum ppcpv_family f;

	for (f = 0; f < PPCPV_FAMILY_COUNT; f++) {
		family_cases(f, 1);
		family_cases(f, 0);
	}
	return fflush(stdout) ? 1 : 0;
}
