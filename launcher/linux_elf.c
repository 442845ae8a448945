// SPDX-License-Identifier: MIT
/*
 * The kernel ELF: checked (ELF64, PowerPC, segments in the file and inside
 * guest RAM) and its PT_LOAD file contents laid out as one raw image from
 * physical 0, which QEMU's generic loader can place as it is.  Memory past a
 * segment's file size (.bss) is not in the image: guest RAM starts zeroed
 * and Linux clears its .bss itself.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "linux_boot.h"

/* The most PT_LOAD segments a kernel image may have here. */
#define MAX_SEGMENTS	16

struct elf_file {
	int fd;
	uint64_t size;
	int big_endian;
	Elf64_Ehdr eh;
};

static void __attribute__((format(printf, 3, 4))) say(char *why, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, n, fmt, ap);
	va_end(ap);
}

static uint16_t e16(const struct elf_file *f, uint16_t v)
{
	return f->big_endian ? be16toh(v) : le16toh(v);
}

static uint32_t e32(const struct elf_file *f, uint32_t v)
{
	return f->big_endian ? be32toh(v) : le32toh(v);
}

static uint64_t e64(const struct elf_file *f, uint64_t v)
{
	return f->big_endian ? be64toh(v) : le64toh(v);
}

/* Exactly n bytes at off, or -1. */
static int read_at(const struct elf_file *f, void *buf, size_t n, uint64_t off)
{
	uint8_t *p = buf;
	ssize_t got;

	while (n) {
		got = pread(f->fd, p, n, (off_t)off);
		if (got <= 0)
			return -1;
		p += got;
		n -= (size_t)got;
		off += (uint64_t)got;
	}
	return 0;
}

static int check_header(struct elf_file *f, const char *path, char *why, size_t n)
{
	const unsigned char *id = f->eh.e_ident;

	if (f->size < EI_NIDENT || read_at(f, &f->eh, f->size < sizeof(f->eh) ? EI_NIDENT : sizeof(f->eh), 0) ||
	    memcmp(id, ELFMAG, SELFMAG)) {
		say(why, n, "%s: not an ELF file", path);
		return -1;
	}
	if (id[EI_CLASS] != ELFCLASS64 || (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)) {
		say(why, n, "%s: not a 64-bit ELF (class %u, data %u)", path, id[EI_CLASS], id[EI_DATA]);
		return -1;
	}
	if (f->size < sizeof(f->eh)) {
		say(why, n, "%s: truncated ELF header (%llu bytes)", path, (unsigned long long)f->size);
		return -1;
	}
	f->big_endian = id[EI_DATA] == ELFDATA2MSB;
	if (e16(f, f->eh.e_machine) != EM_PPC64) {
		say(why, n, "%s: not a PowerPC64 ELF (machine %u)", path, e16(f, f->eh.e_machine));
		return -1;
	}
	if (e16(f, f->eh.e_phentsize) != sizeof(Elf64_Phdr) || !e16(f, f->eh.e_phnum)) {
		say(why, n, "%s: no usable program headers", path);
		return -1;
	}
	return 0;
}

/* One PT_LOAD: in the file, inside RAM, no wrap. */
static int check_segment(const struct elf_file *f, const Elf64_Phdr *ph, uint64_t ram,
			 const char *path, char *why, size_t n)
{
	uint64_t off = e64(f, ph->p_offset), filesz = e64(f, ph->p_filesz);
	uint64_t pa = e64(f, ph->p_paddr), memsz = e64(f, ph->p_memsz);

	if (filesz > memsz) {
		say(why, n, "%s: a segment's file size exceeds its memory size", path);
		return -1;
	}
	if (off > f->size || filesz > f->size - off) {
		say(why, n, "%s: truncated: a segment ends at byte %llu of a %llu-byte file",
		    path, (unsigned long long)(off + filesz), (unsigned long long)f->size);
		return -1;
	}
	if (pa > ram || memsz > ram - pa) {
		say(why, n, "%s: a segment at 0x%llx..0x%llx lies outside guest RAM (0x%llx bytes)",
		    path, (unsigned long long)pa, (unsigned long long)(pa + memsz),
		    (unsigned long long)ram);
		return -1;
	}
	return 0;
}

/* The program headers' PT_LOADs into seg[] (at most MAX_SEGMENTS). */
static int read_segments(struct elf_file *f, Elf64_Phdr *seg, unsigned int *count, uint64_t ram,
			 const char *path, char *why, size_t n)
{
	uint64_t phoff = e64(f, f->eh.e_phoff);
	unsigned int i, phnum = e16(f, f->eh.e_phnum);
	Elf64_Phdr ph;

	*count = 0;
	if (phoff > f->size || (uint64_t)phnum * sizeof(ph) > f->size - phoff) {
		say(why, n, "%s: truncated: the program headers lie beyond the end of the file", path);
		return -1;
	}
	for (i = 0; i < phnum; i++) {
		if (read_at(f, &ph, sizeof(ph), phoff + (uint64_t)i * sizeof(ph)))
			break;
		if (e32(f, ph.p_type) != PT_LOAD)
			continue;
		if (*count == MAX_SEGMENTS) {
			say(why, n, "%s: more than %d PT_LOAD segments", path, MAX_SEGMENTS);
			return -1;
		}
		if (check_segment(f, &ph, ram, path, why, n))
			return -1;
		seg[(*count)++] = ph;
	}
	if (i < phnum || !*count) {
		say(why, n, "%s: %s", path, i < phnum ? "cannot read the program headers" : "no PT_LOAD segment");
		return -1;
	}
	return 0;
}

/* The physical entry: the virtual entry inside the segment that holds it. */
static int entry_pa(const struct elf_file *f, const Elf64_Phdr *seg, unsigned int count,
		    uint64_t *pa)
{
	uint64_t entry = e64(f, f->eh.e_entry), va;
	unsigned int i;

	for (i = 0; i < count; i++) {
		va = e64(f, seg[i].p_vaddr);
		if (entry >= va && entry - va < e64(f, seg[i].p_memsz)) {
			*pa = e64(f, seg[i].p_paddr) + (entry - va);
			return 0;
		}
	}
	return -1;
}

static int build_raw(const struct elf_file *f, const Elf64_Phdr *seg, unsigned int count,
		     struct linux_image *img, const char *path, char *why, size_t n)
{
	uint64_t pa, filesz, end;
	unsigned int i;

	img->raw_size = 0;
	img->end = 0;
	for (i = 0; i < count; i++) {
		pa = e64(f, seg[i].p_paddr);
		if (pa + e64(f, seg[i].p_filesz) > img->raw_size)
			img->raw_size = pa + e64(f, seg[i].p_filesz);
		end = pa + e64(f, seg[i].p_memsz);
		if (end > img->end)
			img->end = end;
	}
	img->raw = calloc(1, img->raw_size ? img->raw_size : 1);
	if (!img->raw) {
		say(why, n, "%s: out of memory for a %llu-byte image", path,
		    (unsigned long long)img->raw_size);
		return -1;
	}
	for (i = 0; i < count; i++) {
		pa = e64(f, seg[i].p_paddr);
		filesz = e64(f, seg[i].p_filesz);
		if (read_at(f, img->raw + pa, filesz, e64(f, seg[i].p_offset))) {
			say(why, n, "%s: cannot read a segment: %s", path, strerror(errno));
			return -1;
		}
	}
	return 0;
}

int linux_elf_load(const char *path, uint64_t ram, struct linux_image *img,
		   char *why, size_t why_size)
{
	struct elf_file f = { .fd = open(path, O_RDONLY | O_CLOEXEC) };
	Elf64_Phdr seg[MAX_SEGMENTS];
	struct stat st;
	int err = -1;

	memset(img, 0, sizeof(*img));
	if (f.fd < 0 || fstat(f.fd, &st)) {
		say(why, why_size, "%s: %s", path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		say(why, why_size, "%s: not a regular file", path);
	} else {
		f.size = (uint64_t)st.st_size;
		err = check_header(&f, path, why, why_size);
		if (!err)
			err = read_segments(&f, seg, &img->segments, ram, path, why, why_size);
		img->little_endian = !f.big_endian;
		if (!err && entry_pa(&f, seg, img->segments, &img->entry)) {
			say(why, why_size, "%s: the entry point lies in no PT_LOAD segment", path);
			err = -1;
		}
		if (!err)
			err = build_raw(&f, seg, img->segments, img, path, why, why_size);
	}
	if (f.fd >= 0)
		close(f.fd);
	if (err)
		linux_image_free(img);
	return err;
}

void linux_image_free(struct linux_image *img)
{
	free(img->raw);
	img->raw = NULL;
	img->raw_size = 0;
}
