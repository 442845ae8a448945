// SPDX-License-Identifier: MIT
/*
 * The bounds-checked layer of the FDT reader: header validation and token
 * decoding.  All offsets are u32 and every sum is done in 64 bits, so a
 * hostile header cannot wrap an addition past a check.
 */
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include "fdt_blob.h"

/* Header fields, as byte offsets of big-endian u32 words. */
#define HDR_MAGIC		0
#define HDR_TOTALSIZE		4
#define HDR_OFF_STRUCT		8
#define HDR_OFF_STRINGS		12
#define HDR_OFF_RSVMAP		16
#define HDR_VERSION		20
#define HDR_LAST_COMP		24
#define HDR_SIZE_STRINGS	32
#define HDR_SIZE_STRUCT		36

/* Version 16 lacks size_dt_struct; 17 is the current format. */
#define FDT_MIN_VERSION		16
#define FDT_VERSION_WITH_STRUCT_SIZE 17
#define FDT_MAX_COMP_VERSION	17

/* Keep every offset representable as a non-negative int. */
#define FDT_MAX_TOTALSIZE	0x7ffffff0u

uint32_t ppcpv_fdt_be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint64_t ppcpv_fdt_be64(const void *p)
{
	const uint8_t *b = p;

	return (uint64_t)ppcpv_fdt_be32(b) << 32 | ppcpv_fdt_be32(b + 4);
}

size_t fdt_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int fdt_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static uint32_t hdr(const uint8_t *h, unsigned int field)
{
	return ppcpv_fdt_be32(h + field);
}

/* [off, off + len) inside [0, total)? */
static int in_range(uint64_t off, uint64_t len, uint64_t total)
{
	return off <= total && len <= total - off;
}

static int check_block_layout(const uint8_t *h, uint32_t total, uint32_t *struct_len)
{
	uint32_t version = hdr(h, HDR_VERSION);
	uint32_t off_struct = hdr(h, HDR_OFF_STRUCT);
	uint32_t off_rsv = hdr(h, HDR_OFF_RSVMAP);

	if (version < FDT_MIN_VERSION || hdr(h, HDR_LAST_COMP) > FDT_MAX_COMP_VERSION)
		return -PPCPV_ERR_FORMAT;
	if ((off_struct & 3) || (off_rsv & 7))
		return -PPCPV_ERR_FORMAT;
	if (off_struct < PPCPV_FDT_HEADER_SIZE || off_rsv < PPCPV_FDT_HEADER_SIZE ||
	    off_rsv > total || hdr(h, HDR_OFF_STRINGS) < PPCPV_FDT_HEADER_SIZE)
		return -PPCPV_ERR_FORMAT;
	if (version >= FDT_VERSION_WITH_STRUCT_SIZE)
		*struct_len = hdr(h, HDR_SIZE_STRUCT);
	else if (off_struct <= total)
		*struct_len = total - off_struct;
	else
		return -PPCPV_ERR_FORMAT;
	if (!in_range(off_struct, *struct_len, total) ||
	    !in_range(hdr(h, HDR_OFF_STRINGS), hdr(h, HDR_SIZE_STRINGS), total))
		return -PPCPV_ERR_FORMAT;
	return 0;
}

int fdt_blob_open(struct fdt_blob *b, const void *fdt, size_t size)
{
	const uint8_t *h = fdt;
	uint32_t total, struct_len = 0;
	int err;

	if (!fdt)
		return -PPCPV_ERR_INVAL;
	if (size < PPCPV_FDT_HEADER_SIZE || hdr(h, HDR_MAGIC) != PPCPV_FDT_MAGIC)
		return -PPCPV_ERR_FORMAT;
	total = hdr(h, HDR_TOTALSIZE);
	if (total < PPCPV_FDT_HEADER_SIZE || total > size || total > FDT_MAX_TOTALSIZE)
		return -PPCPV_ERR_FORMAT;
	err = check_block_layout(h, total, &struct_len);
	if (err)
		return err;
	b->structs = h + hdr(h, HDR_OFF_STRUCT);
	b->structs_len = struct_len & ~3u;
	b->strings = (const char *)h + hdr(h, HDR_OFF_STRINGS);
	b->strings_len = hdr(h, HDR_SIZE_STRINGS);
	return 0;
}

static uint32_t align4(uint64_t v)
{
	return (uint32_t)((v + 3) & ~(uint64_t)3);
}

static int decode_begin_node(const struct fdt_blob *b, struct fdt_token *t)
{
	uint32_t start = t->offset + 4;
	size_t room = b->structs_len - start;
	size_t n = fdt_strnlen((const char *)b->structs + start, room);

	if (n == room)		/* name not terminated inside the block */
		return -PPCPV_ERR_FORMAT;
	t->name = (const char *)b->structs + start;
	t->len = (uint32_t)n;
	t->next = align4((uint64_t)start + n + 1);
	return t->next <= b->structs_len ? 0 : -PPCPV_ERR_FORMAT;
}

static int decode_prop(const struct fdt_blob *b, struct fdt_token *t)
{
	uint64_t value_off = (uint64_t)t->offset + 12;
	uint32_t nameoff;

	if (value_off > b->structs_len)
		return -PPCPV_ERR_FORMAT;
	t->len = ppcpv_fdt_be32(b->structs + t->offset + 4);
	nameoff = ppcpv_fdt_be32(b->structs + t->offset + 8);
	if (!in_range(value_off, t->len, b->structs_len) || nameoff >= b->strings_len)
		return -PPCPV_ERR_FORMAT;
	if (fdt_strnlen(b->strings + nameoff, b->strings_len - nameoff) == b->strings_len - nameoff)
		return -PPCPV_ERR_FORMAT;
	t->name = b->strings + nameoff;
	t->value = b->structs + value_off;
	t->next = align4(value_off + t->len);
	return t->next <= b->structs_len ? 0 : -PPCPV_ERR_FORMAT;
}

int fdt_blob_token(const struct fdt_blob *b, uint32_t offset, struct fdt_token *t)
{
	if ((offset & 3) || (uint64_t)offset + 4 > b->structs_len)
		return -PPCPV_ERR_FORMAT;
	t->tag = ppcpv_fdt_be32(b->structs + offset);
	t->offset = offset;
	t->next = offset + 4;
	t->name = NULL;
	t->value = NULL;
	t->len = 0;
	switch (t->tag) {
	case FDT_TOKEN_BEGIN_NODE:
		return decode_begin_node(b, t);
	case FDT_TOKEN_PROP:
		return decode_prop(b, t);
	case FDT_TOKEN_END_NODE:
	case FDT_TOKEN_NOP:
	case FDT_TOKEN_END:
		return 0;
	default:
		return -PPCPV_ERR_FORMAT;
	}
}

int fdt_blob_token_skip_nops(const struct fdt_blob *b, uint32_t offset, struct fdt_token *t)
{
	int err;

	for (;;) {
		err = fdt_blob_token(b, offset, t);
		if (err || t->tag != FDT_TOKEN_NOP)
			return err;
		offset = t->next;
	}
}

int fdt_blob_node(const struct fdt_blob *b, int node, struct fdt_token *t)
{
	if (node < 0 || (node & 3) || (uint64_t)node + 4 > b->structs_len)
		return -PPCPV_ERR_INVAL;
	if (ppcpv_fdt_be32(b->structs + node) != FDT_TOKEN_BEGIN_NODE)
		return -PPCPV_ERR_INVAL;
	return fdt_blob_token(b, (uint32_t)node, t);
}

/*
 * Each step advances by at least 4 bytes, so the walk ends within the block.
 * A node's properties come before its children: a property right after a
 * child's END_NODE (NOPs aside) is malformed, as the lookups treat it.
 */
int fdt_blob_skip_node(const struct fdt_blob *b, const struct fdt_token *t, uint32_t *after)
{
	struct fdt_token cur = *t;
	unsigned long depth = 0;
	uint32_t prev = FDT_TOKEN_NOP;
	int err;

	for (;;) {
		if (cur.tag == FDT_TOKEN_BEGIN_NODE)
			depth++;
		else if (cur.tag == FDT_TOKEN_END_NODE && --depth == 0)
			break;
		else if (cur.tag == FDT_TOKEN_END ||
			 (cur.tag == FDT_TOKEN_PROP && prev == FDT_TOKEN_END_NODE))
			return -PPCPV_ERR_FORMAT;
		if (cur.tag != FDT_TOKEN_NOP)
			prev = cur.tag;
		err = fdt_blob_token(b, cur.next, &cur);
		if (err)
			return err;
	}
	*after = cur.next;
	return 0;
}
