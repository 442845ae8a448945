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
#include <ppcpv/papr.h>
#include "proc.h"

#define SEGMENT_SHIFT		28
#define PAGE_SHIFT		12
#define USER_VSID		0x5a5ul		/* any non-zero VSID: one address space */
#define SLB_VALID		0x08000000ul
#define SLB_VSID_SHIFT		12
#define SLB_KP			0x400ul		/* user accesses are checked with key Kp */
#define HPTE_VALID		0x1ul
#define HPTE_R			0x100ul
#define HPTE_C			0x080ul
#define HPTE_M			0x010ul
#define HPTE_PP_RW		0x002ul		/* read/write with either key */
#define HPTES_PER_GROUP		8
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

/* First word of the entry for ea: the abbreviated virtual page number. */
static uint64_t hpte_v(uint64_t ea)
{
	return USER_VSID << 12 | ((ea >> 23) & 0x1f) << 7 | HPTE_VALID;
}

/* The primary group's first slot. */
static uint64_t group_slot(uint64_t ea, uint64_t group_mask)
{
	uint64_t page = (ea & ((1ul << SEGMENT_SHIFT) - 1)) >> PAGE_SHIFT;

	return ((USER_VSID ^ page) & group_mask) * HPTES_PER_GROUP;
}

int native_map_user(const void *fdt, size_t fdt_size, uint64_t start, size_t bytes)
{
	uint64_t shift, mask, ea, rs = USER_VSID << SLB_VSID_SHIFT | SLB_KP;

	if (pft_shift(fdt, fdt_size, &shift) || (start + bytes) >> SEGMENT_SHIFT)
		return -1;
	/* 2^shift bytes of 128-byte groups */
	mask = (1ul << (shift - 7)) - 1;
	__asm__ __volatile__("slbmte %0,%1; isync" : : "r"(rs), "r"(SLB_VALID) : "memory");
	for (ea = start & ~((1ul << PAGE_SHIFT) - 1); ea < start + bytes; ea += 1ul << PAGE_SHIFT)
		if (ppcpv_papr_hcall(H_ENTER, 0, group_slot(ea, mask), hpte_v(ea),
				     ea | HPTE_R | HPTE_C | HPTE_M | HPTE_PP_RW, NULL) != H_SUCCESS)
			return -1;
	return 0;
}
