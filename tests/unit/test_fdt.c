// SPDX-License-Identifier: MIT
/*
 * Unit tests of lib/fdt (the portable FDT reader).  Blobs are built with the
 * real libfdt, which also serves as the oracle: node offsets are relative to
 * the structure block in both, so lookups must agree exactly.  Malformed and
 * randomly damaged blobs must give errors (or in-bounds answers), never a
 * crash.
 */
#include <stdint.h>
#include <string.h>
#include <libfdt.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include "ppcpv_test.h"

#define BLOB_SIZE 4096

static uint8_t blob[BLOB_SIZE];

static const char *const sample_paths[] = {
	"/", "/cpus", "/cpus/PowerPC,POWER9@0", "/cpus/PowerPC,POWER9", "/memory",
	"/memory@0", "/memory@1", "/chosen", "/rtas", "/vdevice/vty@71000000",
	"/vdevice/vty", "/a/b/c", "/a/b", "/a//b", "/a/b/", "/nope", "/a/nope",
	"/vdevice/nvram@71000001", "/hypervisor",
};

static void prop_u64(void *fdt, const char *name, uint64_t v)
{
	fdt64_t be = cpu_to_fdt64(v);

	CU_ASSERT_EQUAL_FATAL(fdt_property(fdt, name, &be, sizeof(be)), 0);
}

static void begin(void *fdt, const char *name)
{
	CU_ASSERT_EQUAL_FATAL(fdt_begin_node(fdt, name), 0);
}

static void end(void *fdt)
{
	CU_ASSERT_EQUAL_FATAL(fdt_end_node(fdt), 0);
}

static void build_cpus_and_memory(void *fdt)
{
	const fdt32_t pft[2] = { 0, cpu_to_fdt32(22) };
	const fdt32_t reg[4] = { 0, 0, 0, cpu_to_fdt32(0x20000000) };

	begin(fdt, "cpus");
	fdt_property_u32(fdt, "#address-cells", 1);
	begin(fdt, "PowerPC,POWER9@0");
	fdt_property_string(fdt, "device_type", "cpu");
	fdt_property(fdt, "ibm,pft-size", pft, sizeof(pft));
	fdt_property_u32(fdt, "reg", 0);
	end(fdt);
	end(fdt);
	begin(fdt, "memory@0");
	fdt_property_string(fdt, "device_type", "memory");
	fdt_property(fdt, "reg", reg, sizeof(reg));
	end(fdt);
}

static void build_misc(void *fdt)
{
	static const char hvterm[] = "hvterm1\0serial";

	begin(fdt, "chosen");
	fdt_property_string(fdt, "stdout-path", "/vdevice/vty@71000000");
	end(fdt);
	begin(fdt, "rtas");
	fdt_property_u32(fdt, "power-off", 0x2003);
	fdt_property_u32(fdt, "ibm,os-term", 0x201f);
	fdt_property(fdt, "ibm,extended-os-term", NULL, 0);
	end(fdt);
	begin(fdt, "vdevice");
	begin(fdt, "vty@71000000");
	fdt_property(fdt, "compatible", hvterm, sizeof(hvterm));
	fdt_property_u32(fdt, "reg", 0x71000000);
	end(fdt);
	begin(fdt, "nvram@71000001");
	fdt_property_string(fdt, "compatible", "qemu,spapr-nvram");
	end(fdt);
	end(fdt);
	begin(fdt, "a");
	begin(fdt, "b");
	begin(fdt, "c");
	prop_u64(fdt, "big", 0x0123456789abcdefULL);
	fdt_property_string(fdt, "odd", "x");
	end(fdt);
	end(fdt);
	end(fdt);
}

/* A pseries-like tree; returns its total size. */
static size_t build_sample(void)
{
	static const char compat[] = "ppcpv,test\0qemu,pseries";

	memset(blob, 0, sizeof(blob));
	CU_ASSERT_EQUAL_FATAL(fdt_create(blob, sizeof(blob)), 0);
	CU_ASSERT_EQUAL_FATAL(fdt_add_reservemap_entry(blob, 0x1000, 0x2000), 0);
	CU_ASSERT_EQUAL_FATAL(fdt_finish_reservemap(blob), 0);
	begin(blob, "");
	fdt_property(blob, "compatible", compat, sizeof(compat));
	fdt_property_u32(blob, "#address-cells", 2);
	build_cpus_and_memory(blob);
	build_misc(blob);
	end(blob);
	CU_ASSERT_EQUAL_FATAL(fdt_finish(blob), 0);
	return fdt_totalsize(blob);
}

static void test_header_check(void)
{
	size_t n = build_sample();

	CU_ASSERT_EQUAL(fdt_check_header(blob), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, sizeof(blob)), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_total_size(blob, sizeof(blob)), (long)n);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(NULL, n), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n - 1), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, 0), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_be32("\x12\x34\x56\x78"), 0x12345678u);
	CU_ASSERT_EQUAL(ppcpv_fdt_be64("\x01\x02\x03\x04\x05\x06\x07\x08"), 0x0102030405060708ULL);
}

static void test_paths_match_libfdt(void)
{
	size_t i, n = build_sample();
	int ours, theirs;

	for (i = 0; i < sizeof(sample_paths) / sizeof(sample_paths[0]); i++) {
		ours = ppcpv_fdt_path_offset(blob, n, sample_paths[i]);
		theirs = fdt_path_offset(blob, sample_paths[i]);
		/* CUnit's assertion macros are blocks: braces keep if/else intact. */
		if (theirs >= 0) {
			CU_ASSERT_EQUAL(ours, theirs);
		} else {
			CU_ASSERT_EQUAL(ours, -PPCPV_ERR_NOTFOUND);
		}
	}
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "cpus"), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, NULL), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/"), 0);
}

static void test_props_match_libfdt(void)
{
	static const char *const names[] = {
		"compatible", "#address-cells", "device_type", "ibm,pft-size", "reg",
		"stdout-path", "power-off", "ibm,extended-os-term", "big", "odd", "missing",
	};
	size_t n = build_sample();
	int node, len, theirs_len;
	size_t i;

	for (node = 0; node >= 0; node = fdt_next_node(blob, node, NULL)) {
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			const void *ours = NULL, *theirs = fdt_getprop(blob, node, names[i], &theirs_len);

			len = ppcpv_fdt_getprop(blob, n, node, names[i], &ours);
			if (!theirs) {
				CU_ASSERT_EQUAL(len, -PPCPV_ERR_NOTFOUND);
				continue;
			}
			CU_ASSERT_EQUAL(len, theirs_len);
			CU_ASSERT_PTR_EQUAL(ours, theirs);
		}
	}
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, 0, NULL, NULL), -PPCPV_ERR_INVAL);
}

static void test_iteration_matches_libfdt(void)
{
	size_t n = build_sample();
	int node = -1, theirs = 0, ours, child, tchild;
	const char *name;

	for (;;) {
		ours = ppcpv_fdt_next_node(blob, n, node);
		if (node >= 0)
			theirs = fdt_next_node(blob, node, NULL);
		if (theirs < 0) {
			CU_ASSERT_EQUAL(ours, -PPCPV_ERR_NOTFOUND);
			break;
		}
		CU_ASSERT_EQUAL_FATAL(ours, theirs);
		CU_ASSERT_EQUAL(ppcpv_fdt_node_name(blob, n, ours, &name),
				(int)strlen(fdt_get_name(blob, ours, NULL)));
		CU_ASSERT_STRING_EQUAL(name, fdt_get_name(blob, ours, NULL));
		child = ppcpv_fdt_first_child(blob, n, ours);
		tchild = fdt_first_subnode(blob, ours);
		while (tchild >= 0) {
			CU_ASSERT_EQUAL_FATAL(child, tchild);
			child = ppcpv_fdt_next_sibling(blob, n, child);
			tchild = fdt_next_subnode(blob, tchild);
		}
		CU_ASSERT_EQUAL(child, -PPCPV_ERR_NOTFOUND);
		node = ours;
	}
}

static void test_compatible(void)
{
	size_t n = build_sample();
	const void *val;
	int len, node;

	len = ppcpv_fdt_getprop(blob, n, 0, "compatible", &val);
	CU_ASSERT_EQUAL(ppcpv_fdt_stringlist_contains(val, len, "qemu,pseries"),
			fdt_stringlist_contains(val, len, "qemu,pseries"));
	CU_ASSERT_EQUAL(ppcpv_fdt_stringlist_contains(val, len, "ppcpv,test"), 1);
	CU_ASSERT_EQUAL(ppcpv_fdt_stringlist_contains(val, len, "qemu"), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_stringlist_contains(val, len - 1, "qemu,pseries"), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_stringlist_contains(NULL, len, "x"), 0);
	node = ppcpv_fdt_find_compatible(blob, n, -1, "serial");
	CU_ASSERT_EQUAL(node, fdt_node_offset_by_compatible(blob, -1, "serial"));
	CU_ASSERT(node > 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_find_compatible(blob, n, node, "serial"), -PPCPV_ERR_NOTFOUND);
	CU_ASSERT_EQUAL(ppcpv_fdt_find_compatible(blob, n, -1, "ppcpv,test"), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_find_compatible(blob, n, -1, NULL), -PPCPV_ERR_INVAL);
}

static void test_typed_reads(void)
{
	size_t n = build_sample();
	int cpu = fdt_path_offset(blob, "/cpus/PowerPC,POWER9@0");
	int mem = fdt_path_offset(blob, "/memory@0");
	int c = fdt_path_offset(blob, "/a/b/c");
	int rtas = fdt_path_offset(blob, "/rtas");
	uint32_t u32 = 0;
	uint64_t u64 = 0;
	const char *s = NULL;

	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(blob, n, rtas, "power-off", &u32), 0);
	CU_ASSERT_EQUAL(u32, 0x2003);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(blob, n, cpu, "ibm,pft-size", &u32), -PPCPV_ERR_MISMATCH);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, n, cpu, "ibm,pft-size", 1, 1, &u64), 0);
	CU_ASSERT_EQUAL(u64, 22);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, n, mem, "reg", 2, 2, &u64), 0);
	CU_ASSERT_EQUAL(u64, 0x20000000);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, n, mem, "reg", 3, 2, &u64), -PPCPV_ERR_MISMATCH);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, n, mem, "reg", 0, 3, &u64), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_cells(blob, n, mem, "reg", 0xffffffffu, 2, &u64),
			-PPCPV_ERR_MISMATCH);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u64(blob, n, c, "big", &u64), 0);
	CU_ASSERT_EQUAL(u64, 0x0123456789abcdefULL);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u64(blob, n, rtas, "power-off", &u64), 0);
	CU_ASSERT_EQUAL(u64, 0x2003);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u64(blob, n, c, "odd", &u64), -PPCPV_ERR_MISMATCH);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(blob, n, rtas, "nope", &u32), -PPCPV_ERR_NOTFOUND);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(blob, n, cpu, "device_type", &s), 0);
	CU_ASSERT_STRING_EQUAL(s, "cpu");
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(blob, n, rtas, "ibm,extended-os-term", &s),
			-PPCPV_ERR_MISMATCH);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(blob, n, c, "big", &s), -PPCPV_ERR_MISMATCH);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, rtas, "ibm,extended-os-term", NULL), 0);
}

static void test_bad_node_offsets(void)
{
	size_t n = build_sample();
	int prop_off = fdt_first_property_offset(blob, 0);
	const char *name;
	static const int bad[] = { -1, -4, 1, 2, 3, 0x7ffffffc, BLOB_SIZE };
	size_t i;

	CU_ASSERT(prop_off > 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, bad[i], "reg", NULL), -PPCPV_ERR_INVAL);
		CU_ASSERT_EQUAL(ppcpv_fdt_first_child(blob, n, bad[i]), -PPCPV_ERR_INVAL);
		CU_ASSERT_EQUAL(ppcpv_fdt_next_sibling(blob, n, bad[i]), -PPCPV_ERR_INVAL);
		CU_ASSERT_EQUAL(ppcpv_fdt_node_name(blob, n, bad[i], &name), -PPCPV_ERR_INVAL);
	}
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, prop_off, "reg", NULL), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_fdt_next_node(blob, n, prop_off), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_fdt_next_sibling(blob, n, 0), -PPCPV_ERR_NOTFOUND);
}

/* NOP tokens left by libfdt's in-place deletions must be skipped. */
static void test_nops(void)
{
	size_t n = build_sample();
	int node;

	CU_ASSERT_EQUAL_FATAL(fdt_open_into(blob, blob, sizeof(blob)), 0);
	CU_ASSERT_EQUAL_FATAL(fdt_nop_property(blob, fdt_path_offset(blob, "/rtas"), "power-off"), 0);
	CU_ASSERT_EQUAL_FATAL(fdt_nop_node(blob, fdt_path_offset(blob, "/chosen")), 0);
	CU_ASSERT_EQUAL_FATAL(fdt_pack(blob), 0);
	n = fdt_totalsize(blob);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/chosen"), -PPCPV_ERR_NOTFOUND);
	node = ppcpv_fdt_path_offset(blob, n, "/rtas");
	CU_ASSERT_EQUAL(node, fdt_path_offset(blob, "/rtas"));
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, node, "power-off", NULL), -PPCPV_ERR_NOTFOUND);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, node, "ibm,os-term", NULL), 4);
	CU_ASSERT_EQUAL(ppcpv_fdt_next_sibling(blob, n, fdt_path_offset(blob, "/memory")),
			node);
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);  p[3] = (uint8_t)v;
}

/* A header field patched to a bad value must make the blob unreadable. */
static void expect_bad_header(unsigned int field, uint32_t value)
{
	size_t n = build_sample();

	put_be32(blob + field, value);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/cpus"), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, 0, "compatible", NULL), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_next_node(blob, n, -1), -PPCPV_ERR_FORMAT);
}

static void test_bad_headers(void)
{
	size_t n = build_sample();

	expect_bad_header(0, 0xd00dfeee);			/* magic */
	expect_bad_header(4, (uint32_t)n + 4);			/* totalsize > buffer */
	expect_bad_header(4, 8);				/* totalsize < header */
	expect_bad_header(8, 0xfffffff0);			/* off_dt_struct */
	expect_bad_header(8, 2);				/* misaligned, in header */
	expect_bad_header(12, (uint32_t)n);			/* strings past the end */
	expect_bad_header(16, 3);				/* rsvmap misaligned */
	expect_bad_header(20, 15);				/* too old */
	expect_bad_header(24, 18);				/* too new */
	expect_bad_header(32, 0xffffffff);			/* size_dt_strings */
	expect_bad_header(36, 0xfffffffc);			/* size_dt_struct */
}

/* Damage inside the structure block: bad tokens and lengths. */
static void test_bad_structure(void)
{
	size_t n = build_sample();
	int rtas = fdt_path_offset(blob, "/rtas");
	int prop = fdt_first_property_offset(blob, rtas);
	uint8_t *structs = blob + fdt_off_dt_struct(blob);

	put_be32(structs + prop + 4, 0x7fffffff);		/* value length */
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, rtas, "ibm,os-term", NULL), -PPCPV_ERR_FORMAT);

	n = build_sample();
	put_be32(structs + prop + 8, 0x10000);			/* name offset */
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(blob, n, rtas, "power-off", NULL), -PPCPV_ERR_FORMAT);

	n = build_sample();
	put_be32(structs + prop, 7);				/* unknown token */
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/vdevice"), -PPCPV_ERR_FORMAT);

	n = build_sample();
	put_be32(structs + fdt_size_dt_struct(blob) - 4, FDT_NOP);	/* END lost */
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);

	n = build_sample();					/* name runs off the block */
	put_be32(blob + 36, (uint32_t)fdt_path_offset(blob, "/a") + 6);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/a"), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);
}

/*
 * A property after a child node (libfdt's sequential writer allows it; the
 * lookups do not): the blob is malformed, for the check and for every walk
 * past that property.  Found by fuzzing, where the check passed it.
 */
static void test_property_after_child(void)
{
	size_t n;

	memset(blob, 0, sizeof(blob));
	CU_ASSERT_EQUAL_FATAL(fdt_create(blob, sizeof(blob)), 0);
	CU_ASSERT_EQUAL_FATAL(fdt_finish_reservemap(blob), 0);
	begin(blob, "");
	begin(blob, "cpus");
	begin(blob, "cpu@0");
	end(blob);
	fdt_property_u32(blob, "#size-cells", 0);	/* after cpu@0 */
	end(blob);
	end(blob);
	CU_ASSERT_EQUAL_FATAL(fdt_finish(blob), 0);
	n = fdt_totalsize(blob);
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/memory"), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_next_sibling(blob, n, fdt_path_offset(blob, "/cpus")),
			-PPCPV_ERR_FORMAT);
}

/* A NOP before the root: the lookups find no root at 0, so the check must
 * refuse it too.  Found by fuzzing, where the check passed it. */
static void test_nop_before_root(void)
{
	size_t n = build_sample();
	uint32_t off_struct = fdt_off_dt_struct(blob);

	/* Everything from the structure block on moves up one token. */
	CU_ASSERT_FATAL(fdt_off_dt_strings(blob) > off_struct && n + 4 <= sizeof(blob));
	memmove(blob + off_struct + 4, blob + off_struct, n - off_struct);
	put_be32(blob + off_struct, FDT_NOP);
	fdt_set_off_dt_strings(blob, fdt_off_dt_strings(blob) + 4);
	fdt_set_size_dt_struct(blob, fdt_size_dt_struct(blob) + 4);
	fdt_set_totalsize(blob, (uint32_t)n + 4);
	n += 4;
	CU_ASSERT_EQUAL(fdt_check_full(blob, n), 0);	/* libfdt accepts it */
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), -PPCPV_ERR_FORMAT);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/"), -PPCPV_ERR_FORMAT);
}

static void test_version16(void)
{
	size_t n = build_sample();

	put_be32(blob + 20, 16);
	put_be32(blob + 36, 0);		/* absent in v16: must not be used */
	CU_ASSERT_EQUAL(ppcpv_fdt_check(blob, n), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(blob, n, "/a/b/c"), fdt_path_offset(blob, "/a/b/c"));
}

/* Any answer from a damaged blob must stay inside the buffer. */
static void exercise(const uint8_t *b, size_t n)
{
	const void *val = NULL;
	const char *name = NULL;
	uint64_t v;
	int node, len, guard = 0;

	(void)ppcpv_fdt_check(b, n);
	for (node = -1; guard < 64; guard++) {
		node = ppcpv_fdt_next_node(b, n, node);
		if (node < 0)
			break;
		len = ppcpv_fdt_getprop(b, n, node, "compatible", &val);
		if (len >= 0) {
			CU_ASSERT_FATAL((const uint8_t *)val >= b &&
					(const uint8_t *)val + len <= b + n);
		}
		len = ppcpv_fdt_node_name(b, n, node, &name);
		if (len >= 0) {
			CU_ASSERT_FATAL((const uint8_t *)name >= b &&
					(const uint8_t *)name + len < b + n);
		}
		(void)ppcpv_fdt_get_cells(b, n, node, "reg", 1, 2, &v);
		(void)ppcpv_fdt_first_child(b, n, node);
		(void)ppcpv_fdt_next_sibling(b, n, node);
	}
	(void)ppcpv_fdt_path_offset(b, n, "/vdevice/vty@71000000");
	(void)ppcpv_fdt_find_compatible(b, n, -1, "hvterm1");
}

static void test_truncated_and_damaged(void)
{
	static uint8_t copy[BLOB_SIZE];
	size_t n = build_sample(), cut, i;
	uint32_t seed = 12345;

	for (cut = 0; cut < n; cut++) {
		CU_ASSERT_EQUAL_FATAL(ppcpv_fdt_check(blob, cut), -PPCPV_ERR_FORMAT);
		exercise(blob, cut);
	}
	for (cut = 44; cut < n; cut += 4) {	/* header claims a smaller blob */
		memcpy(copy, blob, n);
		put_be32(copy + 4, (uint32_t)cut);
		put_be32(copy + 36, (uint32_t)(cut - fdt_off_dt_struct(blob)));
		exercise(copy, cut);
	}
	for (i = 0; i < 3000; i++) {		/* random byte damage */
		memcpy(copy, blob, n);
		seed = seed * 1103515245u + 12345u;
		copy[(seed >> 8) % n] ^= (uint8_t)(1u << ((seed >> 4) & 7));
		seed = seed * 1103515245u + 12345u;
		copy[(seed >> 8) % n] = (uint8_t)(seed >> 20);
		exercise(copy, n);
	}
}

PPCPV_SUITE(fdt, "lib-fdt", NULL, NULL,
	{ "header check", test_header_check },
	{ "paths agree with libfdt", test_paths_match_libfdt },
	{ "properties agree with libfdt", test_props_match_libfdt },
	{ "iteration agrees with libfdt", test_iteration_matches_libfdt },
	{ "compatible lists", test_compatible },
	{ "typed reads", test_typed_reads },
	{ "bad node offsets", test_bad_node_offsets },
	{ "NOP tokens", test_nops },
	{ "bad headers", test_bad_headers },
	{ "bad structure block", test_bad_structure },
	{ "a property after a child node", test_property_after_child },
	{ "a NOP before the root node", test_nop_before_root },
	{ "version 16 blobs", test_version16 },
	{ "truncated and damaged blobs", test_truncated_and_damaged })
