/* SPDX-License-Identifier: MIT */
/*
 * mmu.h - the reference kernel's own Book3S-64 hash MMU (mmu.c): what the
 * process layer (vm.c) and the checks need of it.
 *
 * Two modes, chosen once at boot from the device tree:
 *
 *  - MMU mode, when /rtas "ibm,hypertas-functions" lists "hcall-pft" (QEMU
 *    pseries natively; a host that virtualises the guest MMU): the kernel
 *    fills its hash page table with H_ENTER, runs translated (MSR[IR|DR]=1)
 *    through a bolted 1:1 linear mapping in VSIDs of its own, and gives
 *    every process an address space of its own (a context id, hence VSIDs
 *    of its own), mapped page by page from the DSI/ISI handlers.
 *  - Flat mode, otherwise (today's ppcpv host): the host maps guest memory
 *    1:1 whatever the guest's MMU says; the kernel never turns translation
 *    on and a process's addresses are its pages' real addresses.  The
 *    32-bit kernels are always in flat mode (mmu32.c, mmu_e500.c).
 */
#ifndef PPCPV_REF_MMU_H
#define PPCPV_REF_MMU_H

#include <ppcpv/isa/hash64.h>

/* For C and assembly (the user programs of user.S use them too). */
#define PAGE_SHIFT		PPC_PAGE_SHIFT_4K
#define PAGE_SIZE		(1 << PAGE_SHIFT)

/* Page protections (Linux's values: mprotect takes them from user mode). */
#define PROT_READ		1
#define PROT_WRITE		2
#define PROT_EXEC		4

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

#define SEGMENT_SIZE		(1ull << PPC_SID_SHIFT)

/*
 * A process's address space in MMU mode: its program page at 16 TiB, its
 * stack below 64 TiB (where Linux/ppc64 with 4 KiB pages ends user space).
 * Both are far above any memory the kernel maps 1:1, so user and kernel
 * segments never share an ESID.  User ESIDs fit in USER_ESID_BITS bits.
 */
#define USER_TEXT_EA		0x0000100000000000ull
#define USER_STACK_TOP		0x0000400000000000ull
#define USER_ESID_BITS		18
#define USER_SEGMENTS		2	/* the text's and the stack's */

/* Context ids: 0 is no address space (flat mode, or none yet). */
#define MMU_NO_CONTEXT		0ul

/* A hash-table slot that holds nothing of ours. */
#define MMU_NO_SLOT		(~0ull)

/* What the benchmark and the checks count. */
struct mmu_stats {
	uint64_t dsi;			/* data storage interrupts taken */
	uint64_t isi;			/* instruction storage interrupts taken */
	uint64_t segment_faults;	/* data and instruction segment interrupts */
	uint64_t h_enter;		/* H_ENTER calls */
	uint64_t h_remove;		/* H_REMOVE calls */
	uint64_t h_bulk_remove;		/* H_BULK_REMOVE calls */
	uint64_t secondary;		/* entries placed in the secondary group */
	uint64_t evictions;		/* entries evicted from a full group pair */
	uint64_t user_hptes;		/* user entries in the table right now */
	uint64_t slb_loads;		/* user segment sets loaded (context switches) */
};
extern struct mmu_stats mmu_stats;

/* An entry to remove: its slot and what its first doubleword must match. */
struct hpte_ref {
	uint64_t slot;
	uint64_t avpn;
};

/* Discovery, the kernel's linear mapping, translation on; logs one line
 * either way.  Returns 1 in MMU mode, 0 in flat mode. */
int mmu_init(const void *fdt, size_t fdt_size);

#ifdef __powerpc64__
int mmu_on(void);
const char *mmu_flat_reason(void);	/* why flat mode, for SKIP lines */
int mmu_has_bulk_remove(void);		/* "hcall-bulk" */

unsigned long mmu_context_limit(void);	/* user contexts are 1 .. limit */

/* User pages: insert the entry for ea in context (PROT_*); on
 * success *ref says how to remove it again. */
long mmu_map_user_page(unsigned long context, uint64_t ea, uint64_t ra, unsigned int prot,
		       struct hpte_ref *ref);
/* For the checks: *ea in context's program segment whose primary group
 * is `group`; -1 if no page there hashes to it. */
int mmu_user_ea_in_group(unsigned long context, uint64_t group, uint64_t *ea);

/* Remove entries (H_BULK_REMOVE four at a time when offered, else
 * H_REMOVE); an entry already evicted is not an error. */
void mmu_unmap(const struct hpte_ref *refs, unsigned int n);

/* Load a context's user segments into the SLB (slbie, slbmte). */
void mmu_load_user_segments(unsigned long context);

#else
/*
 * The 32-bit kernels (mmu32.c, mmu_e500.c) keep no page table for their
 * processes: always flat mode, so the process layer (vm.c) never asks for
 * a context, an entry or a segment load.
 */
static inline int mmu_on(void)
{
	return 0;
}

static inline int mmu_has_bulk_remove(void)
{
	return 0;
}

static inline unsigned long mmu_context_limit(void)
{
	return 0;
}

static inline long mmu_map_user_page(unsigned long context, uint64_t ea, uint64_t ra,
				     unsigned int prot, struct hpte_ref *ref)
{
	return -1;	/* not H_SUCCESS: there is no table to put it in */
}

static inline void mmu_unmap(const struct hpte_ref *refs, unsigned int n)
{
}

static inline void mmu_load_user_segments(unsigned long context)
{
}
#endif

/* Count a storage or segment interrupt (irq.c). */
void mmu_count_interrupt(uint64_t trap);

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_REF_MMU_H */
