/* SPDX-License-Identifier: MIT */
/*
 * The restore record: what `ppcpv-patch --apply` appends to the file it
 * writes, so that `--unpatch` can give back the original byte for byte.
 *
 * It is appended after the last byte of the ELF file.  ELF readers and
 * loaders address everything through header offsets, so trailing bytes are
 * invisible to them; the record travels with the file; and dropping it
 * (truncating to original_size) is part of restoring the original.
 *
 * Layout, every integer little-endian whatever the ELF's byte order:
 *
 *   header (88 bytes)
 *     0  "PPCPVREC"          8  u32 version (1)   12  u32 header size (88)
 *    16  u64 original size  24  u32 CRC-32 of the original file
 *    28  u32 family         32  u32 features      36  u32 big-endian (0/1)
 *    40  s64 magic EA       48  u32 word bits     52  u32 number of sites
 *    56  u32 kvm_tmp section index                60  u32 0
 *    64  u64 kvm_tmp address (first trampoline)
 *    72  u64 kvm_tmp bytes written (their original content follows the sites)
 *    80  u32 CRC-32 of those bytes as written     84  u32 0
 *   one entry per rewritten site (32 bytes)
 *     0  u64 address   8  u64 trampoline address (0 unless a branch)
 *    16  u32 original word   20  u32 new word   24  u32 section index
 *    28  u16 rule index      30  u8 action      31  u8 0
 *   the original bytes of the kvm_tmp area written
 *   footer (24 bytes)
 *     0  "PPCPVEND"   8  u64 record size (header to footer end)
 *    16  u32 CRC-32 of the record up to the footer   20  u32 version (1)
 *
 * The CRCs only catch accidents: anyone can recompute them.  So
 * record_read() checks every field against the image (record_check.c)
 * before anything uses the record.
 */
#ifndef PPCPV_TOOL_PATCH_RECORD_H
#define PPCPV_TOOL_PATCH_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/patcher.h>
#include "elf_image.h"
#include "patch_run.h"
#include "plan.h"

#define RECORD_VERSION		1
#define RECORD_HEADER_SIZE	88
#define RECORD_SITE_SIZE	32
#define RECORD_FOOTER_SIZE	24

struct patch_record {
	uint64_t original_size;
	uint32_t original_crc;
	uint32_t family;		/* the raw header fields ... */
	uint32_t features;
	uint32_t big_endian;
	int64_t magic_ea;
	uint32_t word_bits;
	struct ppcpv_config cfg;	/* ... as a checked configuration */
	uint32_t reserved[2];		/* the two u32 0 of the header */
	size_t n_sites;
	unsigned int tmp_section;
	uint64_t tmp_addr;
	uint64_t tmp_used;
	uint32_t tmp_crc;
	const uint8_t *site_bytes;	/* n_sites entries, inside the image */
	const uint8_t *tmp_original;	/* tmp_used bytes, inside the image */
};

/* What must be captured before the image is patched. */
struct record_draft {
	uint32_t original_crc;
	uint8_t *tmp_original;
	uint64_t tmp_used;
};

/*
 * Find the record at the end of the image: 1 (and *rec, every field checked
 * against the image), 0 when there is none, -1 when one is there but
 * damaged or inconsistent with the image (after printing why).
 */
int record_read(const struct elf_image *img, struct patch_record *rec);

/* Site i of a record, its section index and its reserved (zero) byte. */
void record_site(const struct patch_record *rec, size_t i, struct ppcpv_site *site,
		 unsigned int *section, unsigned int *reserved);

/* Every field of a parsed record against the image (record_check.c):
 * 0, or -1 after printing the first problem.  Fills rec->cfg. */
int record_check(const struct elf_image *img, struct patch_record *rec);

/* Before patching: the file's CRC and the kvm_tmp bytes pass 1 will use. */
int record_prepare(const struct elf_image *img, const struct scan_plan *plan,
		   const struct patch_result *counted, struct record_draft *draft);

/* After patching: the record to append (malloc'd). 0 or -1. */
int record_build(const struct elf_image *img, const struct scan_plan *plan,
		 const struct patch_result *res, const struct record_draft *draft,
		 uint8_t **out, size_t *len);

void record_draft_free(struct record_draft *draft);

#endif /* PPCPV_TOOL_PATCH_RECORD_H */
