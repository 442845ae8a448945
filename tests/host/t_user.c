// SPDX-License-Identifier: MIT
/*
 * Test guest: guest user mode (PR=1 at the guest's level).  Its `sc` is the
 * guest kernel's system call even with r0 = "KVM!", its privileged
 * instructions are the kernel's program interrupts, and the magic page is
 * invisible to it (a DSI at -4096).
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"


static volatile int syscalls, magic_syscalls, programs, dsis;
static volatile uint64_t last_srr1, last_dar, user_r3, user_sprg3;
static volatile uint64_t dsisr_load, dsisr_store;

static void on_syscall(struct guest_frame *f)
{
	syscalls++;
	last_srr1 = f->srr1;
	if ((uint32_t)f->gpr[0] == PPCPV_SC_MAGIC_R0)
		magic_syscalls++;
	user_r3 = f->gpr[3];
}

static void on_program(struct guest_frame *f)
{
	programs++;
	last_srr1 = f->srr1;
	f->srr0 += 4;
}

static void on_dsi(struct guest_frame *f)
{
	if (dsis++)
		dsisr_store = f->dsisr;
	else
		dsisr_load = f->dsisr;
	last_dar = f->dar;
	f->srr0 += 4;
}

static void user_sc(uint32_t r0, uint32_t r11, uint64_t r3)
{
	register uint64_t a0 __asm__("r0") = r0;
	register uint64_t a3 __asm__("r3") = r3;
	register uint64_t a11 __asm__("r11") = r11;

	__asm__ __volatile__("sc" : "+r"(a0), "+r"(a3), "+r"(a11) : : "memory");
}

/* Runs at PR=1. */
static void user_code(void)
{
	volatile uint64_t v;

	user_sc(0x1234, 0, 5);
	user_sc(PPCPV_SC_MAGIC_R0, PPCPV_TOKEN_FEATURES, 6);
	v = MAGIC64(PPCPV_SHARED_SPRG1);	/* faults: the page is hidden */
	MAGIC64(PPCPV_SHARED_SPRG1) = v;	/* so does a store */
	__asm__ __volatile__("mfmsr 5" : : : "r5");
	user_sprg3 = mfspr(PPC_SPR_USPRG3);	/* user-readable: no trap */
	user_sc(USER_EXIT_R0, 0, 42);
}

int guest_test_main(const void *fdt, size_t size)
{
	unsigned long r4;
	uint64_t ret;

	guest_set_handler(PPC_BOOK3S_VEC_SYSCALL, on_syscall);
	guest_set_handler(PPC_BOOK3S_VEC_PROGRAM, on_program);
	guest_set_handler(PPC_BOOK3S_VEC_DSI, on_dsi);
	if (guest_install_hcalls(fdt, size) ||
	    ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4))
		guest_check(0, "magic page mapped", "%s", "");
	mtspr(PPC_SPR_SPRG3, 0xc0ffee);
	/* Touched right before user mode, so that a translation of the page
	 * cached in kernel mode would be there for user mode to hit. */
	guest_check(MAGIC64(PPCPV_SHARED_SPRG3) == 0xc0ffee,
		    "the kernel reads the magic page just before user mode", "0x%llx",
		    (unsigned long long)MAGIC64(PPCPV_SHARED_SPRG3));
	ret = guest_run_user(user_code);
	guest_check(ret == 42, "back from user mode", "r3=%llu", (unsigned long long)ret);
	guest_check(syscalls == 2 && (last_srr1 & PPC_MSR_PR) != 0, "user sc reflected to 0xc00",
		    "n=%d", syscalls);
	guest_check(magic_syscalls == 1 && user_r3 == 6, "user sc with r0=KVM! is no hypercall",
		    "n=%d r3=%llu", magic_syscalls, (unsigned long long)user_r3);
	guest_check(dsis == 2 && last_dar == MAGIC_EA + PPCPV_SHARED_SPRG1,
		    "user accesses to the magic page are DSIs", "n=%d dar=0x%llx", dsis,
		    (unsigned long long)last_dar);
	guest_check(dsisr_load == PPC_BOOK3S_DSISR_NOPT &&
		    dsisr_store == (PPC_BOOK3S_DSISR_NOPT | PPC_BOOK3S_DSISR_STORE),
		    "their DSISR says no translation (and store)", "load 0x%llx store 0x%llx",
		    (unsigned long long)dsisr_load, (unsigned long long)dsisr_store);
	guest_check(programs == 1 && (last_srr1 & PPC_BOOK3S_SRR1_PROG_PRIV),
		    "user mfmsr is a privileged program interrupt", "n=%d srr1=0x%llx", programs,
		    (unsigned long long)last_srr1);
	guest_check(user_sprg3 == 0xc0ffee, "user mode reads the kernel's SPRG3 (SPR 259)",
		    "0x%llx", (unsigned long long)user_sprg3);
	guest_check(MAGIC64(PPCPV_SHARED_SPRG1) == mfspr(PPC_SPR_SPRG1),
		    "the kernel sees the magic page again", "%s", "");
	guest_check(!(mfmsr() & PPC_MSR_PR), "kernel mode again", "0x%llx",
		    (unsigned long long)mfmsr());
	return guest_failures();
}
