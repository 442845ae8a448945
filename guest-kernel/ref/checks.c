// SPDX-License-Identifier: MIT
/*
 * The reference kernel's checks, reported kvm-unit-tests style
 * (PASS:/FAIL:/SKIP: lines, then SUMMARY).
 *
 *  - every privileged instruction the patcher rewrites gives the same
 *    result before and after patching (run_probes() runs twice);
 *  - decrementer interrupts arrive;
 *  - none arrives inside a trampoline's critical section, while EE is
 *    toggled many times through (patched) mtmsrd;
 *  - a decrementer that fires while EE is off is delivered exactly when
 *    EE comes back on (with PV: int_pending is set, the trampoline traps).
 */
#include <ppcpv/abi.h>
#include <ppcpv/fmt.h>
#include <ppcpv/guest_pv.h>
#include "ref.h"

#define SPIN_LIMIT	2000000UL
#define TOGGLES		20000

static unsigned int passed, failed, skipped;

static void report(int ok, const char *what)
{
	kprintf("%s: %s\n", ok ? "PASS" : "FAIL", what);
	if (ok)
		passed++;
	else
		failed++;
}

static void skip(const char *what, const char *why)
{
	kprintf("SKIP: %s (%s)\n", what, why);
	skipped++;
}

void check_report(int ok, const char *what)
{
	report(ok, what);
}

void check_skip(const char *what, const char *why)
{
	skip(what, why);
}

/* ---- same result patched and unpatched ---------------------------------- */

/* unsigned long: a register on either word size. */
struct probe_values {
	unsigned long msr, sprg3, srr0, srr1, dar, dsisr, msr_ee_on, msr_ee_off, msr_ri_flipped, pir;
	unsigned long sprg4, sprg7, msr_wrtee_on;	/* BookE only */
};

#define MFSPR(spr, v)	__asm__ __volatile__("mfspr %0,%1" : "=r"(v) : "i"(spr))
#define MTSPR(spr, v)	__asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"((unsigned long)(v)))

/* How the kernel writes the MSR: 64-bit Book3S has mtmsrd (L=1: EE and RI
 * only), 32-bit Book3S only mtmsr. */
#ifdef __powerpc64__
#define MSR_WRITE(v)	__asm__ __volatile__("mtmsrd %0" : : "r"(v))
#define EE_WRITER	"mtmsrd L=1"
#define MSR_WRITER	"mtmsrd L=0"
#elif defined(REF_BOOKE)
#define MSR_WRITE(v)	__asm__ __volatile__("mtmsr %0" : : "r"(v))
#define EE_WRITER	"wrteei"
#define MSR_WRITER	"mtmsr"
#else
#define MSR_WRITE(v)	__asm__ __volatile__("mtmsr %0" : : "r"(v))
#define EE_WRITER	"mtmsr"
#define MSR_WRITER	"mtmsr"
#endif

/* The family's data-fault address and cause registers, the MSR bit an
 * MSR write flips (one the host keeps without acting on it), and PIR. */
#ifdef REF_BOOKE
#define FAULT_ADDR_SPR	PPC_BOOKE_SPR_DEAR
#define FAULT_CAUSE_SPR	PPC_BOOKE_SPR_ESR
#define FAULT_ADDR_NAME	"DEAR"
#define FAULT_CAUSE_NAME "ESR"
#define MSR_FLIP_BIT	PPC_BOOKE_MSR_DE
#define MSR_FLIP_NAME	"DE"
#define PIR_SPR		PPC_BOOKE_SPR_PIR
#else
#define FAULT_ADDR_SPR	PPC_BOOK3S_SPR_DAR
#define FAULT_CAUSE_SPR	PPC_BOOK3S_SPR_DSISR
#define FAULT_ADDR_NAME	"DAR"
#define FAULT_CAUSE_NAME "DSISR"
#define MSR_FLIP_BIT	PPC_BOOK3S_MSR_RI
#define MSR_FLIP_NAME	"RI"
#define PIR_SPR		PPC_BOOK3S_SPR_PIR
#endif

/* Runs with EE off and the decrementer far away: SRR0/1 stay ours. */
static void __attribute__((noinline)) run_probes(struct probe_values *v)
{
	unsigned long msr;

	__asm__ __volatile__("mfmsr %0" : "=r"(v->msr));
	MTSPR(PPC_SPR_SPRG3, 0x1122334455667788ULL);
	MFSPR(PPC_SPR_SPRG3, v->sprg3);
	MTSPR(PPC_SPR_SRR0, 0x0000000012345678ULL);
	MFSPR(PPC_SPR_SRR0, v->srr0);
	MTSPR(PPC_SPR_SRR1, 0x8000000000001032ULL);
	MFSPR(PPC_SPR_SRR1, v->srr1);
	MTSPR(FAULT_ADDR_SPR, 0xc000000000abcdefULL);
	MFSPR(FAULT_ADDR_SPR, v->dar);
	MTSPR(FAULT_CAUSE_SPR, 0x42000000);
	MFSPR(FAULT_CAUSE_SPR, v->dsisr);
	irq_enable();
	__asm__ __volatile__("mfmsr %0" : "=r"(v->msr_ee_on));
	irq_disable();
	__asm__ __volatile__("mfmsr %0" : "=r"(v->msr_ee_off));
	__asm__ __volatile__("mfmsr %0" : "=r"(msr));
	MSR_WRITE(msr ^ MSR_FLIP_BIT);
	__asm__ __volatile__("mfmsr %0" : "=r"(v->msr_ri_flipped));
	MSR_WRITE(msr);
	MFSPR(PIR_SPR, v->pir);
#ifdef REF_BOOKE
	/* SPRG4-7: written through SPRGnW (privileged), read back through
	 * the user-readable SPRGnR */
	MTSPR(PPC_BOOKE_SPR_SPRG4, 0x44440004);
	MTSPR(PPC_BOOKE_SPR_SPRG4 + 3, 0x77770007);
	MFSPR(PPC_BOOKE_SPR_SPRG4R, v->sprg4);
	MFSPR(PPC_BOOKE_SPR_SPRG4R + 3, v->sprg7);
	/* wrtee: EE from a register, as an irq restore does */
	__asm__ __volatile__("wrtee %0" : : "r"((unsigned long)PPC_MSR_EE) : "memory");
	__asm__ __volatile__("mfmsr %0" : "=r"(v->msr_wrtee_on));
	__asm__ __volatile__("wrtee %0" : : "r"(0ul) : "memory");
#endif
	if (platform_hosted())
		__asm__ __volatile__("tlbsync" : : : "memory");
}

static struct probe_values before;

void checks_before_pv(void)
{
	dec_set(PPC_DEC_MAX);
	dec_enable();
	irq_disable();
	run_probes(&before);
}

static void compare_probes(void)
{
	static const struct { const char *name; size_t off; } fields[] = {
		{ "mfmsr", offsetof(struct probe_values, msr) },
		{ "mtspr/mfspr SPRG3", offsetof(struct probe_values, sprg3) },
		{ "mtspr/mfspr SRR0", offsetof(struct probe_values, srr0) },
		{ "mtspr/mfspr SRR1", offsetof(struct probe_values, srr1) },
		{ "mtspr/mfspr " FAULT_ADDR_NAME, offsetof(struct probe_values, dar) },
		{ "mtspr/mfspr " FAULT_CAUSE_NAME, offsetof(struct probe_values, dsisr) },
		{ EE_WRITER " (EE on)", offsetof(struct probe_values, msr_ee_on) },
		{ EE_WRITER " (EE off)", offsetof(struct probe_values, msr_ee_off) },
		{ MSR_WRITER " (" MSR_FLIP_NAME " flip)", offsetof(struct probe_values, msr_ri_flipped) },
		{ "mfspr PIR", offsetof(struct probe_values, pir) },
#ifdef REF_BOOKE
		{ "mtspr SPRG4W/mfspr SPRG4R", offsetof(struct probe_values, sprg4) },
		{ "mtspr SPRG7W/mfspr SPRG7R", offsetof(struct probe_values, sprg7) },
		{ "wrtee (EE on)", offsetof(struct probe_values, msr_wrtee_on) },
#endif
	};
	struct probe_values after;
	char what[96];
	size_t i;

	run_probes(&after);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		unsigned long a = *(const unsigned long *)((const char *)&before + fields[i].off);
		unsigned long b = *(const unsigned long *)((const char *)&after + fields[i].off);

		kprintf("INFO: %s: 0x%llx / 0x%llx\n", fields[i].name,
			(unsigned long long)a, (unsigned long long)b);
		ppcpv_fmt(what, sizeof(what), "same result before and after PV bring-up: %s", fields[i].name);
		report(a == b, what);
	}
	report((after.msr_ee_on & PPC_MSR_EE) && !(after.msr_ee_off & PPC_MSR_EE), "EE follows " EE_WRITER);
}

/* ---- decrementer ---------------------------------------------------------- */

static int wait_ticks(uint64_t start)
{
	unsigned long spin;

	for (spin = 0; spin < SPIN_LIMIT; spin++)
		if (irq.dec_ticks != start)
			return 1;
	return 0;
}

static void check_dec_arrives(void)
{
	uint64_t start = irq.dec_ticks;
	int ok;

	dec_set(20000);
	irq_enable();
	ok = wait_ticks(start);
	irq_disable();
	report(ok, "decrementer interrupts arrive");
}

/* Toggle EE through (patched) mtmsrd while the decrementer fires often. */
static void check_never_in_critical(int pv_on)
{
	uint64_t start = irq.dec_ticks;
	int i;

	irq.dec_in_critical = 0;
	irq.dec_in_kvm_tmp = 0;
	irq.dec_rearm = 3000;
	dec_set(3000);
	for (i = 0; i < TOGGLES; i++) {
		irq_enable();
		irq_disable();
	}
	irq.dec_rearm = 0;
	dec_set(PPC_DEC_MAX);
	kprintf("INFO: %llu decrementer interrupts during %d EE toggles, %llu at kvm_tmp addresses\n",
		(unsigned long long)(irq.dec_ticks - start), TOGGLES,
		(unsigned long long)irq.dec_in_kvm_tmp);
	report(irq.dec_ticks - start > 0, "decrementer fires while EE is toggled");
	if (pv_on)
		report(irq.dec_in_critical == 0, "no interrupt inside a trampoline's critical section");
	else
		skip("no interrupt inside a trampoline's critical section", "PV off");
}

static uint32_t magic_int_pending(void)
{
	return *(volatile uint32_t *)(uintptr_t)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_INT_PENDING);
}

/* A decrementer that expires with EE off is delivered at the EE enable. */
static void check_delivery_at_enable(int pv_on)
{
	unsigned long spin;
	uint64_t start;
	int pending_seen = 0;

	irq_disable();
	start = irq.dec_ticks;
	dec_set(100);
	for (spin = 0; spin < SPIN_LIMIT / 10; spin++) {
		if (pv_on && magic_int_pending()) {
			pending_seen = 1;
			break;
		}
	}
	report(irq.dec_ticks == start, "no delivery while EE is off");
	if (pv_on)
		report(pending_seen, "host sets int_pending while EE is off");
	irq_enable();
	report(irq.dec_ticks == start + 1, "pending decrementer delivered at the EE enable");
	irq_disable();
	if (pv_on)
		report(magic_int_pending() == 0, "int_pending cleared after delivery");
}

/*
 * The little-endian kernel: it runs with MSR[LE]=1 (as the trapping mfmsr
 * saw it before PV), and with PV the host keeps the magic page in its
 * byte order - read byte by byte, msr's first byte holds LE (the MSR's
 * lowest bit) and its last byte SF (the highest), which no big-endian
 * page has.
 */
static void check_little_endian(int pv_on)
{
	const volatile uint8_t *msr_bytes =
		(const volatile uint8_t *)(uintptr_t)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_MSR);
	const unsigned int last = sizeof(uint64_t) - 1;

	if (REF_BIG_ENDIAN)
		return;
	report(before.msr & PPC_BOOK3S_MSR_LE, "the kernel runs little-endian (MSR[LE]=1)");
	if (!pv_on) {
		skip("the magic page is little-endian", "PV off");
		return;
	}
	report((msr_bytes[0] & PPC_BOOK3S_MSR_LE) &&
	       (msr_bytes[last] & (uint8_t)(PPC_BOOK3S_MSR_SF >> (8 * last))),
	       "the magic page is little-endian (msr: LE in its first byte, SF in its last)");
}

void checks_after_pv(int pv_on)
{
	const struct ppcpv_pv_result *r = pv_result();

	if (pv_on)
		report(r->stats.patched > 0, "kernel text patched");
	check_little_endian(pv_on);
	compare_probes();
	check_dec_arrives();
	check_never_in_critical(pv_on);
	check_delivery_at_enable(pv_on);
}

int checks_summary(void)
{
	const struct ppcpv_pv_result *r = pv_result();
	/* the timebase counts virtual time: under -icount, instructions */
	uint64_t tb = read_timebase();

	kprintf("SUMMARY: %u tests, %u unexpected failures, %u skipped\n",
		passed + failed, failed, skipped);
	kprintf("GUEST-RESULT: {\"pv\":%s,\"patched\":%u,\"skipped\":%u,\"sites\":%u,"
		"\"kvm_tmp_used\":%llu,\"checks_passed\":%u,\"checks_failed\":%u,\"checks_skipped\":%u,"
		"\"timebase\":%llu}\n",
		r->enabled ? "true" : "false", r->stats.patched, r->stats.skipped, r->stats.sites,
		(unsigned long long)r->stats.tmp_used, passed, failed, skipped, (unsigned long long)tb);
	return (int)failed;
}
