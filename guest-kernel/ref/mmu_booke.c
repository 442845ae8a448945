// SPDX-License-Identifier: MIT
/*
 * The MMU side both BookE builds of the reference kernel share (e500 and
 * the 440; each CPU's TLB code is its own: mmu_e500.c, mmu_440.c): the
 * memory the device tree gives and the fault counters.  Their checks
 * share mmu_booke_checks.c.
 */
#include <ppcpv/fdt.h>
#include "mmu.h"
#include "mmu_booke.h"
#include "ref.h"

struct mmu_stats mmu_stats;

uint64_t booke_memory_size(const void *fdt, size_t size)
{
	uint32_t ac = 2, sc = 1;
	uint64_t bytes = 0;
	int node = ppcpv_fdt_path_offset(fdt, size, "/memory@0");

	if (node < 0)	/* QEMU bamboo's tree names it without a unit address */
		node = ppcpv_fdt_path_offset(fdt, size, "/memory");
	ppcpv_fdt_get_u32(fdt, size, 0, "#address-cells", &ac);
	ppcpv_fdt_get_u32(fdt, size, 0, "#size-cells", &sc);
	if (node < 0 || ppcpv_fdt_get_cells(fdt, size, node, "reg", ac, sc, &bytes))
		return 0;
	return bytes;
}

void mmu_count_interrupt(uint64_t trap)
{
	if (trap == REF_TRAP_DSI || trap == REF_TRAP_DTLB)
		mmu_stats.dsi++;
	else if (trap == REF_TRAP_ISI || trap == REF_TRAP_ITLB)
		mmu_stats.isi++;
}
