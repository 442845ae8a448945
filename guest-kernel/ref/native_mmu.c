// SPDX-License-Identifier: MIT
/*
 * User-mode translation when the kernel runs natively (no host).  The
 * architecture turns MSR[IR] and MSR[DR] on whenever MSR[PR] is 1 (QEMU's
 * pseries does: a user program in real mode takes an instruction segment
 * interrupt at once), so a process cannot run untranslated.  The kernel
 * keeps its 1:1 view: one SLB entry for the first segment and one hash-table
 * entry per page of the user pool, inserted once with H_ENTER, never
 * changed.  The kernel itself keeps running with translation off, as
 * interrupts leave it.  Hosted, none of this runs: the host maps all guest
 * memory 1:1 whatever the guest's own MMU says.
 */
#include <ppcpv/fdt.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/papr.h>
#include "proc.h"

#define USER_VSID		0x5a5ul		/* any non-zero VSID: one address space */
#define PFT_SHIFT_MIN		18
#define PFT_SHIFT_MAX		46

/* log2 of the hash table's size, from the first cpu node that has it. */
static int pft_shift(const void *fdt, size_t size, uint64_t *shift)
{
	int cpus = ppcpv_fdt_path_offset(fdt, size, "/cpus"), cpu;

	if (cpus < 0)
		return -1;
	for (cpu = ppcpv_fdt_first_child(fdt, size, cpus); cpu >= 0;
	     cpu = ppcpv_fdt_next_sibling(fdt, size, cpu))
		if (!ppcpv_fdt_get_cells(fdt, size, cpu, "ibm,pft-size", 1, 1, shift))
			return *shift >= PFT_SHIFT_MIN && *shift <= PFT_SHIFT_MAX ? 0 : -1;
	return -1;
}

int native_map_user(const void *fdt, size_t fdt_size, uint64_t start, size_t bytes)
{
	/* user accesses are checked with key Kp */
	uint64_t shift, mask, ea, rs = ppc_slb_rs(USER_VSID, PPC_SLB_VSID_KP);
	const uint64_t page = UINT64_C(1) << PPC_PAGE_SHIFT_4K;

	if (pft_shift(fdt, fdt_size, &shift) || (start + bytes) >> PPC_SID_SHIFT)
		return -1;
	mask = ppc_hash_group_mask((unsigned int)shift);
	__asm__ __volatile__("slbmte %0,%1; isync" : : "r"(rs), "r"(ppc_slb_rb(0, 0)) : "memory");
	for (ea = start & ~(page - 1); ea < start + bytes; ea += page)
		if (ppcpv_papr_hcall(H_ENTER, 0, ppc_hash_primary_slot(USER_VSID, ea, mask),
				     ppc_hpte_v(USER_VSID, ea),
				     ea | PPC_HPTE_R_R | PPC_HPTE_R_C | PPC_HPTE_R_M | PPC_HPTE_PP_RW,
				     NULL) != H_SUCCESS)
			return -1;
	return 0;
}
