// SPDX-License-Identifier: MIT
/*
 * Test guest: what a trap costs.  Under -icount shift=0 one instruction is
 * 1 ns of virtual time, and the pseries timebase runs at 512 MHz, so
 * timebase deltas are exact instruction counts (x 0.512).  Checks generous
 * budgets, so that a host change that makes every trap much dearer fails.
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"

#define ROUNDS		10000
#define TB_PER_GHZ_NUM	512	/* timebase ticks per 1000 instructions */
#define TRAP_BUDGET	1000	/* instructions per emulated mfspr round trip */
#define HCALL_BUDGET	1000	/* instructions per hypercall */
#define MAGIC_BUDGET	8	/* instructions per loop of one magic-page load */

static uint64_t per_round(uint64_t ticks)
{
	return ticks * 1000 / TB_PER_GHZ_NUM / ROUNDS;
}

int guest_test_main(const void *fdt, size_t size)
{
	uint64_t t0, trap, magic, hcall, sum = 0;
	unsigned long r4;
	int i;

	if (guest_install_hcalls(fdt, size) ||
	    ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4))
		guest_check(0, "magic page mapped", "%s", "");
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		sum += mfspr(PPCPV_SPRN_SPRG1);
	trap = per_round(mftb() - t0);
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		sum += MAGIC64(PPCPV_SHARED_SPRG1);
	magic = per_round(mftb() - t0);
	t0 = mftb();
	for (i = 0; i < ROUNDS; i++)
		ppcpv_hcall4(PPCPV_TOKEN_FEATURES, 0, 0, 0, 0, &r4);
	hcall = per_round(mftb() - t0);
	guest_printf("guest: cost in instructions: trapped mfspr %llu, magic-page load loop %llu, "
		     "FEATURES hypercall %llu (sum %llu)\n", (unsigned long long)trap,
		     (unsigned long long)magic, (unsigned long long)hcall, (unsigned long long)sum);
	guest_check(trap <= TRAP_BUDGET, "trapped mfspr within budget", "%llu <= %d",
		    (unsigned long long)trap, TRAP_BUDGET);
	guest_check(hcall <= HCALL_BUDGET, "hypercall within budget", "%llu <= %d",
		    (unsigned long long)hcall, HCALL_BUDGET);
	guest_check(magic <= MAGIC_BUDGET, "magic-page load within budget", "%llu <= %d",
		    (unsigned long long)magic, MAGIC_BUDGET);
	return guest_failures();
}
