/* SPDX-License-Identifier: MIT */
/*
 * A PowerPC ELF file held in memory: its sections, its symbols, and the
 * bytes behind an address, for the patch tool and the benchmark.
 *
 * The file is mapped privately and writably, so patching changes only this
 * process's copy (and only the pages touched); elf_image_save() writes the
 * copy out.  libelf parses the headers and the symbol table; the bytes of
 * code are always read through the file offsets, never through libelf's
 * converted data, so what is patched is exactly what is saved.
 *
 * Addresses: in an executable or shared object, a section's address is its
 * sh_addr.  In a relocatable object every section starts at its sh_addr
 * (normally 0) too, so addresses only have a meaning together with a
 * section; struct image_loc therefore always carries both.
 */
#ifndef PPCPV_TOOL_ELF_IMAGE_H
#define PPCPV_TOOL_ELF_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <libelf.h>

struct elf_section {
	unsigned int index;	/* section header index */
	const char *name;
	uint64_t addr;		/* sh_addr */
	uint64_t offset;	/* sh_offset */
	uint64_t size;		/* sh_size */
	int exec_bytes;		/* SHF_EXECINSTR with file bytes (not NOBITS) */
};

struct elf_image {
	const char *path;
	uint8_t *bytes;		/* the whole file, a private writable mapping */
	size_t size;
	unsigned int mode;	/* permission bits of the file */
	Elf *elf;
	unsigned int word_bits;	/* 32 (ELFCLASS32) or 64 (ELFCLASS64) */
	int big_endian;
	int relocatable;	/* ET_REL */
	unsigned int n_sections;
	struct elf_section *sections;	/* indexed by section header index */
	unsigned int n_exec;		/* sections with exec_bytes */
};

/* A place in the image: a section and an address inside it (or its end). */
struct image_loc {
	const struct elf_section *sec;
	uint64_t addr;
};

/*
 * Map and check `path`: an ELF file for PowerPC (EM_PPC or EM_PPC64),
 * complete (every header and section within the file).  0, or -1 after
 * printing why not.
 */
int elf_image_open(struct elf_image *img, const char *path);
void elf_image_close(struct elf_image *img);

/* Does a section with executable bytes hold [addr, addr + len) entirely? */
int elf_section_holds(const struct elf_section *sec, uint64_t addr, uint64_t len);
/* The whole words of a section with executable bytes: [*start, *end). */
void elf_section_words(const struct elf_section *sec, uint64_t *start, uint64_t *end);

/* The section holding [addr, addr + len) entirely, among those with
 * executable bytes; in a relocatable object only `hint` qualifies. */
const struct elf_section *elf_image_exec_section(const struct elf_image *img,
						 const struct elf_section *hint,
						 uint64_t addr, uint64_t len);

/*
 * Look a symbol up by name (a global definition wins over a local one).
 * 0 and *loc, or -1 when there is no such defined symbol.  loc->sec is
 * the symbol's section, or for an absolute symbol in an executable the
 * executable section containing (or ending at) its value, or NULL.
 */
int elf_image_symbol(const struct elf_image *img, const char *name, struct image_loc *loc);

/* A defined symbol, as elf_image_symbols() passes it. */
struct image_symbol {
	const char *name;	/* NULL when the string table lacks it */
	unsigned int type;	/* STT_FUNC, STT_OBJECT, ... */
	unsigned int bind;	/* STB_LOCAL, STB_GLOBAL, ... */
	uint64_t size;		/* st_size, as the file says */
	struct image_loc loc;	/* by the rules of elf_image_symbol() */
};

/* Call fn on every defined symbol until it returns non-zero; that value,
 * or 0 (also when the image has no symbol table). */
int elf_image_symbols(const struct elf_image *img,
		      int (*fn)(const struct image_symbol *sym, void *ctx), void *ctx);

/* Bytes behind [addr, ...) of a section with file bytes. */
uint8_t *elf_image_bytes(const struct elf_image *img, const struct elf_section *sec, uint64_t addr);

/*
 * Write the first `size` bytes of the (possibly patched) image, then
 * `tail[0..tail_len)`, to `path` with the input's permission bits: through
 * a temporary file in the same directory renamed over `path`, so `path`
 * may be the input itself and a failure leaves no half-written file.  An
 * existing `path` must be a regular file (not a symbolic link, device,
 * FIFO, directory...).  0, or -1 after printing why not.
 */
int elf_image_save(const struct elf_image *img, const char *path, size_t size,
		   const void *tail, size_t tail_len);

#endif /* PPCPV_TOOL_ELF_IMAGE_H */
