// SPDX-License-Identifier: MIT
/*
 * The 440 host's TLB: 64 software-managed entries, each written as three
 * words with tlbwe RS,RA,WS (no MAS registers; the translation space TS
 * is in the entry, the TID comes from MMUCR, 0 = every PID).  The host's
 * own map in address space 0 (RAM at EA = PA, the board's I/O), supervisor
 * only; the guest's memory at EA = guest-physical in address space 1 with
 * user permissions, written once: the guest runs at PR=1 with IS = DS = 1.
 *
 * The guest's own TLB is not modelled (its tlbwe, tlbre and tlbsx go back
 * to it as program interrupts) and there is no magic page: KVM's 440 host
 * never offered one, and neither does this host (mode pv is refused).
 * An access to guest-physical addresses outside its memory - the MMIO
 * device page - is a real TLB miss the core decodes.
 */
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/ppc440.h>
#include "../e500/e500.h"

enum tlb_slot {
	SLOT_HOST_RAM = 0,	/* where QEMU put its initial map */
	SLOT_HOST_IO,
	SLOT_GUEST_FIRST,	/* .. the last entry: guest memory */
};

/* The host's RAM map: one 1 GiB page at EA = PA 0; the board's I/O
 * (UART0 at 0xef600300) in a 256 MiB page at EA = PA 0xe0000000. */
#define HOST_RAM_SIZE_CODE	PPC_440_SIZE_1G
#define HOST_IO_BASE		0xe0000000u
#define HOST_IO_SIZE_CODE	PPC_440_SIZE_256M
#define SUPERVISOR_PERMS	(PPC_440_TLB2_SR | PPC_440_TLB2_SW | PPC_440_TLB2_SX)
#define USER_PERMS		(PPC_440_TLB2_UR | PPC_440_TLB2_UW | PPC_440_TLB2_UX)
/* The page sizes a 440 has, as SIZE codes 0..10 of 1 KiB << (2 * code);
 * codes 6 and 8 (4 MiB, 64 MiB) it lacks. */
#define SIZE_CODE_MAX		PPC_440_SIZE_1G
#define SIZE_CODE_ABSENT(c)	((c) == 6 || (c) == 8)

const char host_mmu_description[] = "flat (guest memory in address space 1, no guest TLB)";

static struct mmu_stats stats;

static unsigned int size_log2(unsigned int code)
{
	return PPC_440_PAGE_MIN_LOG2 + 2 * code;
}

static void tlb_write(unsigned int slot, uint32_t pageid, uint32_t xlat, uint32_t attrib)
{
	__asm__ __volatile__("mtspr %0,%1; isync\n\t"
			     "tlbwe %2,%3,%4\n\t"
			     "tlbwe %5,%3,%6\n\t"
			     "tlbwe %7,%3,%8; isync"
			     : : "i"(PPC_440_SPR_MMUCR), "r"(0), "r"(pageid), "b"(slot),
			       "i"(PPC_440_TLB_WORD_PAGEID), "r"(xlat), "i"(PPC_440_TLB_WORD_XLAT),
			       "r"(attrib), "i"(PPC_440_TLB_WORD_ATTRIB)
			     : "memory");
}

void mmu_init_host(void)
{
	unsigned int slot;

	/* the same translation for everything this code runs from */
	tlb_write(SLOT_HOST_RAM, PPC_440_TLB0_V | PPC_440_TLB0_SIZE(HOST_RAM_SIZE_CODE), 0,
		  SUPERVISOR_PERMS);
	tlb_write(SLOT_HOST_IO, HOST_IO_BASE | PPC_440_TLB0_V | PPC_440_TLB0_SIZE(HOST_IO_SIZE_CODE),
		  HOST_IO_BASE, PPC_440_TLB2_I | PPC_440_TLB2_G | PPC_440_TLB2_SR | PPC_440_TLB2_SW);
	for (slot = SLOT_GUEST_FIRST; slot < PPC_440_TLB_ENTRIES; slot++)
		tlb_write(slot, 0, 0, 0);
}

/* The largest SIZE code at ea -> pa that fits in bytes (0 if none: ea,
 * pa or bytes below 1 KiB granularity). */
static unsigned int page_code(uint32_t ea, uint64_t pa, uint64_t bytes)
{
	unsigned int code;

	for (code = SIZE_CODE_MAX; code > 0; code--) {
		uint64_t page = UINT64_C(1) << size_log2(code);

		if (!SIZE_CODE_ABSENT(code) && !((ea | pa) & (page - 1)) && page <= bytes)
			return code;
	}
	return 0;
}

const char *mmu_map_guest(uint64_t base, uint64_t size, uint64_t hostdev)
{
	unsigned int slot = SLOT_GUEST_FIRST, code;
	uint64_t ea = 0;

	(void)hostdev;	/* never mapped: its accesses are the core's MMIO */
	if (base + size > UINT64_C(1) << size_log2(HOST_RAM_SIZE_CODE))
		return "the guest region ends beyond the host's 1 GiB map";
	while (ea < size) {
		if (slot == PPC_440_TLB_ENTRIES)
			return "guest memory needs more TLB entries than the 440 has";
		code = page_code((uint32_t)ea, base + ea, size - ea);
		tlb_write(slot++, (uint32_t)ea | PPC_440_TLB0_V | PPC_440_TLB0_TS | PPC_440_TLB0_SIZE(code),
			  (uint32_t)(base + ea) & PPC_440_TLB1_RPN_MASK, PPC_440_TLB2_M | USER_PERMS);
		ea += UINT64_C(1) << size_log2(code);
	}
	return NULL;
}

const char *mmu_check_config(const struct ppcpv_hostcfg *cfg)
{
	if (cfg->mode == PPCPV_MODE_PV)
		return "mode pv: the 440 host offers no magic page (KVM's 440 host never did); "
		       "use no-pv or none";
	return NULL;
}

/* Guest memory is mapped once, whatever the guest's context. */
void mmu_guest_entry(const struct ppcpv_vcpu *v)
{
	(void)v;
}

/* All of guest memory is in the TLB, so a miss is beyond it: the core's
 * (the MMIO device, or a storage interrupt for the guest). */
enum tlb_miss mmu_guest_tlb_miss(struct ppcpv_vcpu *v, uint32_t ea, int insn, int store,
				 uint64_t *gpa)
{
	(void)v;
	(void)insn;
	(void)store;
	*gpa = ea;
	stats.not_memory++;
	return TLB_MISS_NOT_MEMORY;
}

int mmu_fetch_gpa(void *ctx, const struct ppcpv_vcpu *v, uint64_t ea, uint64_t *gpa)
{
	(void)ctx;
	(void)v;
	*gpa = ea;
	return 0;
}

/* tlbwe, tlbre, tlbsx: not modelled, the guest's program interrupt. */
enum ppcpv_emul_result mmu_tlb_insn(void *ctx, struct ppcpv_vcpu *v, uint32_t insn)
{
	(void)ctx;
	(void)v;
	(void)insn;
	return PPCPV_EMUL_UNKNOWN;
}

const struct mmu_stats *mmu_get_stats(void)
{
	return &stats;
}

/* There is no magic page (mmu_check_config refuses mode pv). */
void mmu_set_magic_page(uint64_t pa)
{
	(void)pa;
}

void mmu_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	(void)ctx;
	(void)v;
	(void)visible;
}
