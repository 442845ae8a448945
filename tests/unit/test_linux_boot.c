// SPDX-License-Identifier: MIT
/*
 * Unit tests of the Linux guest's boot pieces (launcher/linux_elf.c and
 * linux_fdt.c): the ELF checks and the raw image, the layout, the device
 * tree read back with the project's own FDT reader (and libfdt for the
 * reserve map), the RTAS blob read back with libopcodes.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libfdt.h>
#include <ppcpv/disasm.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include <ppcpv/host/hostcfg.h>
#include "../../launcher/linux_boot.h"
#include "ppcpv_test.h"

#define KERNEL_VA	0xc000000000000000ull
#define MIB		(1ull << 20)
#define SEG_OFFSET	0x1000u		/* file offset of the sample segment */
#define SEG_FILESZ	0x40u
#define SEG_MEMSZ	0x300u
#define SEG_PADDR	0x200u
#define ENTRY_OFFSET	0x10u		/* into the segment */

struct sample_elf {
	int big_endian;
	uint16_t machine;
	uint32_t type;			/* of the one program header */
	uint64_t paddr;
	uint64_t file_size;		/* 0: the whole image */
	uint64_t entry_offset;		/* from the segment's virtual start */
};

static uint16_t s16(const struct sample_elf *s, uint16_t v)
{
	return s->big_endian ? htobe16(v) : htole16(v);
}

static uint32_t s32(const struct sample_elf *s, uint32_t v)
{
	return s->big_endian ? htobe32(v) : htole32(v);
}

static uint64_t s64(const struct sample_elf *s, uint64_t v)
{
	return s->big_endian ? htobe64(v) : htole64(v);
}

/* The segment's file bytes: i * 3 + 1. */
static uint8_t seg_byte(unsigned int i)
{
	return (uint8_t)(i * 3 + 1);
}

/* An ELF64 with one program header, written to a temporary file. */
static char *write_elf(const struct sample_elf *s)
{
	static char path[64];
	uint8_t img[SEG_OFFSET + SEG_FILESZ] = { 0 };
	Elf64_Ehdr *eh = (Elf64_Ehdr *)img;
	Elf64_Phdr *ph = (Elf64_Phdr *)(img + sizeof(*eh));
	size_t n = s->file_size ? s->file_size : sizeof(img);
	unsigned int i;
	int fd;

	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = s->big_endian ? ELFDATA2MSB : ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = s16(s, ET_EXEC);
	eh->e_machine = s16(s, s->machine);
	eh->e_entry = s64(s, KERNEL_VA + s->entry_offset);
	eh->e_phoff = s64(s, sizeof(*eh));
	eh->e_phentsize = s16(s, sizeof(*ph));
	eh->e_phnum = s16(s, 1);
	ph->p_type = s32(s, s->type);
	ph->p_offset = s64(s, SEG_OFFSET);
	ph->p_vaddr = s64(s, KERNEL_VA);
	ph->p_paddr = s64(s, s->paddr);
	ph->p_filesz = s64(s, SEG_FILESZ);
	ph->p_memsz = s64(s, SEG_MEMSZ);
	for (i = 0; i < SEG_FILESZ; i++)
		img[SEG_OFFSET + i] = seg_byte(i);
	snprintf(path, sizeof(path), "/tmp/ppcpv-test-elf.XXXXXX");
	fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_FATAL(write(fd, img, n) == (ssize_t)n);
	close(fd);
	return path;
}

static const struct sample_elf good = {
	.big_endian = 0, .machine = EM_PPC64, .type = PT_LOAD, .paddr = SEG_PADDR,
	.entry_offset = ENTRY_OFFSET,
};

static void test_elf_loads(void)
{
	struct sample_elf be = good;
	const struct sample_elf *cases[] = { &good, &be };
	struct linux_image img;
	char why[256] = "", *path;
	unsigned int c, i;

	be.big_endian = 1;
	for (c = 0; c < 2; c++) {
		path = write_elf(cases[c]);
		CU_ASSERT_EQUAL_FATAL(linux_elf_load(path, 512 * MIB, &img, why, sizeof(why)), 0);
		unlink(path);
		CU_ASSERT_EQUAL(img.segments, 1);
		CU_ASSERT_EQUAL(img.entry, SEG_PADDR + ENTRY_OFFSET);
		CU_ASSERT_EQUAL(img.raw_size, SEG_PADDR + SEG_FILESZ);
		CU_ASSERT_EQUAL(img.end, SEG_PADDR + SEG_MEMSZ);
		CU_ASSERT_EQUAL(img.raw[0], 0);	/* below the segment: zero */
		for (i = 0; i < SEG_FILESZ; i++)
			CU_ASSERT_EQUAL(img.raw[SEG_PADDR + i], seg_byte(i));
		linux_image_free(&img);
	}
}

/* path is refused with a reason containing want. */
static void expect_refused(const char *path, uint64_t ram, const char *want)
{
	struct linux_image img;
	char why[256] = "";

	CU_ASSERT_EQUAL(linux_elf_load(path, ram, &img, why, sizeof(why)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, want));
	CU_ASSERT_PTR_NULL(img.raw);
	if (!strstr(why, want))
		fprintf(stderr, "\n  wanted '%s' in '%s'\n", want, why);
}

static void test_elf_refused(void)
{
	struct sample_elf s;
	char *path;

	s = good;
	s.machine = EM_X86_64;
	expect_refused(path = write_elf(&s), 512 * MIB, "not a PowerPC64 ELF (machine 62)");
	unlink(path);
	s = good;
	s.file_size = SEG_OFFSET + SEG_FILESZ / 2;
	expect_refused(path = write_elf(&s), 512 * MIB, "truncated");
	unlink(path);
	s = good;
	s.file_size = 20;
	expect_refused(path = write_elf(&s), 512 * MIB, "truncated ELF header");
	unlink(path);
	s = good;
	s.type = PT_NOTE;
	expect_refused(path = write_elf(&s), 512 * MIB, "no PT_LOAD segment");
	unlink(path);
	s = good;
	s.entry_offset = SEG_MEMSZ + 4;
	expect_refused(path = write_elf(&s), 512 * MIB, "entry point");
	unlink(path);
	s = good;
	expect_refused(path = write_elf(&s), SEG_PADDR + SEG_MEMSZ - 1, "outside guest RAM");
	unlink(path);
	expect_refused("/etc/hostname", 512 * MIB, "not an ELF file");
	expect_refused("/", 512 * MIB, "not a regular file");
	expect_refused("/nonexistent/vmlinux", 512 * MIB, "No such file");
}

/* Debian's kernel: _end at 0x287ca18, the image 0x2714ebc bytes. */
static const struct linux_image debian = { .raw_size = 0x2714ebc, .end = 0x287ca18 };

static void test_layout(void)
{
	struct linux_layout l, hosted;
	char why[256] = "";
	uint64_t need;

	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0x123456, MODE_NATIVE, 0, LINUX_RAM_DEFAULT, &l,
					   why, sizeof(why)), 0);
	CU_ASSERT_EQUAL(l.fdt, 0x2880000);	/* the first 64 KiB page after _end */
	CU_ASSERT(l.rtas >= l.fdt + LINUX_FDT_SPACE);
	CU_ASSERT(l.initrd >= l.rtas + l.rtas_size);
	CU_ASSERT_EQUAL(l.initrd % LINUX_ALIGN, 0);
	CU_ASSERT_EQUAL(l.initrd_size, 0x123456);
	CU_ASSERT(l.stage >= l.initrd + l.initrd_size);
	CU_ASSERT_EQUAL(l.stage_size, debian.raw_size);
	CU_ASSERT(l.mover >= l.stage + l.stage_size);
	CU_ASSERT(l.top <= LINUX_RAM_DEFAULT - LINUX_QEMU_FDT_RESERVE);
	CU_ASSERT_EQUAL(l.pft_shift, 21);	/* 256 MiB / 128 = 2 MiB */

	/* hosted: the same places, no copy stage */
	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0x123456, MODE_PV, 0, LINUX_RAM_DEFAULT, &hosted,
					   why, sizeof(why)), 0);
	CU_ASSERT_EQUAL(hosted.fdt, l.fdt);
	CU_ASSERT_EQUAL(hosted.initrd, l.initrd);
	CU_ASSERT_EQUAL(hosted.stage_size, 0);
	CU_ASSERT_EQUAL(hosted.top, l.stage);
	/* the host's own guest hash table, whatever the RAM */
	CU_ASSERT_EQUAL(hosted.pft_shift, PPCPV_GUEST_PFT_SHIFT);
	CU_ASSERT_EQUAL(hosted.magic, 0);

	/* --prepatch: the magic page's guest-physical page right after the
	 * RTAS blob, before the initrd */
	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0x123456, MODE_PV, 1, LINUX_RAM_DEFAULT, &hosted,
					   why, sizeof(why)), 0);
	CU_ASSERT_EQUAL(hosted.magic, hosted.rtas + hosted.rtas_size);
	CU_ASSERT_EQUAL(hosted.magic % PPCPV_MAGIC_PAGE_SIZE, 0);
	CU_ASSERT(hosted.initrd >= hosted.magic + PPCPV_MAGIC_PAGE_SIZE);

	/* an initrd that fills RAM: refused, with the numbers */
	CU_ASSERT_EQUAL(linux_layout(&debian, LINUX_RAM_DEFAULT - 0x3000000, MODE_NATIVE, 0,
				     LINUX_RAM_DEFAULT, &l, why, sizeof(why)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "initrd"));
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "does not fit"));
	/* natively the top MiB is QEMU's: what just fits below it fits, one
	 * byte less of RAM does not */
	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0, MODE_NATIVE, 0, LINUX_RAM_DEFAULT, &l, why,
					   sizeof(why)), 0);
	need = l.top + LINUX_QEMU_FDT_RESERVE;
	CU_ASSERT_EQUAL(linux_layout(&debian, 0, MODE_NATIVE, 0, need, &l, why, sizeof(why)), 0);
	CU_ASSERT_EQUAL(linux_layout(&debian, 0, MODE_NATIVE, 0, need - 1, &l, why, sizeof(why)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "the kernel"));
}

/* QEMU pseries' own device trees say ibm,pft-size <0 0x16> for 512 MiB. */
static void test_pft_shift(void)
{
	CU_ASSERT_EQUAL(linux_qemu_pft_shift(512 * MIB), 22);
	CU_ASSERT_EQUAL(linux_qemu_pft_shift(1024 * MIB), 23);
	CU_ASSERT_EQUAL(linux_qemu_pft_shift(300 * MIB), 22);	/* rounded up to 512 */
	CU_ASSERT_EQUAL(linux_qemu_pft_shift(16 * MIB), 18);	/* the minimum */
}

static uint8_t tree[LINUX_FDT_SPACE];

static size_t build_tree(enum run_mode mode, struct linux_layout *l)
{
	char why[256];

	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0x10000, mode, 0, LINUX_RAM_DEFAULT, l, why,
					   sizeof(why)), 0);
	CU_ASSERT_EQUAL_FATAL(linux_fdt_build(mode, INJECT_NONE, -1, l, "console=hvc0 x=1", tree,
					      sizeof(tree)), 0);
	CU_ASSERT_EQUAL_FATAL(ppcpv_fdt_check(tree, sizeof(tree)), 0);
	return sizeof(tree);
}

static uint32_t cell(const void *v, unsigned int i)
{
	return ppcpv_fdt_be32((const uint8_t *)v + 4 * i);
}

static void check_cpu(size_t n, const struct linux_layout *l)
{
	static const uint32_t sps[] = { 12, 0, 1, 12, 0, 16, 0x110, 1, 16, 1 };
	int cpu = ppcpv_fdt_path_offset(tree, n, "/cpus/PowerPC,POWER8@0");
	const void *v;
	unsigned int i;
	int len;

	CU_ASSERT_FATAL(cpu >= 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(tree, n, cpu, "ibm,pft-size", &v), 8);
	CU_ASSERT_EQUAL(cell(v, 1), l->pft_shift);
	len = ppcpv_fdt_getprop(tree, n, cpu, "ibm,segment-page-sizes", &v);
	CU_ASSERT_EQUAL_FATAL(len, (int)sizeof(sps));
	for (i = 0; i < sizeof(sps) / sizeof(sps[0]); i++)
		CU_ASSERT_EQUAL(cell(v, i), sps[i]);
	/* 256 MiB segments only; no storage keys */
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(tree, n, cpu, "ibm,processor-segment-sizes", &v), 4);
	CU_ASSERT_EQUAL(cell(v, 0), 28);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(tree, n, cpu, "ibm,processor-storage-keys", NULL),
			-PPCPV_ERR_NOTFOUND);
}

static void check_chosen_and_rtas(size_t n, const struct linux_layout *l)
{
	int chosen = ppcpv_fdt_path_offset(tree, n, "/chosen");
	int rtas = ppcpv_fdt_path_offset(tree, n, "/rtas");
	const char *s;
	uint64_t v;
	uint32_t u;
	size_t i;

	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(tree, n, chosen, "bootargs", &s), 0);
	CU_ASSERT_STRING_EQUAL(s, "console=hvc0 x=1");
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u64(tree, n, chosen, "linux,initrd-start", &v), 0);
	CU_ASSERT_EQUAL(v, l->initrd);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u64(tree, n, chosen, "linux,initrd-end", &v), 0);
	CU_ASSERT_EQUAL(v, l->initrd + l->initrd_size);
	/* stdout-path names the vty node, which exists */
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(tree, n, chosen, "stdout-path", &s), 0);
	CU_ASSERT(ppcpv_fdt_path_offset(tree, n, s) > 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(tree, n, ppcpv_fdt_path_offset(tree, n, s), "reg", &u), 0);
	CU_ASSERT_EQUAL(u, LINUX_VTY_REG);

	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(tree, n, rtas, "linux,rtas-base", &u), 0);
	CU_ASSERT_EQUAL(u, l->rtas);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(tree, n, rtas, "linux,rtas-entry", &u), 0);
	CU_ASSERT_EQUAL(u, l->rtas);
	for (i = 0; i < linux_rtas_token_count; i++) {
		CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(tree, n, rtas, linux_rtas_tokens[i].name, &u), 0);
		CU_ASSERT_EQUAL(u, linux_rtas_tokens[i].token);
	}
	CU_ASSERT_EQUAL(ppcpv_fdt_get_u32(tree, n, rtas, "power-off", &u), 0);
	CU_ASSERT_EQUAL(u, 0x2003);	/* QEMU's token, as its own tree has it */
	CU_ASSERT(ppcpv_fdt_getprop(tree, n, rtas, "ibm,hypertas-functions", NULL) > 0);
}

/* The RTAS blob is reserved: the kernel must not allocate over it. */
static void check_reserved(const struct linux_layout *l)
{
	uint64_t addr, size;
	int i, found = 0;

	for (i = 0; i < fdt_num_mem_rsv(tree); i++) {
		CU_ASSERT_EQUAL(fdt_get_mem_rsv(tree, i, &addr, &size), 0);
		found |= addr == l->rtas && size == l->rtas_size;
	}
	CU_ASSERT(found);
}

static void test_tree_native(void)
{
	struct linux_layout l;
	size_t n = build_tree(MODE_NATIVE, &l);
	const char *s;
	int node;

	check_cpu(n, &l);
	check_chosen_and_rtas(n, &l);
	check_reserved(&l);
	CU_ASSERT_EQUAL(ppcpv_fdt_get_string(tree, n, 0, "device_type", &s), 0);
	CU_ASSERT_STRING_EQUAL(s, "chrp");
	node = ppcpv_fdt_find_compatible(tree, n, -1, "IBM,ppc-xicp");
	CU_ASSERT(node > 0);
	CU_ASSERT(ppcpv_fdt_getprop(tree, n, node, "interrupt-controller", NULL) == 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(tree, n, "/hypervisor"), -PPCPV_ERR_NOTFOUND);
}

static void test_tree_hosted(void)
{
	struct linux_layout l;
	size_t n = build_tree(MODE_PV, &l);
	int hv = ppcpv_fdt_path_offset(tree, n, "/hypervisor");

	CU_ASSERT_FATAL(hv > 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(tree, n, hv, "hcall-instructions", NULL), 16);
	CU_ASSERT(ppcpv_fdt_find_compatible(tree, n, -1, "linux,kvm") == hv);
	check_chosen_and_rtas(n, &l);
}

/* --inject for a Linux guest: the tree without /hypervisor, or with
 * hcall-instructions cut short. */
static void test_tree_injected(void)
{
	struct linux_layout l;
	char why[64];
	int hv;

	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0x10000, MODE_PV, 0, LINUX_RAM_DEFAULT, &l, why,
					   sizeof(why)), 0);
	CU_ASSERT_EQUAL_FATAL(linux_fdt_build(MODE_PV, INJECT_NO_HYPERVISOR, -1, &l, "", tree,
					      sizeof(tree)), 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_path_offset(tree, sizeof(tree), "/hypervisor"), -PPCPV_ERR_NOTFOUND);
	CU_ASSERT_EQUAL_FATAL(linux_fdt_build(MODE_PV, INJECT_HCALL_LENGTH, 6, &l, "", tree,
					      sizeof(tree)), 0);
	hv = ppcpv_fdt_path_offset(tree, sizeof(tree), "/hypervisor");
	CU_ASSERT_FATAL(hv > 0);
	CU_ASSERT_EQUAL(ppcpv_fdt_getprop(tree, sizeof(tree), hv, "hcall-instructions", NULL), 6);
}

static void test_tree_too_small(void)
{
	struct linux_layout l;
	uint8_t small[512];
	char why[64];

	CU_ASSERT_EQUAL_FATAL(linux_layout(&debian, 0, MODE_NATIVE, 0, LINUX_RAM_DEFAULT, &l, why,
					   sizeof(why)), 0);
	CU_ASSERT_EQUAL(linux_fdt_build(MODE_NATIVE, INJECT_NONE, -1, &l, "", small, sizeof(small)), -1);
}

static void test_rtas_blob(void)
{
	static const char *const want[] = { "mr r4,r3", "li r3,0", "ori r3,r3,61440", "sc 1", "blr" };
	struct ppcpv_disasm_opts be = { 64, 1, NULL };
	char text[PPCPV_DISASM_TEXT_MAX];
	uint8_t blob[64];
	size_t i, n = linux_rtas_blob(MODE_NATIVE, blob, sizeof(blob));

	CU_ASSERT_EQUAL_FATAL(n, sizeof(want) / sizeof(want[0]) * 4);
	for (i = 0; i < n / 4; i++) {
		CU_ASSERT_EQUAL(ppcpv_disasm_word(&be, ppcpv_fdt_be32(blob + 4 * i), 4 * i, text,
						  sizeof(text)), 0);
		CU_ASSERT_STRING_EQUAL(text, want[i]);
	}
	CU_ASSERT_EQUAL(linux_rtas_blob(MODE_NATIVE, blob, n - 1), 0);
}

PPCPV_SUITE(linux_boot, "linux-boot", NULL, NULL,
	{ "a PowerPC64 ELF becomes a raw image (both byte orders)", test_elf_loads },
	{ "bad ELFs are refused with a reason", test_elf_refused },
	{ "layout: tree, RTAS, initrd, copy stage; what does not fit", test_layout },
	{ "hash table size as QEMU pseries gives it", test_pft_shift },
	{ "native tree: CPU, chosen, RTAS, XICS, vty, no /hypervisor", test_tree_native },
	{ "hosted tree: /hypervisor with hcall-instructions", test_tree_hosted },
	{ "injected: no /hypervisor, a short hcall-instructions", test_tree_injected },
	{ "a tree that does not fit its buffer", test_tree_too_small },
	{ "RTAS blob: mr, li, ori, sc 1, blr", test_rtas_blob });
