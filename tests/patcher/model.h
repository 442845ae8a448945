/* SPDX-License-Identifier: MIT */
/*
 * model.h - the patcher tests' own expectation model.
 *
 * An independent restatement of what the guest patcher must do, written
 * from the reference tables (pattern table, shared-page layout, the 32-bit
 * "+4" rule) and not from the library: every instruction that is a site,
 * for which families and feature bits, and what it must become, as
 * assembly TEXT.  The tests compare that text with libopcodes' decoding of
 * the library's words, and the patcher-as check step assembles it with GNU
 * as.  Nothing here calls the library's encoders; the original words are
 * the reference's match values with the register fields ORed in.
 *
 * The model also carries the small helpers every patcher test needs
 * (byte order, one-site patch runs, libopcodes with a family's dialect), so
 * that the unit tests and the patcher-as case printer share one definition.
 */
#ifndef PPCPV_TEST_PATCHER_MODEL_H
#define PPCPV_TEST_PATCHER_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/patcher.h>

#define MODEL_TEXT_MAX 128

/* Families as bit sets, spelled the way the reference spells conditions. */
#define MODEL_B3S64	(1u << PPCPV_FAMILY_BOOK3S64)
#define MODEL_B3S32	(1u << PPCPV_FAMILY_BOOK3S32)
#define MODEL_E500	(1u << PPCPV_FAMILY_E500)
#define MODEL_BOOK3S	(MODEL_B3S64 | MODEL_B3S32)
#define MODEL_ALL	(MODEL_BOOK3S | MODEL_E500)

/* How the register fields of a row vary. */
enum model_regs {
	MODEL_REGS_NONE = 0,	/* a fixed word (tlbsync, wrteei) */
	MODEL_REGS_RT,		/* RT/RS in bits 21-25 */
	MODEL_REGS_RS_RB,	/* RS in bits 21-25 and RB in bits 11-15 (mtsrin) */
};

/* What a value slot of the row's trampoline must receive. */
enum model_value {
	MODEL_VALUE_NONE = 0,
	MODEL_VALUE_RS,		/* the instruction's rS (or its saved copy) */
	MODEL_VALUE_EE,		/* the constant MSR[EE] */
};

struct model_row {
	const char *name;	/* the rule name the site record must carry */
	const char *orig_fmt;	/* original text; %u = rS/rT (then rB) */
	uint32_t base;		/* the word with every register field 0 */
	uint8_t regs;		/* enum model_regs */
	uint8_t families;	/* MODEL_* set */
	uint8_t feature;	/* PPCPV_MAGIC_FEAT_* needed, 0 = always */
	uint8_t kind;		/* enum ppcpv_kind */
	uint8_t action;		/* LOAD, STORE, NOP or BRANCH */
	uint8_t u64;		/* LOAD/STORE: a u64 field (ld/std; +4 on 32-bit) */
	uint16_t field;		/* LOAD/STORE: byte offset in the shared page */
	uint8_t emul;		/* BRANCH: enum ppcpv_emul_id */
	uint8_t value;		/* BRANCH: enum model_value */
};

extern const struct model_row model_rows[];
extern const unsigned int model_row_count;

/* The registers every row is tried with. */
#define MODEL_NREGS 5
extern const unsigned int model_regs[MODEL_NREGS];

unsigned int model_word_bits(enum ppcpv_family f);
int model_row_applies(const struct model_row *row, enum ppcpv_family f);
/* 1 if the row is applied (not skipped for a feature) with these bits. */
int model_row_enabled(const struct model_row *row, uint32_t features);
/* Number of register choices: 1, 5 or 25 (rS x rB). */
unsigned int model_reg_cases(const struct model_row *row);
/* rS (and rB) of register case i. */
void model_reg_case(const struct model_row *row, unsigned int i,
		    unsigned int *rs, unsigned int *rb);

uint32_t model_orig_word(const struct model_row *row, unsigned int rs, unsigned int rb);
void model_orig_text(const struct model_row *row, unsigned int rs, unsigned int rb,
		     char *out, size_t size);
/* The model row word w is for family f, or NULL (not a site there). */
const struct model_row *model_find(enum ppcpv_family f, uint32_t w);

/* Displacement with RA=0 of a LOAD/STORE row's value for a family. */
int32_t model_disp(const struct model_row *row, enum ppcpv_family f, int64_t magic_ea);
/* The replacement text of a LOAD/STORE/NOP row ("ld r3,-4008(0)", "nop"). */
void model_new_text(const struct model_row *row, enum ppcpv_family f, int64_t magic_ea,
		    unsigned int rs, char *out, size_t size);
/* Text of a trampoline value slot for the row and rS. */
void model_value_text(const struct model_row *row, enum ppcpv_family f, int64_t magic_ea,
		      unsigned int rs, char *out, size_t size);
/* mtsrin: the offset register, and the texts of the index and store slots. */
unsigned int model_mtsrin_offset_reg(unsigned int rs);
void model_mtsrin_index_text(unsigned int rs, unsigned int rb, char *out, size_t size);
void model_mtsrin_store_text(int64_t magic_ea, unsigned int rs, unsigned int rb,
			     char *out, size_t size);

/* ---- Helpers shared by the tests ---------------------------------------- */

uint32_t model_get_word(const uint8_t *p, int big_endian);
void model_put_word(uint8_t *p, uint32_t w, int big_endian);

/* libopcodes with the family's word size and strict dialect (power8, 603,
 * e500): words foreign to the family come out as ".long". */
const char *model_dialect(enum ppcpv_family f);
int model_disasm(enum ppcpv_family f, int big_endian, uint32_t w, uint64_t addr,
		 char *out, size_t size);
/* Target of a decoded branch text ("b 0x...", "beq cr1,0x..."); 0 if none. */
int model_branch_target(const char *text, uint64_t *target);
/* 1 if the decoded text is some branch (b, bc, beq, blr...). */
int model_is_branch_text(const char *text);

/*
 * One site in a small text buffer: `word` at MODEL_ONE_SITE_ADDR between two
 * filler words, kvm_tmp of MODEL_ONE_TMP_SIZE bytes at MODEL_ONE_TMP_ADDR
 * pre-filled with MODEL_FILL.
 */
#define MODEL_ONE_TEXT_ADDR	0x00100000u
#define MODEL_ONE_SITE_ADDR	(MODEL_ONE_TEXT_ADDR + 4)
#define MODEL_ONE_TMP_ADDR	0x00200000u
#define MODEL_ONE_TMP_SIZE	1024
#define MODEL_FILL		0xa5
#define MODEL_FILLER_BEFORE	0x38600001u	/* li r3,1: never a site */
#define MODEL_FILLER_AFTER	0x38800002u	/* li r4,2 */

struct model_one {
	int rc;				/* ppcpv_patch_text() */
	struct ppcpv_site site;
	struct ppcpv_stats stats;
	uint8_t text[12];
	uint8_t tmp[MODEL_ONE_TMP_SIZE];
};

void model_config(struct ppcpv_config *cfg, enum ppcpv_family f, int big_endian);
void model_patch_one(const struct ppcpv_config *cfg, uint32_t word, struct model_one *out);
/* Word i of the trampoline placed for the site (tmp offset of the site). */
uint32_t model_tramp_word(const struct model_one *one, const struct ppcpv_config *cfg,
			  unsigned int i);

#endif /* PPCPV_TEST_PATCHER_MODEL_H */
