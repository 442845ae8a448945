// SPDX-License-Identifier: MIT
/*
 * The e500 host stub: boot, then run the guest at MSR[PR]=1 in address
 * space 1 until it exits.  The family-neutral core (host-stubs/core) with
 * the BookE arch (host-stubs/arch/booke) decides what each trap means;
 * this file supplies the machine (memory, timebase, console, the magic
 * page's TLB1 entry), programs IVPR and the IVORs, turns each trap start.S
 * hands it (host_exit) into an exit for the core, single-steps the guest
 * for the core's interrupt-placement sweep when irq-sweep asks, and at the
 * end adds its lines to the core's report (ppcpv/host/platform.h):
 *   HOST-SWEEP: {...}     the sweep's verdicts, with irq-sweep only
 *   HOST-TLB: {...}       the shadow TLB's counters, after HOST-STATS
 * then soc_exit(): on e500 GPIO power-off (n = 0: QEMU exits 0) or pvpanic
 * (QEMU exits 1).  The 440 host (host-stubs/b440) is this file too, with
 * its own soc.c and mmu.c.
 */
#include <ppcpv/abi.h>
#include <ppcpv/fmt.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/booke.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/platform.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/sweep.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "e500.h"

/* The smallest SysV frame: back chain and the callee's LR save word. */
#define MIN_FRAME	16

extern char _end[], __stack_top[], __ivpr[];

static struct machine machine;
static struct host_cpu cpu __attribute__((aligned(64)));
static struct ppcpv_vcpu *const guest = &cpu.vcpu;
static uint8_t shared_page[PPCPV_MAGIC_PAGE_SIZE] __attribute__((aligned(PPCPV_MAGIC_PAGE_SIZE)));
/* irq-sweep is configured: every exit takes the sweep's path. */
static int sweep_on;
/* With the stale-magic-page fault the guest is shown this page instead. */
static uint8_t stale_page[PPCPV_MAGIC_PAGE_SIZE] __attribute__((aligned(PPCPV_MAGIC_PAGE_SIZE)));

#define MFSPR(spr) ({ uint32_t v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(spr)); v_; })
#define MTSPR(spr, val) __asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"(val) : "memory")

/* The 64-bit timebase from its two halves (the upper read twice, in case
 * the lower wrapped in between). */
static uint64_t read_timebase(void)
{
	uint32_t hi, lo, again;

	do {
		hi = MFSPR(PPC_SPR_TBU);
		lo = MFSPR(PPC_SPR_TBL);
		again = MFSPR(PPC_SPR_TBU);
	} while (hi != again);
	return ((uint64_t)hi << 32) | lo;
}

/* ---- What the core's stop needs of this platform (ppcpv/host/platform.h) ---- */

void platform_before_stop(void)
{
}

void platform_report(void)
{
	const struct mmu_stats *t = mmu_get_stats();

	ppcpv_sweep_report();
	host_printf("HOST-TLB: {\"shadowed\":%llu,\"guest_misses\":%llu,\"denied\":%llu,"
		    "\"not_memory\":%llu,\"flushes\":%llu}\n",
		    (unsigned long long)t->shadowed, (unsigned long long)t->guest_misses,
		    (unsigned long long)t->denied, (unsigned long long)t->not_memory,
		    (unsigned long long)t->flushes);
}

void platform_power_off(int status)
{
	soc_exit(status);
}

static __attribute__((noreturn)) void fatal(const char *why)
{
	ppcpv_host_fatal(guest, why);
}

void host_fatal_trap(uint32_t ivor, uint32_t srr0, uint32_t srr1, uint32_t esr, uint32_t dear)
{
	host_printf("host: FATAL: interrupt IVOR%u taken in host mode (or one the host never "
		    "expects): srr0=0x%x srr1=0x%x esr=0x%x dear=0x%x\n", ivor, srr0, srr1, esr, dear);
	ppcpv_host_stop(guest, HOST_FATAL_STATUS);
}

/* ---- The vCPU's view of the machine ------------------------------------ */

static uint64_t timebase(void *ctx)
{
	return read_timebase();
}

static void guest_console_write(void *ctx, const char *buf, size_t len)
{
	console_write(buf, len);
}

static const struct ppcpv_host_ops host_ops = {
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = mmu_magic_visible,
	.fetch_gpa = mmu_fetch_gpa,
	.mmu_insn = mmu_tlb_insn,
};

/* The absent-magic-page fault: MAP succeeds but the page never appears. */
static void magic_never_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	mmu_magic_visible(ctx, v, 0);
}

static const struct ppcpv_host_ops host_ops_absent_page = {
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = magic_never_visible,
	.fetch_gpa = mmu_fetch_gpa,
	.mmu_insn = mmu_tlb_insn,
};

/* ---- Running the guest -------------------------------------------------- */

static void trace_trap(const struct ppcpv_exit *e, uint32_t srr1)
{
	uint32_t insn = 0;

	ppcpv_fetch_insn(guest, guest->regs.pc, &insn);
	host_printf("host: trap IVOR%u pc=0x%llx insn=0x%08x srr1=0x%x esr=0x%llx dear=0x%llx "
		    "msr=0x%llx\n", e->vector, (unsigned long long)guest->regs.pc, insn, srr1,
		    (unsigned long long)e->cause, (unsigned long long)e->dar,
		    (unsigned long long)ppcpv_vcpu_msr(guest));
}

/* SPRG4-7 are readable at PR=1 (SPRG4R-7R do not trap): the real ones
 * hold the guest's, as the shared page has them.  The host uses none. */
static void load_user_sprgs(void)
{
	MTSPR(PPC_BOOKE_SPR_SPRG4, (uint32_t)ppcpv_shared_get64(guest, PPCPV_SHARED_SPRG4));
	MTSPR(PPC_BOOKE_SPR_SPRG4 + 1, (uint32_t)ppcpv_shared_get64(guest, PPCPV_SHARED_SPRG5));
	MTSPR(PPC_BOOKE_SPR_SPRG4 + 2, (uint32_t)ppcpv_shared_get64(guest, PPCPV_SHARED_SPRG6));
	MTSPR(PPC_BOOKE_SPR_SPRG4 + 3, (uint32_t)ppcpv_shared_get64(guest, PPCPV_SHARED_SPRG7));
}

/* Deliver what is due; load the real SPRG3-7 and arm the real
 * decrementer (its status cleared first, so only this arming
 * interrupts).  The real MSR to run the guest with: the family's, in
 * address space 1. */
static uint32_t prepare_entry(void)
{
	struct ppcpv_entry e;

	ppcpv_prepare_entry(guest, &e);
	mmu_guest_entry(guest);
	MTSPR(PPC_SPR_SPRG3, (uint32_t)e.sprg3);
	load_user_sprgs();
	MTSPR(PPC_BOOKE_SPR_TSR, PPC_BOOKE_TSR_DIS);
	MTSPR(PPC_SPR_DEC, (uint32_t)e.dec_ticks);
	return (uint32_t)e.msr | PPC_BOOKE_MSR_IS | PPC_BOOKE_MSR_DS;
}

/*
 * A real TLB miss: filled from the guest's TLB (nothing for the core), or
 * the guest's own miss or storage interrupt (reflected), or an access to
 * guest-physical addresses beyond its memory, which the core gets with
 * that address (the MMIO device is found by it).  1: the exit is handled.
 */
static int tlb_miss(uint32_t ivor, uint32_t esr, uint32_t *dear, struct ppcpv_exit *e)
{
	int insn = ivor == PPC_BOOKE_IVOR_ITLB;
	uint32_t ea = insn ? (uint32_t)guest->regs.pc : *dear;
	uint64_t gpa = 0;

	switch (mmu_guest_tlb_miss(guest, ea, insn, !!(esr & PPC_BOOKE_ESR_ST), &gpa)) {
	case TLB_MISS_SHADOWED:
		/* An exit the host served from the guest's translations, as
		 * the pseries host counts its shadow faults. */
		guest->stats.exits++;
		guest->stats.shadow_faults++;
		return 1;
	case TLB_MISS_GUEST:
		ppcpv_booke_exit(ivor, esr, *dear, e);
		e->reason = PPCPV_EXIT_REFLECT;
		return 0;
	case TLB_MISS_DENIED:
		ppcpv_booke_exit(insn ? PPC_BOOKE_IVOR_ISI : PPC_BOOKE_IVOR_DSI, esr, *dear, e);
		e->reason = PPCPV_EXIT_REFLECT;
		return 0;
	case TLB_MISS_NOT_MEMORY:
		break;
	}
	*dear = (uint32_t)gpa;
	ppcpv_booke_exit(ivor, esr, *dear, e);
	return 0;
}

/* Handle one exit (a real TLB miss the shadow serves needs nothing more). */
static inline __attribute__((always_inline)) void handle_exit(uint32_t ivor, uint32_t srr1,
							       uint32_t esr, uint32_t dear)
{
	struct ppcpv_exit e;
	enum ppcpv_run_action action;

	if (ivor == PPC_BOOKE_IVOR_DTLB || ivor == PPC_BOOKE_IVOR_ITLB) {
		if (tlb_miss(ivor, esr, &dear, &e))
			return;
	} else {
		ppcpv_booke_exit(ivor, esr, dear, &e);
	}
	if (machine.cfg.verbose)
		trace_trap(&e, srr1);
	action = ppcpv_handle_exit(guest, &e);
	if (action != PPCPV_RUN_RESUME)
		ppcpv_host_act_on(guest, action, &e);
}

/* irq-sweep: the host single-steps the guest with the real MSR[DE] and
 * DBCR0[IDM|ICMP] (set once at boot: the guest's own MSR[DE] never
 * reaches the real one, so without the host's DE nothing is stepped, and
 * every interrupt clears DE, so the host never steps itself).  The debug
 * interrupt after each completed instruction is the sweep's; the core
 * (core/sweep.c) does the rest.  A debug interrupt while not stepping is
 * unexpected (the core's FATAL). */
static void sweep_debug_init(void)
{
	MTSPR(PPC_BOOKE_SPR_DBSR, PPC_BOOKE_DBSR_ICMP);
	MTSPR(PPC_BOOKE_SPR_DBCR0, PPC_BOOKE_DBCR0_IDM | PPC_BOOKE_DBCR0_ICMP);
	__asm__ __volatile__("isync");
}

/* prepare_entry() as the core's sweep takes it (an MSR of any width). */
static uint64_t prepare_entry_for_sweep(void)
{
	return prepare_entry();
}

/* Every exit with irq-sweep configured; out of line, so that the common
 * exit pays one test for it. */
static __attribute__((noinline)) uint32_t swept_exit(uint32_t ivor, uint32_t srr1, uint32_t esr,
						     uint32_t dear)
{
	if (ppcpv_sweep_step_exit(ivor == PPC_BOOKE_IVOR_DEBUG))
		MTSPR(PPC_BOOKE_SPR_DBSR, PPC_BOOKE_DBSR_ICMP);	/* the event's status, written 1 to clear */
	else
		handle_exit(ivor, srr1, esr, dear);
	/* Arming or ending the placement happened in handle_exit. */
	return (uint32_t)ppcpv_sweep_entry(guest, prepare_entry_for_sweep, PPC_BOOKE_MSR_DE);
}

/*
 * Every trap out of the guest, called by start.S with the guest saved in
 * the vCPU, on the host stack's top frame: handle it, and return the real
 * MSR to run the guest with again.
 */
uint32_t host_exit(uint32_t ivor, uint32_t srr1, uint32_t esr, uint32_t dear)
{
	if (sweep_on)
		return swept_exit(ivor, srr1, esr, dear);
	handle_exit(ivor, srr1, esr, dear);
	return prepare_entry();
}

/* ---- Boot --------------------------------------------------------------- */

/* IVPR = this image's base; every IVOR at its stub in start.S. */
static void init_vectors(void)
{
	const struct host_vector *hv;

	MTSPR(PPC_BOOKE_SPR_IVPR, (uint32_t)(uintptr_t)__ivpr);
	for (hv = host_vector_table; hv->ivor >= 0; hv++) {
		/* mtspr needs the SPR number in the instruction: one each */
		switch (hv->ivor) {
#define SET_IVOR(n) case n: MTSPR(PPC_BOOKE_SPR_IVOR(n), hv->addr); break
		SET_IVOR(0); SET_IVOR(1); SET_IVOR(2); SET_IVOR(3); SET_IVOR(4); SET_IVOR(5);
		SET_IVOR(6); SET_IVOR(7); SET_IVOR(8); SET_IVOR(9); SET_IVOR(10); SET_IVOR(11);
		SET_IVOR(12); SET_IVOR(13); SET_IVOR(14); SET_IVOR(15);
#undef SET_IVOR
#define SET_IVOR_HIGH(n) case 32 + n: MTSPR(PPC_BOOKE_SPR_IVOR32 + n, hv->addr); break
		SET_IVOR_HIGH(0); SET_IVOR_HIGH(1); SET_IVOR_HIGH(2); SET_IVOR_HIGH(3);
#undef SET_IVOR_HIGH
		default:
			fatal("a vector stub for an IVOR this CPU does not have");
		}
	}
	/* The real decrementer interrupts (the guest's is virtual); the
	 * watchdog and the fixed-interval timer stay off. */
	MTSPR(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE);
	__asm__ __volatile__("isync");
}

static void init_trap_area(void)
{
	cpu.ta.host_sp = (uint32_t)(uintptr_t)__stack_top - MIN_FRAME;
	MTSPR(PPC_SPR_SPRG0, (uint32_t)(uintptr_t)guest);
}

static uint64_t guest_msr(void)
{
	return machine.cfg.has_guest_msr ? machine.cfg.guest_msr : ppcpv_arch_booke.msr_reset;
}

static void init_vcpu(void)
{
	const struct ppcpv_vcpu_config cfg = {
		.arch = &ppcpv_arch_booke,
		.mode = machine.cfg.mode,
		.features = machine.cfg.features,
		.id = 0,
		.pvr = MFSPR(PPC_SPR_PVR),
		.hostdev_base = machine.cfg.hostdev_base,
		.fault = machine.cfg.fault,
		.ram = (const uint8_t *)(uintptr_t)machine.cfg.guest_base,
		.ram_size = machine.cfg.guest_size,
	};
	const uint8_t *shown = cfg.fault == PPCPV_FAULT_STALE_MAGIC_PAGE ? stale_page : shared_page;
	const struct ppcpv_host_ops *ops = cfg.fault == PPCPV_FAULT_ABSENT_MAGIC_PAGE ?
		&host_ops_absent_page : &host_ops;

	mmu_set_magic_page((uint64_t)(uintptr_t)shown);
	sweep_on = ppcpv_sweep_init(machine.cfg.irq_sweep);
	if (sweep_on)
		sweep_debug_init();
	if (ppcpv_vcpu_init(guest, shared_page, &cfg, ppcpv_sweep_ops(ops), NULL))
		fatal("vCPU set-up failed");
	ppcpv_vcpu_boot(guest, machine.cfg.guest_entry, machine.cfg.guest_fdt, machine.cfg.guest_size,
			guest_msr());
	if (machine.cfg.premap)
		ppcpv_magic_page_map(guest, machine.cfg.premap_ea, machine.cfg.premap_pa, 0, 1);
}

static void read_host_config(void)
{
	const struct ppcpv_hostcfg_machine m = {
		.image_end = (uint64_t)(uintptr_t)_end,
		.ram_size = machine.ram_size,
		.qemu_fdt = machine.qemu_fdt,
		.qemu_fdt_size = machine.qemu_fdt_size,
	};
	const char *why = ppcpv_hostcfg_load(&machine.cfg, &m);

	if (why)
		fatal(why);
	if (machine.cfg.mmu_shadow)
		fatal("mmu = shadow: the BookE hosts have no hash MMU to shadow");
	if (machine.cfg.premap_le)
		fatal("a little-endian magic page: the BookE guests are big-endian");
	why = mmu_check_config(&machine.cfg);
	if (why)
		fatal(why);
	if (mmu_no_magic_page && machine.cfg.premap)
		fatal(mmu_no_magic_page);
	/* As KVM's 440 host: hypercalls, but FEATURES without the magic-page
	 * bit and MAP_MAGIC_PAGE refused - the guest runs with PV off. */
	if (mmu_no_magic_page && machine.cfg.mode == PPCPV_MODE_PV) {
		host_printf("host: mode pv served as no-pv: %s\n", mmu_no_magic_page);
		machine.cfg.mode = PPCPV_MODE_NO_PV;
	}
}

static const char *const mode_names[PPCPV_MODE_COUNT] = { "pv", "no-pv", "none" };

void host_main(const void *qemu_fdt)
{
	const char *why;

	mmu_init_host();
	soc_init();
	why = machine_read_qemu_fdt(&machine, qemu_fdt);
	if (why)
		fatal(why);
	host_printf("host: ppcpv %s host stub: pvr=0x%08x timebase=%u Hz ram=0x%llx\n",
		    host_platform_name, MFSPR(PPC_SPR_PVR), machine.timebase_hz, (unsigned long long)machine.ram_size);
	read_host_config();
	init_vectors();
	init_trap_area();
	why = mmu_map_guest(machine.cfg.guest_base, machine.cfg.guest_size, machine.cfg.hostdev_base);
	if (why)
		fatal(why);
	init_vcpu();
	host_printf("host: KVM_PPC_GET_PVINFO: flags 0x%x hcall 0x%08x 0x%08x 0x%08x 0x%08x\n",
		    guest->pvinfo.flags, ppcpv_pvinfo_word(&guest->pvinfo, 0),
		    ppcpv_pvinfo_word(&guest->pvinfo, 1), ppcpv_pvinfo_word(&guest->pvinfo, 2),
		    ppcpv_pvinfo_word(&guest->pvinfo, 3));
	host_printf("host: guest at 0x%llx size 0x%llx entry 0x%llx fdt 0x%llx mode %s "
		    "hostdev 0x%llx mmu %s\n",
		    (unsigned long long)machine.cfg.guest_base,
		    (unsigned long long)machine.cfg.guest_size,
		    (unsigned long long)machine.cfg.guest_entry,
		    (unsigned long long)machine.cfg.guest_fdt, mode_names[machine.cfg.mode],
		    (unsigned long long)machine.cfg.hostdev_base, host_mmu_description);
	if (machine.cfg.selftest_host_fault) {
		host_printf("host: self-test: an illegal instruction in host mode\n");
		__asm__ __volatile__(".long 0");
	}
	guest_enter(prepare_entry());
}
