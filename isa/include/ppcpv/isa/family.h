/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/family.h - the PowerPC CPU families ppcpv tells apart.  They
 * differ in privileged architecture (Book III-S or Book III-E: MSR bits,
 * SPR numbers, interrupt delivery) and in word size, which is what decides
 * how a guest kernel is patched and how a host emulates it.
 */
#ifndef PPCPV_ISA_FAMILY_H
#define PPCPV_ISA_FAMILY_H

#ifndef __ASSEMBLER__
enum ppcpv_family {
	PPCPV_FAMILY_BOOK3S64 = 0,	/* 64-bit Book3S (970, POWER) */
	PPCPV_FAMILY_BOOK3S32,		/* 32-bit Book3S (6xx/7xx/74xx) */
	PPCPV_FAMILY_E500,		/* BookE e500 (32-bit) */
	PPCPV_FAMILY_COUNT
};
#endif

/* A set of families, as a bit mask. */
#define PPCPV_FAMILY_BIT(f)	(1u << (f))
#define PPCPV_FAMILIES_BOOK3S	(PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S64) | \
				 PPCPV_FAMILY_BIT(PPCPV_FAMILY_BOOK3S32))
#define PPCPV_FAMILIES_BOOKE	PPCPV_FAMILY_BIT(PPCPV_FAMILY_E500)
#define PPCPV_FAMILIES_ALL	(PPCPV_FAMILIES_BOOK3S | PPCPV_FAMILIES_BOOKE)

#endif /* PPCPV_ISA_FAMILY_H */
