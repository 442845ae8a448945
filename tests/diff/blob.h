/* SPDX-License-Identifier: MIT */
/*
 * blob.h - batch blobs on the native side: built from the generator,
 * written whole or not at all, read back and checked against the
 * generator (diff.h has the format).
 */
#ifndef PPCPV_TEST_DIFF_BLOB_H
#define PPCPV_TEST_DIFF_BLOB_H

#include <stddef.h>
#include <stdint.h>
#include "gen.h"

/*
 * The blob of the programs of seeds first_seed .. first_seed + count - 1;
 * dump[i] (dump may be NULL) marks program i for a full state dump.
 * Returns a malloc'ed buffer and its size, or NULL (count out of range,
 * no memory).
 */
uint8_t *diff_blob_build(const struct diff_family *fam, uint64_t first_seed, uint32_t count,
			 const uint8_t *dump, size_t *size);

/* Write a file through a temporary file beside it and a rename: 0, or -1
 * with errno set and nothing left behind. */
int diff_write_file(const char *path, const uint8_t *buf, size_t size);

/* Read a whole file of at most max bytes: a malloc'ed buffer, or NULL with
 * *why saying what went wrong. */
uint8_t *diff_read_file(const char *path, size_t max, size_t *size, const char **why);

/*
 * Check a blob read from a file: the format (diff_blob_check), a known
 * family, and that every program is what the generator makes of its seed, flags included.
 * NULL, or what is wrong (program index in *bad, or -1).
 */
const char *diff_blob_verify(const uint8_t *b, size_t size, long *bad);

/* The family of a checked blob. */
const struct diff_family *diff_blob_family_of(const uint8_t *b);

/* Program i of a checked blob: the generator's, with the blob's flags. */
void diff_blob_program(const uint8_t *b, uint32_t i, struct diff_prog *p);

#endif /* PPCPV_TEST_DIFF_BLOB_H */
