/* SPDX-License-Identifier: MIT */
/*
 * ref.h - the reference guest kernel: layouts shared by C and assembly,
 * and the interfaces between its files.
 *
 * A small Book3S-64 big-endian kernel that runs natively on QEMU pseries
 * (MSR[PR]=0) or hosted by the ppcpv host stub (PR=1 underneath, PR=0 as
 * far as it knows).  Its addresses are guest real addresses: with a hash
 * MMU of its own (mmu.c) it maps itself 1:1 and runs translated, else it
 * runs in real mode on the host's flat mapping.
 */
#ifndef PPCPV_REF_H
#define PPCPV_REF_H

/* SPR numbers, MSR bits and vectors: the ISA layer. */
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>

/* Per-CPU area ("paca"), reached through SPRG0 in exception entry. */
#define PACA_R11	0
#define PACA_R12	8
#define PACA_CR		16
#define PACA_KSTACK	24	/* top of the kernel stack, for entries from user */
#define PACA_TOC	32
#define PACA_CURRENT	40	/* the running process (proc.c), as Linux keeps it */
#define PACA_KERNEL_MSR	48	/* the MSR once an interrupt's state is saved; 0:
				 * stay in real mode (mmu.c) */
#define PACA_SIZE	64

/* struct pt_regs */
#define REGS_GPR(n)	((n) * 8)
#define REGS_NIP	256
#define REGS_MSR	264
#define REGS_CTR	272
#define REGS_LINK	280
#define REGS_XER	288
#define REGS_CCR	296
#define REGS_TRAP	304
#define REGS_DAR	312
#define REGS_DSISR	320
#define REGS_SIZE	328

/* Exception frame: ELFv2 minimal frame (32 bytes) + pt_regs, 16-aligned. */
#define FRAME_REGS	32
#define FRAME_SIZE	368
/* ELFv2 lets leaf code use 288 bytes below r1: interrupts must skip them. */
#define RED_ZONE	288

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct paca {
	uint64_t r11, r12, cr, kstack, toc;
	void *current;
	uint64_t kernel_msr;
	uint64_t pad;
};

struct pt_regs {
	uint64_t gpr[32];
	uint64_t nip, msr, ctr, link, xer, ccr, trap, dar, dsisr;
};

_Static_assert(sizeof(struct paca) == PACA_SIZE, "paca layout");
_Static_assert(offsetof(struct paca, kstack) == PACA_KSTACK, "paca layout");
_Static_assert(offsetof(struct paca, current) == PACA_CURRENT, "paca layout");
_Static_assert(offsetof(struct paca, kernel_msr) == PACA_KERNEL_MSR, "paca layout");
_Static_assert(offsetof(struct pt_regs, nip) == REGS_NIP, "pt_regs layout");
_Static_assert(offsetof(struct pt_regs, dsisr) == REGS_DSISR, "pt_regs layout");
_Static_assert(sizeof(struct pt_regs) == REGS_SIZE, "pt_regs layout");
_Static_assert(FRAME_REGS + REGS_SIZE <= FRAME_SIZE && FRAME_SIZE % 16 == 0, "frame");

/* Linker-script symbols. */
extern char _stext[], _etext[], ppcpv_kvm_tmp[], ppcpv_kvm_tmp_end[];
extern char __bss_start[], __bss_end[];

/* head.S */
void exc_return(void);	/* the interrupt exit path; r1 = an exception frame */
int ppcpv_ref_probe_load(uint64_t ea, unsigned int bytes, uint64_t *val);
int ppcpv_ref_probe_store(uint64_t ea, unsigned int bytes, uint64_t val);

/* console.c */
void console_init(const void *fdt, size_t fdt_size, int hcalls_ready);
void console_write(const char *s, size_t n);
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* platform.c: how the run ends (native: RTAS; hosted: the host device) */
void platform_init(const void *fdt, size_t fdt_size);
int platform_hosted(void);
void platform_exit(int status) __attribute__((noreturn));
uint64_t platform_hostdev(void);	/* guest-physical base of "ppcpv,hostdev", or 0 */
uint64_t fdt_reg_address(const void *fdt, size_t size, int node);

/* irq.c */
struct irq_state {
	volatile uint64_t dec_ticks;		/* decrementer interrupts taken */
	volatile uint64_t dec_in_critical;	/* taken with critical == r1 */
	volatile uint64_t dec_in_kvm_tmp;	/* taken at an address in kvm_tmp */
	volatile uint32_t dec_rearm;		/* re-arm value, 0: one-shot */
	volatile int pv_on;			/* the magic page is in use */
	/* Set by a kernel that runs user processes (proc.c); NULL in the
	 * checks image, where a system call or a user fault is unexpected. */
	void (*syscall)(struct pt_regs *regs);
	void (*user_fault)(struct pt_regs *regs);
	/* A user-mode storage or segment interrupt: 1 if resolved (resume). */
	int (*page_fault)(struct pt_regs *regs);
};
extern struct irq_state irq;
extern struct paca boot_paca;
void interrupt_dispatch(struct pt_regs *regs);
void dec_set(uint32_t ticks);
void irq_enable(void);
void irq_disable(void);

/* checks.c */
void checks_before_pv(void);
void checks_after_pv(int pv_on);
int checks_summary(void);	/* returns the number of failures */
void check_report(int ok, const char *what);	/* a PASS: or FAIL: line */
void check_skip(const char *what, const char *why);	/* a SKIP: line */

/* mmu_checks.c: the MMU mode's checks (SKIP lines in flat mode) */
void checks_mmu(int pv_on);

/* pv.c: the PV bring-up glue */
struct ppcpv_pv_result;
int pv_start(const void *fdt, size_t fdt_size);
const struct ppcpv_pv_result *pv_result(void);
extern int pv_hcalls_ready;	/* the hypercall stub holds the host's sequence */

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_REF_H */
