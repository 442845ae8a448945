// SPDX-License-Identifier: MIT
/*
 * The MMU side of the reference kernel built for Book3S-32 (mmu.c is the
 * 64-bit hash MMU).  The kernel stays in real mode on its host's flat
 * mapping: a 32-bit kernel's hash table would need a host that shadows
 * segment registers, which the ppcpv host does not (its flat mode keeps
 * them without translating through them).  Its processes run in real
 * mode too (MSR[PR]=1, IR=DR=0: proc.h), each at its frames' real
 * addresses (vm.c's flat mode).  The checks image's checks of the 32-bit
 * machine are in mmu32_checks.c.
 */
#include "mmu.h"
#include "ref.h"

struct mmu_stats mmu_stats;
static const char *const flat_reason = "Book3S-32: segment registers only, no hash table";

int mmu_init(const void *fdt, size_t fdt_size)
{
	kprintf("mmu: %s: running in real mode on the host's flat mapping\n", flat_reason);
	return 0;
}

void mmu_count_interrupt(uint64_t trap)
{
	if (trap == PPC_BOOK3S_VEC_DSI)
		mmu_stats.dsi++;
	else if (trap == PPC_BOOK3S_VEC_ISI)
		mmu_stats.isi++;
}
