// SPDX-License-Identifier: MIT
/*
 * --unpatch: give back the file ppcpv-patch was given, byte for byte, from
 * the restore record (patch_record.h).  Site words go back through the
 * library's ppcpv_unpatch(), which refuses to touch anything unless every
 * word is still the one written; the kvm_tmp bytes are checked against the
 * CRC taken when they were written; and the result must have the original
 * CRC before it is saved.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ppcpv/err.h>
#include "crc32.h"
#include "patch_record.h"
#include "tool.h"
#include "unpatch.h"

static int record_config(const struct elf_image *img, const struct patch_record *rec,
			 struct ppcpv_config *cfg)
{
	if (ppcpv_config_init(cfg, rec->family, rec->big_endian) || rec->word_bits != cfg->word_bits) {
		tool_error("%s: the restore record names an unknown configuration", img->path);
		return -1;
	}
	cfg->features = rec->features;
	cfg->magic_ea = rec->magic_ea;
	if (ppcpv_config_check(cfg)) {
		tool_error("%s: the restore record's configuration is invalid", img->path);
		return -1;
	}
	return 0;
}

/* The word-aligned part of a section, as a region for ppcpv_unpatch(). */
static int section_region(const struct elf_image *img, unsigned int index,
			  struct ppcpv_region *r)
{
	const struct elf_section *sec = index < img->n_sections ? &img->sections[index] : NULL;
	uint64_t start, end;

	if (!sec || !sec->exec_bytes) {
		tool_error("%s: the restore record names section %u, which holds no code", img->path,
			   index);
		return -1;
	}
	start = (sec->addr + 3) & ~(uint64_t)3;
	end = (sec->addr + sec->size) & ~(uint64_t)3;
	*r = (struct ppcpv_region){ elf_image_bytes(img, sec, start), start,
				    end > start ? (size_t)(end - start) : 0 };
	return 0;
}

/* Restore one run of sites that share a section. */
static int restore_run(const struct elf_image *img, const struct ppcpv_config *cfg,
		       unsigned int section, const struct ppcpv_site *sites, size_t n)
{
	struct ppcpv_region text;
	int done;

	if (section_region(img, section, &text))
		return -1;
	done = ppcpv_unpatch(cfg, &text, sites, n);
	if (done < 0) {
		tool_error("%s: cannot restore section %s: %s%s", img->path, img->sections[section].name,
			   ppcpv_strerror(done), done == -PPCPV_ERR_MISMATCH ?
			   " (a patched word was changed after ppcpv-patch wrote it)" : "");
		return -1;
	}
	return done;
}

static int restore_sites(const struct elf_image *img, const struct patch_record *rec,
			 const struct ppcpv_config *cfg, size_t *restored)
{
	struct ppcpv_site *sites = calloc(rec->n_sites ? rec->n_sites : 1, sizeof(*sites));
	unsigned int *section = calloc(rec->n_sites ? rec->n_sites : 1, sizeof(*section));
	size_t i, run = 0;
	int err = 0, done;

	if (!sites || !section) {
		tool_error("out of memory");
		err = -1;
	}
	for (i = 0; !err && i < rec->n_sites; i++)
		record_site(rec, i, &sites[i], &section[i]);
	for (i = 0; !err && i <= rec->n_sites; i++) {
		if (i < rec->n_sites && section[i] == section[run])
			continue;
		if (i > run) {
			done = restore_run(img, cfg, section[run], sites + run, i - run);
			err = done < 0;
			*restored += done < 0 ? 0 : (size_t)done;
		}
		run = i;
	}
	free(sites);
	free(section);
	return err ? -1 : 0;
}

static int restore_tmp(const struct elf_image *img, const struct patch_record *rec)
{
	const struct elf_section *sec;
	uint8_t *p;

	if (!rec->tmp_used)
		return 0;
	sec = rec->tmp_section < img->n_sections ? &img->sections[rec->tmp_section] : NULL;
	/* The record names the section that holds the area, and no other:
	 * its bytes are found through that section's offset. */
	if (!sec || elf_image_exec_section(img, sec, rec->tmp_addr, rec->tmp_used) != sec) {
		tool_error("%s: the restore record's kvm_tmp area is not in the file", img->path);
		return -1;
	}
	p = elf_image_bytes(img, sec, rec->tmp_addr);
	if (crc32_update(0, p, (size_t)rec->tmp_used) != rec->tmp_crc) {
		tool_error("%s: the trampolines in kvm_tmp changed after ppcpv-patch wrote them; "
			   "not restoring", img->path);
		return -1;
	}
	memcpy(p, rec->tmp_original, (size_t)rec->tmp_used);
	return 0;
}

static void report(const struct patch_record *rec, size_t restored, const char *out, int json)
{
	if (json)
		printf("{\"unpatched\":true,\"restored_sites\":%zu,\"restored_kvm_tmp_bytes\":%" PRIu64
		       ",\"size\":%" PRIu64 ",\"crc32\":\"0x%08" PRIx32 "\"}\n",
		       restored, rec->tmp_used, rec->original_size, rec->original_crc);
	else
		printf("restored %zu site words and %" PRIu64 " kvm_tmp bytes; %s is the original "
		       "(%" PRIu64 " bytes, crc32 0x%08" PRIx32 ")\n",
		       restored, rec->tmp_used, out, rec->original_size, rec->original_crc);
}

int unpatch_image(struct elf_image *img, const char *out, int json)
{
	struct patch_record rec;
	struct ppcpv_config cfg;
	size_t restored = 0;
	int found = record_read(img, &rec);

	if (found == 0)
		tool_error("%s has no ppcpv restore record: it was not written by ppcpv-patch --apply",
			   img->path);
	if (found <= 0 || record_config(img, &rec, &cfg) || restore_sites(img, &rec, &cfg, &restored) ||
	    restore_tmp(img, &rec))
		return EXIT_INPUT;
	if (crc32_update(0, img->bytes, (size_t)rec.original_size) != rec.original_crc) {
		tool_error("%s: the restored content does not match the original's CRC; not written",
			   img->path);
		return EXIT_INPUT;
	}
	if (elf_image_save(img, out, (size_t)rec.original_size, NULL, 0))
		return EXIT_INPUT;
	report(&rec, restored, out, json);
	return 0;
}
