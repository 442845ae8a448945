// SPDX-License-Identifier: MIT
/*
 * exec: replace a process's program.  The "file system" is a table of
 * program images linked into the kernel (user.S); exec gives the process a
 * fresh address space with one of them in its program page (vm.c), lays
 * out argv on a fresh stack at the top of its stack page, and points the
 * user state at the entry.  There is no environment: envp is always empty.
 */
#include "proc.h"

#define EXEC_ARGS_MAX	8

struct program {
	const char *path;
	const uint8_t *start, *end;
};

extern const uint8_t user_sh_start[], user_sh_end[], user_echo_start[], user_echo_end[];
extern const uint8_t user_mmu_fresh_start[], user_mmu_fresh_end[];
extern const uint8_t user_mmu_refault_start[], user_mmu_refault_end[];
extern const uint8_t user_mmu_load_start[], user_mmu_load_end[];
extern const uint8_t user_mmu_store_start[], user_mmu_store_end[];
extern const uint8_t user_mmu_jump_start[], user_mmu_jump_end[];

static const struct program programs[] = {
	{ "/bin/sh", user_sh_start, user_sh_end },
	{ "/bin/echo", user_echo_start, user_echo_end },
	{ "/bin/mmu-fresh", user_mmu_fresh_start, user_mmu_fresh_end },
	{ "/bin/mmu-refault", user_mmu_refault_start, user_mmu_refault_end },
	{ "/bin/mmu-load", user_mmu_load_start, user_mmu_load_end },
	{ "/bin/mmu-store", user_mmu_store_start, user_mmu_store_end },
	{ "/bin/mmu-jump", user_mmu_jump_start, user_mmu_jump_end },
};

static const struct program *find_program(const char *path)
{
	size_t i, n = strlen(path);

	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++)
		if (strlen(programs[i].path) == n && !memcmp(programs[i].path, path, n))
			return &programs[i];
	return NULL;
}

int exec_args_add(struct exec_args *a, const char *s, size_t n)
{
	if (a->argc >= EXEC_ARGS_MAX || n + 1 > sizeof(a->strings) - a->len)
		return -E2BIG;
	memcpy(a->strings + a->len, s, n);
	a->strings[a->len + n] = '\0';
	a->len += n + 1;
	a->argc++;
	return 0;
}

/*
 * From the top of the stack page down: the strings, argv[] with its NULL,
 * envp[] (just NULL), pointers of the register's width, then an empty
 * 32-byte frame for the entry code.
 * Written through the kernel's mapping of the page; the pointers are the
 * process's addresses.
 */
static void build_stack(const struct proc *p, const struct exec_args *a, struct pt_regs *regs)
{
	const struct upage *pg = &p->mm.page[MM_STACK];
	uintptr_t top = (uintptr_t)pg->frame + PAGE_SIZE;
	char *strings = (char *)((top - a->len) & ~(uintptr_t)(REG_BYTES - 1));
	unsigned long *argv = (unsigned long *)strings - (a->argc + 2);
	unsigned long *sp = (unsigned long *)(((uintptr_t)argv & ~(uintptr_t)15) - 32);
	size_t off = 0;
	unsigned int i;

	memcpy(strings, a->strings, a->len);
	for (i = 0; i < a->argc; i++) {
		argv[i] = mm_user_address(pg, strings + off);
		off += strlen(strings + off) + 1;
	}
	argv[a->argc] = 0;
	argv[a->argc + 1] = 0;
	*sp = 0;
	regs->gpr[1] = mm_user_address(pg, sp);
	regs->gpr[3] = a->argc;
	regs->gpr[4] = mm_user_address(pg, argv);
	regs->gpr[5] = mm_user_address(pg, &argv[a->argc + 1]);
}

static void clear_user_state(struct pt_regs *regs)
{
	unsigned long *w = (unsigned long *)regs;
	size_t i;

	for (i = 0; i < sizeof(*regs) / sizeof(*w); i++)
		w[i] = 0;
}

/* Load path into p and set its user state to start it: argc on success. */
long exec_load(struct proc *p, const char *path, const struct exec_args *a)
{
	const struct program *prog = find_program(path);
	struct pt_regs *regs = proc_user_regs(p);
	long err;

	if (!prog)
		return -ENOENT;
	err = mm_exec(p, prog->start, (size_t)(prog->end - prog->start));
	if (err)
		return err;
	clear_user_state(regs);
	build_stack(p, a, regs);
	regs->nip = p->mm.page[MM_TEXT].ea;
	regs->msr = MSR_USER;
	regs->trap = REF_TRAP_SYSCALL;
	return (long)a->argc;
}

/* execve(path, argv, envp): the strings are copied out of the old stack
 * before the new one is built over it. */
long sys_execve(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	struct exec_args a;
	char path[64];
	unsigned long ptr;
	long n = user_string(p, regs->gpr[3], path, sizeof(path));
	unsigned int i;

	if (n < 0)
		return n;
	a.argc = 0;
	a.len = 0;
	for (i = 0;; i++) {
		if (user_read_word(p, regs->gpr[4] + REG_BYTES * i, &ptr))
			return -EFAULT;
		if (!ptr)
			break;
		if (a.argc == EXEC_ARGS_MAX)
			return -E2BIG;
		n = user_string(p, ptr, a.strings + a.len, sizeof(a.strings) - a.len);
		if (n < 0)
			return n;
		a.len += (size_t)n + 1;
		a.argc++;
	}
	return exec_load(p, path, &a);
}
