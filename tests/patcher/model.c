// SPDX-License-Identifier: MIT
/*
 * The patcher tests' expectation model (see model.h).  The rows restate the
 * reference's pattern table: original words are its match values, fields
 * and widths come from the shared-page layout (abi.h, which the build
 * proves against the Linux uapi header), and the families follow the
 * reference's conditions, with mtmsrd restricted to 64-bit Book3S by
 * ppcpv's design.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/disasm.h>
#include <ppcpv/err.h>
#include "model.h"

#define FEAT_MAS PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7
#define FEAT_SR PPCPV_MAGIC_FEAT_SR

#define LOAD(nm, fmt, word, fam, feat, u64_, off)					\
	{ .name = nm, .orig_fmt = fmt, .base = word, .regs = MODEL_REGS_RT,		\
	  .families = fam, .feature = feat, .kind = PPCPV_KIND_MFSPR,			\
	  .action = PPCPV_ACTION_LOAD, .u64 = u64_, .field = off }
#define STORE(nm, fmt, word, fam, feat, u64_, off)					\
	{ .name = nm, .orig_fmt = fmt, .base = word, .regs = MODEL_REGS_RT,		\
	  .families = fam, .feature = feat, .kind = PPCPV_KIND_MTSPR,			\
	  .action = PPCPV_ACTION_STORE, .u64 = u64_, .field = off }
#define BRANCH(nm, fmt, word, regs_, fam, feat, kind_, emul_, value_)			\
	{ .name = nm, .orig_fmt = fmt, .base = word, .regs = regs_,			\
	  .families = fam, .feature = feat, .kind = kind_,				\
	  .action = PPCPV_ACTION_BRANCH, .emul = emul_, .value = value_ }

const struct model_row model_rows[] = {
	{ .name = "mfmsr", .orig_fmt = "mfmsr r%u", .base = 0x7c0000a6, .regs = MODEL_REGS_RT,
	  .families = MODEL_ALL, .kind = PPCPV_KIND_MFMSR, .action = PPCPV_ACTION_LOAD,
	  .u64 = 1, .field = PPCPV_SHARED_MSR },
	LOAD("mfspr SPRG0", "mfspr r%u,272", 0x7c1042a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG0),
	LOAD("mfspr SPRG1", "mfspr r%u,273", 0x7c1142a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG1),
	LOAD("mfspr SPRG2", "mfspr r%u,274", 0x7c1242a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG2),
	LOAD("mfspr SPRG3", "mfspr r%u,275", 0x7c1342a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG3),
	LOAD("mfspr SRR0", "mfspr r%u,26", 0x7c1a02a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SRR0),
	LOAD("mfspr SRR1", "mfspr r%u,27", 0x7c1b02a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SRR1),
	LOAD("mfspr DAR", "mfspr r%u,19", 0x7c1302a6, MODEL_BOOK3S, 0, 1, PPCPV_SHARED_DAR),
	LOAD("mfspr DEAR", "mfspr r%u,61", 0x7c1d0aa6, MODEL_E500, 0, 1, PPCPV_SHARED_DAR),
	LOAD("mfspr DSISR", "mfspr r%u,18", 0x7c1202a6, MODEL_ALL, 0, 0, PPCPV_SHARED_DSISR),
	LOAD("mfspr SPRG4", "mfspr r%u,276", 0x7c1442a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG4),
	LOAD("mfspr SPRG5", "mfspr r%u,277", 0x7c1542a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG5),
	LOAD("mfspr SPRG6", "mfspr r%u,278", 0x7c1642a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG6),
	LOAD("mfspr SPRG7", "mfspr r%u,279", 0x7c1742a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG7),
	LOAD("mfspr SPRG4R", "mfspr r%u,260", 0x7c0442a6, MODEL_E500, FEAT_MAS, 1, PPCPV_SHARED_SPRG4),
	LOAD("mfspr SPRG5R", "mfspr r%u,261", 0x7c0542a6, MODEL_E500, FEAT_MAS, 1, PPCPV_SHARED_SPRG5),
	LOAD("mfspr SPRG6R", "mfspr r%u,262", 0x7c0642a6, MODEL_E500, FEAT_MAS, 1, PPCPV_SHARED_SPRG6),
	LOAD("mfspr SPRG7R", "mfspr r%u,263", 0x7c0742a6, MODEL_E500, FEAT_MAS, 1, PPCPV_SHARED_SPRG7),
	LOAD("mfspr ESR", "mfspr r%u,62", 0x7c1e0aa6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_ESR),
	LOAD("mfspr PIR", "mfspr r%u,1023", 0x7c1ffaa6, MODEL_BOOK3S, FEAT_MAS, 0, PPCPV_SHARED_PIR),
	LOAD("mfspr PIR", "mfspr r%u,286", 0x7c1e42a6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_PIR),
	LOAD("mfspr MAS0", "mfspr r%u,624", 0x7c109aa6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS0),
	LOAD("mfspr MAS1", "mfspr r%u,625", 0x7c119aa6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS1),
	LOAD("mfspr MAS2", "mfspr r%u,626", 0x7c129aa6, MODEL_E500, FEAT_MAS, 1, PPCPV_SHARED_MAS2),
	/* MAS3 is the low word of mas7_3, MAS7 the high word, on every width */
	LOAD("mfspr MAS3", "mfspr r%u,627", 0x7c139aa6, MODEL_E500, FEAT_MAS, 0,
	     PPCPV_SHARED_MAS7_3 + PPCPV_SHARED_U64_LOW_WORD),
	LOAD("mfspr MAS4", "mfspr r%u,628", 0x7c149aa6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS4),
	LOAD("mfspr MAS6", "mfspr r%u,630", 0x7c169aa6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS6),
	LOAD("mfspr MAS7", "mfspr r%u,944", 0x7c10eaa6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS7_3),

	STORE("mtspr SPRG0", "mtspr 272,r%u", 0x7c1043a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG0),
	STORE("mtspr SPRG1", "mtspr 273,r%u", 0x7c1143a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG1),
	STORE("mtspr SPRG2", "mtspr 274,r%u", 0x7c1243a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG2),
	STORE("mtspr SPRG3", "mtspr 275,r%u", 0x7c1343a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SPRG3),
	STORE("mtspr SRR0", "mtspr 26,r%u", 0x7c1a03a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SRR0),
	STORE("mtspr SRR1", "mtspr 27,r%u", 0x7c1b03a6, MODEL_ALL, 0, 1, PPCPV_SHARED_SRR1),
	STORE("mtspr DAR", "mtspr 19,r%u", 0x7c1303a6, MODEL_BOOK3S, 0, 1, PPCPV_SHARED_DAR),
	STORE("mtspr DEAR", "mtspr 61,r%u", 0x7c1d0ba6, MODEL_E500, 0, 1, PPCPV_SHARED_DAR),
	STORE("mtspr DSISR", "mtspr 18,r%u", 0x7c1203a6, MODEL_ALL, 0, 0, PPCPV_SHARED_DSISR),
	STORE("mtspr SPRG4", "mtspr 276,r%u", 0x7c1443a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG4),
	STORE("mtspr SPRG5", "mtspr 277,r%u", 0x7c1543a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG5),
	STORE("mtspr SPRG6", "mtspr 278,r%u", 0x7c1643a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG6),
	STORE("mtspr SPRG7", "mtspr 279,r%u", 0x7c1743a6, MODEL_ALL, FEAT_MAS, 1, PPCPV_SHARED_SPRG7),
	STORE("mtspr ESR", "mtspr 62,r%u", 0x7c1e0ba6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_ESR),
	STORE("mtspr MAS0", "mtspr 624,r%u", 0x7c109ba6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS0),
	STORE("mtspr MAS1", "mtspr 625,r%u", 0x7c119ba6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS1),
	STORE("mtspr MAS2", "mtspr 626,r%u", 0x7c129ba6, MODEL_E500, FEAT_MAS, 1, PPCPV_SHARED_MAS2),
	STORE("mtspr MAS3", "mtspr 627,r%u", 0x7c139ba6, MODEL_E500, FEAT_MAS, 0,
	      PPCPV_SHARED_MAS7_3 + PPCPV_SHARED_U64_LOW_WORD),
	STORE("mtspr MAS4", "mtspr 628,r%u", 0x7c149ba6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS4),
	STORE("mtspr MAS6", "mtspr 630,r%u", 0x7c169ba6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS6),
	STORE("mtspr MAS7", "mtspr 944,r%u", 0x7c10eba6, MODEL_E500, FEAT_MAS, 0, PPCPV_SHARED_MAS7_3),

	{ .name = "tlbsync", .orig_fmt = "tlbsync", .base = 0x7c00046c, .regs = MODEL_REGS_NONE,
	  .families = MODEL_ALL, .kind = PPCPV_KIND_TLBSYNC, .action = PPCPV_ACTION_NOP },
	/* ppcpv's design: mtmsrd belongs to the 64-bit family only */
	BRANCH("mtmsrd L=1", "mtmsrd r%u,1", 0x7c010164, MODEL_REGS_RT, MODEL_B3S64, 0,
	       PPCPV_KIND_MTMSRD_L1, PPCPV_EMUL_MTMSRD_L1, MODEL_VALUE_RS),
	BRANCH("mtmsr", "mtmsr r%u", 0x7c000124, MODEL_REGS_RT, MODEL_ALL, 0,
	       PPCPV_KIND_MTMSR, PPCPV_EMUL_MTMSR, MODEL_VALUE_RS),
	BRANCH("mtmsrd L=0", "mtmsrd r%u,0", 0x7c000164, MODEL_REGS_RT, MODEL_B3S64, 0,
	       PPCPV_KIND_MTMSRD_L0, PPCPV_EMUL_MTMSR, MODEL_VALUE_RS),
	BRANCH("wrtee", "wrtee r%u", 0x7c000106, MODEL_REGS_RT, MODEL_E500, 0,
	       PPCPV_KIND_WRTEE, PPCPV_EMUL_WRTEE, MODEL_VALUE_RS),
	BRANCH("wrteei 1", "wrteei 1", 0x7c008146, MODEL_REGS_NONE, MODEL_E500, 0,
	       PPCPV_KIND_WRTEEI_1, PPCPV_EMUL_WRTEE, MODEL_VALUE_EE),
	BRANCH("wrteei 0", "wrteei 0", 0x7c000146, MODEL_REGS_NONE, MODEL_E500, 0,
	       PPCPV_KIND_WRTEEI_0, PPCPV_EMUL_WRTEEI0, MODEL_VALUE_NONE),
	BRANCH("mtsrin", "mtsrin r%u,r%u", 0x7c0001e4, MODEL_REGS_RS_RB, MODEL_B3S32, FEAT_SR,
	       PPCPV_KIND_MTSRIN, PPCPV_EMUL_MTSRIN, MODEL_VALUE_NONE),
};
const unsigned int model_row_count = sizeof(model_rows) / sizeof(model_rows[0]);

/* r0 (the register the templates' placeholders use), r1 (the stack
 * pointer, stored as `critical`), r29 (an ordinary one) and the two scratch
 * registers r30/r31 that need the trampolines' special cases. */
const unsigned int model_regs[MODEL_NREGS] = { 0, 1, 29, 30, 31 };

unsigned int model_word_bits(enum ppcpv_family f)
{
	return f == PPCPV_FAMILY_BOOK3S64 ? 64 : 32;
}

int model_row_applies(const struct model_row *row, enum ppcpv_family f)
{
	return (row->families >> f) & 1;
}

int model_row_enabled(const struct model_row *row, uint32_t features)
{
	return (features & row->feature) == row->feature;
}

unsigned int model_reg_cases(const struct model_row *row)
{
	switch (row->regs) {
	case MODEL_REGS_RT:
		return MODEL_NREGS;
	case MODEL_REGS_RS_RB:
		return MODEL_NREGS * MODEL_NREGS;
	default:
		return 1;
	}
}

void model_reg_case(const struct model_row *row, unsigned int i,
		    unsigned int *rs, unsigned int *rb)
{
	*rs = 0;
	*rb = 0;
	if (row->regs == MODEL_REGS_RT) {
		*rs = model_regs[i];
	} else if (row->regs == MODEL_REGS_RS_RB) {
		*rs = model_regs[i / MODEL_NREGS];
		*rb = model_regs[i % MODEL_NREGS];
	}
}

uint32_t model_orig_word(const struct model_row *row, unsigned int rs, unsigned int rb)
{
	switch (row->regs) {
	case MODEL_REGS_RT:
		return row->base | rs << 21;
	case MODEL_REGS_RS_RB:
		return row->base | rs << 21 | rb << 11;
	default:
		return row->base;
	}
}

void model_orig_text(const struct model_row *row, unsigned int rs, unsigned int rb,
		     char *out, size_t size)
{
	snprintf(out, size, row->orig_fmt, rs, rb);
}

const struct model_row *model_find(enum ppcpv_family f, uint32_t w)
{
	/* the register fields a row varies; everything else is fixed */
	static const uint32_t free_bits[] = {
		[MODEL_REGS_NONE] = 0,
		[MODEL_REGS_RT] = 0x03e00000,
		[MODEL_REGS_RS_RB] = 0x03e0f800,
	};
	unsigned int i;

	for (i = 0; i < model_row_count; i++)
		if (model_row_applies(&model_rows[i], f) &&
		    (w & ~free_bits[model_rows[i].regs]) == model_rows[i].base)
			return &model_rows[i];
	return NULL;
}

int32_t model_disp(const struct model_row *row, enum ppcpv_family f, int64_t magic_ea)
{
	int64_t d = magic_ea + row->field;

	/* a 32-bit guest reaches the value of a u64 field in its low word */
	if (row->u64 && model_word_bits(f) == 32)
		d += PPCPV_SHARED_U64_LOW_WORD;
	return (int32_t)d;
}

void model_new_text(const struct model_row *row, enum ppcpv_family f, int64_t magic_ea,
		    unsigned int rs, char *out, size_t size)
{
	int wide = row->u64 && model_word_bits(f) == 64;
	const char *op;

	switch (row->action) {
	case PPCPV_ACTION_LOAD:
		op = wide ? "ld" : "lwz";
		break;
	case PPCPV_ACTION_STORE:
		op = wide ? "std" : "stw";
		break;
	case PPCPV_ACTION_NOP:
		snprintf(out, size, "nop");
		return;
	default:
		snprintf(out, size, "(no text for a %s row)", row->name);
		return;
	}
	snprintf(out, size, "%s r%u,%d(0)", op, rs, (int)model_disp(row, f, magic_ea));
}

void model_value_text(const struct model_row *row, enum ppcpv_family f, int64_t magic_ea,
		      unsigned int rs, char *out, size_t size)
{
	/* the trampoline saved r31 in scratch1 and r30 in scratch2 with a
	 * native-width store at +0, so their reloads read +0 too */
	const char *load = model_word_bits(f) == 64 ? "ld" : "lwz";

	if (row->value == MODEL_VALUE_EE)
		snprintf(out, size, "li r30,-32768");
	else if (rs == 30)
		snprintf(out, size, "%s r30,%d(0)", load, (int)(magic_ea + PPCPV_SHARED_SCRATCH2));
	else if (rs == 31)
		snprintf(out, size, "%s r30,%d(0)", load, (int)(magic_ea + PPCPV_SHARED_SCRATCH1));
	else
		snprintf(out, size, "ori r30,r%u,0", rs);
}

/* The offset register must not be rS: r30 unless rS is r30 (the templates
 * reload r31 before these words, so both hold the guest's values). */
unsigned int model_mtsrin_offset_reg(unsigned int rs)
{
	return rs == 30 ? 31 : 30;
}

void model_mtsrin_index_text(unsigned int rs, unsigned int rb, char *out, size_t size)
{
	/* (rB >> 28) * 4: the byte offset of sr[rB >> 28] */
	snprintf(out, size, "rlwinm r%u,r%u,6,26,29", model_mtsrin_offset_reg(rs), rb);
}

void model_mtsrin_store_text(int64_t magic_ea, unsigned int rs, unsigned int rb,
			     char *out, size_t size)
{
	(void)rb;
	snprintf(out, size, "stw r%u,%d(r%u)", rs, (int)(magic_ea + PPCPV_SHARED_SR),
		 model_mtsrin_offset_reg(rs));
}

/* ---- Helpers ------------------------------------------------------------ */

uint32_t model_get_word(const uint8_t *p, int big_endian)
{
	if (big_endian)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

void model_put_word(uint8_t *p, uint32_t w, int big_endian)
{
	int i;

	for (i = 0; i < 4; i++)
		p[big_endian ? i : 3 - i] = (uint8_t)(w >> (24 - 8 * i));
}

const char *model_dialect(enum ppcpv_family f)
{
	switch (f) {
	case PPCPV_FAMILY_BOOK3S64:
		return "power8";
	case PPCPV_FAMILY_BOOK3S32:
		return "603";
	default:
		return "e500";
	}
}

int model_disasm(enum ppcpv_family f, int big_endian, uint32_t w, uint64_t addr,
		 char *out, size_t size)
{
	struct ppcpv_disasm_opts opts = {
		.word_bits = (int)model_word_bits(f),
		.big_endian = big_endian,
		.dialect = model_dialect(f),
	};

	return ppcpv_disasm_word(&opts, w, addr, out, size);
}

int model_is_branch_text(const char *text)
{
	return text[0] == 'b';
}

int model_branch_target(const char *text, uint64_t *target)
{
	const char *hex = strstr(text, "0x");
	char *end;

	if (!model_is_branch_text(text) || !hex)
		return 0;
	*target = strtoull(hex, &end, 16);
	return *end == '\0';
}

void model_config(struct ppcpv_config *cfg, enum ppcpv_family f, int big_endian)
{
	/* written out field by field so that the tests do not depend on
	 * ppcpv_config_init() (which has tests of its own) */
	memset(cfg, 0, sizeof(*cfg));
	cfg->family = f;
	cfg->word_bits = model_word_bits(f);
	cfg->big_endian = big_endian;
	cfg->features = PPCPV_MAGIC_FEAT_ALL;
	cfg->magic_ea = PPCPV_MAGIC_PAGE_EA;
}

void model_patch_one(const struct ppcpv_config *cfg, uint32_t word, struct model_one *out)
{
	struct ppcpv_region text = { out->text, MODEL_ONE_TEXT_ADDR, sizeof(out->text) };
	struct ppcpv_region tmp = { out->tmp, MODEL_ONE_TMP_ADDR, sizeof(out->tmp) };

	memset(&out->site, 0xee, sizeof(out->site));
	memset(&out->stats, 0xee, sizeof(out->stats));
	memset(out->tmp, MODEL_FILL, sizeof(out->tmp));
	model_put_word(out->text, MODEL_FILLER_BEFORE, cfg->big_endian);
	model_put_word(out->text + 4, word, cfg->big_endian);
	model_put_word(out->text + 8, MODEL_FILLER_AFTER, cfg->big_endian);
	out->rc = ppcpv_patch_text(cfg, &text, &tmp, &out->site, 1, 0, &out->stats);
}

uint32_t model_tramp_word(const struct model_one *one, const struct ppcpv_config *cfg,
			  unsigned int i)
{
	size_t at = (size_t)one->site.tmp_offset + 4 * (size_t)i;

	if (at + 4 > sizeof(one->tmp))
		return 0;
	return model_get_word(one->tmp + at, cfg->big_endian);
}
