// SPDX-License-Identifier: MIT
/*
 * emul-gen - turn the assembled trampoline templates into C tables.
 *
 *   emul-gen OUT.c PPC32.o PPC64.o PPC64LE.o
 *
 * Reads the three objects of kvm_emul/kvm_emul.S, takes each template's
 * bytes and slot labels out of them, and writes the tables of ppcpv/emul.h.
 * Anything that does not look exactly as the patcher expects (a missing or
 * stray label, a slot outside its template, a wrong placeholder, a
 * relocation, little-endian words that differ from the big-endian ones) is
 * an error: the message names the object and the label, the exit status is
 * 1 and no output is written, so the build stops there.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ppcpv/abi.h>
#include <ppcpv/emul.h>
#include <ppcpv/isa/insn.h>

#define TEMPLATE_SECTION	".text.ppcpv_emul"
#define MAX_TEMPLATE_WORDS	256	/* far above any template; keeps int16_t slots valid */

/* Placeholders the patcher overwrites; it checks nothing, so we do. */
#define SCRATCH_R30		30
#define PLACEHOLDER_VALUE	PPC_ENC_ORI(SCRATCH_R30, 0, 0)			/* ori r30,r0,0 */
#define PLACEHOLDER_BRANCH	PPC_INST_B					/* b . */
#define PLACEHOLDER_SR_INDEX	PPC_ENC_RLWINM(SCRATCH_R30, 0, 6, 26, 29)	/* rlwinm r30,r0,6,26,29 */
/* stw r0,sr(r30): sr[] relative to the magic page at its ABI address */
#define PLACEHOLDER_SR_STORE	PPC_ENC_D(PPC_OP_STW, 0, SCRATCH_R30, \
					  PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_SR)

/* What kvm_emul.S must provide for one template, in enum ppcpv_emul_id order. */
struct template_spec {
	const char *name;		/* the <name> of ppcpv_emul_<name>_<slot> */
	const char *id;			/* its enum ppcpv_emul_id constant */
	unsigned int n_values;		/* value slots */
	int has_orig;
	int has_sr;			/* sr_index and sr_store slots */
	uint32_t orig_placeholder;	/* the instruction with register 0 */
};

static const struct template_spec specs[] = {
	{ "mtmsrd_l1", "PPCPV_EMUL_MTMSRD_L1", 1, 1, 0, PPC_INST_MTMSRD_L1 },	/* mtmsrd r0,1 */
	{ "mtmsr", "PPCPV_EMUL_MTMSR", 2, 1, 0, PPC_INST_MTMSR },		/* mtmsr r0 */
	{ "wrtee", "PPCPV_EMUL_WRTEE", 1, 1, 0, PPC_INST_WRTEE },		/* wrtee r0 */
	{ "wrteei0", "PPCPV_EMUL_WRTEEI0", 0, 0, 0, 0 },
	{ "mtsrin", "PPCPV_EMUL_MTSRIN", 0, 1, 1, PPC_INST_MTSRIN },		/* mtsrin r0,r0 */
};
#define N_SPECS (sizeof(specs) / sizeof(specs[0]))
_Static_assert(N_SPECS == PPCPV_EMUL_COUNT, "a template of ppcpv/emul.h has no spec here");

/* Which object is which: the ELF header must say so too. */
struct object_role {
	const char *flavour;
	int elf_class;
	int machine;
	int data;
};

static const struct object_role roles[] = {
	{ "ppc32", ELFCLASS32, EM_PPC, ELFDATA2MSB },
	{ "ppc64", ELFCLASS64, EM_PPC64, ELFDATA2MSB },
	{ "ppc64le", ELFCLASS64, EM_PPC64, ELFDATA2LSB },
};
#define N_ROLES (sizeof(roles) / sizeof(roles[0]))

struct object {
	const char *path;
	const struct object_role *role;
	int fd;
	Elf *elf;
	size_t text_index;		/* section index of TEMPLATE_SECTION */
	const uint8_t *text;
	size_t text_size;
	Elf_Data *symbols;
	size_t n_symbols;
	size_t symbol_strings;		/* section index of the symbol names */
};

/* One template as read from one object. */
struct extracted {
	uint32_t words[MAX_TEMPLATE_WORDS];
	unsigned int n_words;
	int value_slot[PPCPV_EMUL_MAX_VALUE_SLOTS];
	int orig_slot;
	int branch_slot;
	int sr_index_slot;
	int sr_store_slot;
	unsigned int n_magic;
	unsigned int magic_slot[PPCPV_EMUL_MAX_MAGIC_SLOTS];
};

static __attribute__((noreturn, format(printf, 1, 2))) void die(const char *fmt, ...)
{
	va_list ap;

	fputs("emul-gen: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* ---- Reading the objects ------------------------------------------------ */

static void check_header(struct object *obj)
{
	GElf_Ehdr ehdr;

	if (elf_kind(obj->elf) != ELF_K_ELF || !gelf_getehdr(obj->elf, &ehdr))
		die("%s: not an ELF object", obj->path);
	if (ehdr.e_ident[EI_CLASS] != obj->role->elf_class ||
	    ehdr.e_machine != obj->role->machine || ehdr.e_ident[EI_DATA] != obj->role->data)
		die("%s: not a %s object (wrong ELF class, machine or byte order)",
		    obj->path, obj->role->flavour);
}

static const char *section_name(struct object *obj, Elf_Scn *scn)
{
	GElf_Shdr shdr;
	size_t names;

	if (!gelf_getshdr(scn, &shdr) || elf_getshdrstrndx(obj->elf, &names))
		die("%s: unreadable section header: %s", obj->path, elf_errmsg(-1));
	return elf_strptr(obj->elf, names, shdr.sh_name);
}

/* Take the template section's bytes; remember the symbol table. */
static void scan_sections(struct object *obj)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	while ((scn = elf_nextscn(obj->elf, scn))) {
		const char *name = section_name(obj, scn);

		gelf_getshdr(scn, &shdr);
		if (name && !strcmp(name, TEMPLATE_SECTION)) {
			Elf_Data *data = elf_rawdata(scn, NULL);

			if (shdr.sh_type != SHT_PROGBITS || !data || data->d_size != shdr.sh_size)
				die("%s: section %s has no readable contents", obj->path, TEMPLATE_SECTION);
			obj->text_index = elf_ndxscn(scn);
			obj->text = data->d_buf;
			obj->text_size = data->d_size;
		} else if (shdr.sh_type == SHT_SYMTAB) {
			obj->symbols = elf_getdata(scn, NULL);
			obj->n_symbols = shdr.sh_entsize ? shdr.sh_size / shdr.sh_entsize : 0;
			obj->symbol_strings = shdr.sh_link;
		}
	}
	if (!obj->text)
		die("%s: no section %s", obj->path, TEMPLATE_SECTION);
	if (!obj->symbols)
		die("%s: no symbol table", obj->path);
}

/* A relocation would change the bytes at link time: ours must be final. */
static void check_no_relocations(struct object *obj)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	while ((scn = elf_nextscn(obj->elf, scn))) {
		gelf_getshdr(scn, &shdr);
		if ((shdr.sh_type == SHT_REL || shdr.sh_type == SHT_RELA) &&
		    shdr.sh_info == obj->text_index && shdr.sh_size)
			die("%s: %s has relocations (a branch to a global label?); "
			    "templates must branch to local labels only", obj->path, TEMPLATE_SECTION);
	}
}

static void open_object(struct object *obj, const char *path, const struct object_role *role)
{
	memset(obj, 0, sizeof(*obj));
	obj->path = path;
	obj->role = role;
	obj->fd = open(path, O_RDONLY);
	if (obj->fd < 0)
		die("%s: %s", path, strerror(errno));
	obj->elf = elf_begin(obj->fd, ELF_C_READ, NULL);
	if (!obj->elf)
		die("%s: %s", path, elf_errmsg(-1));
	check_header(obj);
	scan_sections(obj);
	check_no_relocations(obj);
}

static void close_object(struct object *obj)
{
	elf_end(obj->elf);
	close(obj->fd);
}

/*
 * Offset of a symbol in the template section: 0 and *offset, or -1 when
 * the object has no such symbol.  A symbol elsewhere is an error.
 */
static int find_symbol(struct object *obj, const char *name, size_t *offset)
{
	GElf_Sym sym;
	size_t i;

	for (i = 1; i < obj->n_symbols; i++) {
		const char *sym_name;

		if (!gelf_getsym(obj->symbols, (int)i, &sym))
			die("%s: unreadable symbol %zu", obj->path, i);
		sym_name = elf_strptr(obj->elf, obj->symbol_strings, sym.st_name);
		if (!sym_name || strcmp(sym_name, name))
			continue;
		if (sym.st_shndx != obj->text_index)
			die("%s: %s is not in section %s", obj->path, name, TEMPLATE_SECTION);
		*offset = (size_t)sym.st_value;
		return 0;
	}
	return -1;
}

static void symbol_name(char *buf, size_t size, const char *template, const char *what)
{
	snprintf(buf, size, "ppcpv_emul_%s_%s", template, what);
}

/* ---- One template ------------------------------------------------------- */

static uint32_t word_at(const struct object *obj, size_t offset)
{
	const uint8_t *p = obj->text + offset;

	if (obj->role->data == ELFDATA2MSB)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Copy the words between the start and end labels. */
static size_t read_words(struct object *obj, const struct template_spec *spec,
			 struct extracted *out)
{
	char start_name[96], end_name[96];
	size_t start, end, i;

	symbol_name(start_name, sizeof(start_name), spec->name, "start");
	symbol_name(end_name, sizeof(end_name), spec->name, "end");
	if (find_symbol(obj, start_name, &start))
		die("%s: missing symbol %s", obj->path, start_name);
	if (find_symbol(obj, end_name, &end))
		die("%s: missing symbol %s", obj->path, end_name);
	if (end <= start || end > obj->text_size || (start | end) & 3)
		die("%s: %s..%s is not a word-aligned range inside %s",
		    obj->path, start_name, end_name, TEMPLATE_SECTION);
	if ((end - start) / 4 > MAX_TEMPLATE_WORDS)
		die("%s: template %s has more than %d words", obj->path, spec->name,
		    MAX_TEMPLATE_WORDS);
	out->n_words = (unsigned int)((end - start) / 4);
	for (i = 0; i < out->n_words; i++)
		out->words[i] = word_at(obj, start + 4 * i);
	return start;
}

/*
 * Word index of slot `what`, or -1 when the template has none.  A required
 * slot must exist, an unexpected one must not, and a slot must be a word of
 * its template holding the expected placeholder.
 */
static int read_slot(struct object *obj, const struct template_spec *spec, size_t start,
		     const struct extracted *tpl, const char *what, int required,
		     uint32_t placeholder)
{
	char name[96];
	size_t offset;
	unsigned int index;

	symbol_name(name, sizeof(name), spec->name, what);
	if (find_symbol(obj, name, &offset)) {
		if (required)
			die("%s: missing symbol %s", obj->path, name);
		return -1;
	}
	if (!required)
		die("%s: unexpected symbol %s (template %s has no %s slot)",
		    obj->path, name, spec->name, what);
	if (offset < start || offset >= start + 4 * (size_t)tpl->n_words || (offset - start) & 3)
		die("%s: %s lies outside template %s (or is not word aligned)",
		    obj->path, name, spec->name);
	index = (unsigned int)((offset - start) / 4);
	if (tpl->words[index] != placeholder)
		die("%s: %s (word %u) is 0x%08x, expected placeholder 0x%08x",
		    obj->path, name, index, tpl->words[index], placeholder);
	return (int)index;
}

static void read_slots(struct object *obj, const struct template_spec *spec, size_t start,
		       struct extracted *tpl)
{
	static const char *const value_names[PPCPV_EMUL_MAX_VALUE_SLOTS] = { "value0", "value1" };
	unsigned int i;

	for (i = 0; i < PPCPV_EMUL_MAX_VALUE_SLOTS; i++)
		tpl->value_slot[i] = read_slot(obj, spec, start, tpl, value_names[i],
					       i < spec->n_values, PLACEHOLDER_VALUE);
	tpl->orig_slot = read_slot(obj, spec, start, tpl, "orig", spec->has_orig,
				   spec->orig_placeholder);
	tpl->branch_slot = read_slot(obj, spec, start, tpl, "branch", 1, PLACEHOLDER_BRANCH);
	tpl->sr_index_slot = read_slot(obj, spec, start, tpl, "sr_index", spec->has_sr,
				       PLACEHOLDER_SR_INDEX);
	tpl->sr_store_slot = read_slot(obj, spec, start, tpl, "sr_store", spec->has_sr,
				       PLACEHOLDER_SR_STORE);
}

/* lwz/stw, or ld/std (DS-form XO 0), with RA=0. */
static int is_absolute_access(uint32_t word)
{
	unsigned int opcd = PPC_OPCD(word);

	if (PPC_GET_RA(word))
		return 0;
	if (opcd == PPC_OP_LWZ || opcd == PPC_OP_STW)
		return 1;
	return (opcd == PPC_OP_LD || opcd == PPC_OP_STD) && PPC_GET_DS_XO(word) == PPC_DS_LD;
}

static void find_magic_slots(const struct object *obj, const struct template_spec *spec,
			     struct extracted *tpl)
{
	unsigned int i;

	tpl->n_magic = 0;
	for (i = 0; i < tpl->n_words; i++) {
		if (!is_absolute_access(tpl->words[i]) && (int)i != tpl->sr_store_slot)
			continue;
		if (tpl->n_magic == PPCPV_EMUL_MAX_MAGIC_SLOTS)
			die("%s: template %s has more than PPCPV_EMUL_MAX_MAGIC_SLOTS (%d) "
			    "magic-page accesses", obj->path, spec->name, PPCPV_EMUL_MAX_MAGIC_SLOTS);
		tpl->magic_slot[tpl->n_magic++] = i;
	}
}

static void extract(struct object *obj, const struct template_spec *spec, struct extracted *tpl)
{
	size_t start;

	memset(tpl, 0, sizeof(*tpl));
	start = read_words(obj, spec, tpl);
	read_slots(obj, spec, start, tpl);
	find_magic_slots(obj, spec, tpl);
}

/* The little-endian object must hold the same instructions as the big one. */
static void compare_le(const struct object *le, const struct template_spec *spec,
		       const struct extracted *be_tpl, const struct extracted *le_tpl)
{
	unsigned int i;

	if (le_tpl->n_words != be_tpl->n_words)
		die("%s: template %s has %u words, the big-endian ppc64 one %u",
		    le->path, spec->name, le_tpl->n_words, be_tpl->n_words);
	for (i = 0; i < be_tpl->n_words; i++)
		if (le_tpl->words[i] != be_tpl->words[i])
			die("%s: template %s word %u is 0x%08x, the big-endian ppc64 one 0x%08x",
			    le->path, spec->name, i, le_tpl->words[i], be_tpl->words[i]);
	if (memcmp(le_tpl, be_tpl, sizeof(*le_tpl)))
		die("%s: template %s has its slots elsewhere than in the big-endian ppc64 one",
		    le->path, spec->name);
}

/* ---- Writing C ---------------------------------------------------------- */

static void write_words(FILE *out, unsigned int bits, const struct template_spec *spec,
			const struct extracted *tpl)
{
	unsigned int i;

	fprintf(out, "static const uint32_t %s_words%u[%u] = {\n", spec->name, bits, tpl->n_words);
	for (i = 0; i < tpl->n_words; i++)
		fprintf(out, "\t0x%08x,\t/* %2u */\n", tpl->words[i], i);
	fprintf(out, "};\n\n");
}

static void write_entry(FILE *out, unsigned int bits, const struct template_spec *spec,
			const struct extracted *tpl)
{
	unsigned int i;

	fprintf(out, "\t[%s] = {\n", spec->id);
	fprintf(out, "\t\t.name = \"%s\",\n", spec->name);
	fprintf(out, "\t\t.words = %s_words%u,\n", spec->name, bits);
	fprintf(out, "\t\t.n_words = %u,\n", tpl->n_words);
	fprintf(out, "\t\t.value_slot = { %d, %d },\n", tpl->value_slot[0], tpl->value_slot[1]);
	fprintf(out, "\t\t.orig_slot = %d,\n", tpl->orig_slot);
	fprintf(out, "\t\t.branch_slot = %d,\n", tpl->branch_slot);
	fprintf(out, "\t\t.sr_index_slot = %d,\n", tpl->sr_index_slot);
	fprintf(out, "\t\t.sr_store_slot = %d,\n", tpl->sr_store_slot);
	fprintf(out, "\t\t.n_magic = %u,\n", tpl->n_magic);
	fprintf(out, "\t\t.magic_slot = {");
	for (i = 0; i < tpl->n_magic; i++)
		fprintf(out, "%s%u", i ? ", " : " ", tpl->magic_slot[i]);
	fprintf(out, " },\n\t},\n");
}

static void write_table(FILE *out, unsigned int bits, const struct extracted *tpls)
{
	unsigned int i;

	for (i = 0; i < N_SPECS; i++)
		write_words(out, bits, &specs[i], &tpls[i]);
	fprintf(out, "static const struct ppcpv_emul_template templates%u[PPCPV_EMUL_COUNT] = {\n",
		bits);
	for (i = 0; i < N_SPECS; i++)
		write_entry(out, bits, &specs[i], &tpls[i]);
	fprintf(out, "};\n\n");
}

static void write_source(FILE *out, const struct extracted *tpls32, const struct extracted *tpls64)
{
	fprintf(out,
		"// SPDX-License-Identifier: MIT\n"
		"/*\n"
		" * Generated by emul-gen from the ppc32, ppc64 and ppc64le objects of\n"
		" * kvm_emul/kvm_emul.S.  Generated, do not edit: change the assembly\n"
		" * source instead.  Words are host-order values (see ppcpv/emul.h).\n"
		" */\n"
		"#include <stddef.h>\n"
		"#include <ppcpv/emul.h>\n\n"
		"_Static_assert(PPCPV_EMUL_COUNT == %zu, \"emul-gen and ppcpv/emul.h disagree\");\n\n",
		N_SPECS);
	write_table(out, 32, tpls32);
	write_table(out, 64, tpls64);
	fprintf(out,
		"const struct ppcpv_emul_template *ppcpv_emul_template(unsigned int word_bits,\n"
		"\t\t\t\t\t\t       enum ppcpv_emul_id id)\n"
		"{\n"
		"\tif ((unsigned int)id >= PPCPV_EMUL_COUNT)\n"
		"\t\treturn NULL;\n"
		"\tif (word_bits == 32)\n"
		"\t\treturn &templates32[id];\n"
		"\tif (word_bits == 64)\n"
		"\t\treturn &templates64[id];\n"
		"\treturn NULL;\n"
		"}\n");
}

/* Write to OUT.tmp and rename, so a failed run never leaves a partial file. */
static void write_output(const char *path, const struct extracted *tpls32,
			 const struct extracted *tpls64)
{
	char tmp[4096];
	FILE *out;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		die("%s: path too long", path);
	out = fopen(tmp, "w");
	if (!out)
		die("%s: %s", tmp, strerror(errno));
	write_source(out, tpls32, tpls64);
	if (ferror(out) | fclose(out)) {
		unlink(tmp);
		die("%s: write error", tmp);
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		die("%s: %s", path, strerror(errno));
	}
}

/* ---- Main ---------------------------------------------------------------- */

static void extract_all(struct object *obj, struct extracted *tpls)
{
	unsigned int i;

	for (i = 0; i < N_SPECS; i++)
		extract(obj, &specs[i], &tpls[i]);
}

int main(int argc, char **argv)
{
	static struct extracted tpls[N_ROLES][N_SPECS];
	struct object objs[N_ROLES];
	unsigned int i;

	if (argc != 2 + (int)N_ROLES) {
		fprintf(stderr, "usage: emul-gen OUT.c PPC32.o PPC64.o PPC64LE.o\n");
		return 2;
	}
	if (elf_version(EV_CURRENT) == EV_NONE)
		die("libelf: %s", elf_errmsg(-1));
	for (i = 0; i < N_ROLES; i++) {
		open_object(&objs[i], argv[2 + i], &roles[i]);
		extract_all(&objs[i], tpls[i]);
	}
	for (i = 0; i < N_SPECS; i++)
		compare_le(&objs[2], &specs[i], &tpls[1][i], &tpls[2][i]);
	for (i = 0; i < N_ROLES; i++)
		close_object(&objs[i]);
	write_output(argv[1], tpls[0], tpls[1]);
	return 0;
}
