/* SPDX-License-Identifier: MIT */
/*
 * mmu_booke.h - what the reference kernel's BookE builds share of their
 * MMU side (mmu_booke.c: memory size, fault counting; mmu_booke_checks.c:
 * the TLB checks both CPUs run) and what each CPU's TLB code gives the
 * checks (mmu_e500_checks.c: TLB1 through the MAS registers; mmu_440.c:
 * 64 three-word entries).  The kernel maps itself 1:1 with large pages
 * and has no page tables.
 */
#ifndef PPCPV_REF_MMU_BOOKE_H
#define PPCPV_REF_MMU_BOOKE_H

#include <stddef.h>
#include <stdint.h>

/* Effective addresses nothing else maps, for the checks. */
#define BOOKE_ALIAS_EA		0x40000000ul
#define BOOKE_EXEC_ALIAS_EA	0x50000000ul
/* The PID the checks give an entry's TID. */
#define BOOKE_CHECK_PID		5u

/* The SPRs both CPUs' TLB code reaches by number. */
#define MTSPR(spr, v)	__asm__ __volatile__("mtspr %0,%1" : : "i"(spr), "r"((unsigned long)(v)) : "memory")
#define MFSPR(spr)	({ unsigned long v_; __asm__ __volatile__("mfspr %0,%1" : "=r"(v_) : "i"(spr)); v_; })

/* Supervisor permissions of a check page. */
#define BOOKE_PERM_R		1u
#define BOOKE_PERM_W		2u
#define BOOKE_PERM_X		4u

/* mmu_booke.c: bytes of memory at 0 the device tree says, or 0. */
uint64_t booke_memory_size(const void *fdt, size_t size);
/* mmu_booke_checks.c: a page-aligned page of data, and a function on one page whose mfspr PVR
 * traps to a host: what the checks map a second time. */
extern volatile unsigned long booke_alias_target[];
unsigned long booke_read_pvr(void);

/* Each CPU's TLB code (mmu_e500_checks.c, mmu_440.c): */
/* Map the 4 KiB page at ea to pa with TID tid and perms (BOOKE_PERM_*) in
 * the entry the checks use, replacing what it held. */
void booke_tlb_map_check_page(unsigned long ea, unsigned long pa, unsigned int tid,
			      unsigned int perms);
/* The entry that translates ea (address space 0) under pid, or -1. */
int booke_tlb_search(unsigned long ea, unsigned int pid);
/* The entry the checks use. */
extern const int booke_tlb_check_entry;
/* Take the check page at ea out of the TLB, as the CPU's kernels do (e500:
 * tlbivax; the 440: the entry rewritten with V clear); its name. */
void booke_tlb_unmap_check_page(unsigned long ea);
extern const char booke_tlb_unmap_name[];
/* The CPU's own checks, before the shared ones (what tlbre and tlbsx say of
 * the kernel's entries) and after them (the check page's entry still
 * holds BOOKE_CHECK_PID's mapping of booke_alias_target at BOOKE_ALIAS_EA;
 * they leave it unmapped). */
void booke_tlb_checks_first(void);
void booke_tlb_checks_last(int pv_on);

#endif /* PPCPV_REF_MMU_BOOKE_H */
