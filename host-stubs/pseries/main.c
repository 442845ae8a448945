// SPDX-License-Identifier: MIT
/*
 * The pseries host stub: boot, then run the guest at MSR[PR]=1 until it
 * exits.  The portable core (host-stubs/core) decides what each trap
 * means; this file supplies the machine (memory, timebase, console, magic
 * page mapping), enters the guest and reports the result:
 *   HOST-STATS: {...}     every trap counter, one line of JSON
 *   EXIT: <n>             the guest's status (HOST_FATAL_STATUS on a host failure)
 * then RTAS power-off (n = 0, QEMU exits 0) or ibm,os-term (QEMU exits 1
 * with -action panic=exit-failure).
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/ppc_insn.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "pseries.h"
#include "trap_area.h"

#define VTY_DEFAULT	0x71000000
#define FATAL_FRAME	32

extern char _end[], __fatal_stack_top[];

static struct machine machine;
static struct ppcpv_vcpu vcpu;
static struct trap_area trap_area __attribute__((aligned(128)));
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

static void print_stats(void)
{
	static char json[2048];

	int n = ppcpv_stats_json(&vcpu.stats, json, sizeof(json));

	/* Longer than host_printf's buffer: written out directly. */
	if (n <= 0)
		return;
	console_flush();
	console_write("HOST-STATS: ", 12);
	console_write(json, (size_t)n);
	console_write("\n", 1);
}

static __attribute__((noreturn)) void host_stop(int status)
{
	print_stats();
	host_printf("EXIT: %d\n", status);
	rtas_exit(status);
}

static __attribute__((noreturn)) void fatal(const char *why)
{
	host_printf("host: FATAL: %s\n", why);
	host_stop(HOST_FATAL_STATUS);
}

void host_fatal_trap(uint64_t vector, uint64_t srr0, uint64_t srr1, uint64_t dar, uint64_t dsisr)
{
	host_printf("host: FATAL: interrupt 0x%llx taken in host mode: srr0=0x%llx srr1=0x%llx "
		    "dar=0x%llx dsisr=0x%llx\n", (unsigned long long)vector,
		    (unsigned long long)srr0, (unsigned long long)srr1,
		    (unsigned long long)dar, (unsigned long long)dsisr);
	host_stop(HOST_FATAL_STATUS);
}

/* ---- The vCPU's view of the machine ------------------------------------ */

static int read_guest(void *ctx, uint64_t ea, void *buf, size_t len)
{
	const uint8_t *src = (const uint8_t *)(uintptr_t)(machine.cfg.guest_base + ea);
	uint8_t *dst = buf;

	if (ea >= machine.cfg.guest_size || len > machine.cfg.guest_size - ea)
		return -PPCPV_ERR_NOTFOUND;
	while (len--)
		*dst++ = *src++;
	return 0;
}

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

static void magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	const uint8_t *page = v->cfg.fault == PPCPV_FAULT_STALE_MAGIC_PAGE ? stale_page : shared_page;

	mmu_show_magic_page(v->magic.ea, (uint64_t)(uintptr_t)page, visible);
}

static const struct ppcpv_host_ops pseries_ops = {
	.read_guest = read_guest,
	.timebase = timebase,
	.console_write = guest_console_write,
	.magic_visible = magic_visible,
};

/* ---- Running the guest -------------------------------------------------- */

static void trace_trap(const struct ppcpv_trap *t)
{
	uint32_t insn = 0;
	uint8_t b[4];

	if (!read_guest(NULL, vcpu.regs.pc, b, 4))
		insn = ppc_load_insn(b, !(ppcpv_vcpu_msr(&vcpu) & PPCPV_MSR_LE));
	host_printf("host: trap 0x%x pc=0x%llx insn=0x%08x srr1=0x%llx dar=0x%llx msr=0x%llx\n",
		    t->vector, (unsigned long long)vcpu.regs.pc, insn,
		    (unsigned long long)t->srr1, (unsigned long long)t->dar,
		    (unsigned long long)ppcpv_vcpu_msr(&vcpu));
}

/* EV_IDLE: wait (EE=0, so by spinning on the timebase) for an interrupt. */
static void idle(void)
{
	uint64_t wake;

	while (!ppcpv_vcpu_runnable(&vcpu)) {
		wake = ppcpv_vcpu_wake_tb(&vcpu);
		if (wake == UINT64_MAX)
			fatal("EV_IDLE with no decrementer armed: the guest would sleep forever");
		while (read_timebase() < wake)
			;
	}
}

static void enter_and_trap(struct ppcpv_trap *t)
{
	struct ppcpv_entry e;

	ppcpv_prepare_entry(&vcpu, &e);
	__asm__ __volatile__("mtspr %0,%1" : : "i"(SPRN_SPRG3), "r"(e.sprg3));
	__asm__ __volatile__("mtdec %0" : : "r"(e.dec_ticks));
	t->vector = (uint32_t)guest_enter(&vcpu, e.msr);
	t->srr1 = trap_area.srr1;
	t->dar = trap_area.dar;
	t->dsisr = (uint32_t)trap_area.dsisr;
}

static __attribute__((noreturn)) void run_guest(void)
{
	struct ppcpv_trap t;

	for (;;) {
		enter_and_trap(&t);
		if (machine.cfg.verbose)
			trace_trap(&t);
		switch (ppcpv_handle_trap(&vcpu, &t)) {
		case PPCPV_ACTION_RESUME:
			break;
		case PPCPV_ACTION_IDLE:
			idle();
			break;
		case PPCPV_ACTION_EXIT:
			host_stop(vcpu.exit_status);
		case PPCPV_ACTION_FATAL:
			host_printf("host: FATAL: %s: vector 0x%x pc=0x%llx srr1=0x%llx\n",
				    vcpu.fatal, t.vector, (unsigned long long)vcpu.regs.pc,
				    (unsigned long long)t.srr1);
			host_stop(HOST_FATAL_STATUS);
		}
	}
}

/* ---- Boot --------------------------------------------------------------- */

static void init_trap_area(void)
{
	uint64_t toc;

	__asm__ __volatile__("mr %0,2" : "=r"(toc));
	trap_area.toc = toc;
	trap_area.fatal_sp = (uint64_t)(uintptr_t)__fatal_stack_top - FATAL_FRAME;
	trap_area.vcpu = (uint64_t)(uintptr_t)&vcpu;
	__asm__ __volatile__("mtspr %0,%1" : : "i"(SPRN_SPRG0), "r"(&trap_area));
}

static void init_vcpu(void)
{
	const struct ppcpv_vcpu_config cfg = {
		.mode = machine.cfg.mode,
		.features = machine.cfg.features,
		.id = 0,
		.pvr = read_pvr(),
		.guest_le = !!(machine.cfg.guest_msr & PPCPV_MSR_LE),
		.hostdev_base = machine.cfg.hostdev_base,
		.fault = machine.cfg.fault,
	};

	if (ppcpv_vcpu_init(&vcpu, shared_page, &cfg, &pseries_ops, NULL))
		fatal("vCPU set-up failed");
	ppcpv_vcpu_boot(&vcpu, machine.cfg.guest_entry, machine.cfg.guest_fdt, machine.cfg.guest_size,
			machine.cfg.guest_msr);
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
		    vcpu.pvinfo.flags, ppcpv_pvinfo_word(&vcpu.pvinfo, 0), ppcpv_pvinfo_word(&vcpu.pvinfo, 1),
		    ppcpv_pvinfo_word(&vcpu.pvinfo, 2), ppcpv_pvinfo_word(&vcpu.pvinfo, 3));
	host_printf("host: guest at 0x%llx size 0x%llx entry 0x%llx fdt 0x%llx mode %s "
		    "hostdev 0x%llx\n", (unsigned long long)machine.cfg.guest_base,
		    (unsigned long long)machine.cfg.guest_size, (unsigned long long)machine.cfg.guest_entry,
		    (unsigned long long)machine.cfg.guest_fdt, mode_names[machine.cfg.mode],
		    (unsigned long long)machine.cfg.hostdev_base);
	if (machine.cfg.fault != PPCPV_FAULT_NONE)
		host_printf("host: deliberate defect: %s\n", machine.cfg.fault == PPCPV_FAULT_MAP_FAILS ?
			    "MAP_MAGIC_PAGE fails" : "the guest sees a stale magic page");
	if (machine.cfg.selftest_host_fault) {
		host_printf("host: self-test: an illegal instruction in host mode\n");
		__asm__ __volatile__(".long 0");
	}
	run_guest();
}
