// SPDX-License-Identifier: MIT
/*
 * Test guest: what a trap costs.  Under -icount shift=0 one instruction is
 * 1 ns of virtual time, and the pseries timebase runs at 512 MHz, so
 * timebase deltas are exact instruction counts (x 0.512).  Checks budgets
 * a little above today's counts (below, for either byte order: the trapped
 * mfspr, the rfid through the host's fast exit path, FEATURES, each with
 * its loop's few guest instructions), so that a host change that makes
 * the trap path dearer fails.
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"

#define ROUNDS		10000
#define TB_PER_GHZ_NUM	512	/* timebase ticks per 1000 instructions */
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
/* mfspr 403 before the fast path; +8 its program-vector dispatch, +4 the
 * irq-sweep flag, +7 the Linux guest's checks on every exit (FSCR,
 * shadow), +3 the byte-reversed rfid word: 428 measured */
#define TRAP_BUDGET	430	/* instructions per emulated mfspr round trip */
#define RFID_BUDGET	95	/* instructions per emulated rfid (kernel to kernel, fast): 91 */
#define HCALL_BUDGET	320	/* instructions per hypercall: 318 */
#else
/* Built ppc64le (step fast-same): the C path converts every shared-page
 * field and fetches byte-reversed (mfspr 502, FEATURES 357 measured), the
 * fast rfid loads and stores the page byte-reversed (99). */
#define TRAP_BUDGET	510
#define RFID_BUDGET	105
#define HCALL_BUDGET	365
#endif
#define MAGIC_BUDGET	8	/* instructions per loop of one magic-page load */

static uint64_t per_round(uint64_t ticks)
{
	return ticks * 1000 / TB_PER_GHZ_NUM / ROUNDS;
}

/* An rfid to the next instruction, SRR0/SRR1 set through the magic page:
 * the one trap of the loop. */
static void rfid_to_next(uint64_t msr)
{
	__asm__ __volatile__("bcl 20,31,1f\n"
			     "1: mflr 9\n"
			     "addi 9,9,20\n"		/* 1: + 20, after the rfid */
			     "std 9,%1(0)\n"
			     "std %0,%2(0)\n"
			     "rfid\n"
			     : : "r"(msr), "i"((int)(MAGIC_EA + PPCPV_SHARED_SRR0)),
			       "i"((int)(MAGIC_EA + PPCPV_SHARED_SRR1))
			     : "r9", "lr", "memory");
}

int guest_test_main(const void *fdt, size_t size)
{
	uint64_t t0, trap, magic, hcall, rfid, msr, sum = 0;
	unsigned long r4;
	int i;

	if (guest_install_hcalls(fdt, size) ||
	    ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4))
		guest_check(0, "magic page mapped", "%s", "");
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		sum += mfspr(PPC_SPR_SPRG1);
	trap = per_round(mftb() - t0);
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		sum += MAGIC64(PPCPV_SHARED_SPRG1);
	magic = per_round(mftb() - t0);
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		ppcpv_hcall4(PPCPV_TOKEN_FEATURES, 0, 0, 0, 0, &r4);
	hcall = per_round(mftb() - t0);
	msr = MAGIC64(PPCPV_SHARED_MSR);
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		rfid_to_next(msr);
	rfid = per_round(mftb() - t0);
	guest_printf("guest: cost in instructions: trapped mfspr %llu, rfid %llu, magic-page load "
		     "loop %llu, FEATURES hypercall %llu (sum %llu)\n", (unsigned long long)trap,
		     (unsigned long long)rfid, (unsigned long long)magic, (unsigned long long)hcall,
		     (unsigned long long)sum);
	guest_check(trap <= TRAP_BUDGET, "trapped mfspr within budget", "%llu <= %d",
		    (unsigned long long)trap, TRAP_BUDGET);
	guest_check(rfid <= RFID_BUDGET, "emulated rfid within budget", "%llu <= %d",
		    (unsigned long long)rfid, RFID_BUDGET);
	guest_check(hcall <= HCALL_BUDGET, "hypercall within budget", "%llu <= %d",
		    (unsigned long long)hcall, HCALL_BUDGET);
	guest_check(magic <= MAGIC_BUDGET, "magic-page load within budget", "%llu <= %d",
		    (unsigned long long)magic, MAGIC_BUDGET);
	return guest_failures();
}
