// SPDX-License-Identifier: MIT
/*
 * exit-costs: host instructions per exit, by kind, from a QEMU instruction
 * trace of a hosted boot (`qemu-system-ppc64 -singlestep -d
 * exec,nochain,in_asm`, see bench/qemu-exit-trace.sh).
 *
 * Each "Trace" line of that log is one executed instruction; its TB flags
 * say whether it ran at MSR[PR]=1 (the guest: the host runs it there) or
 * PR=0 (the host).  An exit is a maximal run of host instructions between
 * two guest ones.  Its kind comes from where it entered (the vector, its
 * first host instruction), the guest's last instruction before it (from
 * the in_asm lines: its word and mnemonic) and where the guest resumed:
 *
 *   0xc00, resumed at 0xc00      sc          (a system call reflected)
 *   0xc00, resumed after the sc  hypercall
 *   0x700, resumed at 0x700      program_reflected
 *   0x700, otherwise             the instruction emulated: rfid, mfspr,
 *                                mtspr, mtmsrd_l1, mtmsrd_l0, slbmte, ...
 *   0x300/0x380/0x400/0x480      guest_fault (resumed at that vector),
 *                                mmio (a data access resumed after it),
 *                                shadow_fault (resumed where it faulted)
 *   any other                    vector_0x...
 *
 * With --marks, only the benchmark loop counts, as bench-echo takes it:
 * the host's stats_mark() (from --host-elf's symbols) splits the exits
 * into sections, each ending with the exit that printed its mark; the loop
 * is (mark 2 to mark 3) - (mark 1 to mark 2), so the marking's own exits
 * cancel.  Per iteration with --iterations.
 *
 * Output, one per line:
 *   guest_insns <per iteration>
 *   host_insns <per iteration>
 *   exit <kind> <exits per iteration> <host instructions per exit>
 *   phase <kind> <host function> <its instructions per exit>   (--phases)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <getopt.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ppcpv/isa/vectors.h>

#define HFLAGS_PR	(1u << 14)	/* QEMU's TB flag for MSR[PR] (target/ppc) */
#define SECTIONS	4		/* before mark 1, then after marks 1, 2, 3 */
#define MAX_KINDS	64
#define KIND_LEN	24
#define MAX_FUNCS	4096
#define NO_PC		UINT64_MAX	/* the guest did not resume (another interrupt) */
#define INSN_SLOTS	(1u << 20)	/* guest instructions seen (open addressing) */

struct func {
	uint64_t start, end;
	char name[48];
};

static struct func funcs[MAX_FUNCS];
static unsigned int nfuncs;
/* stats_mark()'s index in funcs (entered at its ELFv2 local entry, past
 * its first instruction: matched by function, not address). */
static unsigned int mark_func = MAX_FUNCS;
static uint64_t mark_start = UINT64_MAX;

/* Per kind and section: exits, host instructions, and per function. */
struct kind {
	char name[KIND_LEN];
	unsigned long long exits[SECTIONS], insns[SECTIONS];
	unsigned long long *phase[SECTIONS];	/* [nfuncs + 1]: the last is "?" */
};

static struct kind kinds[MAX_KINDS];
static unsigned int nkinds;
static unsigned long long guest_insns[SECTIONS];

/* The guest instructions translated so far: pc -> word and mnemonic. */
struct insn {
	uint64_t pc;
	uint32_t word, used;
	char mn[12];
};

static struct insn *insns;

static void die(const char *what)
{
	fprintf(stderr, "exit-costs: %s\n", what);
	exit(1);
}

/* ---- the host's symbols ------------------------------------------------- */

static int by_start(const void *a, const void *b)
{
	const struct func *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static void read_symbols(const char *path)
{
	int fd = open(path, O_RDONLY);
	Elf *elf;
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;
	GElf_Sym sym;
	Elf_Data *data;
	size_t i, n;

	if (fd < 0 || elf_version(EV_CURRENT) == EV_NONE || !(elf = elf_begin(fd, ELF_C_READ, NULL)))
		die("cannot read the host ELF");
	while ((scn = elf_nextscn(elf, scn))) {
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
			continue;
		data = elf_getdata(scn, NULL);
		n = sh.sh_size / sh.sh_entsize;
		for (i = 0; data && i < n && nfuncs < MAX_FUNCS; i++) {
			const char *name;

			/* functions, and start.S's labels (no type, no size) */
			if (!gelf_getsym(data, (int)i, &sym) || sym.st_shndx == SHN_UNDEF ||
			    (GELF_ST_TYPE(sym.st_info) != STT_FUNC &&
			     GELF_ST_TYPE(sym.st_info) != STT_NOTYPE))
				continue;
			name = elf_strptr(elf, sh.sh_link, sym.st_name);
			if (!name || !*name || *name == '.' || *name == '$')
				continue;
			funcs[nfuncs].start = sym.st_value;
			funcs[nfuncs].end = sym.st_size ? sym.st_value + sym.st_size : 0;
			snprintf(funcs[nfuncs].name, sizeof(funcs[0].name), "%s", name);
			if (!strcmp(name, "stats_mark"))
				mark_start = sym.st_value;
			nfuncs++;
		}
	}
	elf_end(elf);
	close(fd);
	/* The host's vectors (start.S's VECTOR: no symbol of their own). */
	if (nfuncs < MAX_FUNCS) {
		funcs[nfuncs].start = PPC_BOOK3S_VEC_MCHECK;
		funcs[nfuncs].end = PPC_BOOK3S_VEC_AREA_END;
		snprintf(funcs[nfuncs++].name, sizeof(funcs[0].name), "vectors");
	}
	qsort(funcs, nfuncs, sizeof(funcs[0]), by_start);
	/* A label runs to the next symbol. */
	for (i = 0; i < nfuncs; i++)
		if (!funcs[i].end)
			funcs[i].end = i + 1 < nfuncs ? funcs[i + 1].start : funcs[i].start + 4;
	for (i = 0; i < nfuncs; i++)
		if (funcs[i].start == mark_start)
			mark_func = (unsigned int)i;
}

/* The function or start.S label holding pc (the last symbol at or below
 * it that covers it), or nfuncs: "?". */
static unsigned int func_of(uint64_t pc)
{
	unsigned int lo = 0, hi = nfuncs;

	while (lo < hi) {
		unsigned int mid = (lo + hi) / 2;

		if (funcs[mid].start <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo && pc < funcs[lo - 1].end ? lo - 1 : nfuncs;
}

/* ---- guest instructions -------------------------------------------------- */

static struct insn *insn_slot(uint64_t pc)
{
	uint32_t h = (uint32_t)((pc >> 2) * 0x9e3779b97f4a7c15ull >> 40) & (INSN_SLOTS - 1);

	while (insns[h].used && insns[h].pc != pc)
		h = (h + 1) & (INSN_SLOTS - 1);
	return &insns[h];
}

static unsigned int kind_index(const char *name)
{
	unsigned int k, s;

	for (k = 0; k < nkinds; k++)
		if (!strcmp(kinds[k].name, name))
			return k;
	if (nkinds == MAX_KINDS)
		die("too many exit kinds");
	snprintf(kinds[k].name, KIND_LEN, "%s", name);
	for (s = 0; s < SECTIONS; s++)
		if (!(kinds[k].phase[s] = calloc(nfuncs + 1, sizeof(unsigned long long))))
			die("out of memory");
	return nkinds++;
}

/* ---- exits -------------------------------------------------------------- */

struct exit_run {
	int open;
	uint64_t vector, last_pc;	/* first host pc; the guest's last pc */
	const struct insn *last;	/* its instruction, if traced */
	unsigned long long count;
	int marked;
	unsigned int *touched, ntouched;
	unsigned long long *per_func;
};

/* Every Book3S vector is a multiple of this. */
#define VECTOR_ALIGN	0x20

/* The first instruction of a host vector (start.S's VECTOR, 5
 * instructions each): only an interrupt gets there. */
static int is_vector_entry(uint64_t pc)
{
	return pc >= PPC_BOOK3S_VEC_MCHECK && pc < PPC_BOOK3S_VEC_AREA_END && !(pc % VECTOR_ALIGN);
}

static int is_fault_vector(uint64_t v)
{
	return v == PPC_BOOK3S_VEC_DSI || v == PPC_BOOK3S_VEC_DSEG || v == PPC_BOOK3S_VEC_ISI ||
	       v == PPC_BOOK3S_VEC_ISEG;
}

static void classify(const struct exit_run *x, uint64_t next, char *kind)
{
	const char *mn = x->last ? x->last->mn : "?";

	if (x->vector == PPC_BOOK3S_VEC_SYSCALL)
		snprintf(kind, KIND_LEN, "%s", next == PPC_BOOK3S_VEC_SYSCALL ? "sc" :
			 next == x->last_pc + 4 ? "hypercall" : "sc_other");
	else if (x->vector == PPC_BOOK3S_VEC_PROGRAM && next == PPC_BOOK3S_VEC_PROGRAM)
		snprintf(kind, KIND_LEN, "program_reflected");
	else if (x->vector == PPC_BOOK3S_VEC_PROGRAM && !strcmp(mn, "mtmsrd"))
		snprintf(kind, KIND_LEN, "mtmsrd_l%u", (x->last->word >> 16) & 1);
	else if (x->vector == PPC_BOOK3S_VEC_PROGRAM)
		snprintf(kind, KIND_LEN, "%s", mn);
	else if (is_fault_vector(x->vector) && next == x->vector)
		snprintf(kind, KIND_LEN, "guest_fault");
	else if ((x->vector == PPC_BOOK3S_VEC_DSI || x->vector == PPC_BOOK3S_VEC_DSEG) &&
		 next == x->last_pc + 4)
		snprintf(kind, KIND_LEN, "mmio");
	else if (is_fault_vector(x->vector))
		snprintf(kind, KIND_LEN, "shadow_fault");
	else
		snprintf(kind, KIND_LEN, "vector_0x%" PRIx64, x->vector);
}

static unsigned int section;

static void close_exit(struct exit_run *x, uint64_t next)
{
	char name[KIND_LEN];
	struct kind *k;
	unsigned int i;

	classify(x, next, name);
	k = &kinds[kind_index(name)];
	k->exits[section]++;
	k->insns[section] += x->count;
	for (i = 0; i < x->ntouched; i++) {
		k->phase[section][x->touched[i]] += x->per_func[x->touched[i]];
		x->per_func[x->touched[i]] = 0;
	}
	x->ntouched = 0;
	/* The exit that printed a mark ends its section. */
	if (x->marked && section + 1 < SECTIONS)
		section++;
	x->open = 0;
}

static void host_insn(struct exit_run *x, uint64_t pc, uint64_t last_pc, const struct insn *last)
{
	unsigned int f = func_of(pc);

	if (!x->open) {
		x->open = 1;
		x->vector = pc;
		x->last_pc = last_pc;
		x->last = last;
		x->count = 0;
		x->marked = 0;
	}
	x->count++;
	if (f == mark_func)
		x->marked = 1;
	if (!x->per_func[f]++)
		x->touched[x->ntouched++] = f;
}

/* ---- the log ------------------------------------------------------------ */

/* A translated instruction (in_asm), remembered by pc until an executed
 * host instruction at that pc shows it was the host's: the execution log
 * may start later than the translations (bench/linux-exit-trace.sh). */
static void translated(uint64_t pc, uint32_t word, const char *mn)
{
	struct insn *s = insn_slot(pc);

	s->pc = pc;
	s->used = 1;
	s->word = word;
	memcpy(s->mn, mn, sizeof(s->mn));
}

static void read_log(FILE *in)
{
	struct exit_run x = { 0 };
	char *line = NULL;
	size_t cap = 0;
	uint64_t last_pc = 0, pc, in_pc = UINT64_MAX;
	uint32_t word, flags;
	char mn[12] = "", *p;
	int seen_guest = 0;
	const struct insn *last = NULL;

	x.touched = calloc(nfuncs + 1, sizeof(unsigned int));
	x.per_func = calloc(nfuncs + 1, sizeof(unsigned long long));
	if (!x.touched || !x.per_func)
		die("out of memory");
	while (getline(&line, &cap, in) > 0) {
		if (line[0] == '0' && line[1] == 'x') {
			/* in_asm: "0x<pc>:  <word>  <mnemonic> ..." */
			if (sscanf(line, "0x%" SCNx64 ": %" SCNx32 " %11s", &pc, &word, mn) == 3) {
				translated(pc, word, mn);
				in_pc = pc;
			}
			continue;
		}
		if (strncmp(line, "Trace ", 6) || !(p = strchr(line, '[')))
			continue;
		if (sscanf(p, "[%*x/%" SCNx64 "/%" SCNx32 "/", &pc, &flags) != 2)
			continue;
		if (!(flags & HFLAGS_PR)) {
			/* the host's translation, not a guest instruction */
			if (pc == in_pc)
				insn_slot(pc)->used = 0;
			in_pc = UINT64_MAX;
			/* An interrupt right after the host's rfid, before the
			 * guest completed an instruction (a fetch that faults
			 * again): a new exit. */
			if (x.open && is_vector_entry(pc)) {
				close_exit(&x, NO_PC);
				last = NULL;
			}
			if (seen_guest)
				host_insn(&x, pc, last_pc, last);
			continue;
		}
		in_pc = UINT64_MAX;
		if (x.open)
			close_exit(&x, pc);
		seen_guest = 1;
		guest_insns[section]++;
		last_pc = pc;
		last = insn_slot(pc)->used ? insn_slot(pc) : NULL;
	}
	free(line);
	free(x.touched);
	free(x.per_func);
}

/* ---- the report ----------------------------------------------------------- */

/* The loop's share of a per-section count: section 2 (after mark 2's
 * exit up to mark 3's: the loop and one marking) minus section 1 (mark 1
 * to mark 2: one marking); or the whole log without marks. */
static double loop_of(const unsigned long long *v, int marks)
{
	unsigned int s;
	double all = 0;

	if (marks)
		return (double)v[2] - (double)v[1];
	for (s = 0; s < SECTIONS; s++)
		all += (double)v[s];
	return all;
}

static void report(int marks, double iterations, int phases)
{
	unsigned long long host[SECTIONS] = { 0 };
	unsigned int k, s, f;

	for (k = 0; k < nkinds; k++)
		for (s = 0; s < SECTIONS; s++)
			host[s] += kinds[k].insns[s];
	printf("guest_insns %.1f\n", loop_of(guest_insns, marks) / iterations);
	printf("host_insns %.1f\n", loop_of(host, marks) / iterations);
	for (k = 0; k < nkinds; k++) {
		double n = loop_of(kinds[k].exits, marks), i = loop_of(kinds[k].insns, marks);

		if (n <= 0)
			continue;
		printf("exit %s %.2f %.1f\n", kinds[k].name, n / iterations, i / n);
		for (f = 0; phases && f <= nfuncs; f++) {
			unsigned long long v[SECTIONS];
			double share;

			for (s = 0; s < SECTIONS; s++)
				v[s] = kinds[k].phase[s][f];
			share = loop_of(v, marks) / n;
			if (share != 0)
				printf("phase %s %s %.1f\n", kinds[k].name, f < nfuncs ? funcs[f].name : "?",
				       share);
		}
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: exit-costs --host-elf ELF [--marks] [--iterations N] [--phases] [LOG]\n"
		"  reads a qemu-system-ppc64 -singlestep -d exec,nochain,in_asm log (LOG or\n"
		"  standard input) of a hosted boot; prints host instructions per exit by kind\n"
		"  --host-elf    the host stub's ELF (its function symbols)\n"
		"  --marks       only the benchmark loop, between the host's stats marks\n"
		"  --iterations  divide per-iteration counts by N (default 1)\n"
		"  --phases      also each kind's instructions per exit by host function\n"
		"exit status: 0 done, 1 unreadable input or no exit seen, 2 usage\n");
}

int main(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "host-elf", required_argument, NULL, 'e' }, { "marks", no_argument, NULL, 'm' },
		{ "iterations", required_argument, NULL, 'n' }, { "phases", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	const char *elf = NULL;
	double iterations = 1;
	int c, marks = 0, phases = 0;
	FILE *in = stdin;

	while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		switch (c) {
		case 'e': elf = optarg; break;
		case 'm': marks = 1; break;
		case 'n': iterations = strtod(optarg, NULL); break;
		case 'p': phases = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (!elf || iterations <= 0 || argc - optind > 1) {
		usage(stderr);
		return 2;
	}
	if (optind < argc && !(in = fopen(argv[optind], "r"))) {
		fprintf(stderr, "exit-costs: %s: %s\n", argv[optind], strerror(errno));
		return 1;
	}
	read_symbols(elf);
	if (marks && mark_func == MAX_FUNCS)
		die("the host ELF has no stats_mark symbol");
	if (!(insns = calloc(INSN_SLOTS, sizeof(*insns))))
		die("out of memory");
	read_log(in);
	if (!nkinds)
		die("no exit in the log (not a hosted boot, or not traced with -singlestep -d exec,nochain,in_asm?)");
	if (marks && section < 3)
		die("fewer than three stats marks in the log");
	report(marks, iterations, phases);
	return 0;
}
