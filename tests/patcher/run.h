/* SPDX-License-Identifier: MIT */
/*
 * run.h - a patch run over a small text buffer built word by word, for the
 * tests that need several sites, chosen addresses or a sized kvm_tmp.
 */
#ifndef PPCPV_TEST_PATCHER_RUN_H
#define PPCPV_TEST_PATCHER_RUN_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/patcher.h>

#define RUN_MAX_WORDS 160
#define RUN_MAX_TMP 8192

struct run {
	struct ppcpv_config cfg;
	struct ppcpv_region text, tmp;
	uint8_t text_bytes[4 * RUN_MAX_WORDS];
	uint8_t before[4 * RUN_MAX_WORDS];	/* the text as built */
	uint8_t tmp_bytes[RUN_MAX_TMP];
	unsigned int n_words;
	struct ppcpv_site sites[RUN_MAX_WORDS];
	struct ppcpv_stats stats;
	int rc;
};

/* Text at text_addr, kvm_tmp of tmp_size bytes at tmp_addr filled with
 * MODEL_FILL, default configuration for the family. */
void run_init(struct run *r, enum ppcpv_family f, int big_endian, uint64_t text_addr,
	      uint64_t tmp_addr, size_t tmp_size);
/* Append a word; returns its address. */
uint64_t run_add(struct run *r, uint32_t w);
/* Patch (flags as ppcpv_patch_text); r->rc holds the result. */
int run_patch(struct run *r, unsigned int flags);
uint32_t run_word(const struct run *r, unsigned int i);
/* The site recorded for address addr, or NULL. */
const struct ppcpv_site *run_site(const struct run *r, uint64_t addr);
/* Field by field (the padding of a copied record is unspecified). */
int run_sites_equal(const struct ppcpv_site *a, const struct ppcpv_site *b);
int run_text_unchanged(const struct run *r);
/* 1 if kvm_tmp bytes [from, size) still hold the fill pattern. */
int run_tmp_untouched_from(const struct run *r, size_t from);
/* Bytes of the trampoline template for a branch kind's emul id. */
unsigned int run_tramp_bytes(enum ppcpv_family f, enum ppcpv_emul_id id);

#endif /* PPCPV_TEST_PATCHER_RUN_H */
