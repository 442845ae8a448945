// SPDX-License-Identifier: MIT
/*
 * The checks of the kernel's own MMU (mmu.c, vm.c), reported like the
 * others (PASS:/FAIL:/SKIP:).  Each runs a small user program (user.S) as
 * a process of its own from the idle context, with its target address in
 * r6, and looks at how it ended: its exit status, or the fault that killed
 * it (trap, address, DSISR or SRR1 cause).  In flat mode every check is a
 * SKIP line that says why.
 */
#include <ppcpv/abi.h>
#include <ppcpv/fmt.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/isa/papr.h>
#include "proc.h"

struct outcome {
	int status;			/* wait status: exit code << 8, or SIGSEGV */
	struct fatal_fault fault;
};

/* Run path until it ends; 0, or -1 if it could not start or never ended. */
static int run_program(const char *path, uint64_t r6, struct outcome *out)
{
	struct proc *p = proc_spawn();
	struct exec_args a = { .argc = 0, .len = 0 };
	int ended;

	if (!p)
		return -1;
	if (exec_args_add(&a, path, strlen(path)) || exec_load(p, path, &a) < 0) {
		proc_reap(p);
		return -1;
	}
	proc_user_regs(p)->gpr[6] = r6;
	proc_start(p);
	schedule();	/* back here when nothing is runnable any more */
	irq_disable();
	ended = p->state == PROC_ZOMBIE;
	out->status = p->wait_status;
	out->fault = p->fault;
	if (ended)
		proc_reap(p);
	return ended ? 0 : -1;
}

/* Killed by a fault at ea of kind trap whose cause has all of `want` and
 * none of `refuse`. */
static int killed_by(const struct outcome *o, uint64_t trap, uint64_t ea, uint64_t want,
		     uint64_t refuse)
{
	if (o->status == SIGSEGV)
		kprintf("INFO: killed by interrupt 0x%llx at 0x%llx, cause 0x%llx\n",
			(unsigned long long)o->fault.trap, (unsigned long long)o->fault.ea,
			(unsigned long long)o->fault.cause);
	else
		kprintf("INFO: not killed: wait status 0x%x\n", (unsigned int)o->status);
	return o->status == SIGSEGV && o->fault.trap == trap && o->fault.ea == ea &&
	       (o->fault.cause & want) == want && !(o->fault.cause & refuse);
}

static int exited_zero(const char *path, uint64_t r6)
{
	struct outcome o;

	if (run_program(path, r6, &o))
		return 0;
	if (o.status)
		kprintf("INFO: %s: wait status 0x%x\n", path, (unsigned int)o.status);
	return o.status == 0;
}

/* ---- the checks ---------------------------------------------------------- */

static int translated(int pv_on)
{
	uint64_t msr;

	__asm__ __volatile__("mfmsr %0" : "=r"(msr));
	return (msr & (PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR)) == (PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR);
}

/* The program never touches its stack's top page (the kernel wrote argv
 * there through its own mapping): one ISI for the program page, one DSI for
 * the fresh page, an entry for each. */
static int fresh_page(int pv_on)
{
	uint64_t dsi = mmu_stats.dsi, isi = mmu_stats.isi, enters = mmu_stats.h_enter;

	return exited_zero("/bin/mmu-fresh", 0) && mmu_stats.dsi - dsi == 1 &&
	       mmu_stats.isi - isi == 1 && mmu_stats.h_enter - enters == 2;
}

static int store_read_only(int pv_on)
{
	struct outcome o;

	return !run_program("/bin/mmu-store", USER_TEXT_EA, &o) &&
	       killed_by(&o, PPC_BOOK3S_VEC_DSI, USER_TEXT_EA, PPC_BOOK3S_DSISR_PROT | PPC_BOOK3S_DSISR_STORE,
			 PPC_BOOK3S_DSISR_NOPT);
}

static int load_kernel_page(int pv_on)
{
	uint64_t ea = (uintptr_t)&mmu_stats;
	struct outcome o;

	return !run_program("/bin/mmu-load", ea, &o) &&
	       killed_by(&o, PPC_BOOK3S_VEC_DSI, ea, PPC_BOOK3S_DSISR_PROT, PPC_BOOK3S_DSISR_NOPT);
}

static int fetch_kernel_text(int pv_on)
{
	uint64_t ea = (uintptr_t)&checks_mmu;
	struct outcome o;

	return !run_program("/bin/mmu-jump", ea, &o) &&
	       killed_by(&o, PPC_BOOK3S_VEC_ISI, ea, PPC_BOOK3S_SRR1_ISI_PROT, PPC_BOOK3S_SRR1_ISI_NOPT);
}

/* No user segment covers it: a segment fault, whatever the host maps. */
static int magic_page_hidden(int pv_on)
{
	uint64_t ea = (uint64_t)PPCPV_MAGIC_PAGE_EA;
	struct outcome o;

	return !run_program("/bin/mmu-load", ea, &o) && killed_by(&o, PPC_BOOK3S_VEC_DSEG, ea, 0, 0);
}

static int refault_after_remove(int pv_on)
{
	uint64_t removes = mmu_stats.h_remove;

	return exited_zero("/bin/mmu-refault", 0) && mmu_stats.h_remove > removes;
}

/*
 * Two full groups: 17 entries whose primary group is the same (each in a
 * context of its own, all for one frame) must all go in - the primary
 * group, then the secondary, then one entry evicted - and all come out.
 */
#define CROWD		(2 * PPC_HPTES_PER_GROUP + 1)
#define CROWD_GROUP	7	/* any group */

static int full_groups(int pv_on)
{
	static uint8_t frame[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
	struct hpte_ref refs[CROWD];
	uint64_t secondary = mmu_stats.secondary, evictions = mmu_stats.evictions;
	uint64_t before = mmu_stats.user_hptes, ea, inserted;
	unsigned int i, n = 0;

	for (i = 0; i < CROWD; i++) {
		unsigned long context = mmu_context_limit() - i;

		if (proc_context_in_use(context) ||
		    mmu_user_ea_in_group(context, CROWD_GROUP, &ea) ||
		    mmu_map_user_page(context, ea, (uintptr_t)frame, PROT_READ, &refs[n]) != H_SUCCESS)
			break;
		n++;
	}
	inserted = mmu_stats.user_hptes - before;
	mmu_unmap(refs, n);
	kprintf("INFO: %u entries for one group: %llu in the secondary, %llu evicted\n", n,
		(unsigned long long)(mmu_stats.secondary - secondary),
		(unsigned long long)(mmu_stats.evictions - evictions));
	return n == CROWD && mmu_stats.secondary - secondary >= PPC_HPTES_PER_GROUP &&
	       mmu_stats.evictions - evictions >= 1 &&
	       inserted == n - (mmu_stats.evictions - evictions) && mmu_stats.user_hptes == before;
}

static int nothing_left(int pv_on)
{
	kprintf("INFO: %llu H_ENTER, %llu H_REMOVE, %llu H_BULK_REMOVE, %llu DSI, %llu ISI, "
		"%llu segment faults\n", (unsigned long long)mmu_stats.h_enter,
		(unsigned long long)mmu_stats.h_remove, (unsigned long long)mmu_stats.h_bulk_remove,
		(unsigned long long)mmu_stats.dsi, (unsigned long long)mmu_stats.isi,
		(unsigned long long)mmu_stats.segment_faults);
	return mmu_stats.user_hptes == 0 && proc_count_live() == 0 &&
	       (!mmu_has_bulk_remove() || mmu_stats.h_bulk_remove > 0);
}

static const struct {
	const char *what;
	int (*run)(int pv_on);
	int needs_pv;			/* only where there is a magic page */
} checks[] = {
	{ "mmu: the kernel runs translated (MSR IR and DR)", translated, 0 },
	{ "mmu: a fresh page faults once, then stays mapped (zero-filled)", fresh_page, 0 },
	{ "mmu: a store to a read-only user page is a protection fault, the process is "
	  "killed (SIGSEGV)", store_read_only, 0 },
	{ "mmu: a user load from a kernel page is refused (protection fault, SIGSEGV)",
	  load_kernel_page, 0 },
	{ "mmu: a user fetch from kernel text is refused (ISI, SIGSEGV)", fetch_kernel_text, 0 },
	{ "mmu: the magic page is invisible to user mode", magic_page_hidden, 1 },
	{ "mmu: a page whose entry H_REMOVE removed (mprotect) faults again, contents kept",
	  refault_after_remove, 0 },
	{ "mmu: H_PTEG_FULL: the secondary group, then an entry nobody bolted is evicted",
	  full_groups, 0 },
	{ "mmu: exit and exec leave no user entry in the hash table (H_BULK_REMOVE)",
	  nothing_left, 0 },
};

void checks_mmu(int pv_on)
{
	char flat[96];
	size_t i;

	ppcpv_fmt(flat, sizeof(flat), "flat mapping: %s", mmu_on() ? "" : mmu_flat_reason());
	if (mmu_on()) {
		proc_init();
		syscall_install();
	}
	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		if (!mmu_on())
			check_skip(checks[i].what, flat);
		else if (checks[i].needs_pv && !pv_on)
			check_skip(checks[i].what, "no magic page: PV off");
		else
			check_report(checks[i].run(pv_on), checks[i].what);
	}
}
