/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/emul.h - the kvm_emul trampoline templates as data.
 *
 * kvm_emul/kvm_emul.S holds the templates in PowerPC assembly.  At build
 * time it is assembled for 32-bit and 64-bit, and a generator reads the
 * objects (words and slot labels) and writes the tables below as C, so the
 * patcher (native or freestanding) copies words out of a table and never
 * carries hand-copied hex.  Words are host-order values; the patcher stores
 * them in the target's byte order.
 *
 * Slot conventions (word indices into `words`, -1 when unused):
 *  value_slot[i]  placeholder "ori r30,r0,0": becomes "mr r30,rS", or a
 *                 reload of the saved r30/r31 when rS is r30/r31, or
 *                 "li r30,MSR_EE" for wrteei 1
 *  orig_slot      placeholder replaced by the original (trapping) word
 *  branch_slot    "b ." replaced by the branch back to the site + 4
 *  sr_index_slot  mtsrin only: "rlwinm r30,r0,6,26,29"; RA becomes the
 *                 offset register, RS the instruction's rB
 *  sr_store_slot  mtsrin only: "stw r0,SR(r30)"; RS becomes the
 *                 instruction's rS, RA the offset register
 *  magic_slot[]   every word whose displacement is relative to the magic
 *                 page (RA=0 loads/stores, and sr_store_slot), so the
 *                 patcher can move the page away from -4096
 */
#ifndef PPCPV_EMUL_H
#define PPCPV_EMUL_H

#include <stdint.h>

enum ppcpv_emul_id {
	PPCPV_EMUL_MTMSRD_L1 = 0,	/* mtmsrd rS,1 */
	PPCPV_EMUL_MTMSR,		/* mtmsr rS and mtmsrd rS,0 */
	PPCPV_EMUL_WRTEE,		/* wrtee rS and wrteei 1 */
	PPCPV_EMUL_WRTEEI0,		/* wrteei 0 */
	PPCPV_EMUL_MTSRIN,		/* mtsrin rS,rB */
	PPCPV_EMUL_COUNT
};

#define PPCPV_EMUL_MAX_VALUE_SLOTS	2
#define PPCPV_EMUL_MAX_MAGIC_SLOTS	32

struct ppcpv_emul_template {
	const char *name;
	const uint32_t *words;
	uint16_t n_words;
	int16_t value_slot[PPCPV_EMUL_MAX_VALUE_SLOTS];
	int16_t orig_slot;
	int16_t branch_slot;
	int16_t sr_index_slot;
	int16_t sr_store_slot;
	uint16_t n_magic;
	uint16_t magic_slot[PPCPV_EMUL_MAX_MAGIC_SLOTS];
};

/* The template for a word size (32 or 64), or NULL. */
const struct ppcpv_emul_template *ppcpv_emul_template(unsigned int word_bits,
						       enum ppcpv_emul_id id);

#endif /* PPCPV_EMUL_H */
