// SPDX-License-Identifier: MIT
/*
 * The pseries host stub: boot, then run the guest at MSR[PR]=1 until it
 * exits.  The family-neutral core (host-stubs/core) with the Book3S arch
 * (host-stubs/arch/book3s) decides what each trap means; this file
 * supplies the machine (memory, timebase, console, magic page mapping),
 * enters the guest, turns each trap start.S hands it (host_exit) into an
 * exit for the core, and at the end has the core report
 * (ppcpv/host/platform.h), the sweep's line added, then RTAS power-off
 * (n = 0, QEMU exits 0) or ibm,os-term (QEMU exits 1 with
 * -action panic=exit-failure).
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/sweep.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/shadow64.h>
#include "pseries.h"
#include "trap_area.h"

/* The smallest ELFv2 frame: what a callee may write above its own. */
#define MIN_FRAME	32

extern char _end[], __stack_top[], __fatal_stack_top[];

static struct machine machine;

/* The trap area right before the vCPU: see trap_area.h. */
static struct host_cpu cpu __attribute__((aligned(128)));

static struct ppcpv_vcpu *const guest = &cpu.vcpu;
static uint8_t shared_page[PPCPV_MAGIC_PAGE_SIZE] __attribute__((aligned(PPCPV_MAGIC_PAGE_SIZE)));

static uint64_t read_timebase(void)
{
	uint64_t tb;

	__asm__ __volatile__("mftb %0" : "=r"(tb));
	return tb;
}

static uint32_t read_pvr(void)
{
	uint64_t pvr;

	__asm__ __volatile__("mfpvr %0" : "=r"(pvr));
	return (uint32_t)pvr;
}

/* mmu = "shadow": the guest's MMU is modelled (shadow.c, papr_guest.c). */
static int shadow_on;

/* ---- What the core's stop needs of this platform (ppcpv/host/platform.h) ---- */

void platform_before_stop(void)
{
	papr_sites_restore();
}

void platform_report(void)
{
	ppcpv_sweep_report();
}

void platform_power_off(int status)
{
	rtas_exit(status);
}

static __attribute__((noreturn)) void fatal(const char *why)
{
	ppcpv_host_fatal(guest, why);
}

void host_fatal_trap(uint64_t vector, uint64_t srr0, uint64_t srr1, uint64_t dar, uint64_t dsisr)
{
	host_printf("host: FATAL: interrupt 0x%llx taken in host mode: srr0=0x%llx srr1=0x%llx "
		    "dar=0x%llx dsisr=0x%llx\n", (unsigned long long)vector,
		    (unsigned long long)srr0, (unsigned long long)srr1,
		    (unsigned long long)dar, (unsigned long long)dsisr);
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

/* With the stale-magic-page fault the guest is shown this page instead of
 * the shared one: its stores never reach the host, and the host's updates
 * never reach it. */
static uint8_t stale_page[PPCPV_MAGIC_PAGE_SIZE] __attribute__((aligned(PPCPV_MAGIC_PAGE_SIZE)));

static void fast_exit_arm(void);

/* The flat map shows or hides the page; the fast exits follow where it is. */
static void magic_visible_flat(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	mmu_magic_visible(ctx, v, visible);
	fast_exit_arm();
}

static const struct ppcpv_host_ops pseries_ops = {
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = magic_visible_flat,
};

/* mmu = "shadow": the walk follows the magic page, and instruction fetch
 * and the MMU instructions go through the guest's translations. */
static int armed_shared_be;

static void magic_visible_shadowed(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	mmu_magic_visible(ctx, v, visible);
	shadow_magic_changed(v);
	/* Under the shadow MMU the fast exits depend on the shared page's
	 * byte order alone (FAST_MAGIC is never allowed); the rfid sites'
	 * keys are in that order. */
	if (v->shared_be != armed_shared_be) {
		rfid_sites_forget();
		fast_exit_arm();
	}
}

static const struct ppcpv_host_ops pseries_ops_shadow = {
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = magic_visible_shadowed,
	.fetch_gpa = shadow_fetch_insn_gpa,
	.mmu_insn = shadow_mmu_insn,
};

/* The absent-magic-page fault under the shadow MMU: the walk never learns
 * of the page either, so its EA stays whatever the guest's tables say. */
static void magic_never_visible(void *ctx, const struct ppcpv_vcpu *v, int visible);

static const struct ppcpv_host_ops pseries_ops_shadow_absent_page = {
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = magic_never_visible,
	.fetch_gpa = shadow_fetch_insn_gpa,
	.mmu_insn = shadow_mmu_insn,
};

/* The absent-magic-page fault: MAP succeeds but the page never appears, so
 * the guest's self-test probe faults (and its fix-up must catch that). */
static void magic_never_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	mmu_magic_visible(ctx, v, 0);
}

static const struct ppcpv_host_ops pseries_ops_absent_page = {
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = magic_never_visible,
};

/* ---- The fast exits (start.S) ------------------------------------------ */

/* What stays true for the whole run: the exits that may be fast at all.
 * Not with a verbose host (every trap is logged), not with a magic_visible
 * op other than the flat map's or the shadow's (the absent-page fault).
 * Under the shadow MMU only the exits that change no shadow context
 * (FAST_SHADOW: Documentation/benchmarks.rst), never a magic page shown
 * or hidden there, and no system call if any is a PAPR hypercall site
 * (papr_is_hcall() needs the guest's translation). */
static uint64_t fast_flags_allowed;

static void fast_exit_init(void)
{
	struct fast_exit *f = &cpu.ta.fast;

	f->interrupt_keeps = ~(uint64_t)(PPCPV_BOOK3S_MSR_INTERRUPT_CLEARS | PPCPV_BOOK3S_MSR_NEVER);
	/* as book3s_inject() (interrupt_msr()) does */
	f->interrupt_sets = guest->cfg.cpu_64bit ? PPC_BOOK3S_MSR_SF : 0;
	f->never = PPCPV_BOOK3S_MSR_NEVER;
	/* not while the sweep steps the guest: every step must reach host_exit */
	if (machine.cfg.fast_exits_off || machine.cfg.verbose || cpu.sweep_on)
		return;
	if (guest->ops == &pseries_ops)
		fast_flags_allowed = FAST_SC | FAST_MAGIC;
	else if (guest->ops == &pseries_ops_shadow)
		fast_flags_allowed = FAST_SHADOW | (papr_sites_count() ? 0 : FAST_SC);
}

/*
 * What the next exits may do fast, from what only MAP_MAGIC_PAGE changes:
 * the shared page's byte order and where the magic page is.  MAP always
 * hides and shows the page, so this runs whenever C does that (and at
 * boot); what changes on any exit (a pending interrupt, the guest MSR, the
 * interrupts' byte order) start.S checks itself.  The byte order is
 * decided here only: start.S's FAST_SHARED_REV path loads and stores the
 * page's fields byte-reversed, and compares MSR values as the page holds
 * them with masks in the page's order.
 */
static void fast_exit_arm(void)
{
	struct fast_exit *f = &cpu.ta.fast;
	uint64_t flags = fast_flags_allowed;

	if (!guest->magic.mapped || !mmu_magic_segment_ready(guest->magic.ea))
		flags &= ~(uint64_t)FAST_MAGIC;
	armed_shared_be = guest->shared_be;
	if (flags && guest->shared_be != PPCPV_HOST_BIG_ENDIAN)
		flags |= FAST_SHARED_REV;
	f->flags = flags;
	f->rfid_word = flags ? PPC_INST_RFID : 0;
	f->rfid_word_rev = __builtin_bswap32((uint32_t)f->rfid_word);
	f->site_key_mask = ppcpv_shared_order64(guest, RFID_SITE_KEY);
	f->shadow_mode_mask = ppcpv_shared_order64(guest, PPCPV_SHADOW_MODE_BITS);
	/* the flat map: guest PC = guest-physical (shadow: rfid_sites) */
	f->fetch_limit = flags && !(flags & FAST_SHADOW) ? machine.cfg.guest_size : 0;
}

/* ---- Running the guest -------------------------------------------------- */

static void trace_trap(const struct ppcpv_exit *e)
{
	uint32_t insn = 0;

	/* through the guest's translation: 0 when it has none */
	ppcpv_fetch_insn(guest, guest->regs.pc, &insn);
	host_printf("host: trap 0x%x pc=0x%llx insn=0x%08x srr1=0x%llx dar=0x%llx msr=0x%llx\n",
		    e->vector, (unsigned long long)guest->regs.pc, insn,
		    (unsigned long long)e->cause, (unsigned long long)e->dar,
		    (unsigned long long)ppcpv_vcpu_msr(guest));
}

static uint64_t read_spr_dar(void)
{
	uint64_t dar;

	__asm__ __volatile__("mfspr %0,%1" : "=r"(dar) : "i"(PPC_BOOK3S_SPR_DAR));
	return dar;
}

static uint32_t read_spr_dsisr(void)
{
	uint64_t dsisr;

	__asm__ __volatile__("mfspr %0,%1" : "=r"(dsisr) : "i"(PPC_BOOK3S_SPR_DSISR));
	return (uint32_t)dsisr;
}

/* The real FSCR the guest's state wants, written only when it changes.
 * Only for a guest with its own MMU (a whole OS, such as Linux, whose
 * kernel saves TAR and the EBB registers): a flat-mode guest runs with the
 * real FSCR clear and so pays nothing for it. */
static void load_fscr(void)
{
	static uint64_t loaded;
	uint64_t want = ppcpv_book3s_real_fscr(guest);

	if (want == loaded)
		return;
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_BOOK3S_SPR_FSCR), "r"(want));
	loaded = want;
}

/* Deliver what is due and load the real SPRG3, DEC and FSCR; the real MSR
 * to run the guest with. */
static uint64_t prepare_entry(void)
{
	struct ppcpv_entry e;

	ppcpv_prepare_entry(guest, &e);
	if (shadow_on) {
		shadow_entry(guest);
		load_fscr();
	}
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_SPR_SPRG3), "r"(e.sprg3));
	__asm__ __volatile__("mtdec %0" : : "r"(e.dec_ticks));
	return e.msr;
}

static __attribute__((noinline)) void fscr_cause(void)
{
	uint64_t fscr;

	__asm__ __volatile__("mfspr %0,%1" : "=r"(fscr) : "i"(PPC_BOOK3S_SPR_FSCR));
	ppcpv_book3s_fscr_cause(guest, fscr);
}

/* With the guest's MMU modelled, its PAPR hypercalls and the host faults
 * its translations explain are served here; the rest goes to the core.
 * True if the exit was handled (*action says what next). */
static __attribute__((noinline)) int shadow_exit(struct ppcpv_exit *e, enum ppcpv_run_action *action)
{
	int served;

	if (e->reason == PPCPV_EXIT_SYSCALL && papr_is_hcall(guest)) {
		guest->stats.exits++;
		*action = papr_hcall(guest);
		if (*action == PPCPV_RUN_IDLE)
			guest->stats.idle++;
		return 1;
	}
	if (e->reason != PPCPV_EXIT_DATA_FAULT && e->reason != PPCPV_EXIT_INSN_FAULT)
		return 0;
	served = shadow_fault(guest, e);
	if (!served)
		return 0;
	guest->stats.exits++;
	*action = served < 0 ? PPCPV_RUN_FATAL : PPCPV_RUN_RESUME;
	return 1;
}

/*
 * Every trap out of the guest, called by start.S with the guest saved in
 * the vCPU, on the host stack's top frame: handle it, and return the real
 * MSR to run the guest with again.  DAR and DSISR still hold what the
 * interrupt set: the host runs in real mode and takes no interrupt itself.
 */
static inline __attribute__((always_inline)) void handle_exit(uint32_t vector, uint64_t srr1)
{
	struct ppcpv_exit e;
	enum ppcpv_run_action action;

	ppcpv_book3s_exit(vector, srr1, read_spr_dar(), read_spr_dsisr(), &e);
	if (vector == PPC_BOOK3S_VEC_FAC_UNAVAIL && shadow_on)
		fscr_cause();
	if (machine.cfg.verbose)
		trace_trap(&e);
	if (!shadow_on || !shadow_exit(&e, &action))
		action = ppcpv_handle_exit(guest, &e);
	if (action != PPCPV_RUN_RESUME)
		ppcpv_host_act_on(guest, action, &e);
}

/* With irq-sweep configured, every exit comes this way (core/sweep.c):
 * while the guest is single-stepped (the real MSR[SE]), the trace
 * interrupt is the host's, and each entry counts a boundary and may raise
 * or judge the interrupt.  Out of line, so that the common exit pays one
 * test for it. */
static __attribute__((noinline)) uint64_t swept_exit(uint32_t vector, uint64_t srr1)
{
	if (!ppcpv_sweep_step_exit(vector == PPC_BOOK3S_VEC_TRACE))
		handle_exit(vector, srr1);
	/* Arming or ending the placement happened in handle_exit. */
	return ppcpv_sweep_entry(guest, prepare_entry, PPC_BOOK3S_MSR_SE);
}

uint64_t host_exit(uint32_t vector, uint64_t srr1)
{
	if (cpu.sweep_on)
		return swept_exit(vector, srr1);
	handle_exit(vector, srr1);
	return prepare_entry();
}

/* ---- Boot --------------------------------------------------------------- */

static void init_trap_area(void)
{
	uint64_t toc;

	__asm__ __volatile__("mr %0,2" : "=r"(toc));
	cpu.ta.toc = toc;
	/* host_main's frames are dead once the guest runs: each exit starts
	 * over at the top of the stack (start64's frame). */
	cpu.ta.host_sp = (uint64_t)(uintptr_t)__stack_top - MIN_FRAME;
	cpu.ta.fatal_sp = (uint64_t)(uintptr_t)__fatal_stack_top - MIN_FRAME;
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_SPR_SPRG0), "r"(guest));
}

/* The guest's MSR at entry: the config's, or a reset Book3S CPU's. */
static uint64_t guest_msr(void)
{
	return machine.cfg.has_guest_msr ? machine.cfg.guest_msr : ppcpv_arch_book3s.msr_reset;
}

static void init_vcpu(void)
{
	const struct ppcpv_vcpu_config cfg = {
		.arch = &ppcpv_arch_book3s,
		.mode = machine.cfg.mode,
		.features = machine.cfg.features,
		.id = 0,
		.pvr = read_pvr(),
		.guest_le = !!(guest_msr() & PPC_BOOK3S_MSR_LE),
		/* a guest started in 64-bit mode runs on a 64-bit CPU */
		.cpu_64bit = !!(guest_msr() & PPC_BOOK3S_MSR_SF),
		.hostdev_base = machine.cfg.hostdev_base,
		.fault = machine.cfg.fault,
		.ram = (const uint8_t *)(uintptr_t)machine.cfg.guest_base,
		.ram_size = machine.cfg.guest_size,
	};
	const uint8_t *shown = cfg.fault == PPCPV_FAULT_STALE_MAGIC_PAGE ? stale_page : shared_page;

	const struct ppcpv_host_ops *ops = cfg.fault == PPCPV_FAULT_ABSENT_MAGIC_PAGE ?
		&pseries_ops_absent_page : &pseries_ops;
	const char *why;

	mmu_set_magic_page((uint64_t)(uintptr_t)shown);
	if (machine.cfg.mmu_shadow) {
		why = shadow_init(&machine, (uint64_t)(uintptr_t)shown);
		if (why)
			fatal(why);
		papr_sites_patch(&machine);
		ops = cfg.fault == PPCPV_FAULT_ABSENT_MAGIC_PAGE ? &pseries_ops_shadow_absent_page
								  : &pseries_ops_shadow;
		shadow_on = 1;
	}
	cpu.sweep_on = ppcpv_sweep_init(machine.cfg.irq_sweep);
	if (ppcpv_vcpu_init(guest, shared_page, &cfg, ppcpv_sweep_ops(ops), NULL))
		fatal("vCPU set-up failed");
	ppcpv_vcpu_boot(guest, machine.cfg.guest_entry, machine.cfg.guest_fdt, machine.cfg.guest_size,
			guest_msr());
	if (machine.cfg.premap) {
		ppcpv_magic_page_map(guest, machine.cfg.premap_ea, machine.cfg.premap_pa, 0,
				     !machine.cfg.premap_le);
		host_printf("host: magic page mapped before boot at ea 0x%llx pa 0x%llx (%s-endian)\n",
			    (unsigned long long)machine.cfg.premap_ea,
			    (unsigned long long)machine.cfg.premap_pa,
			    machine.cfg.premap_le ? "little" : "big");
	}
	fast_exit_init();
	fast_exit_arm();
}

static const char *const mode_names[PPCPV_MODE_COUNT] = { "pv", "no-pv", "none" };

void host_main(const void *qemu_fdt)
{
	const char *why;

	console_init(VTY_DEFAULT);
	why = machine_read_qemu_fdt(&machine, qemu_fdt);
	if (why)
		fatal(why);
	console_init(machine.vty);
	rtas_init(machine.rtas_power_off, machine.rtas_os_term);
	host_printf("host: ppcpv pseries host stub: pvr=0x%08x timebase=%u Hz ram=0x%llx\n",
		    read_pvr(), machine.timebase_hz, (unsigned long long)machine.ram_size);
	why = machine_read_host_config(&machine, (uint64_t)(uintptr_t)_end);
	if (why)
		fatal(why);
	init_trap_area();
	why = mmu_init(&machine);
	if (why)
		fatal(why);
	init_vcpu();
	host_printf("host: KVM_PPC_GET_PVINFO: flags 0x%x hcall 0x%08x 0x%08x 0x%08x 0x%08x\n",
		    guest->pvinfo.flags, ppcpv_pvinfo_word(&guest->pvinfo, 0),
		    ppcpv_pvinfo_word(&guest->pvinfo, 1), ppcpv_pvinfo_word(&guest->pvinfo, 2),
		    ppcpv_pvinfo_word(&guest->pvinfo, 3));
	host_printf("host: guest at 0x%llx size 0x%llx entry 0x%llx fdt 0x%llx mode %s "
		    "hostdev 0x%llx mmu %s fast-exits %s\n", (unsigned long long)machine.cfg.guest_base,
		    (unsigned long long)machine.cfg.guest_size, (unsigned long long)machine.cfg.guest_entry,
		    (unsigned long long)machine.cfg.guest_fdt, mode_names[machine.cfg.mode],
		    (unsigned long long)machine.cfg.hostdev_base, shadow_on ? "shadow" : "flat",
		    machine.cfg.fast_exits_off ? "off" : "on");
	if (machine.cfg.fault != PPCPV_FAULT_NONE)
		host_printf("host: deliberate defect: %s\n", machine.cfg.fault == PPCPV_FAULT_MAP_FAILS ?
			    "MAP_MAGIC_PAGE fails" :
			    machine.cfg.fault == PPCPV_FAULT_STALE_MAGIC_PAGE ?
			    "the guest sees a stale magic page" : "the magic page never appears");
	if (machine.cfg.selftest_host_fault) {
		host_printf("host: self-test: an illegal instruction in host mode\n");
		__asm__ __volatile__(".long 0");
	}
	guest_enter(prepare_entry());
}
