// SPDX-License-Identifier: MIT
/*
 * The interrupt-placement sweep, inside the differential test guest (boot
 * argument "sweep", under a host with irq-sweep configured): every program
 * runs once with no interrupt (the reference), then once for every
 * boundary k of its run - before the patched site, before each instruction
 * of the trampoline it branches to, before each of the rest - with a
 * decrementer interrupt the host raises exactly at k (host-stubs/core/
 * sweep.c and the platform's single step).  Each placement must end in
 * the reference's state (every slot of the end record but SRR0 and SRR1,
 * which an interrupt overwrites by definition), and the handler must have
 * run exactly once, outside any critical section, and seen int_pending
 * clear once it acknowledged the decrementer.
 *
 * The handler also runs a patched trampoline with other values in r30,
 * r31 and CR, as a kernel's handler would: so an interrupt delivered while
 * a trampoline still needs its scratch slots overwrites them, and the
 * state after return shows it.
 *
 * The programs: built here, one per shape below and operand register (every
 * path of the Book3S-64 trampolines: mtmsrd L=1, mtmsrd L=0 and mtmsr,
 * enabling, disabling and keeping EE, the critical-bit trap, and the
 * fallback to the trapping instruction when enabling EE finds int_pending
 * set, which the placements before that test make happen; for Book3S-32
 * the same paths of its mtmsr trampoline, and its mtsrin trampoline; for
 * e500 those of the 32-bit mtmsr, wrtee (wrtee rS and wrteei 1) and
 * wrteei 0 trampolines), then the batch's random programs, except those
 * that read SRR0 or SRR1.
 *
 * One source for every family: the shapes are the family's (struct
 * sweep_family below), the decrementer's vector, acknowledgement and enable the
 * runtime's (runtime.h: pseries, or the e500 one).
 */
#include <ppcpv/abi.h>
#include <ppcpv/fmt.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/isa/insn.h>
#include "runtime.h"
#include "../diff.h"
#include "../state.h"
#include "harness.h"

extern char diff_capture[];

/* What a program step does to its operand register rS. */
enum op {
	OP_END = 0,
	OP_MFMSR,	/* rS = msr (patched: a magic-page load) */
	OP_SET_EE,
	OP_CLEAR_EE,	/* ori then xori: two words */
	OP_FLIP_RI,
	OP_FLIP_FP,	/* a critical bit: the trampoline traps */
	OP_MTMSRD_L1,
	OP_MTMSRD_L0,
	OP_MTMSR,
	OP_MTSRIN,	/* mtsrin rS,rS: rS's top nibble names the register */
	OP_WRTEE,	/* BookE: EE = rS's EE */
	OP_WRTEEI_1,
	OP_WRTEEI_0,
};

#define SHAPE_OPS	8

struct shape {
	const char *name;
	int start_ee;
	uint8_t ops[SHAPE_OPS];
};

/* Every program ends with EE set, so that the first boundary where the
 * interrupt may be delivered lies inside it or at its end. */
static const struct shape shapes64[] = {
	{ "mtmsrd-l1-enable", 0, { OP_MFMSR, OP_SET_EE, OP_MTMSRD_L1 } },
	{ "mtmsrd-l1-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_MTMSRD_L1, OP_SET_EE, OP_MTMSRD_L1 } },
	{ "mtmsrd-l1-keep", 1, { OP_MFMSR, OP_FLIP_RI, OP_MTMSRD_L1 } },
	{ "mtmsrd-l0-enable", 0, { OP_MFMSR, OP_SET_EE, OP_MTMSRD_L0 } },
	{ "mtmsrd-l0-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_MTMSRD_L0, OP_SET_EE, OP_MTMSRD_L0 } },
	{ "mtmsrd-l0-keep", 1, { OP_MFMSR, OP_FLIP_RI, OP_MTMSRD_L0 } },
	{ "mtmsr-enable", 0, { OP_MFMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtmsr-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_MTMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtmsrd-l0-trap-enable", 0, { OP_MFMSR, OP_SET_EE, OP_FLIP_FP, OP_MTMSRD_L0 } },
	{ "mtmsr-trap-keep", 1, { OP_MFMSR, OP_FLIP_FP, OP_MTMSR } },
	{ "mtmsr-trap-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_FLIP_FP, OP_MTMSR, OP_SET_EE,
				     OP_MTMSRD_L1 } },
};

/* Book3S-32: mtmsr only (the same paths), and mtsrin with EE on and off. */
static const struct shape shapes32[] = {
	{ "mtmsr-enable", 0, { OP_MFMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtmsr-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_MTMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtmsr-keep", 1, { OP_MFMSR, OP_FLIP_RI, OP_MTMSR } },
	{ "mtmsr-trap-enable", 0, { OP_MFMSR, OP_SET_EE, OP_FLIP_FP, OP_MTMSR } },
	{ "mtmsr-trap-keep", 1, { OP_MFMSR, OP_FLIP_FP, OP_MTMSR } },
	{ "mtmsr-trap-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_FLIP_FP, OP_MTMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtsrin", 1, { OP_MTSRIN } },
	{ "mtsrin-then-enable", 0, { OP_MTSRIN, OP_MFMSR, OP_SET_EE, OP_MTMSR } },
};

/* e500: the 32-bit mtmsr (no RI: keep flips nothing; FP is a critical
 * bit, so the trap shapes take the critical-bit path), wrtee rS and
 * wrteei 1 (one template, whose only trap is the int_pending fallback),
 * wrteei 0 (one path, no fallback). */
static const struct shape shapes_e500[] = {
	{ "mtmsr-enable", 0, { OP_MFMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtmsr-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_MTMSR, OP_SET_EE, OP_MTMSR } },
	{ "mtmsr-keep", 1, { OP_MFMSR, OP_MTMSR } },
	{ "mtmsr-trap-enable", 0, { OP_MFMSR, OP_SET_EE, OP_FLIP_FP, OP_MTMSR } },
	{ "mtmsr-trap-keep", 1, { OP_MFMSR, OP_FLIP_FP, OP_MTMSR } },
	{ "mtmsr-trap-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_FLIP_FP, OP_MTMSR, OP_SET_EE, OP_MTMSR } },
	{ "wrtee-enable", 0, { OP_MFMSR, OP_SET_EE, OP_WRTEE } },
	{ "wrtee-disable", 1, { OP_MFMSR, OP_CLEAR_EE, OP_WRTEE, OP_SET_EE, OP_WRTEE } },
	{ "wrtee-keep", 1, { OP_MFMSR, OP_WRTEE } },
	{ "wrteei-enable", 0, { OP_MFMSR, OP_WRTEEI_1 } },
	{ "wrteei-disable", 1, { OP_MFMSR, OP_WRTEEI_0, OP_WRTEEI_1 } },
	{ "wrteei0-then-wrtee", 1, { OP_MFMSR, OP_WRTEEI_0, OP_WRTEE } },
};

#define N_OF(a)		(sizeof(a) / sizeof((a)[0]))

/* A family's sweep: its shapes, and what the handler's trampoline run
 * leaves in the scratch slots (legal MSR values with the family's fixed
 * bits - SF, LE -, since an interrupted trampoline that reloads one of
 * them may run its original instruction with it; they differ from every
 * start state's r30 and r31 but by chance). */
struct sweep_family {
	const struct shape *shapes;
	unsigned int n_shapes;
	uint64_t clobber_r30, clobber_r31;
};

static const struct sweep_family sweep_book3s64 = {
	shapes64, N_OF(shapes64), PPC_MSR_EE | PPC_BOOK3S_MSR_RI, PPC_BOOK3S_MSR_RI,
};
static const struct sweep_family sweep_book3s32 = {
	shapes32, N_OF(shapes32), PPC_MSR_EE | PPC_BOOK3S_MSR_RI, PPC_BOOK3S_MSR_RI,
};
/* e500 has no RI (never in an operand): EE and ME, which BookE's mtmsr writes. */
static const struct sweep_family sweep_e500 = {
	shapes_e500, N_OF(shapes_e500), PPC_MSR_EE | PPC_MSR_ME, PPC_MSR_ME,
};

static const struct sweep_family *family_sweep(void)
{
	if (diff_guest_family->wrtee)
		return &sweep_e500;
	return diff_guest_family->mtmsrd ? &sweep_book3s64 : &sweep_book3s32;
}

/* The longest shape list. */
#define N_SHAPES_MAX	N_OF(shapes_e500)
_Static_assert(sizeof(shapes32) <= sizeof(shapes_e500) && sizeof(shapes64) <= sizeof(shapes_e500),
	       "built_entry[] holds the longest list");
/* rS: r0 (not "0" for these instructions), an ordinary register, and the
 * two the trampolines borrow (the patcher reloads them from scratch). */
static const uint8_t operand_regs[] = { 0, 5, 30, 31 };
#define N_REGS		(sizeof(operand_regs) / sizeof(operand_regs[0]))
#define N_BUILT_MAX	(N_SHAPES_MAX * N_REGS)
/* Built program c starts from the state of seed SWEEP_SEED_BASE + c. */
#define SWEEP_SEED_BASE	0x5357454550000000ull	/* "SWEEP" */
/* The random stream a sampled placement is drawn from. */
#define SWEEP_STREAM	0x706c6163ull	/* "plac" */
/* Run ids in DIFF-INTERRUPT reports: blob programs are 0.., built ones here on. */
#define BUILT_ID_BASE	DIFF_MAX_PROGRAMS
/* rldicr r,r,32,31: the high word up. */
#define HIGH_WORD_ROTATE	32
/* The guest's exit status when a placement went wrong. */
#define EXIT_SWEEP_BAD	4
/* Reports of bad placements printed in full, per boot. */
#define MAX_REPORTS	8

static uint32_t *built_entry[N_BUILT_MAX];
static void (*clobber_scratch)(void);

static struct {
	volatile uint8_t *dev;
	uint32_t place;		/* SWEEP_AT of the next run */
	uint32_t end;		/* SWEEP_END of the last run: where TO was reached */
	int pv;
	struct diff_spr sprs[DIFF_MAX_SPRS];
	unsigned int n_sprs;
	uint32_t programs, placements, bad, reports;
} sw;

/* What the handler saw during one run. */
static volatile struct {
	uint32_t deliveries, in_critical, pending_left;
} seen;

/* ---- Building ------------------------------------------------------------ */

static uint32_t *put(uint32_t *w, uint32_t insn)
{
	*w = insn;
	return w + 1;
}

static uint32_t *emit(uint32_t *w, enum op op, unsigned int r)
{
	switch (op) {
	case OP_MFMSR:
		return put(w, PPC_INST_MFMSR | PPC_FIELD_RT(r));
	case OP_SET_EE:
		return put(w, PPC_ENC_ORI(r, r, PPC_MSR_EE));
	case OP_CLEAR_EE:
		w = put(w, PPC_ENC_ORI(r, r, PPC_MSR_EE));
		return put(w, ppc_insn_dlogical(PPC_OP_XORI, r, r, PPC_MSR_EE));
	case OP_FLIP_RI:
		return put(w, ppc_insn_dlogical(PPC_OP_XORI, r, r, PPC_BOOK3S_MSR_RI));
	case OP_FLIP_FP:
		return put(w, ppc_insn_dlogical(PPC_OP_XORI, r, r, PPC_MSR_FP));
	case OP_MTMSRD_L1:
		return put(w, PPC_INST_MTMSRD_L1 | PPC_FIELD_RT(r));
	case OP_MTMSRD_L0:
		return put(w, PPC_INST_MTMSRD | PPC_FIELD_RT(r));
	case OP_MTMSR:
		return put(w, PPC_INST_MTMSR | PPC_FIELD_RT(r));
	case OP_MTSRIN:
		return put(w, PPC_INST_MTSRIN | PPC_FIELD_RT(r) | PPC_FIELD_RB(r));
	case OP_WRTEE:
		return put(w, PPC_INST_WRTEE | PPC_FIELD_RT(r));
	case OP_WRTEEI_1:
		return put(w, PPC_INST_WRTEEI | PPC_INST_WRTEEI_E);
	case OP_WRTEEI_0:
		return put(w, PPC_INST_WRTEEI);
	case OP_END:
		break;
	}
	return w;
}

/* r = v (64-bit families: five words; 32-bit: the low word, two). */
static uint32_t *put_value(uint32_t *w, unsigned int r, uint64_t v)
{
	if (diff_guest_family->word_bytes == 8) {
		w = put(w, PPC_ENC_LIS(r, (v >> 48) & 0xffff));
		w = put(w, PPC_ENC_ORI(r, r, (v >> 32) & 0xffff));
		w = put(w, ppc_insn_md(PPC_MD_RLDICR, r, r, HIGH_WORD_ROTATE, 31, 0));
		w = put(w, ppc_insn_dlogical(PPC_OP_ORIS, r, r, (v >> 16) & 0xffff));
	} else {
		w = put(w, PPC_ENC_LIS(r, (v >> 16) & 0xffff));
	}
	return put(w, PPC_ENC_ORI(r, r, v & 0xffff));
}

/*
 * void clobber_scratch(void), for the handler: a patched mfmsr and
 * mtmsrd L=1 (32-bit families: mtmsr; EE stays clear) with junk in r30, r31 and CR, which the
 * trampoline parks in the scratch slots.  r30, r31 and CR are the
 * caller's again afterwards (r9-r12 are volatile).
 */
static uint32_t *build_clobber(uint32_t *w)
{
	const struct sweep_family *fs = family_sweep();

	clobber_scratch = (void (*)(void))(uintptr_t)w;
	w = put(w, ppc_insn_mr(11, 30));
	w = put(w, ppc_insn_mr(12, 31));
	w = put(w, ppc_insn_mfcr(10));
	w = put_value(w, 30, diff_guest_family->fixed | fs->clobber_r30);
	w = put_value(w, 31, diff_guest_family->fixed | fs->clobber_r31);
	w = put(w, ppc_insn_mtcrf(0xff, 30));
	w = put(w, PPC_INST_MFMSR | PPC_FIELD_RT(9));
	w = put(w, (diff_guest_family->mtmsrd ? PPC_INST_MTMSRD_L1 : PPC_INST_MTMSR) | PPC_FIELD_RT(9));
	w = put(w, ppc_insn_mtcrf(0xff, 10));
	w = put(w, ppc_insn_mr(30, 11));
	w = put(w, ppc_insn_mr(31, 12));
	return put(w, PPC_INST_BLR);
}

/* The handler's routine (build_clobber). */
#define CLOBBER_WORDS	24
/* The longest built program: every op two words, and the return. */
#define BUILT_WORDS_MAX	(2 * SHAPE_OPS + 1)

uint32_t *sweep_build(uint32_t *w, const uint32_t *limit)
{
	unsigned int s, r, i;
	const struct sweep_family *fs = family_sweep();

	for (s = 0; s < fs->n_shapes; s++) {
		for (r = 0; r < N_REGS; r++) {
			if (w + BUILT_WORDS_MAX > limit)
				return NULL;
			built_entry[s * N_REGS + r] = w;
			for (i = 0; i < SHAPE_OPS; i++)
				w = emit(w, (enum op)fs->shapes[s].ops[i], operand_regs[r]);
			w = diff_put_return(w);
			if (!w)
				return NULL;
		}
	}
	if (limit - w < CLOBBER_WORDS)
		return NULL;
	return build_clobber(w);
}

/* ---- The handler ----------------------------------------------------------- */

/* A shared-page field (the page's EA is negative: sign-extended). */
static uintptr_t shared_field(int field)
{
	return (uintptr_t)((intptr_t)PPCPV_MAGIC_PAGE_EA + field);
}

static volatile uint32_t *shared32(int field)
{
	return (volatile uint32_t *)shared_field(field);
}

/* critical as wide as a register: a 32-bit build compares the 64-bit
 * field's low word (big-endian: the second), which the 32-bit
 * trampolines store. */
static unsigned long shared_critical(void)
{
	return *(volatile unsigned long *)shared_field(PPCPV_SHARED_CRITICAL + sizeof(uint64_t) -
						       sizeof(unsigned long));
}

static void on_decrementer(struct guest_frame *f)
{
	seen.deliveries++;
	if (sw.pv && shared_critical() == f->gpr[1])
		seen.in_critical++;
	clobber_scratch();
	DIFF_DEC_ACK();		/* the level drops */
	if (sw.pv && *shared32(PPCPV_SHARED_INT_PENDING))
		seen.pending_left++;
}

/* ---- One placement ----------------------------------------------------------- */

/* SWEEP-FROM and SWEEP-TO as wide as an address: a 32-bit build writes
 * 4-byte words, as the host allows. */
static void arm(const uint32_t *entry)
{
	*(volatile uintptr_t *)(sw.dev + PPCPV_HOSTDEV_SWEEP_FROM) = (uintptr_t)entry;
	*(volatile uintptr_t *)(sw.dev + PPCPV_HOSTDEV_SWEEP_TO) = (uintptr_t)diff_capture;
	*(volatile uint32_t *)(sw.dev + PPCPV_HOSTDEV_SWEEP_AT) = sw.place;
}

/* The placement's end, before the harness hashes the memory region: a
 * program that ended with EE clear holds the interrupt back until EE is
 * set here; reading SWEEP-END stops the single-stepping (the hash's 2 KiB
 * loop stepped was most of a sweep's cost). */
static void settle(void)
{
	diff_set_msr(diff_guest_family->entry | PPC_MSR_EE);
	diff_set_msr(diff_guest_family->entry);
	sw.end = *(volatile uint32_t *)(sw.dev + PPCPV_HOSTDEV_SWEEP_END);
}

/* Run with the interrupt at boundary `at`; the boundary the program's end
 * was reached at. */
static uint32_t run_placed(int64_t id, const uint32_t *entry, const uint64_t start[DIFF_SLOTS],
			   uint64_t seed, uint32_t at)
{
	sw.place = at;
	seen.deliveries = seen.in_critical = seen.pending_left = 0;
	diff_run(id, entry, start, seed, arm, settle);
	return sw.end;
}

/* An interrupt overwrites SRR0 and SRR1: no program can expect them kept. */
static int compared(unsigned int slot)
{
	unsigned int i;

	for (i = 0; i < sw.n_sprs; i++)
		if ((slot == DIFF_SLOT_SPR(i) || slot == DIFF_SLOT_PATCHED_SPR(i)) &&
		    (sw.sprs[i].spr == PPC_SPR_SRR0 || sw.sprs[i].spr == PPC_SPR_SRR1))
			return 0;
	return 1;
}

static void report(const char *name, uint32_t at, const char *why, unsigned int slot,
		   const uint64_t ref[DIFF_SLOTS], const uint64_t got[DIFF_SLOTS])
{
	if (sw.reports++ >= MAX_REPORTS)
		return;
	if (slot < DIFF_SLOTS)
		guest_printf("SWEEP-BAD %s at=%u: %s: slot %u want %016llx got %016llx\n", name, at,
			     why, slot, (unsigned long long)ref[slot], (unsigned long long)got[slot]);
	else
		guest_printf("SWEEP-BAD %s at=%u: %s\n", name, at, why);
}

/* What is wrong with the run that just ended (NULL: nothing); *slot the
 * first differing record slot, or DIFF_SLOTS. */
static const char *judge(const uint64_t ref[DIFF_SLOTS], uint64_t got[DIFF_SLOTS], int placed,
			 unsigned int *slot)
{
	unsigned int s;

	*slot = DIFF_SLOTS;
	for (s = 0; s < DIFF_SLOTS; s++)
		got[s] = ((volatile uint64_t *)(uintptr_t)DIFF_OUT_ADDR)[s];
	if (seen.deliveries != (uint32_t)placed)
		return placed ? "the interrupt was not delivered exactly once" :
				"an interrupt nobody placed";
	if (seen.in_critical)
		return "delivered inside a critical section (guest's view)";
	if (seen.pending_left)
		return "int_pending still set after the decrementer was acknowledged";
	for (s = 0; s < DIFF_SLOTS; s++) {
		if (compared(s) && got[s] != ref[s]) {
			*slot = s;
			return "the state differs from the run without the interrupt";
		}
	}
	return NULL;
}

/* The reference run, then every boundary (sample: one, drawn from the seed). */
static void sweep_program(const char *name, int64_t id, const uint32_t *entry, uint64_t seed,
			  const uint64_t start[DIFF_SLOTS], int sample)
{
	uint64_t rng = diff_stream(seed, SWEEP_STREAM);
	uint64_t ref[DIFF_SLOTS] = { 0 }, got[DIFF_SLOTS], common, hosted;	/* judge() fills ref */
	uint32_t boundaries, at, first, last, bad = 0;
	unsigned int slot;
	const char *why;

	boundaries = run_placed(id, entry, start, seed, PPCPV_HOSTDEV_SWEEP_NEVER);
	why = judge(ref, ref, 0, &slot);
	if (!why && boundaries == PPCPV_HOSTDEV_SWEEP_NEVER)
		why = "the host never saw the program's end";
	if (why) {
		report(name, PPCPV_HOSTDEV_SWEEP_NEVER, why, DIFF_SLOTS, ref, ref);
		sw.bad++;
		return;
	}
	first = sample ? diff_below(&rng, boundaries) : 0;
	last = sample ? first + 1 : boundaries;
	for (at = first; at < last; at++) {
		run_placed(id, entry, start, seed, at);
		why = judge(ref, got, 1, &slot);
		if (why) {
			bad++;
			report(name, at, why, slot, ref, got);
		}
	}
	diff_record_hashes(diff_guest_family, ref, sw.sprs, sw.n_sprs, &common, &hosted);
	if (!sample || bad)
		guest_printf("SWEEP %s boundaries=%u placed=%u bad=%u ref=%016llx\n", name,
			     boundaries, last - first, bad, (unsigned long long)common);
	sw.programs++;
	sw.placements += last - first;
	sw.bad += bad;
}

/* Does blob program i read SRR0 or SRR1 (which an interrupt may change)? */
static int reads_srr(uint32_t i)
{
	uint32_t words, k, w;
	const uint8_t *code = diff_program_code(i, &words);

	for (k = 0; k < words; k++) {
		w = diff_be32(code + 4 * k) & ~PPC_RT_MASK;
		if (w == ppc_insn_mfspr(0, PPC_SPR_SRR0) || w == ppc_insn_mfspr(0, PPC_SPR_SRR1))
			return 1;
	}
	return 0;
}

int sweep_main(uint32_t n_programs, int pv, int sample)
{
	uint64_t start[DIFF_SLOTS], seed;
	unsigned int c;
	const struct sweep_family *fs = family_sweep();
	uint32_t i, skipped = 0;
	char name[32];

	sw.dev = (volatile uint8_t *)(uintptr_t)guest_hostdev();
	sw.pv = pv;
	sw.n_sprs = diff_sprs(diff_guest_family, sw.sprs);
	guest_set_handler(DIFF_DEC_VECTOR, on_decrementer);
	DIFF_DEC_SWEEP_ENABLE();
	for (c = 0; c < (sample ? 0 : fs->n_shapes * N_REGS); c++) {
		const struct shape *s = &fs->shapes[c / N_REGS];

		seed = SWEEP_SEED_BASE + c;
		diff_start_state(diff_guest_family, seed, start);
		start[DIFF_SLOT_MSR] = (start[DIFF_SLOT_MSR] & ~(uint64_t)PPC_MSR_EE) |
				       (s->start_ee ? PPC_MSR_EE : 0);
		ppcpv_fmt(name, sizeof(name), "%s/r%u", s->name, operand_regs[c % N_REGS]);
		sweep_program(name, BUILT_ID_BASE + c, built_entry[c], seed, start, 0);
	}
	for (i = 0; i < n_programs; i++) {
		if (reads_srr(i)) {
			skipped++;
			continue;
		}
		seed = diff_program_seed(i);
		diff_start_state(diff_guest_family, seed, start);
		ppcpv_fmt(name, sizeof(name), "program-%u", i);
		sweep_program(name, i, diff_program_entry(i), seed, start, sample);
	}
	guest_printf("SWEEP-DONE programs=%u skipped=%u placements=%u bad=%u\n", sw.programs, skipped,
		     sw.placements, sw.bad);
	return sw.bad ? EXIT_SWEEP_BAD : 0;
}
