/* SPDX-License-Identifier: MIT */
/*
 * ref.h - the reference guest kernel: layouts shared by C and assembly,
 * and the interfaces between its files.
 *
 * A small Book3S-64 big-endian kernel that runs natively on QEMU pseries
 * (MSR[PR]=0) or hosted by the ppcpv host stub (PR=1 underneath, PR=0 as
 * far as it knows).  Its addresses are guest real addresses: with a hash
 * MMU of its own (mmu.c) it maps itself 1:1 and runs translated, else it
 * runs in real mode on the host's flat mapping.  Built for ppc32 it is a
 * Book3S-32 kernel (head.S's 32-bit paths, mmu32.c): registers and
 * layouts are then a word of 4 bytes (REG_BYTES).  Built for ppc64le it is
 * the same Book3S-64 kernel, little-endian (REF_BIG_ENDIAN 0).
 */
#ifndef PPCPV_REF_H
#define PPCPV_REF_H

/* SPR numbers, MSR bits and vectors: the ISA layer. */
#include <ppcpv/isa/family.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>

/* The BookE builds: e500 (REF_E500, -mcpu=8548) and the PowerPC 440
 * (REF_440, -mcpu=440) share everything but their TLB code (mmu_e500.c,
 * mmu_440.c). */
#if defined(REF_E500) || defined(REF_440)
#define REF_BOOKE	1
#endif

/* The family the kernel is built for (what it patches itself as), and
 * the bytes of a register, of a paca slot and of a pt_regs slot.  The
 * 440 build patches itself by the BookE rules the patcher has, e500's:
 * it never gets that far, no 440 host offers a magic page. */
#ifdef __powerpc64__
#define REF_FAMILY	PPCPV_FAMILY_BOOK3S64
#define REG_BYTES	8
#define REG_SHIFT	3	/* log2(REG_BYTES) */
#elif defined(REF_BOOKE)
#define REF_FAMILY	PPCPV_FAMILY_E500
#define REG_BYTES	4
#define REG_SHIFT	2
#else
#define REF_FAMILY	PPCPV_FAMILY_BOOK3S32
#define REG_BYTES	4
#define REG_SHIFT	2
#endif
/* Its byte order (the ppc64le build is little-endian; the patcher and the
 * entry code need to know). */
#define REF_BIG_ENDIAN	(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)

/* What an interrupt leaves in pt_regs.trap: the vector offset on Book3S,
 * the IVOR number on BookE. */
#ifdef REF_BOOKE
#define REF_TRAP_DEC		PPC_BOOKE_IVOR_DEC
#define REF_TRAP_SYSCALL	PPC_BOOKE_IVOR_SYSCALL
#define REF_TRAP_DSI		PPC_BOOKE_IVOR_DSI
#define REF_TRAP_ISI		PPC_BOOKE_IVOR_ISI
#define REF_TRAP_DTLB		PPC_BOOKE_IVOR_DTLB
#define REF_TRAP_ITLB		PPC_BOOKE_IVOR_ITLB
#else
#define REF_TRAP_DEC		PPC_BOOK3S_VEC_DEC
#define REF_TRAP_SYSCALL	PPC_BOOK3S_VEC_SYSCALL
#define REF_TRAP_DSI		PPC_BOOK3S_VEC_DSI
#define REF_TRAP_ISI		PPC_BOOK3S_VEC_ISI
#define REF_TRAP_DTLB		PPC_BOOK3S_VEC_DSEG	/* the data fault that is not a DSI */
#define REF_TRAP_ITLB		PPC_BOOK3S_VEC_ISEG
#endif

/* Per-CPU area ("paca"), reached through SPRG0 in exception entry. */
#define PACA_R11	(0 * REG_BYTES)
#define PACA_R12	(1 * REG_BYTES)
#define PACA_CR		(2 * REG_BYTES)
#define PACA_KSTACK	(3 * REG_BYTES)	/* top of the kernel stack, for entries from user */
#define PACA_TOC	(4 * REG_BYTES)
#define PACA_CURRENT	(5 * REG_BYTES)	/* the running process (proc.c), as Linux keeps it */
#define PACA_KERNEL_MSR	(6 * REG_BYTES)	/* the MSR once an interrupt's state is saved; 0:
					 * stay in real mode (mmu.c) */
#define PACA_SIZE	(8 * REG_BYTES)

/* struct pt_regs */
#define REGS_GPR(n)	((n) * REG_BYTES)
#define REGS_NIP	(32 * REG_BYTES)
#define REGS_MSR	(33 * REG_BYTES)
#define REGS_CTR	(34 * REG_BYTES)
#define REGS_LINK	(35 * REG_BYTES)
#define REGS_XER	(36 * REG_BYTES)
#define REGS_CCR	(37 * REG_BYTES)
#define REGS_TRAP	(38 * REG_BYTES)
#define REGS_DAR	(39 * REG_BYTES)	/* BookE: DEAR */
#define REGS_DSISR	(40 * REG_BYTES)	/* BookE: ESR */
#define REGS_SIZE	(41 * REG_BYTES)

#ifdef __powerpc64__
/* Exception frame: ELFv2 minimal frame (32 bytes) + pt_regs, 16-aligned. */
#define FRAME_REGS	32
#define FRAME_SIZE	368
/* ELFv2 lets leaf code use 288 bytes below r1: interrupts must skip them. */
#define RED_ZONE	288
#else
/* Exception frame: the 32-bit SysV minimal frame (back chain, LR save
 * word), padded to 16, + pt_regs, 16-aligned.  That ABI has no red zone. */
#define FRAME_REGS	16
#define FRAME_SIZE	192
#define RED_ZONE	0
#endif

#ifdef __ASSEMBLER__
/* Register-wide loads and stores, compares, shifts and table words, for
 * the assembly every build shares (head.S, switch.S, user.S). */
#ifdef __powerpc64__
#define LDREG	ld
#define LDREGX	ldx
#define STREG	std
#define STREGU	stdu
#define CMPREG	cmpd
#define CMPLREG	cmpld
#define CMPREGI	cmpdi
#define CLRRREG	clrrdi
#define SLREGI	sldi
#define REGWORD	.quad
#else
#define LDREG	lwz
#define LDREGX	lwzx
#define STREG	stw
#define STREGU	stwu
#define CMPREG	cmpw
#define CMPLREG	cmplw
#define CMPREGI	cmpwi
#define CLRRREG	clrrwi
#define SLREGI	slwi
#define REGWORD	.long
#endif
#endif /* __ASSEMBLER__ */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
#include <ppcpv/abi.h>

/* A u64 shared-page field as the kernel's registers see it: all of it on
 * 64-bit, its low word on 32-bit (what the patched code uses too). */
#define REF_SHARED_REG(off)	((off) + (REG_BYTES == 4 ? PPCPV_SHARED_U64_LOW_WORD : 0))

/* The timebase; on 32-bit the upper half is read twice, so a carry
 * between the reads of the two halves is never missed. */
static inline uint64_t read_timebase(void)
{
#ifdef __powerpc64__
	uint64_t tb;

	__asm__ __volatile__("mftb %0" : "=r"(tb));
	return tb;
#else
	uint32_t hi, lo, hi2;

	do {
		__asm__ __volatile__("mftbu %0; mftb %1; mftbu %2" : "=r"(hi), "=r"(lo), "=r"(hi2));
	} while (hi != hi2);
	return ((uint64_t)hi << 32) | lo;
#endif
}

/* unsigned long: a register's width on either word size. */
struct paca {
	unsigned long r11, r12, cr, kstack, toc;
	void *current;
	unsigned long kernel_msr;
	unsigned long pad;
};

struct pt_regs {
	unsigned long gpr[32];
	unsigned long nip, msr, ctr, link, xer, ccr, trap, dar, dsisr;
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
/* A register-wide access (bytes 8 or 4 on 64-bit; 32-bit: always 4). */
int ppcpv_ref_probe_load(unsigned long ea, unsigned int bytes, unsigned long *val);
int ppcpv_ref_probe_store(unsigned long ea, unsigned int bytes, unsigned long val);

/* console.c */
void console_init(const void *fdt, size_t fdt_size, int hcalls_ready);
void console_write(const char *s, size_t n);
uint64_t console_uart(void);	/* the console UART's EA (native bamboo), or 0 */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* platform.c: how the run ends (native: RTAS; hosted: the host device) */
void platform_init(const void *fdt, size_t fdt_size);
int platform_hosted(void);
void platform_exit(int status) __attribute__((noreturn));
uint64_t platform_hostdev(void);	/* guest-physical base of "ppcpv,hostdev", or 0 */
uint64_t fdt_reg_address(const void *fdt, size_t size, int node);
/* Natively little-endian: H_SET_MODE(LE)'s status (0: interrupts enter
 * little-endian); else 0. */
long platform_interrupts_le_status(void);

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
void dec_enable(void);	/* BookE: TCR[DIE]; Book3S: nothing to do */
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
