// SPDX-License-Identifier: MIT
/*
 * Processes: a fixed table, pids, fork/exit/wait4 and a round-robin
 * scheduler.  Slot 0 is the idle context (the boot stack, kmain); it runs
 * only when no process is runnable.  Each process has its own kernel stack,
 * whose top holds its user state while it is in the kernel (exc_common
 * enters there from user mode), and the paca names the running process and
 * that stack, as on Linux/ppc64.  The same code runs in the 64-bit and the
 * 32-bit kernels: registers are unsigned long, frames come from ref.h.
 *
 * Fork gives the child a copy of the parent's address space (vm.c): the
 * stack pages are copied, the program page is shared until the child
 * execs.  In flat mode the child's stack is at another address, so its
 * stack pointer moves along.
 */
#include "proc.h"

#define PID_MAX		32768
#define FIRST_PID	1

struct kstats kstats;

static struct proc procs[NPROC];
static uint8_t kstacks[NPROC][KSTACK_SIZE] __attribute__((aligned(16)));
static int last_pid;

struct proc *current_proc(void)
{
	return boot_paca.current;
}

NO_LOOP_TO_CALL void copy_words(void *dst, const void *src, size_t bytes)
{
	unsigned long *d = dst;
	const unsigned long *s = src;
	size_t i;

	for (i = 0; i < bytes / sizeof(*d); i++)
		d[i] = s[i];
}

void proc_init(void)
{
	unsigned int i;

	memset(procs, 0, sizeof(procs));
	vm_init();
	for (i = 0; i < NPROC; i++) {
		procs[i].kstack_top = (uint64_t)(uintptr_t)(kstacks[i] + KSTACK_SIZE);
		mm_init(&procs[i].mm);
	}
	procs[0].state = PROC_RUNNABLE;
	boot_paca.current = &procs[0];
	last_pid = 0;
}

/* The frame exc_common builds at the top of p's kernel stack. */
static uint64_t user_frame(const struct proc *p)
{
	return (p->kstack_top & ~15ull) - FRAME_SIZE;
}

struct pt_regs *proc_user_regs(const struct proc *p)
{
	return (struct pt_regs *)(uintptr_t)(user_frame(p) + FRAME_REGS);
}

static int live(const struct proc *p)
{
	return p->state != PROC_FREE;
}

int proc_context_in_use(unsigned long context)
{
	unsigned int i;

	for (i = 1; i < NPROC; i++)
		if (live(&procs[i]) && procs[i].mm.context == context)
			return 1;
	return 0;
}

static int pid_in_use(int pid)
{
	unsigned int i;

	for (i = 1; i < NPROC; i++)
		if (live(&procs[i]) && procs[i].pid == pid)
			return 1;
	return 0;
}

/* The next free pid after the last one given, wrapping as Linux does. */
static int pid_alloc(void)
{
	int pid = last_pid;

	do
		pid = pid + 1 < PID_MAX ? pid + 1 : FIRST_PID + 1;
	while (pid_in_use(pid));
	last_pid = pid;
	return pid;
}

struct proc *proc_spawn(void)
{
	struct proc *p = NULL;
	unsigned int i;

	for (i = 1; i < NPROC && !p; i++)
		if (!live(&procs[i]))
			p = &procs[i];
	if (!p)
		return NULL;
	p->pid = pid_alloc();
	p->parent = current_proc();
	mm_init(&p->mm);
	p->page_faults = 0;
	p->fault.trap = p->fault.ea = p->fault.cause = 0;
	p->wait_status = 0;
	for (i = 0; i < NFD; i++)
		p->fd[i] = NULL;
	p->state = PROC_SLEEPING;	/* not runnable before proc_start() */
	return p;
}

/* Runnable, entering user mode through the interrupt exit path with the
 * state in its user frame. */
void proc_start(struct proc *p)
{
	uint64_t frame = user_frame(p);

	memset(&p->ctx, 0, sizeof(p->ctx));
	*(unsigned long *)(uintptr_t)frame = 0;	/* the end of the back chain */
	p->ctx.sp = (unsigned long)frame;
	p->ctx.lr = (unsigned long)(uintptr_t)ret_from_fork;
	p->state = PROC_RUNNABLE;
}

/* Round robin over the process slots; the idle context when none runs. */
static struct proc *pick_next(struct proc *prev)
{
	unsigned int from = (unsigned int)(prev - procs), k, i;

	for (k = 1; k <= NPROC; k++) {
		i = (from + k) % NPROC;
		if (i != 0 && procs[i].state == PROC_RUNNABLE)
			return &procs[i];
	}
	return &procs[0];
}

/* Interrupts come back on after a switch, as Linux's finish_task_switch
 * does; a new process gets here from ret_from_fork. */
void schedule_tail(void)
{
	irq_enable();
}

void schedule(void)
{
	struct proc *prev = current_proc(), *next = pick_next(prev);

	if (next == prev)
		return;
	/* No interrupt while the stack and "current" disagree. */
	irq_disable();
	kstats.switches++;
	mm_switch(next);
	boot_paca.kstack = next->kstack_top;
	boot_paca.current = next;
	switch_context(&prev->ctx, &next->ctx);
	schedule_tail();
}

void do_exit(int wait_status)
{
	struct proc *p = current_proc();
	unsigned int i;

	files_close_all(p);
	mm_release(p);
	for (i = 1; i < NPROC; i++)
		if (live(&procs[i]) && procs[i].parent == p)
			procs[i].parent = &procs[0];
	p->wait_status = wait_status;
	p->state = PROC_ZOMBIE;
	if (p->parent->state == PROC_SLEEPING)
		p->parent->state = PROC_RUNNABLE;
	schedule();
	for (;;)	/* a zombie is never switched back to */
		;
}

int proc_reap(struct proc *p)
{
	int pid = p->pid;

	p->state = PROC_FREE;
	p->parent = NULL;
	return pid;
}

unsigned int proc_count_live(void)
{
	unsigned int i, n = 0;

	for (i = 1; i < NPROC; i++)
		n += live(&procs[i]);
	return n;
}

long sys_fork(struct pt_regs *regs)
{
	struct proc *parent = current_proc(), *child = proc_spawn();
	struct pt_regs *child_regs;

	if (!child)
		return -EAGAIN;
	if (mm_fork(child, parent)) {
		proc_reap(child);
		return -EAGAIN;
	}
	files_fork(child, parent);
	child_regs = proc_user_regs(child);
	copy_words(child_regs, regs, sizeof(*regs));
	child_regs->gpr[1] = mm_fork_address(child, parent, regs->gpr[1]);
	child_regs->gpr[3] = 0;
	child_regs->ccr &= ~(unsigned long)CR0_SO;
	proc_start(child);
	return child->pid;
}

/* wait4(pid, status, options, rusage): pid > 0 or -1; no options. */
long sys_wait4(struct pt_regs *regs)
{
	struct proc *p = current_proc();
	long pid = (int)regs->gpr[3];
	uint64_t status = regs->gpr[4];
	unsigned int i;
	int children;

	if (regs->gpr[5])
		return -EINVAL;
	if (status && !user_range_ok(p, status, 4, PROT_WRITE))
		return -EFAULT;
	for (;;) {
		for (i = 1, children = 0; i < NPROC; i++) {
			struct proc *c = &procs[i];

			if (!live(c) || c->parent != p || (pid > 0 && c->pid != pid))
				continue;
			children++;
			if (c->state != PROC_ZOMBIE)
				continue;
			if (status)
				user_write_u32(p, status, (uint32_t)c->wait_status);
			return proc_reap(c);
		}
		if (!children)
			return -ECHILD;
		p->state = PROC_SLEEPING;
		schedule();
	}
}

long sys_exit(struct pt_regs *regs)
{
	do_exit((int)(regs->gpr[3] & 0xff) << 8);
}
