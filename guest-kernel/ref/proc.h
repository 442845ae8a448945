/* SPDX-License-Identifier: MIT */
/*
 * proc.h - the process layer of the reference kernel's benchmark image:
 * user processes at MSR[PR]=1, their system calls, open files, program
 * loading and context switches.  Enough of a Unix kernel to run
 * `for i in 1..N; do /bin/echo hello > /dev/null; done` with a shell and
 * an echo of its own (user.S).
 *
 * User memory is a pool of page frames (vm.c).  A process's address space
 * (struct mm) is its program page and its stack pages.  With the kernel's
 * own MMU on (mmu.c) it has its own context and the same addresses in
 * every process (USER_TEXT_EA, USER_STACK_TOP), mapped on demand from the
 * page-fault handler; in flat mode (the host maps guest memory 1:1) a
 * process sees its frames at their real addresses.
 *
 * The numbers shared with assembly come first.
 */
#ifndef PPCPV_REF_PROC_H
#define PPCPV_REF_PROC_H

#include "ref.h"	/* REG_BYTES and the assembly macros: for C and assembly */

/* System call numbers: Linux's powerpc ones (the same on ppc32 and ppc64),
 * so the trace reads like Linux's. */
#define SYS_EXIT		1
#define SYS_FORK		2
#define SYS_WRITE		4
#define SYS_OPEN		5
#define SYS_CLOSE		6
#define SYS_EXECVE		11
#define SYS_DUP2		63
#define SYS_WAIT4		114
#define SYS_MPROTECT		125
#define SYS_EXIT_GROUP		234
#define SYS_BENCH_MARK		1000	/* ppcpv's own: a measurement point */
#define SYS_PAGE_FAULTS		1001	/* ppcpv's own: the caller's page faults so far */

#define O_WRONLY		1

/* As on Linux/powerpc: CR0[SO] set on return means r3 holds an errno. */
#define CR0_SO			0x10000000

/* struct kcontext: what switch_context() keeps of a switched-out process,
 * a register each (REG_BYTES, ref.h). */
#define KCTX_GPR(n)		(((n) - 14) * REG_BYTES)	/* r14..r31 */
#define KCTX_SP			(18 * REG_BYTES)
#define KCTX_LR			(19 * REG_BYTES)
#define KCTX_CR			(20 * REG_BYTES)
#define KCTX_SIZE		(21 * REG_BYTES)

/* MMU mode: the stack may grow to this many pages, each zero-filled when
 * first touched.  Flat mode: one page. */
#define USER_STACK_PAGES	4

#include "mmu.h"

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

#include <ppcpv/crt.h>	/* the compiler may call these too */

/* Keep GCC from turning a copy loop into a call to the byte-wise memcpy. */
#define NO_LOOP_TO_CALL	__attribute__((optimize("no-tree-loop-distribute-patterns")))

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
#define ENOMEM			12
#define ENFILE			23
#define EMFILE			24
#define ENOSYS			38

#define SIGSEGV			11

/*
 * Bits of a user process's MSR: user, interruptible, and per family
 *  - Book3S-64: 64-bit, translated (its own MMU, or the host's flat map),
 *    the kernel's byte order (its programs are built with it);
 *  - Book3S-32: real mode (IR=DR=0) - the kernel has no page table, the
 *    host maps memory 1:1 (mmu32.c);
 *  - BookE: address space 0 (IS=DS=0), where the kernel's 1:1 TLB entries
 *    give user mode access to memory (e500's TLB1, mmu_e500.c; the 440's
 *    TLB, mmu_440.c).
 */
#ifdef __powerpc64__
#define MSR_USER_ENDIAN		(REF_BIG_ENDIAN ? 0 : PPC_BOOK3S_MSR_LE)
#define MSR_USER		(PPC_BOOK3S_MSR_SF | PPC_MSR_EE | PPC_MSR_PR | PPC_MSR_ME | \
				 PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI | \
				 MSR_USER_ENDIAN)
#elif defined(REF_BOOKE)
#define MSR_USER		(PPC_MSR_EE | PPC_MSR_PR | PPC_MSR_ME)
#else
#define MSR_USER		(PPC_MSR_EE | PPC_MSR_PR | PPC_MSR_ME | PPC_BOOK3S_MSR_RI)
#endif

struct kcontext {
	unsigned long gpr[18];	/* r14..r31 */
	unsigned long sp, lr, cr;
};

_Static_assert(offsetof(struct kcontext, sp) == KCTX_SP, "kcontext layout");
_Static_assert(offsetof(struct kcontext, cr) == KCTX_CR, "kcontext layout");
_Static_assert(sizeof(struct kcontext) == KCTX_SIZE, "kcontext layout");

enum proc_state { PROC_FREE = 0, PROC_RUNNABLE, PROC_SLEEPING, PROC_ZOMBIE };

struct file;

/* One page of an address space. */
struct upage {
	uint64_t ea;			/* where the process sees it; 0: no page */
	uint8_t *frame;			/* its memory (kernel address); NULL: not
					 * touched yet (zero-filled when it is) */
	unsigned int prot;		/* PROT_* */
	struct hpte_ref hpte;		/* its hash-table entry, slot MMU_NO_SLOT: none */
};

#define MM_TEXT			0	/* page[] index of the program page */
#define MM_STACK		1	/* the stack's top page; further down follow */
#define MM_PAGES		(MM_STACK + USER_STACK_PAGES)

struct mm {
	unsigned long context;		/* MMU_NO_CONTEXT: flat mode, or none */
	struct upage page[MM_PAGES];
};

/* The fault that killed a process (the checks read it). */
struct fatal_fault {
	uint64_t trap, ea;
	uint64_t cause;			/* DSISR, or SRR1's cause bits for an ISI */
};

struct proc {
	struct kcontext ctx;		/* saved while switched out */
	enum proc_state state;
	int pid;
	int wait_status;		/* as wait4 reports it: code << 8, or the signal */
	struct proc *parent;
	uint64_t kstack_top;
	struct mm mm;			/* its address space; a forked child shares
					 * the read-only program page until exec */
	uint64_t page_faults;		/* storage interrupts it took */
	struct fatal_fault fault;
	struct file *fd[NFD];
};

/* Counters the benchmark reads at its measurement points. */
enum sys_kind {
	SYSK_FORK, SYSK_OPEN, SYSK_DUP2, SYSK_CLOSE, SYSK_EXECVE, SYSK_WRITE,
	SYSK_EXIT, SYSK_WAIT4, SYSK_MARK, SYSK_MPROTECT, SYSK_PAGE_FAULTS, SYSK_OTHER, SYSK_COUNT
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
int proc_context_in_use(unsigned long context);
struct proc *proc_spawn(void);		/* a fresh slot, a child of current */
void proc_start(struct proc *p);	/* runnable: to user mode from its frame */
struct pt_regs *proc_user_regs(const struct proc *p);
void schedule(void);
void do_exit(int wait_status) __attribute__((noreturn));
int proc_reap(struct proc *p);		/* frees a zombie; its pid */
unsigned int proc_count_live(void);	/* slots in use besides idle */
void copy_words(void *dst, const void *src, size_t bytes);	/* bytes: a multiple of REG_BYTES */
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

/* syscall.c: entry, dispatch */
void syscall_install(void);	/* sets irq.syscall, irq.user_fault, irq.page_fault */

/* vm.c: page frames, address spaces, page faults, user memory access */
void vm_init(void);
void mm_init(struct mm *mm);	/* empty: no context, no pages */
long mm_exec(struct proc *p, const uint8_t *image, size_t len);	/* 0 or -errno */
long mm_fork(struct proc *child, const struct proc *parent);
uint64_t mm_fork_address(const struct proc *child, const struct proc *parent, uint64_t addr);
void mm_release(struct proc *p);
void mm_switch(const struct proc *next);	/* its user segments into the SLB */
uint64_t mm_user_address(const struct upage *pg, const void *kernel_address);
int mm_page_fault(struct pt_regs *regs);	/* irq.page_fault */
long sys_mprotect(struct pt_regs *regs);
long sys_page_faults(struct pt_regs *regs);
/* The kernel's address of [addr, addr + len) if p may access it all with
 * prot (within one page), else NULL. */
void *user_ptr(struct proc *p, uint64_t addr, size_t len, unsigned int prot);
int user_range_ok(struct proc *p, uint64_t addr, size_t len, unsigned int prot);
long user_string(struct proc *p, uint64_t addr, char *buf, size_t size);
int user_read_word(struct proc *p, uint64_t addr, unsigned long *val);	/* a register's width */
int user_write_u32(struct proc *p, uint64_t addr, uint32_t val);

/* bench.c: measurement points, the run, the report */
long sys_bench_mark(struct pt_regs *regs);
/* Runs the loop and reports it (with the timebase's frequency, for the
 * driver); the number of failed checks. */
int bench_run(unsigned int iterations, uint32_t timebase_hz);

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_REF_PROC_H */
