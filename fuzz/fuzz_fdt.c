// SPDX-License-Identifier: MIT
/*
 * Fuzz target "fdt": every lookup of the portable FDT reader (lib/fdt/) on
 * any blob.  Beyond "no sanitizer report" (the reader promises never to
 * read outside the bytes it is given):
 *  - what it hands back (names, values, strings) lies inside the blob, and
 *    the walks end within a bound set by the blob's size;
 *  - on a blob ppcpv_fdt_check() accepts, no lookup finds it malformed;
 *  - on a blob both it and the real libfdt accept as whole, the two agree
 *    on the node at each sample path and on its properties' lengths.
 */
#include <string.h>
#include <libfdt.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include "fuzz.h"

static const char *const sample_paths[] = {
	"/", "/cpus", "/cpus/cpu@0", "/memory", "/chosen", "/hypervisor", "/hypervisor/console",
	"/hostdev", "/vdevice/vty", "/rtas", "/ppcpv-host", "/a/b", "/a//b",
};
static const char *const sample_props[] = {
	"compatible", "reg", "#address-cells", "#size-cells", "device_type", "name",
	"hcall-instructions", "bootargs", "stdout-path", "timebase-frequency", "guest-base",
	"mode",
};
static const char *const sample_compat[] = { "ppcpv,host-config", "qemu,pseries", "" };

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

struct blob {
	const uint8_t *data;
	size_t size;
	int malformed;		/* some lookup answered -PPCPV_ERR_FORMAT */
};

/* A lookup's answer, noted. */
static int seen(struct blob *b, int rc)
{
	if (rc == -PPCPV_ERR_FORMAT)
		b->malformed = 1;
	return rc;
}

static void require_inside(const struct blob *b, const void *p, size_t len)
{
	const uint8_t *q = p;

	FUZZ_REQUIRE(q >= b->data && q <= b->data + b->size && len <= (size_t)(b->data + b->size - q));
}

static void visit_prop(struct blob *b, int node, const char *name)
{
	const void *val;
	const char *str;
	uint32_t u32;
	uint64_t u64;
	int len = seen(b, ppcpv_fdt_getprop(b->data, b->size, node, name, &val));

	if (len < 0)
		return;
	require_inside(b, val, (size_t)len);
	ppcpv_fdt_stringlist_contains(val, len, "ppcpv,host-config");
	if (!seen(b, ppcpv_fdt_get_string(b->data, b->size, node, name, &str)))
		FUZZ_REQUIRE(strlen(str) + 1 == (size_t)len);
	if (!seen(b, ppcpv_fdt_get_u32(b->data, b->size, node, name, &u32)))
		FUZZ_REQUIRE(len == 4);
	if (!seen(b, ppcpv_fdt_get_u64(b->data, b->size, node, name, &u64)))
		FUZZ_REQUIRE(len == 4 || len == 8);
	if (!seen(b, ppcpv_fdt_get_cells(b->data, b->size, node, name, 1, 2, &u64)))
		FUZZ_REQUIRE(len >= 12);
}

static void visit_node(struct blob *b, int node)
{
	const char *name;
	int len = seen(b, ppcpv_fdt_node_name(b->data, b->size, node, &name));
	unsigned int i;

	FUZZ_REQUIRE(len >= 0);
	require_inside(b, name, (size_t)len + 1);
	FUZZ_REQUIRE(strlen(name) == (size_t)len);
	for (i = 0; i < N_OF(sample_props); i++)
		visit_prop(b, node, sample_props[i]);
}

/* Every node in document order, and the root's children as siblings. */
static void walk(struct blob *b)
{
	size_t bound = b->size / 4 + 1, n = 0;
	int node = -1, child;

	while ((node = seen(b, ppcpv_fdt_next_node(b->data, b->size, node))) >= 0) {
		FUZZ_REQUIRE(++n <= bound);
		visit_node(b, node);
	}
	n = 0;
	for (child = seen(b, ppcpv_fdt_first_child(b->data, b->size, 0)); child >= 0;
	     child = seen(b, ppcpv_fdt_next_sibling(b->data, b->size, child)))
		FUZZ_REQUIRE(++n <= bound);
}

static void find_compatibles(struct blob *b)
{
	size_t bound = b->size / 4 + 1, n;
	unsigned int i;
	int node;

	for (i = 0; i < N_OF(sample_compat); i++)
		for (node = -1, n = 0;
		     (node = seen(b, ppcpv_fdt_find_compatible(b->data, b->size, node,
							       sample_compat[i]))) >= 0;)
			FUZZ_REQUIRE(++n <= bound);
}

/* libfdt as the oracle, on blobs both readers accept. */
static void compare_with_libfdt(const struct blob *b)
{
	unsigned int i, j;

	if (fdt_check_full(b->data, b->size))
		return;
	for (i = 0; i < N_OF(sample_paths); i++) {
		int ours = ppcpv_fdt_path_offset(b->data, b->size, sample_paths[i]);
		int theirs = fdt_path_offset(b->data, sample_paths[i]);

		FUZZ_REQUIRE((ours < 0) == (theirs < 0));
		if (ours < 0)
			continue;
		FUZZ_REQUIRE(ours == theirs);
		for (j = 0; j < N_OF(sample_props); j++) {
			int len_ours = ppcpv_fdt_getprop(b->data, b->size, ours, sample_props[j], NULL);
			int len_theirs;

			fdt_getprop(b->data, theirs, sample_props[j], &len_theirs);
			FUZZ_REQUIRE((len_ours < 0) == (len_theirs < 0));
			FUZZ_REQUIRE(len_ours < 0 || len_ours == len_theirs);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct blob b = { data, size, 0 };
	long total = ppcpv_fdt_total_size(data, size);
	unsigned int i;

	if (total > 0)
		FUZZ_REQUIRE((size_t)total <= size);
	for (i = 0; i < N_OF(sample_paths); i++) {
		int node = seen(&b, ppcpv_fdt_path_offset(data, size, sample_paths[i]));

		if (node >= 0)
			visit_node(&b, node);
	}
	walk(&b);
	find_compatibles(&b);
	if (ppcpv_fdt_check(data, size) != 0)
		return 0;
	FUZZ_REQUIRE(!b.malformed);
	compare_with_libfdt(&b);
	return 0;
}
