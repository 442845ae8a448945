/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/shared-spr.h - which SPR lives in which shared-page field, per
 * family: the one table.
 *
 * The guest's patcher derives its load/store rules from it (an mfspr of a
 * listed SPR becomes a load of the field, an mtspr of a writable one a
 * store) and the host derives its mfspr/mtspr emulation from it (a
 * trapping access reads or writes the same field), so a patched and a
 * trapping access can never disagree.  Adding a shadowed SPR is adding a
 * row.  The patcher tests' expectation model keeps its own list on purpose.
 *
 * PPCPV_SHARED_SPRS(X) expands X(name, spr, families, feature, access,
 * width, field) once per row, in the order the patcher lists its rules:
 *   name      the register's name, a string
 *   spr       its number (ppcpv/isa/spr.h)
 *   families  PPCPV_FAMILY_BIT() set it is shadowed for (ppcpv/isa/family.h)
 *   feature   PPCPV_MAGIC_FEAT_* bit the host must grant the patcher; 0 = always
 *   access    RW: mfspr reads and mtspr writes the field; RO: only mfspr
 *             (a read-only register, or a read-only alias)
 *   width     U64: ld/std on 64-bit, the low word (+4) on 32-bit; U32: lwz/stw
 *   field     PPCPV_SHARED_* byte offset
 * An SPR number appears in one row only (the lookup below is a switch on it).
 */
#ifndef PPCPV_SHARED_SPR_H
#define PPCPV_SHARED_SPR_H

#include <ppcpv/abi.h>
#include <ppcpv/isa/family.h>
#include <ppcpv/isa/spr.h>

/* MAS3 is the low word of mas7_3, MAS7 the high word, on every width. */
#define PPCPV_SHARED_MAS3	(PPCPV_SHARED_MAS7_3 + PPCPV_SHARED_U64_LOW_WORD)
#define PPCPV_SHARED_MAS7	PPCPV_SHARED_MAS7_3

/* What the access and width columns mean in numbers. */
#define PPCPV_SHARED_WRITABLE_RW	1
#define PPCPV_SHARED_WRITABLE_RO	0
#define PPCPV_SHARED_BYTES_U64		8
#define PPCPV_SHARED_BYTES_U32		4

#define PPCPV_SHARED_SPR_ALL	PPCPV_FAMILIES_ALL
#define PPCPV_SHARED_SPR_BOOK3S	PPCPV_FAMILIES_BOOK3S
#define PPCPV_SHARED_SPR_E500	PPCPV_FAMILIES_BOOKE
#define PPCPV_SHARED_SPR_HI	PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7

/*
 * SPRG4..7 are Book III-E registers; Linux's patcher rewrites them on every
 * family and so does this one (the Book3S host shadows them too).  So does
 * DSISR, which Book III-E lacks (it has ESR).
 */
#define PPCPV_SHARED_SPRS(X) \
	X("SPRG0",  PPC_SPR_SPRG0,              PPCPV_SHARED_SPR_ALL,    0,                   RW, U64, PPCPV_SHARED_SPRG0) \
	X("SPRG1",  PPC_SPR_SPRG1,              PPCPV_SHARED_SPR_ALL,    0,                   RW, U64, PPCPV_SHARED_SPRG1) \
	X("SPRG2",  PPC_SPR_SPRG2,              PPCPV_SHARED_SPR_ALL,    0,                   RW, U64, PPCPV_SHARED_SPRG2) \
	X("SPRG3",  PPC_SPR_SPRG3,              PPCPV_SHARED_SPR_ALL,    0,                   RW, U64, PPCPV_SHARED_SPRG3) \
	X("SRR0",   PPC_SPR_SRR0,               PPCPV_SHARED_SPR_ALL,    0,                   RW, U64, PPCPV_SHARED_SRR0) \
	X("SRR1",   PPC_SPR_SRR1,               PPCPV_SHARED_SPR_ALL,    0,                   RW, U64, PPCPV_SHARED_SRR1) \
	X("DAR",    PPC_BOOK3S_SPR_DAR,         PPCPV_SHARED_SPR_BOOK3S, 0,                   RW, U64, PPCPV_SHARED_DAR) \
	X("DEAR",   PPC_BOOKE_SPR_DEAR,         PPCPV_SHARED_SPR_E500,   0,                   RW, U64, PPCPV_SHARED_DAR) \
	X("DSISR",  PPC_BOOK3S_SPR_DSISR,       PPCPV_SHARED_SPR_ALL,    0,                   RW, U32, PPCPV_SHARED_DSISR) \
	X("SPRG4",  PPC_BOOKE_SPR_SPRG4,        PPCPV_SHARED_SPR_ALL,    PPCPV_SHARED_SPR_HI, RW, U64, PPCPV_SHARED_SPRG4) \
	X("SPRG5",  PPC_BOOKE_SPR_SPRG4 + 1,    PPCPV_SHARED_SPR_ALL,    PPCPV_SHARED_SPR_HI, RW, U64, PPCPV_SHARED_SPRG5) \
	X("SPRG6",  PPC_BOOKE_SPR_SPRG4 + 2,    PPCPV_SHARED_SPR_ALL,    PPCPV_SHARED_SPR_HI, RW, U64, PPCPV_SHARED_SPRG6) \
	X("SPRG7",  PPC_BOOKE_SPR_SPRG4 + 3,    PPCPV_SHARED_SPR_ALL,    PPCPV_SHARED_SPR_HI, RW, U64, PPCPV_SHARED_SPRG7) \
	X("SPRG4R", PPC_BOOKE_SPR_SPRG4R,       PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RO, U64, PPCPV_SHARED_SPRG4) \
	X("SPRG5R", PPC_BOOKE_SPR_SPRG4R + 1,   PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RO, U64, PPCPV_SHARED_SPRG5) \
	X("SPRG6R", PPC_BOOKE_SPR_SPRG4R + 2,   PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RO, U64, PPCPV_SHARED_SPRG6) \
	X("SPRG7R", PPC_BOOKE_SPR_SPRG4R + 3,   PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RO, U64, PPCPV_SHARED_SPRG7) \
	X("ESR",    PPC_BOOKE_SPR_ESR,          PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_ESR) \
	X("PIR",    PPC_BOOK3S_SPR_PIR,         PPCPV_SHARED_SPR_BOOK3S, PPCPV_SHARED_SPR_HI, RO, U32, PPCPV_SHARED_PIR) \
	X("PIR",    PPC_BOOKE_SPR_PIR,          PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RO, U32, PPCPV_SHARED_PIR) \
	X("MAS0",   PPC_BOOKE_SPR_MAS0,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_MAS0) \
	X("MAS1",   PPC_BOOKE_SPR_MAS1,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_MAS1) \
	X("MAS2",   PPC_BOOKE_SPR_MAS2,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U64, PPCPV_SHARED_MAS2) \
	X("MAS3",   PPC_BOOKE_SPR_MAS3,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_MAS3) \
	X("MAS4",   PPC_BOOKE_SPR_MAS4,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_MAS4) \
	X("MAS6",   PPC_BOOKE_SPR_MAS6,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_MAS6) \
	X("MAS7",   PPC_BOOKE_SPR_MAS7,         PPCPV_SHARED_SPR_E500,   PPCPV_SHARED_SPR_HI, RW, U32, PPCPV_SHARED_MAS7)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Where an SPR lives in the shared page. */
struct ppcpv_shared_spr {
	uint16_t field;		/* PPCPV_SHARED_* byte offset */
	uint8_t bytes;		/* 8 or 4 (0 in a map: not shadowed) */
	uint8_t writable;	/* mtspr writes it too (RW); else only mfspr reads it */
};

/*
 * A dense map for one family, indexed by SPR number (PPC_SPR_COUNT
 * entries; bytes 0: not shadowed there), for a hot lookup:
 *   #define ROW(name, spr, families, feature, access, width, field) \
 *           PPCPV_SHARED_SPR_MAP_ROW(MY_FAMILY_BIT, spr, families, access, width, field)
 *   static const struct ppcpv_shared_spr map[PPC_SPR_COUNT] = { PPCPV_SHARED_SPRS(ROW) };
 */
#define PPCPV_SHARED_SPR_MAP_ROW(family_bit, spr, families, access, width, off)	\
	[spr] = { ((families) & (family_bit)) ? (off) : 0,			\
		  ((families) & (family_bit)) ? PPCPV_SHARED_BYTES_##width : 0,	\
		  PPCPV_SHARED_WRITABLE_##access },

/*
 * The shared-page field of SPR spr on a family: 1 and *out, or 0 (the
 * register is not shadowed there).  A switch on the number, so that a
 * number listed twice does not compile.
 */
static inline int ppcpv_shared_spr_find(enum ppcpv_family family, unsigned int spr,
					struct ppcpv_shared_spr *out)
{
	unsigned int family_bit = PPCPV_FAMILY_BIT(family);

#define PPCPV_SHARED_SPR_CASE(name, num, families, feature, access, width, off) \
	case num:							\
		if (!((families) & family_bit))				\
			return 0;					\
		out->field = off;					\
		out->bytes = PPCPV_SHARED_BYTES_##width;		\
		out->writable = PPCPV_SHARED_WRITABLE_##access;		\
		return 1;
	switch (spr) {
	PPCPV_SHARED_SPRS(PPCPV_SHARED_SPR_CASE)
	default:
		return 0;
	}
#undef PPCPV_SHARED_SPR_CASE
}
#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_SHARED_SPR_H */
