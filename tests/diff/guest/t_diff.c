// SPDX-License-Identifier: MIT
/*
 * The differential test guest: runs a batch of generated programs (the
 * blob QEMU loads at DIFF_BLOB_ADDR) and prints a hash of the machine state
 * each one ends in.  The same image runs natively (PR=0, no host), hosted
 * without PV and hosted with PV; in the last run the guest PV component
 * patches the programs' text before they run.
 *
 * The code area at DIFF_AREA_ADDR, built here:
 *   launch pad    one word, "b <program>" before each run (diff_enter
 *                 branches to it)
 *   write_sprs    ld/mtspr of every writable shadowed SPR (and mtsr of
 *                 every segment register, Book3S-32) from the start record
 *   read_trap     mfmsr and mfspr of every shadowed SPR (and mfsr) into
 *                 the end record
 *   --- the text the PV component patches starts here ---
 *   read_patched  the same words as read_trap, into the record's patched
 *                 slots: patched, they become magic-page loads
 *   programs      each program's words, then "b diff_capture"
 * In the patched run the two readouts disagree if a patched load reads
 * another field than the host's emulation does; both ends being equal
 * across runs is what "PV changes nothing" means here.
 *
 * Two builds: 64-bit on the tests/host (pseries) runtime (book3s64,
 * book3s64le, book3s32 entered with SF=0), and 32-bit BookE on the
 * tests/host/e500 runtime (DIFF_RUNTIME_E500: e500), whose records hold
 * each value in the slot's low word.  runtime.h hides the difference.
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/hcall.h>
#include <ppcpv/isa/insn.h>
#include "runtime.h"
#include "../diff.h"
#include "../state.h"
#include "harness.h"

/* Exit statuses besides 0 (every program ran). */
#define EXIT_SETUP	2	/* no usable blob, or memory laid out wrongly */
#define EXIT_INTERRUPT	3	/* an interrupt while a program ran */

/* The one register the built routines use: volatile, as C calls them. */
#define READOUT_REG	3

extern char _end[];
extern char diff_capture[];
extern char diff_probe_lwz_insn[], diff_probe_stw_insn[];
void diff_enter(void);
unsigned long diff_probe_lwz(unsigned long ea);
void diff_probe_stw(unsigned long ea, unsigned long val);
#if DIFF_GUEST_WORD_BYTES == 8
extern char diff_probe_ld_insn[], diff_probe_std_insn[];
uint64_t diff_probe_ld(uint64_t ea);
void diff_probe_std(uint64_t ea, uint64_t val);
#endif

/* A test build that is wrong on purpose names itself (sabotage_*.c). */
extern const char diff_build_variant[] __attribute__((weak));

typedef void (*routine)(void);

static struct {
	struct diff_spr sprs[DIFF_MAX_SPRS];
	unsigned int n_sprs;
	uint32_t *launch;
	routine write_sprs, read_trap, read_patched;
	uint32_t *text;			/* the patched part */
	uint32_t *end;
	uint32_t prog_word[DIFF_MAX_PROGRAMS];	/* program i starts at text + this */
} area;

const struct diff_family *diff_guest_family;
static struct ppcpv_pv_result pv;
static int hcalls_installed;
static volatile int probe_faulted;
static volatile int64_t running = -1;	/* the program that runs, for interrupt reports */
static int sweeping;	/* the interrupt-placement sweep (sweep.c) */
static int sampling;	/* ... one boundary per program */

#define IN	((volatile uint64_t *)(uintptr_t)DIFF_IN_ADDR)
#define OUT	((volatile uint64_t *)(uintptr_t)DIFF_OUT_ADDR)
#define MEM	((uint8_t *)(uintptr_t)DIFF_MEM_ADDR)
#define BLOB	((const uint8_t *)(uintptr_t)DIFF_BLOB_ADDR)

/* ---- Interrupts: none is expected, except a faulting PV probe ---------- */

static int is_probe(uint64_t pc)
{
#if DIFF_GUEST_WORD_BYTES == 8
	if (pc == (uintptr_t)diff_probe_ld_insn || pc == (uintptr_t)diff_probe_std_insn)
		return 1;
#endif
	return pc == (uintptr_t)diff_probe_lwz_insn || pc == (uintptr_t)diff_probe_stw_insn;
}

static void on_interrupt(struct guest_frame *f)
{
	if (running < 0 && is_probe(f->srr0)) {
		probe_faulted = 1;
		f->srr0 += 4;
		return;
	}
	guest_printf("DIFF-INTERRUPT program %lld " DIFF_FRAME_VECTOR_NAME " 0x%llx srr0 0x%llx word 0x%08x srr1 0x%llx "
		     DIFF_FRAME_DAR_NAME " 0x%llx\n",
		     (long long)running, (unsigned long long)DIFF_FRAME_VECTOR(f), (unsigned long long)f->srr0,
		     f->srr0 < DIFF_TOP ? *(const uint32_t *)(uintptr_t)(f->srr0 & ~(uint64_t)3) : 0,
		     (unsigned long long)f->srr1, (unsigned long long)DIFF_FRAME_DAR(f));
	guest_exit(EXIT_INTERRUPT);
}

static void catch_interrupts(void)
{
	static const unsigned int vectors[] = { DIFF_RUNTIME_VECTORS };
	unsigned int i;

	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++)
		guest_set_handler(vectors[i], on_interrupt);
}

/* ---- The PV component's platform ---------------------------------------- */

static int install_hcall(void *ctx, const uint32_t *words, size_t n)
{
	int err = ppcpv_hcall_install(words, n);

	hcalls_installed = !err;
	return err;
}

static long hcall(void *ctx, unsigned long token, unsigned long a0, unsigned long a1,
		  unsigned long *r4)
{
	return ppcpv_hcall4(token, a0, a1, 0, 0, r4);
}

/* The bring-up probes with the word size's bytes (a 32-bit build: 4). */
static int probe_load(void *ctx, uint64_t ea, unsigned int bytes, uint64_t *val)
{
	if (bytes > DIFF_GUEST_WORD_BYTES)
		return -PPCPV_ERR_INVAL;
	probe_faulted = 0;
#if DIFF_GUEST_WORD_BYTES == 8
	if (bytes == 8)
		*val = diff_probe_ld(ea);
	else
#endif
		*val = diff_probe_lwz((unsigned long)ea);
	return probe_faulted ? -PPCPV_ERR_FAULT : 0;
}

static int probe_store(void *ctx, uint64_t ea, unsigned int bytes, uint64_t val)
{
	if (bytes > DIFF_GUEST_WORD_BYTES)
		return -PPCPV_ERR_INVAL;
	probe_faulted = 0;
#if DIFF_GUEST_WORD_BYTES == 8
	if (bytes == 8)
		diff_probe_std(ea, val);
	else
#endif
		diff_probe_stw((unsigned long)ea, (unsigned long)val);
	return probe_faulted ? -PPCPV_ERR_FAULT : 0;
}

/* The harness's own text is never patched: these trap in every hosted run. */
static uint64_t trap_mfmsr(void *ctx)
{
	return mfmsr();
}

static uint64_t trap_mfsprg(void *ctx)
{
	return DIFF_MFSPR(PPC_SPR_SPRG2);
}

static void trap_mtsprg(void *ctx, uint64_t v)
{
	DIFF_MTSPR(PPC_SPR_SPRG2, v);
}

static void icache_sync(void *ctx, const void *start, size_t len)
{
	ppcpv_icache_sync(start, len);
}

static const struct ppcpv_guest_platform platform = {
	NULL, install_hcall, hcall, probe_load, probe_store,
	trap_mfmsr, trap_mfsprg, trap_mtsprg, icache_sync, NULL,
};

/* ---- The code area ------------------------------------------------------- */

static uint32_t *put(uint32_t *w, uint32_t insn)
{
	*w = insn;
	return w + 1;
}

/* A record slot at addr stored from, or loaded into, register r with an
 * RA=0 access: the whole doubleword, or (32-bit build) its low word. */
static uint32_t slot_store(unsigned int r, uint64_t addr)
{
	if (DIFF_GUEST_WORD_BYTES == 8)
		return ppc_insn_std(r, 0, addr);
	return ppc_insn_stw(r, 0, (int32_t)(addr + DIFF_SLOT_LOW_WORD));
}

static uint32_t slot_load(unsigned int r, uint64_t addr)
{
	if (DIFF_GUEST_WORD_BYTES == 8)
		return ppc_insn_ld(r, 0, addr);
	return ppc_insn_lwz(r, 0, (int32_t)(addr + DIFF_SLOT_LOW_WORD));
}

/* mfmsr and every mfspr of a shadowed SPR, each stored to its slot. */
static uint32_t *build_readout(uint32_t *w, int patched_slots)
{
	unsigned int i;

	w = put(w, PPC_INST_MFMSR | PPC_FIELD_RT(READOUT_REG));
	w = put(w, slot_store(READOUT_REG, DIFF_OUT(patched_slots ? DIFF_SLOT_PATCHED_MSR : DIFF_SLOT_MSR)));
	for (i = 0; i < area.n_sprs; i++) {
		w = put(w, ppc_insn_mfspr(READOUT_REG, area.sprs[i].spr));
		w = put(w, slot_store(READOUT_REG,
				      DIFF_OUT(patched_slots ? DIFF_SLOT_PATCHED_SPR(i) : DIFF_SLOT_SPR(i))));
	}
	/* Segment registers: mfsr is never patched; read once, trapping. */
	for (i = 0; !patched_slots && diff_guest_family->segments && i < DIFF_SEGMENTS; i++) {
		w = put(w, PPC_INST_X(PPC_X_MFSR) | PPC_FIELD_RT(READOUT_REG) | PPC_FIELD_RA(i));
		w = put(w, slot_store(READOUT_REG, DIFF_OUT(DIFF_SLOT_SR(i))));
	}
	return put(w, PPC_INST_BLR);
}

static uint32_t *build_write_sprs(uint32_t *w)
{
	unsigned int i;

	for (i = 0; i < area.n_sprs; i++) {
		if (!area.sprs[i].writable)
			continue;
		w = put(w, slot_load(READOUT_REG, DIFF_IN(DIFF_SLOT_SPR(i))));
		w = put(w, ppc_insn_mtspr(area.sprs[i].spr, READOUT_REG));
	}
	for (i = 0; diff_guest_family->segments && i < DIFF_SEGMENTS; i++) {
		w = put(w, slot_load(READOUT_REG, DIFF_IN(DIFF_SLOT_SR(i))));
		w = put(w, PPC_INST_X(PPC_X_MTSR) | PPC_FIELD_RT(READOUT_REG) | PPC_FIELD_RA(i));
	}
	return put(w, PPC_INST_BLR);
}

/* Copy every program, each followed by its branch back to diff_capture. */
static const char *copy_programs(uint32_t *w, const uint32_t *limit)
{
	uint32_t count = diff_blob_count(BLOB), i, k;
	const uint8_t *code = diff_blob_code(BLOB);

	for (i = 0; i < count; i++) {
		const uint8_t *e = diff_blob_entry(BLOB, i);
		uint32_t first = diff_be32(e + DIFF_ENT_FIRST), n = diff_be16(e + DIFF_ENT_WORDS);

		if (w + n + 1 > limit)
			return "the programs do not fit the code area";
		area.prog_word[i] = (uint32_t)(w - area.text);
		for (k = 0; k < n; k++)
			w = put(w, diff_be32(code + 4 * (first + k)));
		w = diff_put_return(w);
		if (!w)
			return "diff_capture is out of branch reach";
	}
	area.end = w;
	return 0;
}

void diff_set_msr(uint64_t msr)
{
#if DIFF_GUEST_WORD_BYTES == 8
	if (diff_guest_family->mtmsrd) {
		mtmsrd(msr);
		return;
	}
#endif
	__asm__ __volatile__("mtmsr %0" : : "r"((unsigned long)msr) : "memory");
}

uint32_t *diff_put_return(uint32_t *w)
{
	if (ppc_insn_branch((uintptr_t)w, (uintptr_t)diff_capture, w) != PPC_BRANCH_OK)
		return NULL;
	return w + 1;
}

uint32_t *diff_program_entry(uint32_t i)
{
	return area.text + area.prog_word[i];
}

static const char *build_area(void)
{
	uint32_t *w = (uint32_t *)(uintptr_t)DIFF_AREA_ADDR;
	const uint32_t *limit = w + DIFF_AREA_SIZE / 4;
	const char *err;

	area.n_sprs = diff_sprs(diff_guest_family, area.sprs);
	area.launch = w;
	w = put(w, PPC_INST_B);
	area.write_sprs = (routine)(uintptr_t)w;
	w = build_write_sprs(w);
	area.read_trap = (routine)(uintptr_t)w;
	w = build_readout(w, 0);
	area.text = w;
	area.read_patched = (routine)(uintptr_t)w;
	w = build_readout(w, 1);
	err = copy_programs(w, limit);
	if (!err && sweeping) {
		area.end = sweep_build(area.end, limit);
		if (!area.end)
			err = "the sweep's code does not fit the code area";
	}
	if (!err)
		ppcpv_icache_sync((void *)(uintptr_t)DIFF_AREA_ADDR,
				  (size_t)((uintptr_t)area.end - DIFF_AREA_ADDR));
	return err;
}

/* ---- PV ---------------------------------------------------------------- */

static const char *mode_name(void)
{
	if (guest_native())
		return "native";
	return pv.enabled ? "pv" : "no-pv";
}

static void bring_up_pv(const void *fdt, size_t fdt_size)
{
	struct ppcpv_guest_image img;
	char line[320];

	ppcpv_config_init(&img.cfg, diff_guest_family->family, diff_guest_family->big_endian);
	img.text = (struct ppcpv_region){ (uint8_t *)area.text, (uintptr_t)area.text,
					  (size_t)((uintptr_t)area.end - (uintptr_t)area.text) };
	img.kvm_tmp = (struct ppcpv_region){ (uint8_t *)(uintptr_t)DIFF_KVM_TMP_ADDR,
					     DIFF_KVM_TMP_ADDR, DIFF_KVM_TMP_SIZE };
	img.sites = (struct ppcpv_site *)(uintptr_t)DIFF_SITES_ADDR;
	img.sites_cap = DIFF_SITES_SIZE / sizeof(struct ppcpv_site);
	img.selftest_sprg_field = PPCPV_SHARED_SPRG2;
	ppcpv_guest_pv_init(fdt, fdt_size, &platform, &img, &pv);
	ppcpv_guest_pv_report(&pv, line, sizeof(line));
	guest_printf("%s\n", line);
	/* The byte channel takes 16 bytes per exit instead of one. */
	if (hcalls_installed)
		DIFF_CONSOLE_BYTE_CHANNEL();
}

/* ---- Running a program ----------------------------------------------------- */

void diff_run(int64_t id, const uint32_t *entry, const uint64_t start[DIFF_SLOTS], uint64_t seed,
	      void (*arm)(const uint32_t *entry), void (*settle)(void))
{
	unsigned int s;

	for (s = 0; s < DIFF_SLOTS; s++) {
		IN[s] = start[s];
		OUT[s] = 0;
	}
	diff_init_memory(seed, MEM);
	ppc_insn_branch((uintptr_t)area.launch, (uintptr_t)entry, area.launch);
	ppcpv_icache_sync(area.launch, sizeof(*area.launch));
	DIFF_QUIET_DECREMENTER();	/* no decrementer interrupt while it runs */
	area.write_sprs();
	__asm__ __volatile__("" : : : "memory");
	running = id;
	diff_set_msr(start[DIFF_SLOT_MSR]);
	if (arm)
		arm(entry);
	diff_enter();
	area.read_trap();
	area.read_patched();
	diff_set_msr(diff_guest_family->entry);
	running = -1;
	if (settle)
		settle();
	OUT[DIFF_SLOT_MEMSUM] = diff_hash_bytes(DIFF_HASH_INIT, MEM, DIFF_MEM_SIZE);
}

uint64_t diff_program_seed(uint32_t i)
{
	return diff_be64(diff_blob_entry(BLOB, i) + DIFF_ENT_SEED);
}

const uint8_t *diff_program_code(uint32_t i, uint32_t *words)
{
	const uint8_t *e = diff_blob_entry(BLOB, i);

	*words = diff_be16(e + DIFF_ENT_WORDS);
	return diff_blob_code(BLOB) + 4 * diff_be32(e + DIFF_ENT_FIRST);
}

static void run_program(uint32_t i)
{
	uint64_t start[DIFF_SLOTS];

	diff_start_state(diff_guest_family, diff_program_seed(i), start);
	diff_run(i, diff_program_entry(i), start, diff_program_seed(i), NULL, NULL);
}

static void report_program(uint32_t i)
{
	uint64_t end[DIFF_SLOTS], common, hosted;
	unsigned int s;

	for (s = 0; s < DIFF_SLOTS; s++)
		end[s] = OUT[s];
	diff_record_hashes(diff_guest_family, end, area.sprs, area.n_sprs, &common, &hosted);
	guest_printf("DIFF %u %016llx %016llx\n", i, (unsigned long long)common, (unsigned long long)hosted);
	if (!(diff_be16(diff_blob_entry(BLOB, i) + DIFF_ENT_FLAGS) & DIFF_PROG_DUMP))
		return;
	guest_printf("DIFF-AT %u 0x%llx\n", i, (unsigned long long)(uintptr_t)(area.text + area.prog_word[i]));
	for (s = 0; s < DIFF_SLOTS; s++)
		guest_printf("DIFF-STATE %u %u %016llx\n", i, s, (unsigned long long)end[s]);
}

static const char *check_layout(const void *fdt)
{
	const char *err;

	if ((uintptr_t)_end > DIFF_AREA_ADDR)
		return "the test image runs into the code area";
	if ((uintptr_t)fdt < DIFF_TOP)
		return "the device tree lies below the batch's memory";
	err = diff_blob_check(BLOB, DIFF_BLOB_MAX);
	if (err)
		return err;
	diff_guest_family = diff_family(diff_blob_family(BLOB));
	if (!diff_guest_family ||
	    diff_guest_family->big_endian != (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__))
		return "the batch is for a family this image cannot run (byte order)";
	if ((diff_guest_family->family == PPCPV_FAMILY_E500) != DIFF_RUNTIME_BOOKE)
		return "the batch is for a family this image cannot run (the " DIFF_RUNTIME_NAME " runs "
		       "e500 only, the pseries one every other family)";
	return 0;
}

int guest_test_main(const void *fdt, size_t fdt_size)
{
	uint32_t count, i, ran = 0, skipped = 0;
	const char *err;

	err = check_layout(fdt);
	/* natively the CPU starts in 32-bit mode */
	if (!err)
		diff_set_msr(mfmsr() | diff_guest_family->entry);
	catch_interrupts();
	sampling = guest_bootarg_is(SWEEP_SAMPLE_BOOTARG);
	sweeping = !guest_native() && (sampling || guest_bootarg_is(SWEEP_BOOTARG));
	if (!err)
		err = build_area();
	if (err) {
		guest_printf("DIFF-ERROR %s\n", err);
		return EXIT_SETUP;
	}
	bring_up_pv(fdt, fdt_size);
	count = diff_blob_count(BLOB);
	guest_printf("DIFF-MODE %s build=%s family=%s programs=%u sites=%d patched=%u skipped=%u kvm_tmp=%llu\n",
		     mode_name(), &diff_build_variant ? diff_build_variant : "good", diff_guest_family->name, count,
		     pv.enabled ? pv.n_sites : 0, pv.stats.patched, pv.stats.skipped,
		     (unsigned long long)pv.stats.tmp_used);
	if (sweeping)
		return sweep_main(count, pv.enabled, sampling);
	for (i = 0; i < count; i++) {
		if (guest_native() && (diff_be16(diff_blob_entry(BLOB, i) + DIFF_ENT_FLAGS) &
				       DIFF_PROG_HOSTED_ONLY)) {
			guest_printf("DIFF %u skip\n", i);
			skipped++;
			continue;
		}
		run_program(i);
		report_program(i);
		ran++;
	}
	guest_printf("DIFF-DONE programs=%u ran=%u skipped=%u\n", count, ran, skipped);
	return 0;
}
