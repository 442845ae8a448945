// SPDX-License-Identifier: MIT
/*
 * ppcpv-record-edit: read or change one field of the restore record at the
 * end of a file written by `ppcpv-patch --apply`, then recompute the
 * record's CRC, so that the tests can craft records whose CRC is right and
 * whose content is hostile.
 *
 *   ppcpv-record-edit FILE get FIELD
 *   ppcpv-record-edit FILE set FIELD VALUE
 *
 * FIELD is a header field (see `fields` below) or site<N>.<field>; VALUE is
 * a number (0x... hex, decimal, or negative).  The layout is written here
 * from the description in patcher/tool/patch_record.h, and the CRC is
 * zlib's, not the tool's.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define HEADER_BYTES	88
#define SITE_BYTES	32
#define FOOTER_BYTES	24

struct field {
	const char *name;
	unsigned int offset;
	unsigned int bytes;
};

static const struct field header_fields[] = {
	{ "version", 8, 4 },		{ "header_size", 12, 4 },
	{ "original_size", 16, 8 },	{ "original_crc", 24, 4 },
	{ "family", 28, 4 },		{ "features", 32, 4 },
	{ "big_endian", 36, 4 },	{ "magic_ea", 40, 8 },
	{ "word_bits", 48, 4 },		{ "n_sites", 52, 4 },
	{ "tmp_section", 56, 4 },	{ "reserved60", 60, 4 },
	{ "tmp_addr", 64, 8 },		{ "tmp_used", 72, 8 },
	{ "tmp_crc", 80, 4 },		{ "reserved84", 84, 4 },
};

static const struct field site_fields[] = {
	{ "addr", 0, 8 },	{ "target", 8, 8 },	{ "orig", 16, 4 },
	{ "new", 20, 4 },	{ "section", 24, 4 },	{ "rule", 28, 2 },
	{ "action", 30, 1 },	{ "reserved", 31, 1 },
};

static uint64_t get_le(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static void put_le(uint8_t *p, uint64_t v, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> 8 * i);
}

static const struct field *find(const struct field *t, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return &t[i];
	return NULL;
}

/* The byte where FIELD lives inside the record starting at h, and its width. */
static uint8_t *locate(uint8_t *h, const char *name, unsigned int *bytes)
{
	const struct field *f;
	unsigned long site;
	char *dot;

	if (!strncmp(name, "site", 4) && (site = strtoul(name + 4, &dot, 10), *dot == '.') &&
	    (f = find(site_fields, sizeof(site_fields) / sizeof(*site_fields), dot + 1))) {
		*bytes = f->bytes;
		return h + HEADER_BYTES + site * SITE_BYTES + f->offset;
	}
	f = find(header_fields, sizeof(header_fields) / sizeof(*header_fields), name);
	if (!f)
		return NULL;
	*bytes = f->bytes;
	return h + f->offset;
}

static int fail(const char *what)
{
	fprintf(stderr, "ppcpv-record-edit: %s\n", what);
	return 1;
}

int main(int argc, char **argv)
{
	int set = argc == 5 && !strcmp(argv[2], "set");
	uint8_t *file, *h, *f, *p;
	unsigned int bytes;
	struct stat st;
	uint64_t size;
	int fd;

	if (!set && !(argc == 4 && !strcmp(argv[2], "get")))
		return fail("usage: ppcpv-record-edit FILE get FIELD | FILE set FIELD VALUE");
	fd = open(argv[1], set ? O_RDWR : O_RDONLY);
	if (fd < 0 || fstat(fd, &st) || st.st_size < HEADER_BYTES + FOOTER_BYTES)
		return fail("cannot open the file, or it is too short for a record");
	file = mmap(NULL, (size_t)st.st_size, PROT_READ | (set ? PROT_WRITE : 0), MAP_SHARED, fd, 0);
	if (file == MAP_FAILED)
		return fail("cannot map the file");
	f = file + st.st_size - FOOTER_BYTES;
	size = get_le(f + 8, 8);
	if (memcmp(f, "PPCPVEND", 8) || size > (uint64_t)st.st_size || size < HEADER_BYTES + FOOTER_BYTES)
		return fail("no restore record at the end of the file");
	h = f + FOOTER_BYTES - size;
	p = locate(h, argv[3], &bytes);
	if (!p || p + bytes > f)
		return fail("unknown field, or a site the record does not have");
	if (!set) {
		printf("%" PRIu64 "\n", get_le(p, bytes));
		return 0;
	}
	errno = 0;
	put_le(p, argv[4][0] == '-' ? (uint64_t)strtoll(argv[4], NULL, 0)
				    : strtoull(argv[4], NULL, 0), bytes);
	if (errno)
		return fail("VALUE is not a number");
	put_le(f + 16, crc32(0, h, (uInt)(size - FOOTER_BYTES)), 4);
	return munmap(file, (size_t)st.st_size) || close(fd) ? fail("cannot write the file") : 0;
}
