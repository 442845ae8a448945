// SPDX-License-Identifier: MIT
/* Writing and reading the restore record (format in patch_record.h). */
#include <stdlib.h>
#include <string.h>
#include "crc32.h"
#include "patch_record.h"
#include "tool.h"

static const char header_magic[8] = { 'P', 'P', 'C', 'P', 'V', 'R', 'E', 'C' };
static const char footer_magic[8] = { 'P', 'P', 'C', 'P', 'V', 'E', 'N', 'D' };

static void put_le(uint8_t *p, uint64_t v, unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, unsigned int bytes)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < bytes; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

int record_prepare(const struct elf_image *img, const struct scan_plan *plan,
		   const struct patch_result *counted, struct record_draft *draft)
{
	memset(draft, 0, sizeof(*draft));
	draft->original_crc = crc32_update(0, img->bytes, img->size);
	draft->tmp_used = counted->stats.tmp_used;
	if (!draft->tmp_used)
		return 0;
	draft->tmp_original = malloc((size_t)draft->tmp_used);
	if (!draft->tmp_original) {
		tool_error("out of memory");
		return -1;
	}
	memcpy(draft->tmp_original, elf_image_bytes(img, plan->tmp.sec, plan->tmp.addr),
	       (size_t)draft->tmp_used);
	return 0;
}

void record_draft_free(struct record_draft *draft)
{
	free(draft->tmp_original);
	memset(draft, 0, sizeof(*draft));
}

static size_t count_rewritten(const struct patch_result *res)
{
	size_t i, n = 0;

	for (i = 0; i < res->n_sites; i++)
		n += res->sites[i].action != PPCPV_ACTION_SKIP;
	return n;
}

static void put_header(uint8_t *h, const struct elf_image *img, const struct scan_plan *plan,
		       const struct record_draft *d, size_t n_sites)
{
	memcpy(h, header_magic, sizeof(header_magic));
	put_le(h + 8, RECORD_VERSION, 4);
	put_le(h + 12, RECORD_HEADER_SIZE, 4);
	put_le(h + 16, img->size, 8);
	put_le(h + 24, d->original_crc, 4);
	put_le(h + 28, (uint64_t)plan->cfg.family, 4);
	put_le(h + 32, plan->cfg.features, 4);
	put_le(h + 36, (uint64_t)!!plan->cfg.big_endian, 4);
	put_le(h + 40, (uint64_t)plan->cfg.magic_ea, 8);
	put_le(h + 48, plan->cfg.word_bits, 4);
	put_le(h + 52, n_sites, 4);
	put_le(h + 56, plan->tmp.sec ? plan->tmp.sec->index : 0, 4);
	put_le(h + 64, plan->tmp.addr, 8);
	put_le(h + 72, d->tmp_used, 8);
	put_le(h + 80, d->tmp_used ? crc32_update(0, elf_image_bytes(img, plan->tmp.sec,
								      plan->tmp.addr),
						  (size_t)d->tmp_used) : 0, 4);
}

static uint8_t *put_sites(uint8_t *p, const struct scan_plan *plan, const struct patch_result *res)
{
	unsigned int t;
	size_t i;

	for (t = 0; t < plan->n_targets; t++) {
		const struct target_sites *ts = &res->per_target[t];

		for (i = ts->first; i < ts->first + ts->count; i++) {
			const struct ppcpv_site *s = &res->sites[i];

			if (s->action == PPCPV_ACTION_SKIP)
				continue;
			memset(p, 0, RECORD_SITE_SIZE);
			put_le(p, s->addr, 8);
			put_le(p + 8, s->target, 8);
			put_le(p + 16, s->orig, 4);
			put_le(p + 20, s->new_word, 4);
			put_le(p + 24, plan->targets[t].sec->index, 4);
			put_le(p + 28, s->rule, 2);
			p[30] = s->action;
			p += RECORD_SITE_SIZE;
		}
	}
	return p;
}

int record_build(const struct elf_image *img, const struct scan_plan *plan,
		 const struct patch_result *res, const struct record_draft *draft,
		 uint8_t **out, size_t *len)
{
	size_t n = count_rewritten(res);
	size_t size = RECORD_HEADER_SIZE + n * RECORD_SITE_SIZE + (size_t)draft->tmp_used +
		      RECORD_FOOTER_SIZE;
	uint8_t *buf = calloc(1, size), *p;

	if (!buf) {
		tool_error("out of memory");
		return -1;
	}
	put_header(buf, img, plan, draft, n);
	p = put_sites(buf + RECORD_HEADER_SIZE, plan, res);
	if (draft->tmp_used)
		memcpy(p, draft->tmp_original, (size_t)draft->tmp_used);
	p += draft->tmp_used;
	memcpy(p, footer_magic, sizeof(footer_magic));
	put_le(p + 8, size, 8);
	put_le(p + 16, crc32_update(0, buf, (size_t)(p - buf)), 4);
	put_le(p + 20, RECORD_VERSION, 4);
	*out = buf;
	*len = size;
	return 0;
}

static void parse_header(const uint8_t *h, struct patch_record *rec)
{
	memset(rec, 0, sizeof(*rec));
	rec->original_size = get_le(h + 16, 8);
	rec->original_crc = (uint32_t)get_le(h + 24, 4);
	rec->family = (uint32_t)get_le(h + 28, 4);
	rec->features = (uint32_t)get_le(h + 32, 4);
	rec->big_endian = (uint32_t)get_le(h + 36, 4);
	rec->magic_ea = (int64_t)get_le(h + 40, 8);
	rec->word_bits = (uint32_t)get_le(h + 48, 4);
	rec->n_sites = (size_t)get_le(h + 52, 4);
	rec->tmp_section = (unsigned int)get_le(h + 56, 4);
	rec->reserved[0] = (uint32_t)get_le(h + 60, 4);
	rec->tmp_addr = get_le(h + 64, 8);
	rec->tmp_used = get_le(h + 72, 8);
	rec->tmp_crc = (uint32_t)get_le(h + 80, 4);
	rec->reserved[1] = (uint32_t)get_le(h + 84, 4);
}

/*
 * The parts must add up to the record (size bytes, at least a header and a
 * footer) and the record to the file; only then do the pointers into it
 * mean anything.  Differences only: the counts are the record's own.
 */
static int record_consistent(const struct elf_image *img, const uint8_t *h, uint64_t size,
			     struct patch_record *rec)
{
	uint64_t body = size - RECORD_HEADER_SIZE - RECORD_FOOTER_SIZE;

	if (memcmp(h, header_magic, sizeof(header_magic)) || get_le(h + 8, 4) != RECORD_VERSION ||
	    get_le(h + 12, 4) != RECORD_HEADER_SIZE || rec->original_size != img->size - size ||
	    rec->n_sites > body / RECORD_SITE_SIZE ||
	    rec->tmp_used != body - (uint64_t)rec->n_sites * RECORD_SITE_SIZE)
		return 0;
	rec->site_bytes = h + RECORD_HEADER_SIZE;
	rec->tmp_original = rec->site_bytes + rec->n_sites * RECORD_SITE_SIZE;
	return 1;
}

int record_read(const struct elf_image *img, struct patch_record *rec)
{
	const uint8_t *f, *h;
	uint64_t size;

	if (img->size < RECORD_HEADER_SIZE + RECORD_FOOTER_SIZE)
		return 0;
	f = img->bytes + img->size - RECORD_FOOTER_SIZE;
	if (memcmp(f, footer_magic, sizeof(footer_magic)))
		return 0;
	size = get_le(f + 8, 8);
	if (get_le(f + 20, 4) != RECORD_VERSION || size > img->size ||
	    size < RECORD_HEADER_SIZE + RECORD_FOOTER_SIZE) {
		tool_error("%s: damaged or unknown ppcpv restore record at the end of the file",
			   img->path);
		return -1;
	}
	h = img->bytes + img->size - size;
	if (crc32_update(0, h, (size_t)size - RECORD_FOOTER_SIZE) != get_le(f + 16, 4)) {
		tool_error("%s: the ppcpv restore record fails its CRC check", img->path);
		return -1;
	}
	parse_header(h, rec);
	if (!record_consistent(img, h, size, rec)) {
		tool_error("%s: inconsistent ppcpv restore record (its parts do not add up to its "
			   "size or the file's)", img->path);
		return -1;
	}
	return record_check(img, rec) ? -1 : 1;
}

void record_site(const struct patch_record *rec, size_t i, struct ppcpv_site *site,
		 unsigned int *section, unsigned int *reserved)
{
	const uint8_t *p = rec->site_bytes + i * RECORD_SITE_SIZE;

	memset(site, 0, sizeof(*site));
	site->addr = get_le(p, 8);
	site->target = get_le(p + 8, 8);
	site->orig = (uint32_t)get_le(p + 16, 4);
	site->new_word = (uint32_t)get_le(p + 20, 4);
	*section = (unsigned int)get_le(p + 24, 4);
	site->rule = (uint16_t)get_le(p + 28, 2);
	site->action = p[30];
	*reserved = p[31];
}
