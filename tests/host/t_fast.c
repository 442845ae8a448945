// SPDX-License-Identifier: MIT
/*
 * Test guest: the exits the pseries host may serve in its fast path (a
 * system call that is no hypercall, rfid from supervisor state) and the
 * cases it must leave to C, each checked for its architectural effect.
 * tests/host/fast-same.sh boots it (and other guests) with fast-exits on
 * and off: consoles and every host counter must be the same.
 *   - rfid kernel to kernel, SRR1 with HV set (the guest may not set it)
 *   - rfid to user mode (PR forces EE, IR, DR; the magic page hidden) and
 *     the user's sc back (shown again), also with r0 = "KVM!"
 *   - sc from supervisor state that is no hypercall
 *   - rfid with a decrementer pending: delivered at the rfid's target
 *   - rfid into a critical section with it pending: held, int_pending
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"

#define ROUND_TRIPS	64
#define DEC_FAR		0x7fffffff

static volatile int syscalls, decs, user_saw_magic_fault;
static volatile uint64_t sc_srr0, sc_srr1, dec_srr0;

static void on_syscall(struct guest_frame *f)
{
	syscalls++;
	sc_srr0 = f->srr0;
	sc_srr1 = f->srr1;
}

static void on_dec(struct guest_frame *f)
{
	decs++;
	dec_srr0 = f->srr0;
	mtspr(PPC_SPR_DEC, DEC_FAR);	/* lowers the level */
}

static void on_dsi(struct guest_frame *f)
{
	user_saw_magic_fault++;
	f->srr0 += 4;
}

static void do_sc(uint32_t r0)
{
	register uint64_t a0 __asm__("r0") = r0;

	__asm__ __volatile__("sc" : "+r"(a0) : : "r3", "r11", "memory");
}

/* rfid to the instruction after it with MSR = msr (SRR0/SRR1 through the
 * magic page); returns the address it went to. */
static uint64_t rfid_to_next(uint64_t msr)
{
	uint64_t target;

	__asm__ __volatile__("bcl 20,31,1f\n"
			     "1: mflr %0\n"
			     "addi %0,%0,20\n"
			     "std %0,%2(0)\n"
			     "std %1,%3(0)\n"
			     "rfid\n"
			     : "=&b"(target) : "r"(msr), "i"((int)(MAGIC_EA + PPCPV_SHARED_SRR0)),
			       "i"((int)(MAGIC_EA + PPCPV_SHARED_SRR1))
			     : "lr", "memory");
	return target;
}

/* Runs at PR=1: round trips through the kernel's 0xc00 and its rfid. */
static void user_code(void)
{
	volatile uint64_t v;
	int i;

	for (i = 0; i < ROUND_TRIPS; i++)
		do_sc(i & 1 ? PPCPV_SC_MAGIC_R0 : 0x1234);
	v = MAGIC64(PPCPV_SHARED_SPRG1);	/* hidden: a DSI */
	(void)v;
	do_sc(USER_EXIT_R0);
}

int guest_test_main(const void *fdt, size_t size)
{
	uint64_t msr, target, r1;
	unsigned long r4;
	int n;

	guest_set_handler(PPC_BOOK3S_VEC_SYSCALL, on_syscall);
	guest_set_handler(PPC_BOOK3S_VEC_DEC, on_dec);
	guest_set_handler(PPC_BOOK3S_VEC_DSI, on_dsi);
	if (guest_install_hcalls(fdt, size) ||
	    ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4))
		guest_check(0, "magic page mapped", "%s", "");
	mtspr(PPC_SPR_DEC, DEC_FAR);
	msr = MAGIC64(PPCPV_SHARED_MSR);

	rfid_to_next(msr | PPC_BOOK3S_MSR_HV);
	guest_check(MAGIC64(PPCPV_SHARED_MSR) == msr, "rfid drops HV", "0x%llx",
		    (unsigned long long)MAGIC64(PPCPV_SHARED_MSR));

	n = syscalls;
	do_sc(0x4321);
	guest_check(syscalls == n + 1 && !(sc_srr1 & PPC_MSR_PR), "supervisor sc reflected",
		    "n=%d srr1=0x%llx", syscalls - n, (unsigned long long)sc_srr1);

	n = syscalls;
	guest_run_user(user_code);
	guest_check(syscalls == n + ROUND_TRIPS && (sc_srr1 & PPC_MSR_PR) &&
		    (sc_srr1 & (PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR)) ==
		    (PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR),
		    "user sc reflected, user MSR with EE, IR, DR", "n=%d srr1=0x%llx",
		    syscalls - n, (unsigned long long)sc_srr1);
	guest_check(user_saw_magic_fault == 1, "the magic page hidden from user mode", "n=%d",
		    user_saw_magic_fault);
	guest_check(MAGIC64(PPCPV_SHARED_SPRG1) == mfspr(PPC_SPR_SPRG1),
		    "and shown to the kernel again", "%s", "");

	/* A decrementer pending at the rfid: taken at its target. */
	mtspr(PPC_SPR_DEC, 0xffffffff);
	target = rfid_to_next(msr | PPC_MSR_EE);
	mtmsrd_l1(msr);
	guest_check(decs == 1 && dec_srr0 == target, "pending DEC delivered at the rfid's target",
		    "n=%d srr0=0x%llx target=0x%llx", decs, (unsigned long long)dec_srr0,
		    (unsigned long long)target);

	/* The same into a critical section: held back, int_pending set. */
	__asm__ __volatile__("mr %0,1" : "=r"(r1));
	mtspr(PPC_SPR_DEC, 0xffffffff);
	MAGIC64(PPCPV_SHARED_CRITICAL) = r1;
	rfid_to_next(msr | PPC_MSR_EE);
	n = decs;
	guest_check(MAGIC32(PPCPV_SHARED_INT_PENDING) == 1, "held in the critical section",
		    "decs=%d", decs);
	MAGIC64(PPCPV_SHARED_CRITICAL) = 0;
	(void)mfspr(PPC_SPR_SPRG1);	/* any exit delivers it now */
	mtmsrd_l1(msr);
	guest_check(n == 1 && decs == 2, "and delivered after it", "decs=%d", decs);
	guest_printf("guest: fast: syscalls %d decs %d sc_srr1 0x%llx msr 0x%llx\n", syscalls,
		     decs, (unsigned long long)sc_srr1, (unsigned long long)mfmsr());
	return guest_failures();
}
