// SPDX-License-Identifier: MIT
/*
 * t_booke: an e500 guest kernel's privileged life under the e500 host:
 * mfmsr, SPR round trips through the host (SPRG1, SPRG4, ESR, MAS1), PIR
 * and PVR, an instruction the host does not emulate (e500: tlbre of TLB0;
 * the 440: tlbivax, which it lacks) reflected through IVOR6 with its ESR
 * cause, a system call reflected through IVOR8, the
 * decrementer delivered through IVOR10 (TCR[DIE], TSR[DIS] cleared by the
 * handler), held while EE=0, delivered at wrteei 1; then the hypercalls
 * and, when FEATURES offers it, the magic page at 0xFFFFF000 against the
 * trapping instructions both ways.  Booted natively (QEMU ppce500 alone,
 * real PR=0) the checks that need the host say "skip - ..." with the reason.
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include "t_guest.h"

/* An instruction the host does not emulate, and the ESR cause the CPU
 * gives it: on e500 a tlbre of TLB0 (MAS0 = 0: not modelled), privileged;
 * the 440 build names its own. */
#ifndef UNEMULATED_INSN
#define UNEMULATED_INSN	PPC_ENC_X(PPC_X_TLBRE, 0, 0, 0)
#define UNEMULATED_NAME	"tlbre of TLB0 (not modelled)"
#define UNEMULATED_ESR	PPC_BOOKE_ESR_PPR
#define UNEMULATED_ESR_NAME "ESR[PPR]"
#endif
#define MAGIC_EA	0xfffff000u
/* The low word of a 64-bit shared-page field (the page is big-endian). */
#define MAGIC_LOW(off)	(*(volatile uint32_t *)(uintptr_t)(MAGIC_EA + (off) + 4))
#define MAGIC32(off)	(*(volatile uint32_t *)(uintptr_t)(MAGIC_EA + (off)))
#define DEC_TICKS	2000
#define SPIN_TICKS	20000

static volatile unsigned int program_count, syscall_count, dec_count;
static volatile uint32_t last_srr0, last_srr1, last_esr;

static void on_program(struct guest_frame *f)
{
	program_count++;
	last_srr0 = f->srr0;
	last_esr = f->esr;
	f->srr0 += 4;	/* step over it */
}

static void on_syscall(struct guest_frame *f)
{
	syscall_count++;
	last_srr0 = f->srr0;
	last_srr1 = f->srr1;
}

static void on_dec(struct guest_frame *f)
{
	dec_count++;
	last_srr1 = f->srr1;
	MTSPR(PPC_BOOKE_SPR_TSR, PPC_BOOKE_TSR_DIS);
}

/* A check that means nothing without the host: one "skip -" line. */
static void skip(const char *name, const char *why)
{
	guest_printf("skip - %s (%s)\n", name, why);
}

static void check_sprs(void)
{
	uint32_t msr = mfmsr();

	guest_check(!(msr & PPC_MSR_PR) && (msr & PPC_MSR_ME), "mfmsr: supervisor, ME", "0x%x", msr);
	MTSPR(PPC_SPR_SPRG1, 0x1234abcd);
	guest_check(MFSPR(PPC_SPR_SPRG1) == 0x1234abcd, "SPRG1 round trip", "0x%x",
		    MFSPR(PPC_SPR_SPRG1));
	MTSPR(PPC_BOOKE_SPR_SPRG4, 0x44440004);
	guest_check(MFSPR(PPC_BOOKE_SPR_SPRG4R) == 0x44440004, "SPRG4 read at PR=1 through SPRG4R",
		    "0x%x",
		    MFSPR(PPC_BOOKE_SPR_SPRG4R));
	MTSPR(PPC_BOOKE_SPR_ESR, PPC_BOOKE_ESR_ST);
	guest_check(MFSPR(PPC_BOOKE_SPR_ESR) == PPC_BOOKE_ESR_ST, "ESR round trip", "0x%x",
		    MFSPR(PPC_BOOKE_SPR_ESR));
	MTSPR(PPC_BOOKE_SPR_MAS1, 0x80001100);
	guest_check(MFSPR(PPC_BOOKE_SPR_MAS1) == 0x80001100, "MAS1 round trip", "0x%x",
		    MFSPR(PPC_BOOKE_SPR_MAS1));
	guest_check(MFSPR(PPC_BOOKE_SPR_PIR) == 0, "PIR is 0", "%u", MFSPR(PPC_BOOKE_SPR_PIR));
	guest_check(MFSPR(PPC_SPR_PVR) != 0, "PVR is the CPU's", "0x%08x", MFSPR(PPC_SPR_PVR));
}

static void check_reflected(void)
{
	uint32_t at;

	if (guest_native()) {
		skip(UNEMULATED_NAME " reflected through IVOR6",
		     "native: the CPU executes it at PR=0, nobody reflects it");
	} else {
		__asm__ __volatile__("bl 1f; 1: mflr %0; .long %1" : "=r"(at) : "i"(UNEMULATED_INSN) : "lr", "memory");
		guest_check(program_count == 1 && last_srr0 == at + 4 && (last_esr & UNEMULATED_ESR),
			    UNEMULATED_NAME " reflected through IVOR6 with " UNEMULATED_ESR_NAME,
			    "count %u srr0 0x%x esr 0x%x",
			    program_count, last_srr0, last_esr);
	}
	__asm__ __volatile__("li 0,0; bl 1f; 1: mflr %0; sc" : "=r"(at) : : "r0", "lr", "memory");
	guest_check(syscall_count == 1 && last_srr0 == at + 8 && !(last_srr1 & PPC_MSR_PR),
		    "sc reflected through IVOR8", "count %u srr0 0x%x srr1 0x%x", syscall_count,
		    last_srr0, last_srr1);
}

static void spin(uint32_t ticks)
{
	uint32_t start = tbl();

	while (tbl() - start < ticks)
		;
}

static void check_dec(int pv)
{
	MTSPR(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE);
	MTSPR(PPC_SPR_DEC, DEC_TICKS);
	wrteei(1);
	spin(SPIN_TICKS);
	wrteei(0);
	guest_check(dec_count == 1 && (last_srr1 & PPC_MSR_EE), "DEC delivered through IVOR10",
		    "count %u srr1 0x%x", dec_count, last_srr1);
	guest_check(!(MFSPR(PPC_BOOKE_SPR_TSR) & PPC_BOOKE_TSR_DIS), "the handler cleared TSR[DIS]",
		    "tsr 0x%x", MFSPR(PPC_BOOKE_SPR_TSR));
	MTSPR(PPC_SPR_DEC, DEC_TICKS);
	spin(SPIN_TICKS);
	guest_check(dec_count == 1 && (MFSPR(PPC_BOOKE_SPR_TSR) & PPC_BOOKE_TSR_DIS),
		    "DEC held while EE=0 (TSR[DIS] set)", "count %u", dec_count);
	if (pv)
		guest_check(MAGIC32(PPCPV_SHARED_INT_PENDING) == 1, "int_pending = 1 while held",
			    "%u", MAGIC32(PPCPV_SHARED_INT_PENDING));
	wrteei(1);
	wrteei(0);
	guest_check(dec_count == 2, "DEC delivered at wrteei 1", "count %u", dec_count);
	MTSPR(PPC_BOOKE_SPR_TCR, 0);
}

/* FEATURES; in pv mode MAP the page at MAGIC_EA. 1 if it is mapped. */
static int map_magic_page(const void *fdt, size_t fdt_size)
{
	unsigned long features = 0;
	long rc;

	guest_check(!guest_install_hcalls(fdt, fdt_size), "hcall-instructions installed", "%s", "");
	rc = ppcpv_hcall4(PPCPV_TOKEN_FEATURES, 0, 0, 0, 0, &features);
	guest_check(rc == 0, "FEATURES", "rc %ld features 0x%lx", rc, features);
	if (!(features & (1ul << PPCPV_KVM_FEATURE_MAGIC_PAGE))) {
		guest_printf("guest: PV off: FEATURES 0x%lx has no magic-page bit\n", features);
		return 0;
	}
	rc = ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA, 0, 0, NULL);
	guest_check(rc == 0, "MAP_MAGIC_PAGE at 0xfffff000", "rc %ld", rc);
	return rc == 0;
}

static void check_magic_page(void)
{
	MTSPR(PPC_SPR_SPRG1, 0x5a5a0001);
	guest_check(MAGIC_LOW(PPCPV_SHARED_SPRG1) == 0x5a5a0001, "magic page shows the trapped SPRG1",
		    "0x%x", MAGIC_LOW(PPCPV_SHARED_SPRG1));
	MAGIC_LOW(PPCPV_SHARED_SPRG4) = 0x5a5a0004;
	guest_check(MFSPR(PPC_BOOKE_SPR_SPRG4) == 0x5a5a0004, "a magic-page SPRG4 store, then mfspr",
		    "0x%x", MFSPR(PPC_BOOKE_SPR_SPRG4));
	/* that trap's return loaded the real SPRG4, which SPRG4R reads */
	guest_check(MFSPR(PPC_BOOKE_SPR_SPRG4R) == 0x5a5a0004, "SPRG4R after the next exit", "0x%x",
		    MFSPR(PPC_BOOKE_SPR_SPRG4R));
	guest_check(MAGIC_LOW(PPCPV_SHARED_MSR) == mfmsr(), "magic page MSR = mfmsr", "0x%x",
		    MAGIC_LOW(PPCPV_SHARED_MSR));
}

int guest_test_main(const void *fdt, size_t fdt_size)
{
	int pv;

	guest_set_handler(PPC_BOOKE_IVOR_PROGRAM, on_program);
	guest_set_handler(PPC_BOOKE_IVOR_SYSCALL, on_syscall);
	guest_set_handler(PPC_BOOKE_IVOR_DEC, on_dec);
	check_sprs();
	check_reflected();
	if (guest_native()) {
		skip("hypercalls, magic page", "native: no host, no /hypervisor");
		pv = 0;
	} else {
		pv = map_magic_page(fdt, fdt_size);
	}
	if (pv) {
		guest_printf("guest: magic page mapped\n");
		check_magic_page();
	}
	check_dec(pv);
	return guest_failures();
}
