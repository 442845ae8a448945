// SPDX-License-Identifier: MIT
/*
 * Test guest: the decrementer as the host delivers it - at once with EE=1,
 * held back with int_pending = 1 while EE=0 or inside a PV critical section
 * (shared critical == r1), then delivered at a trapping EE-enable - and
 * EV_IDLE sleeping until it fires.
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"

#define SPIN_LIMIT	2000000
#define DEC_SHORT	2000
#define DEC_FAR		PPC_DEC_MAX

static volatile int decs;

static void on_dec(struct guest_frame *f)
{
	decs++;
	mtspr(PPC_SPR_DEC, DEC_FAR);	/* lowers the (level) interrupt */
}

/* Spin until cond or a bounded number of loops; 1 if cond came true. */
#define SPIN_UNTIL(cond) ({ long n_ = 0; while (!(cond) && ++n_ < SPIN_LIMIT) ; (cond) ? 1 : 0; })

static void check_delivered_with_ee(void)
{
	int ok;

	decs = 0;
	mtspr(PPC_SPR_DEC, DEC_SHORT);
	mtmsrd_l1(PPC_MSR_EE | PPC_BOOK3S_MSR_RI);
	ok = SPIN_UNTIL(decs == 1);
	mtmsrd_l1(PPC_BOOK3S_MSR_RI);
	guest_check(ok, "DEC delivered with EE=1", "decs=%d", decs);
}

static void check_held_while_ee_off(void)
{
	int pending, held;

	decs = 0;
	mtspr(PPC_SPR_DEC, DEC_SHORT);
	pending = SPIN_UNTIL(MAGIC32(PPCPV_SHARED_INT_PENDING) == 1);
	held = decs;
	guest_check(pending && held == 0, "DEC held while EE=0, int_pending = 1",
		    "int_pending=%u decs=%d", MAGIC32(PPCPV_SHARED_INT_PENDING), held);
	mtmsrd_l1(PPC_MSR_EE | PPC_BOOK3S_MSR_RI);	/* traps: the host delivers right here */
	held = decs;
	mtmsrd_l1(PPC_BOOK3S_MSR_RI);
	guest_check(held == 1, "DEC delivered at the trapping EE-enable", "decs=%d", held);
	guest_check(MAGIC32(PPCPV_SHARED_INT_PENDING) == 0, "int_pending cleared afterwards",
		    "%u", MAGIC32(PPCPV_SHARED_INT_PENDING));
}

/* Enter a critical section as the kvm_emul trampolines do (critical = r1),
 * set EE through the magic page (no trap) and wait for int_pending; leave
 * (critical = r2) and enable EE with a trapping instruction. */
static void check_held_in_critical_section(void)
{
	int pending, during, after;

	decs = 0;
	mtspr(PPC_SPR_DEC, DEC_SHORT);
	__asm__ __volatile__("std 1, %0(0)" : : "i"((int)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_CRITICAL)) : "memory");
	MAGIC64(PPCPV_SHARED_MSR) |= PPC_MSR_EE;
	pending = SPIN_UNTIL(MAGIC32(PPCPV_SHARED_INT_PENDING) == 1);
	during = decs;
	__asm__ __volatile__("std 2, %0(0)" : : "i"((int)(PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_CRITICAL)) : "memory");
	mtmsrd_l1(PPC_MSR_EE | PPC_BOOK3S_MSR_RI);
	after = decs;
	mtmsrd_l1(PPC_BOOK3S_MSR_RI);
	guest_check(pending && during == 0, "DEC held in a critical section despite EE=1",
		    "pending=%d decs=%d", pending, during);
	guest_check(after == 1, "DEC delivered after the critical section", "decs=%d", after);
}

static void check_idle(void)
{
	uint64_t before = mftb(), slept;
	long rc;

	decs = 0;
	mtspr(PPC_SPR_DEC, 20000);
	rc = ppcpv_hcall4(PPCPV_TOKEN_EV_IDLE, 0, 0, 0, 0, NULL);
	slept = mftb() - before;
	guest_check(rc == PPCPV_EV_SUCCESS && slept >= 20000 && decs == 0 &&
		    MAGIC32(PPCPV_SHARED_INT_PENDING) == 1,
		    "EV_IDLE sleeps until the DEC fires (EE=0: held)", "rc=%ld ticks=%llu decs=%d",
		    rc, (unsigned long long)slept, decs);
	mtmsrd_l1(PPC_MSR_EE | PPC_BOOK3S_MSR_RI);
	mtmsrd_l1(PPC_BOOK3S_MSR_RI);
	guest_check(decs == 1, "then delivered at EE-enable", "decs=%d", decs);
}

int guest_test_main(const void *fdt, size_t size)
{
	unsigned long r4;

	guest_set_handler(PPC_BOOK3S_VEC_DEC, on_dec);
	if (guest_install_hcalls(fdt, size) ||
	    ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4)) {
		guest_check(0, "magic page mapped", "%s", "");
		return guest_failures();
	}
	check_delivered_with_ee();
	check_held_while_ee_off();
	check_held_in_critical_section();
	check_idle();
	return guest_failures();
}
