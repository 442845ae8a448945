// SPDX-License-Identifier: MIT
/* Batch blobs on the native side (format: diff.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "blob.h"
#include "state.h"

static void put_be(uint8_t *p, uint64_t v, unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
}

uint8_t *diff_blob_build(const struct diff_family *fam, uint64_t first_seed, uint32_t count,
			 const uint8_t *dump, size_t *size)
{
	struct diff_prog p;
	uint8_t *b, *code;
	uint32_t i, k, words = 0;

	if (count == 0 || count > DIFF_MAX_PROGRAMS)
		return NULL;
	/* The largest a blob of `count` programs can be; trimmed below. */
	b = calloc(1, diff_blob_size(count, count * DIFF_MAX_WORDS));
	if (!b)
		return NULL;
	code = b + DIFF_HEADER_BYTES + (size_t)DIFF_ENTRY_BYTES * count;
	for (i = 0; i < count; i++) {
		uint8_t *e = b + DIFF_HEADER_BYTES + (size_t)DIFF_ENTRY_BYTES * i;

		diff_gen(fam, first_seed + i, &p);
		put_be(e + DIFF_ENT_SEED, p.seed, 8);
		put_be(e + DIFF_ENT_FIRST, words, 4);
		put_be(e + DIFF_ENT_WORDS, p.n_words, 2);
		put_be(e + DIFF_ENT_FLAGS, p.flags | (dump && dump[i] ? DIFF_PROG_DUMP : 0), 2);
		for (k = 0; k < p.n_words; k++)
			put_be(code + 4 * (words + k), p.words[k], 4);
		words += p.n_words;
	}
	*size = diff_blob_size(count, words);
	put_be(b + DIFF_HDR_MAGIC, DIFF_BLOB_MAGIC, 4);
	put_be(b + DIFF_HDR_VERSION, DIFF_BLOB_VERSION, 4);
	put_be(b + DIFF_HDR_COUNT, count, 4);
	put_be(b + DIFF_HDR_WORDS, words, 4);
	put_be(b + DIFF_HDR_FAMILY, fam->id, 4);
	put_be(b + DIFF_HDR_HASH, diff_hash_bytes(DIFF_HASH_INIT, b + DIFF_HEADER_BYTES,
						  (uint32_t)(*size - DIFF_HEADER_BYTES)), 8);
	return b;
}

int diff_write_file(const char *path, const uint8_t *buf, size_t size)
{
	size_t len = strlen(path) + 16;
	char *tmp = malloc(len);
	FILE *f;
	int err = 0;

	if (!tmp)
		return -1;
	snprintf(tmp, len, "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp, "wb");
	if (!f) {
		err = errno;
	} else {
		if (fwrite(buf, 1, size, f) != size)
			err = errno ? errno : EIO;
		if (fclose(f) && !err)
			err = errno;
		if (!err && rename(tmp, path))
			err = errno;
		if (err)
			unlink(tmp);
	}
	free(tmp);
	errno = err;
	return err ? -1 : 0;
}

uint8_t *diff_read_file(const char *path, size_t max, size_t *size, const char **why)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	size_t n;

	if (!f) {
		*why = strerror(errno);
		return NULL;
	}
	buf = malloc(max + 1);
	n = buf ? fread(buf, 1, max + 1, f) : 0;
	if (!buf || ferror(f) || n > max) {
		*why = !buf ? "out of memory" : ferror(f) ? "read error" : "too big";
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

const struct diff_family *diff_blob_family_of(const uint8_t *b)
{
	return diff_family(diff_blob_family(b));
}

void diff_blob_program(const uint8_t *b, uint32_t i, struct diff_prog *p)
{
	const uint8_t *e = diff_blob_entry(b, i);

	diff_gen(diff_blob_family_of(b), diff_be64(e + DIFF_ENT_SEED), p);
	p->flags = (uint16_t)diff_be16(e + DIFF_ENT_FLAGS);
}

const char *diff_blob_verify(const uint8_t *b, size_t size, long *bad)
{
	const char *why = diff_blob_check(b, size);
	const uint8_t *code;
	struct diff_prog p;
	uint32_t i, k;

	*bad = -1;
	if (why)
		return why;
	if (!diff_blob_family_of(b))
		return "batch blob of an unknown family";
	code = diff_blob_code(b);
	for (i = 0; i < diff_blob_count(b); i++) {
		const uint8_t *e = diff_blob_entry(b, i);
		uint32_t first = diff_be32(e + DIFF_ENT_FIRST);

		diff_gen(diff_blob_family_of(b), diff_be64(e + DIFF_ENT_SEED), &p);
		*bad = i;
		if (p.n_words != diff_be16(e + DIFF_ENT_WORDS) ||
		    (p.flags & DIFF_PROG_HOSTED_ONLY) != (diff_be16(e + DIFF_ENT_FLAGS) & DIFF_PROG_HOSTED_ONLY))
			return "a program is not what the generator makes of its seed";
		for (k = 0; k < p.n_words; k++)
			if (diff_be32(code + 4 * (first + k)) != p.words[k])
				return "a program is not what the generator makes of its seed";
	}
	*bad = -1;
	return NULL;
}
