// SPDX-License-Identifier: MIT
/* Mapping, checking and saving a PowerPC ELF file (see elf_image.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ppcpv/range.h>
#include "elf_image.h"
#include "tool.h"

static int map_file(struct elf_image *img, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		tool_error("cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		tool_error("%s: not a regular file", path);
		close(fd);
		return -1;
	}
	if (st.st_size == 0) {
		tool_error("%s: not an ELF file (empty)", path);
		close(fd);
		return -1;
	}
	img->size = (size_t)st.st_size;
	img->mode = st.st_mode & 07777;
	img->bytes = mmap(NULL, img->size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	close(fd);
	if (img->bytes == MAP_FAILED) {
		img->bytes = NULL;
		tool_error("cannot map %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* A table of `count` entries of `entsize` bytes at `off` within the file? */
static int table_fits(const struct elf_image *img, uint64_t off, uint64_t count, uint64_t entsize)
{
	uint64_t bytes;

	return !__builtin_mul_overflow(count, entsize, &bytes) &&
	       ppcpv_range_inside(0, img->size, off, bytes);
}

/* Identity, class, byte order and machine, from the raw header. */
static int check_ident(struct elf_image *img, GElf_Ehdr *eh)
{
	const uint8_t *id = img->bytes;

	if (img->size < EI_NIDENT || memcmp(id, ELFMAG, SELFMAG)) {
		tool_error("%s: not an ELF file", img->path);
		return -1;
	}
	if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64) {
		tool_error("%s: unknown ELF class %u", img->path, id[EI_CLASS]);
		return -1;
	}
	if (id[EI_DATA] != ELFDATA2MSB && id[EI_DATA] != ELFDATA2LSB) {
		tool_error("%s: unknown ELF byte order %u", img->path, id[EI_DATA]);
		return -1;
	}
	if (img->size < (id[EI_CLASS] == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
		tool_error("%s: truncated (%zu bytes, shorter than the ELF header)", img->path, img->size);
		return -1;
	}
	img->elf = elf_memory((char *)img->bytes, img->size);
	if (!img->elf || elf_kind(img->elf) != ELF_K_ELF || !gelf_getehdr(img->elf, eh)) {
		tool_error("%s: not a readable ELF file: %s", img->path, elf_errmsg(-1));
		return -1;
	}
	if (eh->e_machine != EM_PPC && eh->e_machine != EM_PPC64) {
		tool_error("%s: not a PowerPC ELF file (e_machine %u)", img->path, eh->e_machine);
		return -1;
	}
	img->word_bits = id[EI_CLASS] == ELFCLASS64 ? 64 : 32;
	img->big_endian = id[EI_DATA] == ELFDATA2MSB;
	img->relocatable = eh->e_type == ET_REL;
	return 0;
}

/* Header tables inside the file; every section's bytes inside the file. */
static int check_tables(struct elf_image *img, const GElf_Ehdr *eh, size_t *shnum)
{
	if (eh->e_phnum && !table_fits(img, eh->e_phoff, eh->e_phnum, eh->e_phentsize)) {
		tool_error("%s: truncated (program headers end past byte %zu)", img->path, img->size);
		return -1;
	}
	if (eh->e_shoff == 0) {
		tool_error("%s: no section headers", img->path);
		return -1;
	}
	if (!table_fits(img, eh->e_shoff, eh->e_shnum ? eh->e_shnum : 1, eh->e_shentsize)) {
		tool_error("%s: truncated (section headers end past byte %zu)", img->path, img->size);
		return -1;
	}
	if (elf_getshdrnum(img->elf, shnum) || !table_fits(img, eh->e_shoff, *shnum, eh->e_shentsize)) {
		tool_error("%s: truncated or corrupt section header table", img->path);
		return -1;
	}
	return 0;
}

static int load_section(struct elf_image *img, size_t shstrndx, Elf_Scn *scn)
{
	struct elf_section *s;
	GElf_Shdr sh;
	const char *name;

	if (!gelf_getshdr(scn, &sh)) {
		tool_error("%s: bad section header: %s", img->path, elf_errmsg(-1));
		return -1;
	}
	s = &img->sections[elf_ndxscn(scn)];
	name = elf_strptr(img->elf, shstrndx, sh.sh_name);
	s->index = (unsigned int)elf_ndxscn(scn);
	s->name = name ? name : "?";
	s->addr = sh.sh_addr;
	s->offset = sh.sh_offset;
	s->size = sh.sh_size;
	if (sh.sh_type != SHT_NOBITS && !table_fits(img, sh.sh_offset, sh.sh_size, 1)) {
		tool_error("%s: truncated (section %s, %llu bytes at byte %llu, runs past the end of "
			   "the file, %zu bytes)", img->path, s->name, (unsigned long long)sh.sh_size,
			   (unsigned long long)sh.sh_offset, img->size);
		return -1;
	}
	s->exec_bytes = (sh.sh_flags & SHF_EXECINSTR) && sh.sh_type != SHT_NOBITS && sh.sh_size;
	/* Code is addressed as [addr, addr + size) everywhere: that sum must not wrap. */
	if (s->exec_bytes && !ppcpv_range_fits(s->addr, s->size)) {
		tool_error("%s: corrupt section %s (%llu bytes at address 0x%llx run past the top "
			   "of the address space)", img->path, s->name, (unsigned long long)s->size,
			   (unsigned long long)s->addr);
		return -1;
	}
	img->n_exec += (unsigned int)s->exec_bytes;
	return 0;
}

/* Do [a, a + an) and [b, b + bn) share a byte?  (Neither wraps.) */
static int ranges_meet(uint64_t a, uint64_t an, uint64_t b, uint64_t bn)
{
	return a < b + bn && b < a + an;
}

/*
 * Code in two sections at once would give a word two places in the file,
 * or (outside a relocatable object, whose sections all start at 0) two
 * file places one address: patching one copy would change or contradict
 * the other, and the restore record could not undo it.
 */
static int check_code_overlaps(const struct elf_image *img)
{
	const struct elf_section *a, *b;
	unsigned int i, j;

	for (i = 0; i < img->n_sections; i++) {
		a = &img->sections[i];
		for (j = i + 1; a->exec_bytes && j < img->n_sections; j++) {
			b = &img->sections[j];
			if (!b->exec_bytes)
				continue;
			if (ranges_meet(a->offset, a->size, b->offset, b->size) ||
			    (!img->relocatable && ranges_meet(a->addr, a->size, b->addr, b->size))) {
				tool_error("%s: executable sections %s and %s overlap", img->path, a->name,
					   b->name);
				return -1;
			}
		}
	}
	return 0;
}

static int load_sections(struct elf_image *img, size_t shnum)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrstrndx(img->elf, &shstrndx)) {
		tool_error("%s: no section name table: %s", img->path, elf_errmsg(-1));
		return -1;
	}
	img->n_sections = (unsigned int)shnum;
	img->sections = calloc(shnum ? shnum : 1, sizeof(*img->sections));
	if (!img->sections) {
		tool_error("out of memory");
		return -1;
	}
	while ((scn = elf_nextscn(img->elf, scn)))
		if (load_section(img, shstrndx, scn))
			return -1;
	return check_code_overlaps(img);
}

int elf_image_open(struct elf_image *img, const char *path)
{
	GElf_Ehdr eh;
	size_t shnum;

	memset(img, 0, sizeof(*img));
	img->path = path;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		tool_error("libelf is unusable: %s", elf_errmsg(-1));
		return -1;
	}
	if (map_file(img, path) || check_ident(img, &eh) || check_tables(img, &eh, &shnum) ||
	    load_sections(img, shnum)) {
		elf_image_close(img);
		return -1;
	}
	return 0;
}

void elf_image_close(struct elf_image *img)
{
	if (img->elf)
		elf_end(img->elf);
	if (img->bytes)
		munmap(img->bytes, img->size);
	free(img->sections);
	memset(img, 0, sizeof(*img));
}

int elf_section_holds(const struct elf_section *s, uint64_t addr, uint64_t len)
{
	return s->exec_bytes && ppcpv_range_inside(s->addr, s->size, addr, len);
}

void elf_section_words(const struct elf_section *sec, uint64_t *start, uint64_t *end)
{
	/* The end cannot wrap (load_section() checked), and the start is
	 * rounded up only below it, so it cannot wrap either. */
	*end = (sec->addr + sec->size) & ~(uint64_t)3;
	*start = *end > sec->addr ? (sec->addr + 3) & ~(uint64_t)3 : *end;
}

const struct elf_section *elf_image_exec_section(const struct elf_image *img,
						 const struct elf_section *hint,
						 uint64_t addr, uint64_t len)
{
	unsigned int i;

	if (hint && elf_section_holds(hint, addr, len))
		return hint;
	if (img->relocatable)
		return NULL;
	for (i = 0; i < img->n_sections; i++)
		if (elf_section_holds(&img->sections[i], addr, len))
			return &img->sections[i];
	return NULL;
}

static Elf_Scn *symbol_table(const struct elf_image *img)
{
	Elf_Scn *scn = NULL, *dyn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(img->elf, scn))) {
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_SYMTAB)
			return scn;
		if (sh.sh_type == SHT_DYNSYM)
			dyn = scn;
	}
	return dyn;
}

/* Where a symbol's value lies, by the rules in elf_image.h. */
static int symbol_loc(const struct elf_image *img, const GElf_Sym *sym, struct image_loc *loc)
{
	const struct elf_section *sec = NULL;

	if (sym->st_shndx == SHN_UNDEF)
		return -1;
	if (sym->st_shndx != SHN_ABS && sym->st_shndx < img->n_sections)
		sec = &img->sections[sym->st_shndx];
	loc->addr = sym->st_value;
	if (img->relocatable && sec)
		loc->addr += sec->addr;	/* values are section-relative */
	if (!img->relocatable && (!sec || !elf_section_holds(sec, loc->addr, 0))) {
		const struct elf_section *code = elf_image_exec_section(img, NULL, loc->addr, 0);

		if (code)	/* e.g. _etext, defined in the section after the code */
			sec = code;
	}
	loc->sec = sec;
	return 0;
}

int elf_image_symbols(const struct elf_image *img,
		      int (*fn)(const struct image_symbol *sym, void *ctx), void *ctx)
{
	Elf_Scn *scn = symbol_table(img);
	struct image_symbol is;
	Elf_Data *data;
	GElf_Shdr sh;
	GElf_Sym sym;
	size_t i, n;
	int stop;

	if (!scn || !gelf_getshdr(scn, &sh) || !(data = elf_getdata(scn, NULL)) || !sh.sh_entsize)
		return 0;
	n = sh.sh_size / sh.sh_entsize;
	for (i = 1; i < n; i++) {
		if (!gelf_getsym(data, (int)i, &sym) || symbol_loc(img, &sym, &is.loc))
			continue;
		is.name = elf_strptr(img->elf, sh.sh_link, sym.st_name);
		is.type = GELF_ST_TYPE(sym.st_info);
		is.bind = GELF_ST_BIND(sym.st_info);
		is.size = sym.st_size;
		stop = fn(&is, ctx);
		if (stop)
			return stop;
	}
	return 0;
}

struct name_lookup {
	const char *name;
	struct image_loc *loc;
	int found;
};

/* The first global definition ends the search; a local one is kept. */
static int match_name(const struct image_symbol *sym, void *ctx)
{
	struct name_lookup *l = ctx;

	if (!sym->name || strcmp(sym->name, l->name))
		return 0;
	*l->loc = sym->loc;
	l->found = 1;
	return sym->bind != STB_LOCAL;
}

int elf_image_symbol(const struct elf_image *img, const char *name, struct image_loc *loc)
{
	struct name_lookup l = { name, loc, 0 };

	elf_image_symbols(img, match_name, &l);
	return l.found ? 0 : -1;
}

uint8_t *elf_image_bytes(const struct elf_image *img, const struct elf_section *sec, uint64_t addr)
{
	return img->bytes + sec->offset + (addr - sec->addr);
}

static int write_all(int fd, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* "DIR/.NAME.XXXXXX" next to `path`, so rename() stays in one file system. */
static char *temp_name_for(const char *path)
{
	char *dir_copy = strdup(path), *base_copy = strdup(path), *out = NULL;

	if (dir_copy && base_copy &&
	    asprintf(&out, "%s/.%s.XXXXXX", dirname(dir_copy), basename(base_copy)) < 0)
		out = NULL;
	free(dir_copy);
	free(base_copy);
	return out;
}

static const char *file_kind(mode_t mode)
{
	return S_ISLNK(mode) ? "a symbolic link" : S_ISDIR(mode) ? "a directory" :
	       S_ISCHR(mode) ? "a character device" : S_ISBLK(mode) ? "a block device" :
	       S_ISFIFO(mode) ? "a FIFO" : S_ISSOCK(mode) ? "a socket" : "a special file";
}

/* An existing output must be a regular file: rename() would replace a
 * symbolic link, and a device or FIFO is no place for a kernel image. */
static int output_may_be(const char *path)
{
	struct stat st;

	if (lstat(path, &st)) {
		if (errno == ENOENT)
			return 0;
		tool_error("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode))
		return 0;
	tool_error("cannot write %s: %s, not a regular file", path, file_kind(st.st_mode));
	return -1;
}

int elf_image_save(const struct elf_image *img, const char *path, size_t size,
		   const void *tail, size_t tail_len)
{
	char *tmp;
	int fd, err = 0;

	if (output_may_be(path))
		return -1;
	tmp = temp_name_for(path);
	if (!tmp) {
		tool_error("out of memory");
		return -1;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		tool_error("cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	if (write_all(fd, img->bytes, size) || write_all(fd, tail, tail_len) ||
	    fchmod(fd, img->mode) || fsync(fd))
		err = errno ? errno : EIO;
	if (close(fd) && !err)
		err = errno;
	if (!err && rename(tmp, path))
		err = errno;
	if (err) {
		tool_error("cannot write %s: %s", path, strerror(err));
		unlink(tmp);
	}
	free(tmp);
	return err ? -1 : 0;
}
