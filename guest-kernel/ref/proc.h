/* SPDX-License-Identifier: MIT */
/*
 * proc.h - the process layer of the reference kernel's benchmark image:
 * user processes at MSR[PR]=1, their system calls, open files, program
 * loading and context switches.  Enough of a Unix kernel to run
 * `for i in 1..N; do /bin/echo hello > /dev/null; done` with a shell and
 * an echo of its own (user.S).
 *
 * The kernel does not manage translation: user memory is a fixed pool of
 * pages at their real addresses (hosted, the host maps guest memory 1:1;
 * natively, native_mmu.c maps the pool 1:1 once at boot).  Each process
 * slot owns one program page and one data/stack page.
 *
 * The numbers shared with assembly come first.
 */
#ifndef PPCPV_REF_PROC_H
#define PPCPV_REF_PROC_H

/* System call numbers: Linux's ppc64 ones, so the trace reads like Linux's. */
#define SYS_EXIT		1
#define SYS_FORK		2
#define SYS_WRITE		4
#define SYS_OPEN		5
#define SYS_CLOSE		6
#define SYS_EXECVE		11
#define SYS_DUP2		63
#define SYS_WAIT4		114
#define SYS_EXIT_GROUP		234
#define SYS_BENCH_MARK		1000	/* ppcpv's own: a measurement point */

#define O_WRONLY		1

/* As on Linux/ppc64: CR0[SO] set on return means r3 holds an errno. */
#define CR0_SO			0x10000000

/* struct kcontext: what switch_context() keeps of a switched-out process. */
#define KCTX_GPR(n)		(((n) - 14) * 8)	/* r14..r31 */
#define KCTX_SP			144
#define KCTX_LR			152
#define KCTX_CR			160
#define KCTX_SIZE		168

#define USER_PAGE_SIZE		4096

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
#include "ref.h"

#include <ppcpv/crt.h>	/* the compiler may call these too */

#define NPROC			8	/* slot 0 is the idle context (the boot stack) */
#define NFD			8
#define KSTACK_SIZE		16384

/* errno values (Linux's) */
#define ENOENT			2
#define E2BIG			7
#define ENOEXEC			8
#define EBADF			9
#define ECHILD			10
#define EAGAIN			11
#define EFAULT			14
#define EINVAL			22
#define ENFILE			23
#define EMFILE			24
#define ENOSYS			38

#define SIGSEGV			11

/* Bits of a user process's MSR: 64-bit, user, translated, interruptible. */
#define MSR_USER		(PPC_BOOK3S_MSR_SF | PPC_MSR_EE | PPC_MSR_PR | PPC_MSR_ME | \
				 PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI)

struct kcontext {
	uint64_t gpr[18];	/* r14..r31 */
	uint64_t sp, lr, cr;
};

_Static_assert(offsetof(struct kcontext, sp) == KCTX_SP, "kcontext layout");
_Static_assert(offsetof(struct kcontext, cr) == KCTX_CR, "kcontext layout");
_Static_assert(sizeof(struct kcontext) == KCTX_SIZE, "kcontext layout");

enum proc_state { PROC_FREE = 0, PROC_RUNNABLE, PROC_SLEEPING, PROC_ZOMBIE };

struct file;

struct proc {
	struct kcontext ctx;		/* saved while switched out */
	enum proc_state state;
	int pid;
	int wait_status;		/* as wait4 reports it: code << 8, or the signal */
	struct proc *parent;
	uint64_t kstack_top;
	uint8_t *text;			/* this slot's program page */
	uint8_t *data;			/* this slot's data and stack page */
	const uint8_t *code;		/* the program page it runs: its own after
					 * exec, its parent's after fork (shared) */
	struct file *fd[NFD];
};

/* Counters the benchmark reads at its measurement points. */
enum sys_kind {
	SYSK_FORK, SYSK_OPEN, SYSK_DUP2, SYSK_CLOSE, SYSK_EXECVE, SYSK_WRITE,
	SYSK_EXIT, SYSK_WAIT4, SYSK_MARK, SYSK_OTHER, SYSK_COUNT
};

struct kstats {
	uint64_t syscalls;
	uint64_t sys[SYSK_COUNT];
	uint64_t switches;
	uint64_t null_bytes;		/* written to /dev/null */
	uint64_t user_faults;		/* processes killed by a fault */
};
extern struct kstats kstats;

/* proc.c: the process table, fork/exit/wait, the scheduler */
struct proc *current_proc(void);
void proc_init(void);
struct proc *proc_spawn(void);		/* a fresh slot, a child of current */
void proc_start(struct proc *p);	/* runnable: to user mode from its frame */
struct pt_regs *proc_user_regs(const struct proc *p);
void schedule(void);
void do_exit(int wait_status) __attribute__((noreturn));
int proc_reap(struct proc *p);		/* frees a zombie; its pid */
unsigned int proc_count_live(void);	/* slots in use besides idle */
void proc_user_pool(uint8_t **start, size_t *bytes);
long sys_fork(struct pt_regs *regs);
long sys_wait4(struct pt_regs *regs);
long sys_exit(struct pt_regs *regs);

/* switch.S */
void switch_context(struct kcontext *prev, struct kcontext *next);
void ret_from_fork(void);	/* a new process's first kernel code */
void schedule_tail(void);	/* called by ret_from_fork */

/* exec.c: programs and loading them */
struct exec_args {
	unsigned int argc;
	size_t len;		/* bytes used in strings */
	char strings[256];	/* argc NUL-terminated strings, back to back */
};
int exec_args_add(struct exec_args *a, const char *s, size_t n);
long exec_load(struct proc *p, const char *path, const struct exec_args *a);
long sys_execve(struct pt_regs *regs);

/* file.c: open files and devices */
int files_open_console(struct proc *p);	/* fds 0, 1, 2 */
void files_fork(struct proc *child, const struct proc *parent);
void files_close_all(struct proc *p);
long sys_open(struct pt_regs *regs);
long sys_close(struct pt_regs *regs);
long sys_dup2(struct pt_regs *regs);
long sys_write(struct pt_regs *regs);

/* syscall.c: entry, dispatch, user memory access */
void syscall_install(void);	/* sets irq.syscall and irq.user_fault */
int user_range_ok(const struct proc *p, uint64_t addr, size_t len);
long user_string(const struct proc *p, uint64_t addr, char *buf, size_t size);
int user_read_u64(const struct proc *p, uint64_t addr, uint64_t *val);
int user_write_u32(const struct proc *p, uint64_t addr, uint32_t val);

/* bench.c: measurement points, the run, the report */
long sys_bench_mark(struct pt_regs *regs);
int bench_run(unsigned int iterations);	/* the number of failed checks */

/* native_mmu.c: natively, map the user pool 1:1 (PR=1 forces IR/DR on) */
int native_map_user(const void *fdt, size_t fdt_size, uint64_t start, size_t bytes);
#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_REF_PROC_H */
