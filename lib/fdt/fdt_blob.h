/* SPDX-License-Identifier: MIT */
/*
 * Internal to lib/fdt: the validated view of a blob and its token stream.
 * Every bound is checked here once, so the lookup code above it never
 * indexes the blob directly.
 */
#ifndef PPCPV_FDT_BLOB_H
#define PPCPV_FDT_BLOB_H

#include <stddef.h>
#include <stdint.h>

/* Structure-block tokens (devicetree specification, "Structure Block"). */
#define FDT_TOKEN_BEGIN_NODE	1
#define FDT_TOKEN_END_NODE	2
#define FDT_TOKEN_PROP		3
#define FDT_TOKEN_NOP		4
#define FDT_TOKEN_END		9

struct fdt_blob {
	const uint8_t *structs;		/* structure block */
	uint32_t structs_len;
	const char *strings;		/* strings block */
	uint32_t strings_len;
};

/* One decoded token at `offset`; `next` is the offset of the one after. */
struct fdt_token {
	uint32_t tag;
	uint32_t offset;
	uint32_t next;
	const char *name;	/* BEGIN_NODE: node name; PROP: property name */
	const uint8_t *value;	/* PROP only */
	uint32_t len;		/* PROP: value length; BEGIN_NODE: name length */
};

/* Validate the header and fill *b.  0 or -PPCPV_ERR_INVAL/-PPCPV_ERR_FORMAT. */
int fdt_blob_open(struct fdt_blob *b, const void *fdt, size_t size);

/* Decode the token at offset.  0 or -PPCPV_ERR_FORMAT. */
int fdt_blob_token(const struct fdt_blob *b, uint32_t offset, struct fdt_token *t);

/* Like fdt_blob_token, skipping NOPs. */
int fdt_blob_token_skip_nops(const struct fdt_blob *b, uint32_t offset, struct fdt_token *t);

/* The BEGIN_NODE token of a caller-supplied node offset, or -PPCPV_ERR_INVAL. */
int fdt_blob_node(const struct fdt_blob *b, int node, struct fdt_token *t);

/* Offset just past the END_NODE that closes the node whose BEGIN_NODE is t. */
int fdt_blob_skip_node(const struct fdt_blob *b, const struct fdt_token *t, uint32_t *after);

/* Freestanding replacements for the libc string functions the reader needs. */
size_t fdt_strnlen(const char *s, size_t max);
int fdt_streq(const char *a, const char *b);

#endif /* PPCPV_FDT_BLOB_H */
