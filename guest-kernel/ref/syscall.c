// SPDX-License-Identifier: MIT
/*
 * System calls: the handler behind head.S's exception entry (vector 0xc00;
 * e500: IVOR8), the dispatch, and what kills a faulting program.  The
 * shape is Linux/powerpc's: interrupts go back on for the call (irq.c:
 * mtmsrd L=1, mtmsr or wrteei) and head.S's exit path turns them off
 * before mtspr SRR0/SRR1 and rfid/rfi; the result goes back in r3, with
 * CR0[SO] set and r3 = errno on failure.
 */
#include <ppcpv/isa/vectors.h>
#include "proc.h"

#define ERRNO_MAX	4095

struct syscall {
	unsigned long nr;
	enum sys_kind kind;
	long (*fn)(struct pt_regs *regs);
};

/* Only the benchmark image takes measurement points (bench.c); elsewhere
 * the call does not exist. */
__attribute__((weak)) long sys_bench_mark(struct pt_regs *regs)
{
	return -ENOSYS;
}

static const struct syscall syscalls[] = {
	{ SYS_FORK, SYSK_FORK, sys_fork },
	{ SYS_OPEN, SYSK_OPEN, sys_open },
	{ SYS_DUP2, SYSK_DUP2, sys_dup2 },
	{ SYS_CLOSE, SYSK_CLOSE, sys_close },
	{ SYS_EXECVE, SYSK_EXECVE, sys_execve },
	{ SYS_WRITE, SYSK_WRITE, sys_write },
	{ SYS_EXIT, SYSK_EXIT, sys_exit },
	{ SYS_EXIT_GROUP, SYSK_EXIT, sys_exit },	/* one thread per process */
	{ SYS_WAIT4, SYSK_WAIT4, sys_wait4 },
	{ SYS_MPROTECT, SYSK_MPROTECT, sys_mprotect },
	{ SYS_BENCH_MARK, SYSK_MARK, sys_bench_mark },
	{ SYS_PAGE_FAULTS, SYSK_PAGE_FAULTS, sys_page_faults },
};

static long dispatch(struct pt_regs *regs)
{
	size_t i;

	for (i = 0; i < sizeof(syscalls) / sizeof(syscalls[0]); i++) {
		if (syscalls[i].nr == regs->gpr[0]) {
			kstats.sys[syscalls[i].kind]++;
			return syscalls[i].fn(regs);
		}
	}
	kstats.sys[SYSK_OTHER]++;
	return -ENOSYS;
}

static void syscall_entry(struct pt_regs *regs)
{
	long ret;

	irq_enable();
	kstats.syscalls++;
	ret = dispatch(regs);
	if (ret < 0 && ret >= -ERRNO_MAX) {
		regs->gpr[3] = (unsigned long)-ret;
		regs->ccr |= CR0_SO;
	} else {
		regs->gpr[3] = (unsigned long)ret;
		regs->ccr &= ~(unsigned long)CR0_SO;
	}
}

/* A program that faults is killed, as by SIGSEGV; the kernel carries on.
 * Its fault is kept for whoever looks at the zombie. */
static void user_fault(struct pt_regs *regs)
{
	struct fatal_fault *f = &current_proc()->fault;

	int fetch = regs->trap == REF_TRAP_ISI || regs->trap == REF_TRAP_ITLB;

	f->trap = regs->trap;
	f->ea = fetch ? regs->nip : regs->dar;
#ifdef REF_BOOKE
	f->cause = regs->dsisr;		/* ESR, for either kind */
#else
	f->cause = fetch ? regs->msr & PPC_BOOK3S_SRR1_ISI_CAUSES : regs->dsisr;
#endif
	kstats.user_faults++;
	kprintf("kernel: pid %d killed: interrupt 0x%llx at 0x%llx (dar 0x%llx)\n",
		current_proc()->pid, (unsigned long long)regs->trap, (unsigned long long)regs->nip,
		(unsigned long long)regs->dar);
	do_exit(SIGSEGV);
}

void syscall_install(void)
{
	irq.syscall = syscall_entry;
	irq.user_fault = user_fault;
	/* Flat mode maps nothing on demand: a user storage interrupt is
	 * the program's fault. */
	irq.page_fault = mmu_on() ? mm_page_fault : NULL;
}
