// SPDX-License-Identifier: MIT
/* A patch run over a text buffer built word by word (see run.h). */
#include <string.h>
#include <ppcpv/emul.h>
#include "model.h"
#include "run.h"

void run_init(struct run *r, enum ppcpv_family f, int big_endian, uint64_t text_addr,
	      uint64_t tmp_addr, size_t tmp_size)
{
	memset(r, 0, sizeof(*r));
	model_config(&r->cfg, f, big_endian);
	if (tmp_size > RUN_MAX_TMP)
		tmp_size = RUN_MAX_TMP;
	memset(r->tmp_bytes, MODEL_FILL, sizeof(r->tmp_bytes));
	memset(r->sites, 0xee, sizeof(r->sites));
	r->text = (struct ppcpv_region){ r->text_bytes, text_addr, 0 };
	r->tmp = (struct ppcpv_region){ r->tmp_bytes, tmp_addr, tmp_size };
}

uint64_t run_add(struct run *r, uint32_t w)
{
	uint64_t addr = r->text.addr + 4 * (uint64_t)r->n_words;

	if (r->n_words == RUN_MAX_WORDS)
		return 0;
	model_put_word(r->text_bytes + 4 * r->n_words, w, r->cfg.big_endian);
	model_put_word(r->before + 4 * r->n_words, w, r->cfg.big_endian);
	r->n_words++;
	r->text.size = 4 * (size_t)r->n_words;
	return addr;
}

int run_patch(struct run *r, unsigned int flags)
{
	r->rc = ppcpv_patch_text(&r->cfg, &r->text, &r->tmp, r->sites, RUN_MAX_WORDS, flags,
				 &r->stats);
	return r->rc;
}

uint32_t run_word(const struct run *r, unsigned int i)
{
	return model_get_word(r->text_bytes + 4 * i, r->cfg.big_endian);
}

const struct ppcpv_site *run_site(const struct run *r, uint64_t addr)
{
	int i;

	for (i = 0; i < r->rc && i < RUN_MAX_WORDS; i++)
		if (r->sites[i].addr == addr)
			return &r->sites[i];
	return NULL;
}

int run_sites_equal(const struct ppcpv_site *a, const struct ppcpv_site *b)
{
	return a->addr == b->addr && a->target == b->target && a->orig == b->orig &&
	       a->new_word == b->new_word && a->tmp_offset == b->tmp_offset &&
	       a->tmp_size == b->tmp_size && a->rule == b->rule && a->action == b->action &&
	       a->skip == b->skip;
}

int run_text_unchanged(const struct run *r)
{
	return !memcmp(r->text_bytes, r->before, r->text.size);
}

int run_tmp_untouched_from(const struct run *r, size_t from)
{
	size_t i;

	for (i = from; i < sizeof(r->tmp_bytes); i++)
		if (r->tmp_bytes[i] != MODEL_FILL)
			return 0;
	return 1;
}

unsigned int run_tramp_bytes(enum ppcpv_family f, enum ppcpv_emul_id id)
{
	const struct ppcpv_emul_template *tpl = ppcpv_emul_template(model_word_bits(f), id);

	return tpl ? 4u * tpl->n_words : 0;
}
