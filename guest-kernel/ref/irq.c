// SPDX-License-Identifier: MIT
/*
 * Interrupt handling of the reference kernel: the decrementer (with the
 * checks that the host never interrupts a trampoline's critical section),
 * fault fix-ups for the probes, system calls, user page faults and user
 * faults when a process layer is present, and a clear stop on anything
 * unexpected.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/vectors.h>
#include "mmu.h"
#include "ref.h"

#define DEC_FAR		PPC_DEC_MAX

struct paca boot_paca;
struct irq_state irq;

struct ex_entry {
	unsigned long insn;
	unsigned long fixup;
};
extern const struct ex_entry __ex_table_start[], __ex_table_end[];

void dec_set(uint32_t ticks)
{
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_SPR_DEC), "r"((unsigned long)ticks));
}

#ifdef __powerpc64__
/* Only EE (and RI) change: mtmsrd L=1, as kernels do on hot paths. */
void irq_enable(void)
{
	__asm__ __volatile__("mtmsrd %0,1" : : "r"((uint64_t)(PPC_MSR_EE | PPC_BOOK3S_MSR_RI)) : "memory");
}

void irq_disable(void)
{
	__asm__ __volatile__("mtmsrd %0,1" : : "r"((uint64_t)PPC_BOOK3S_MSR_RI) : "memory");
}
#elif defined(REF_BOOKE)
/* BookE: wrteei, as e500 and 440 kernels do (patched to the wrteei trampolines). */
void irq_enable(void)
{
	__asm__ __volatile__("wrteei 1" : : : "memory");
}

void irq_disable(void)
{
	__asm__ __volatile__("wrteei 0" : : : "memory");
}
#else
/* Book3S-32 has no mtmsrd: read, change EE, write back with mtmsr, as
 * 32-bit kernels do (the patcher turns the pair into a load and a
 * trampoline). */
void irq_enable(void)
{
	unsigned long msr;

	__asm__ __volatile__("mfmsr %0; ori %0,%0,%1; mtmsr %0"
			     : "=&r"(msr) : "i"(PPC_MSR_EE) : "memory");
}

void irq_disable(void)
{
	unsigned long msr;

	__asm__ __volatile__("mfmsr %0; andc %0,%0,%1; mtmsr %0"
			     : "=&r"(msr) : "r"((unsigned long)PPC_MSR_EE) : "memory");
}
#endif

static unsigned long magic_critical(void)
{
	return *(volatile unsigned long *)(uintptr_t)(PPCPV_MAGIC_PAGE_EA +
						      REF_SHARED_REG(PPCPV_SHARED_CRITICAL));
}

/* BookE: the decrementer stops at zero and interrupts while TSR[DIS] and
 * TCR[DIE] are set; the handler acknowledges by writing DIS back. */
static void dec_acknowledge(void)
{
#ifdef REF_BOOKE
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_BOOKE_SPR_TSR), "r"(PPC_BOOKE_TSR_DIS));
#endif
}

void dec_enable(void)
{
#ifdef REF_BOOKE
	__asm__ __volatile__("mtspr %0,%1" : : "i"(PPC_BOOKE_SPR_TCR), "r"(PPC_BOOKE_TCR_DIE));
#endif
}

static void decrementer(struct pt_regs *regs)
{
	dec_acknowledge();
	irq.dec_ticks++;
	if (irq.pv_on && magic_critical() == regs->gpr[1])
		irq.dec_in_critical++;
	if (regs->nip >= (uintptr_t)ppcpv_kvm_tmp && regs->nip < (uintptr_t)ppcpv_kvm_tmp_end)
		irq.dec_in_kvm_tmp++;
	dec_set(irq.dec_rearm ? irq.dec_rearm : DEC_FAR);
}

static int fixup(struct pt_regs *regs)
{
	const struct ex_entry *e;

	for (e = __ex_table_start; e < __ex_table_end; e++) {
		if (e->insn == regs->nip) {
			regs->nip = e->fixup;
			return 1;
		}
	}
	return 0;
}

static void unexpected(struct pt_regs *regs)
{
	kprintf("FATAL: unexpected interrupt 0x%llx at 0x%llx msr 0x%llx dar 0x%llx dsisr 0x%llx\n",
		(unsigned long long)regs->trap, (unsigned long long)regs->nip,
		(unsigned long long)regs->msr, (unsigned long long)regs->dar,
		(unsigned long long)regs->dsisr);
	platform_exit(99);
}

void interrupt_dispatch(struct pt_regs *regs)
{
	switch (regs->trap) {
	case REF_TRAP_DEC:
		decrementer(regs);
		return;
	case REF_TRAP_SYSCALL:
		if (irq.syscall) {
			irq.syscall(regs);
			return;
		}
		break;
	case REF_TRAP_DSI:
	case REF_TRAP_DTLB:
	case REF_TRAP_ISI:
	case REF_TRAP_ITLB:
		mmu_count_interrupt(regs->trap);
		/* a user page not mapped yet (MMU mode) */
		if ((regs->msr & PPC_MSR_PR) && irq.page_fault && irq.page_fault(regs))
			return;
		if (fixup(regs))
			return;
		break;
	default:
		break;
	}
	/* A user program's fault ends the program, not the kernel. */
	if ((regs->msr & PPC_MSR_PR) && irq.user_fault) {
		irq.user_fault(regs);
		return;
	}
	unexpected(regs);
}
