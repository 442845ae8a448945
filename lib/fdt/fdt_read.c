// SPDX-License-Identifier: MIT
/*
 * The public lookups of the FDT reader (ppcpv/fdt.h), built on the
 * bounds-checked token layer.  Each entry point opens (validates) the blob
 * itself, so callers never need to remember to check first.
 */
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include "fdt_blob.h"

int ppcpv_fdt_check(const void *fdt, size_t size)
{
	struct fdt_blob b;
	struct fdt_token root;
	uint32_t after;
	int err = fdt_blob_open(&b, fdt, size);

	if (err)
		return err;
	/* The whole tree must parse: a root node at offset 0, where the
	 * lookups look for it (no NOP before it), then END. */
	err = fdt_blob_token(&b, 0, &root);
	if (err || root.tag != FDT_TOKEN_BEGIN_NODE)
		return -PPCPV_ERR_FORMAT;
	err = fdt_blob_skip_node(&b, &root, &after);
	if (err)
		return err;
	err = fdt_blob_token_skip_nops(&b, after, &root);
	if (err || root.tag != FDT_TOKEN_END)
		return -PPCPV_ERR_FORMAT;
	return 0;
}

long ppcpv_fdt_total_size(const void *fdt, size_t size)
{
	struct fdt_blob b;
	int err = fdt_blob_open(&b, fdt, size);

	return err ? err : (long)ppcpv_fdt_be32((const uint8_t *)fdt + 4);
}

/* The first token after a node's properties: a child, END_NODE, or error. */
static int after_props(const struct fdt_blob *b, const struct fdt_token *node,
		       struct fdt_token *t)
{
	int err = fdt_blob_token_skip_nops(b, node->next, t);

	while (!err && t->tag == FDT_TOKEN_PROP)
		err = fdt_blob_token_skip_nops(b, t->next, t);
	if (!err && t->tag != FDT_TOKEN_BEGIN_NODE && t->tag != FDT_TOKEN_END_NODE)
		err = -PPCPV_ERR_FORMAT;
	return err;
}

static int first_child(const struct fdt_blob *b, const struct fdt_token *node,
		       struct fdt_token *child)
{
	int err = after_props(b, node, child);

	if (err)
		return err;
	return child->tag == FDT_TOKEN_BEGIN_NODE ? 0 : -PPCPV_ERR_NOTFOUND;
}

static int next_sibling(const struct fdt_blob *b, const struct fdt_token *node,
			struct fdt_token *sib)
{
	uint32_t after;
	int err = fdt_blob_skip_node(b, node, &after);

	if (!err)
		err = fdt_blob_token_skip_nops(b, after, sib);
	if (err)
		return err;
	if (sib->tag == FDT_TOKEN_BEGIN_NODE)
		return 0;
	if (sib->tag == FDT_TOKEN_END_NODE || sib->tag == FDT_TOKEN_END)
		return -PPCPV_ERR_NOTFOUND;
	return -PPCPV_ERR_FORMAT;	/* a property after a child node */
}

int ppcpv_fdt_first_child(const void *fdt, size_t size, int node)
{
	struct fdt_blob b;
	struct fdt_token t, child;
	int err = fdt_blob_open(&b, fdt, size);

	if (!err)
		err = fdt_blob_node(&b, node, &t);
	if (!err)
		err = first_child(&b, &t, &child);
	return err ? err : (int)child.offset;
}

int ppcpv_fdt_next_sibling(const void *fdt, size_t size, int node)
{
	struct fdt_blob b;
	struct fdt_token t, sib;
	int err = fdt_blob_open(&b, fdt, size);

	if (!err)
		err = fdt_blob_node(&b, node, &t);
	if (!err)
		err = next_sibling(&b, &t, &sib);
	return err ? err : (int)sib.offset;
}

/* Does a node name match one path component (n bytes, not terminated)? */
static int component_matches(const char *name, const char *comp, size_t n)
{
	size_t i;
	int has_unit = 0;

	for (i = 0; i < n; i++) {
		if (name[i] != comp[i])
			return 0;
		if (comp[i] == '@')
			has_unit = 1;
	}
	return name[n] == '\0' || (!has_unit && name[n] == '@');
}

static int find_child(const struct fdt_blob *b, struct fdt_token *node,
		      const char *comp, size_t n)
{
	struct fdt_token child;
	int err = first_child(b, node, &child);

	while (!err) {
		if (component_matches(child.name, comp, n)) {
			*node = child;
			return 0;
		}
		err = next_sibling(b, &child, &child);
	}
	return err;
}

int ppcpv_fdt_path_offset(const void *fdt, size_t size, const char *path)
{
	struct fdt_blob b;
	struct fdt_token node;
	size_t n;
	int err = fdt_blob_open(&b, fdt, size);

	if (err)
		return err;
	if (!path || path[0] != '/')
		return -PPCPV_ERR_INVAL;
	err = fdt_blob_node(&b, 0, &node);
	if (err)
		return -PPCPV_ERR_FORMAT;
	while (*path) {
		while (*path == '/')
			path++;
		for (n = 0; path[n] && path[n] != '/'; n++)
			;
		if (n == 0)
			break;
		err = find_child(&b, &node, path, n);
		if (err)
			return err;
		path += n;
	}
	return (int)node.offset;
}

/* The next BEGIN_NODE after `offset` in document order. */
static int next_node_from(const struct fdt_blob *b, uint32_t offset)
{
	struct fdt_token t;
	int err;

	for (;;) {
		err = fdt_blob_token(b, offset, &t);
		if (err)
			return err;
		if (t.tag == FDT_TOKEN_BEGIN_NODE)
			return (int)t.offset;
		if (t.tag == FDT_TOKEN_END)
			return -PPCPV_ERR_NOTFOUND;
		offset = t.next;
	}
}

int ppcpv_fdt_next_node(const void *fdt, size_t size, int node)
{
	struct fdt_blob b;
	struct fdt_token t;
	int err = fdt_blob_open(&b, fdt, size);

	if (err)
		return err;
	if (node == -1) {
		err = fdt_blob_node(&b, 0, &t);
		return err ? -PPCPV_ERR_FORMAT : 0;
	}
	err = fdt_blob_node(&b, node, &t);
	return err ? err : next_node_from(&b, t.next);
}

int ppcpv_fdt_node_name(const void *fdt, size_t size, int node, const char **name)
{
	struct fdt_blob b;
	struct fdt_token t;
	int err = fdt_blob_open(&b, fdt, size);

	if (!err && !name)
		err = -PPCPV_ERR_INVAL;
	if (!err)
		err = fdt_blob_node(&b, node, &t);
	if (err)
		return err;
	*name = t.name;
	return (int)t.len;
}

static int find_prop(const struct fdt_blob *b, int node, const char *name,
		     struct fdt_token *prop)
{
	struct fdt_token t;
	int err = fdt_blob_node(b, node, &t);

	if (!err && !name)
		err = -PPCPV_ERR_INVAL;
	if (err)
		return err;
	for (;;) {
		err = fdt_blob_token_skip_nops(b, t.next, &t);
		if (err)
			return err;
		if (t.tag != FDT_TOKEN_PROP)
			break;
		if (fdt_streq(t.name, name)) {
			*prop = t;
			return 0;
		}
	}
	return t.tag == FDT_TOKEN_BEGIN_NODE || t.tag == FDT_TOKEN_END_NODE ?
		-PPCPV_ERR_NOTFOUND : -PPCPV_ERR_FORMAT;
}

int ppcpv_fdt_getprop(const void *fdt, size_t size, int node, const char *name,
		      const void **val)
{
	struct fdt_blob b;
	struct fdt_token prop;
	int err = fdt_blob_open(&b, fdt, size);

	if (!err)
		err = find_prop(&b, node, name, &prop);
	if (err)
		return err;
	if (val)
		*val = prop.value;
	return (int)prop.len;
}

int ppcpv_fdt_stringlist_contains(const void *val, int len, const char *str)
{
	const char *p = val;
	size_t n;

	if (!val || !str || len <= 0)
		return 0;
	while (len > 0) {
		n = fdt_strnlen(p, (size_t)len);
		if (n == (size_t)len)		/* unterminated last entry */
			return 0;
		if (fdt_streq(p, str))
			return 1;
		p += n + 1;
		len -= (int)n + 1;
	}
	return 0;
}

int ppcpv_fdt_find_compatible(const void *fdt, size_t size, int node, const char *compat)
{
	const void *val;
	int len;

	if (!compat)
		return -PPCPV_ERR_INVAL;
	for (;;) {
		node = ppcpv_fdt_next_node(fdt, size, node);
		if (node < 0)
			return node;
		len = ppcpv_fdt_getprop(fdt, size, node, "compatible", &val);
		if (len > 0 && ppcpv_fdt_stringlist_contains(val, len, compat))
			return node;
		if (len < 0 && len != -PPCPV_ERR_NOTFOUND)
			return len;
	}
}

int ppcpv_fdt_get_string(const void *fdt, size_t size, int node, const char *name,
			 const char **str)
{
	const void *val;
	int len = ppcpv_fdt_getprop(fdt, size, node, name, &val);

	if (len < 0)
		return len;
	if (!str)
		return -PPCPV_ERR_INVAL;
	if (len == 0 || fdt_strnlen(val, (size_t)len) != (size_t)len - 1)
		return -PPCPV_ERR_MISMATCH;
	*str = val;
	return 0;
}

int ppcpv_fdt_get_cells(const void *fdt, size_t size, int node, const char *name,
			unsigned int index, unsigned int ncells, uint64_t *out)
{
	const uint8_t *val;
	const void *raw;
	int len = ppcpv_fdt_getprop(fdt, size, node, name, &raw);

	if (len < 0)
		return len;
	if (!out || ncells < 1 || ncells > 2)
		return -PPCPV_ERR_INVAL;
	if ((len & 3) || (uint64_t)index + ncells > (uint64_t)len / 4)
		return -PPCPV_ERR_MISMATCH;
	val = (const uint8_t *)raw + (size_t)index * 4;
	*out = ncells == 2 ? ppcpv_fdt_be64(val) : ppcpv_fdt_be32(val);
	return 0;
}

/* A property of one cell, or (two_cells_ok) of one or two, as a u64. */
static int get_number(const void *fdt, size_t size, int node, const char *name,
		      int two_cells_ok, uint64_t *out)
{
	const void *val;
	int len = ppcpv_fdt_getprop(fdt, size, node, name, &val);

	if (len < 0)
		return len;
	if (len != 4 && (len != 8 || !two_cells_ok))
		return -PPCPV_ERR_MISMATCH;
	*out = len == 8 ? ppcpv_fdt_be64(val) : ppcpv_fdt_be32(val);
	return 0;
}

int ppcpv_fdt_get_u32(const void *fdt, size_t size, int node, const char *name,
		      uint32_t *out)
{
	uint64_t v;
	int err;

	if (!out)
		return -PPCPV_ERR_INVAL;
	err = get_number(fdt, size, node, name, 0, &v);
	if (!err)
		*out = (uint32_t)v;
	return err;
}

int ppcpv_fdt_get_u64(const void *fdt, size_t size, int node, const char *name,
		      uint64_t *out)
{
	if (!out)
		return -PPCPV_ERR_INVAL;
	return get_number(fdt, size, node, name, 1, out);
}
