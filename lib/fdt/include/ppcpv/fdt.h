/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/fdt.h - a small read-only flattened device tree (DTB) reader.
 *
 * Portable C (native and freestanding): no allocation, no libc.  Every
 * function takes the blob and the number of bytes the caller may read, and
 * validates the header before touching anything, so a malformed or truncated
 * blob yields an error and never an out-of-bounds read.
 *
 * Nodes are named by their offset inside the structure block (the root is 0),
 * as returned by the lookup functions; an offset that does not point at a
 * node gives -PPCPV_ERR_INVAL.  Errors are negative -PPCPV_ERR_* codes:
 *   -PPCPV_ERR_INVAL     NULL argument or a bad node offset
 *   -PPCPV_ERR_FORMAT    malformed blob (header, token stream, strings)
 *   -PPCPV_ERR_NOTFOUND  no such node or property
 *   -PPCPV_ERR_MISMATCH  a property exists but has the wrong length
 */
#ifndef PPCPV_FDT_H
#define PPCPV_FDT_H

#include <stddef.h>
#include <stdint.h>

#define PPCPV_FDT_MAGIC		0xd00dfeedu
/* Header bytes the reader needs (versions 16 and 17). */
#define PPCPV_FDT_HEADER_SIZE	40

/* Big-endian reads of one cell (u32) or two cells (u64) at p. */
uint32_t ppcpv_fdt_be32(const void *p);
uint64_t ppcpv_fdt_be64(const void *p);

/* 0 when fdt is a well-formed blob no larger than size bytes: every token
 * readable, one root at offset 0, each node's properties before its
 * children. */
int ppcpv_fdt_check(const void *fdt, size_t size);

/* The blob's total size from its header (>0), or a negative error. */
long ppcpv_fdt_total_size(const void *fdt, size_t size);

/*
 * Offset of the node at an absolute path ("/", "/cpus", "/vdevice/vty@0").
 * A path component without '@' also matches a node name with a unit address
 * ("/memory" finds "memory@0"); the first match wins.
 */
int ppcpv_fdt_path_offset(const void *fdt, size_t size, const char *path);

/* First child / next sibling of a node (-PPCPV_ERR_NOTFOUND at the end). */
int ppcpv_fdt_first_child(const void *fdt, size_t size, int node);
int ppcpv_fdt_next_sibling(const void *fdt, size_t size, int node);

/* The node after `node` in document order at any depth; node = -1 gives the
 * root.  -PPCPV_ERR_NOTFOUND after the last node. */
int ppcpv_fdt_next_node(const void *fdt, size_t size, int node);

/* First node after `node` (-1: from the start, root included) whose
 * "compatible" list contains compat. */
int ppcpv_fdt_find_compatible(const void *fdt, size_t size, int node,
			      const char *compat);

/* *name = the node's name ("" for the root); returns its length. */
int ppcpv_fdt_node_name(const void *fdt, size_t size, int node, const char **name);

/* *val = the value of property `name` of `node`; returns its length (>= 0).
 * val may be NULL to test for presence. */
int ppcpv_fdt_getprop(const void *fdt, size_t size, int node, const char *name,
		      const void **val);

/* 1 when the string-list value (len bytes) contains str, else 0. */
int ppcpv_fdt_stringlist_contains(const void *val, int len, const char *str);

/* A NUL-terminated string property. */
int ppcpv_fdt_get_string(const void *fdt, size_t size, int node, const char *name,
			 const char **str);

/* A property of exactly one cell. */
int ppcpv_fdt_get_u32(const void *fdt, size_t size, int node, const char *name,
		      uint32_t *out);

/* A property of one or two cells, as a u64. */
int ppcpv_fdt_get_u64(const void *fdt, size_t size, int node, const char *name,
		      uint64_t *out);

/*
 * ncells (1 or 2) cells starting at cell `index` of a property, as a u64:
 * e.g. the address of "reg" entry i is (i * (ac + sc), ac).
 */
int ppcpv_fdt_get_cells(const void *fdt, size_t size, int node, const char *name,
			unsigned int index, unsigned int ncells, uint64_t *out);

#endif /* PPCPV_FDT_H */
