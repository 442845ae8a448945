// SPDX-License-Identifier: MIT
/*
 * System calls: the 0xc00 handler behind head.S's exception entry, the
 * dispatch, and checked access to user memory.  The shape is Linux/ppc64's:
 * interrupts go back on for the call (mtmsrd L=1) and head.S's exit path
 * turns them off before mtspr SRR0/SRR1 and rfid; the result goes back in
 * r3, with CR0[SO] set and r3 = errno on failure.
 */
#include "proc.h"

#define ERRNO_MAX	4095

struct syscall {
	unsigned long nr;
	enum sys_kind kind;
	long (*fn)(struct pt_regs *regs);
};

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
	{ SYS_BENCH_MARK, SYSK_MARK, sys_bench_mark },
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
		regs->gpr[3] = (uint64_t)-ret;
		regs->ccr |= CR0_SO;
	} else {
		regs->gpr[3] = (uint64_t)ret;
		regs->ccr &= ~(uint64_t)CR0_SO;
	}
}

/* A program that faults is killed, as by SIGSEGV; the kernel carries on. */
static void user_fault(struct pt_regs *regs)
{
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
}

/* ---- user memory: the process's data page and the program page it runs */

static size_t bytes_in_page(const uint8_t *page, uint64_t addr)
{
	uint64_t base = (uintptr_t)page;

	return page && addr - base < USER_PAGE_SIZE ? (size_t)(base + USER_PAGE_SIZE - addr) : 0;
}

/* Bytes the process may access from addr on, up to the end of its page. */
static size_t user_bytes_at(const struct proc *p, uint64_t addr)
{
	size_t n = bytes_in_page(p->data, addr);

	return n ? n : bytes_in_page(p->code, addr);
}

int user_range_ok(const struct proc *p, uint64_t addr, size_t len)
{
	return len <= user_bytes_at(p, addr);
}

/* Copy a NUL-terminated string in: its length, -EFAULT or -E2BIG. */
long user_string(const struct proc *p, uint64_t addr, char *buf, size_t size)
{
	size_t avail = user_bytes_at(p, addr), i;
	const char *s = (const char *)(uintptr_t)addr;

	for (i = 0; i < size; i++) {
		if (i == avail)
			return -EFAULT;
		buf[i] = s[i];
		if (!s[i])
			return (long)i;
	}
	return -E2BIG;
}

int user_read_u64(const struct proc *p, uint64_t addr, uint64_t *val)
{
	if (addr % 8 || !user_range_ok(p, addr, 8))
		return -EFAULT;
	*val = *(const uint64_t *)(uintptr_t)addr;
	return 0;
}

int user_write_u32(const struct proc *p, uint64_t addr, uint32_t val)
{
	if (addr % 4 || !user_range_ok(p, addr, 4))
		return -EFAULT;
	*(uint32_t *)(uintptr_t)addr = val;
	return 0;
}
