// SPDX-License-Identifier: MIT
/*
 * The reference kernel's hash MMU (Book3S-64, 256 MB segments, 4 KiB
 * pages), run the way a pSeries kernel runs one: the hash page table
 * belongs to the hypervisor and is changed only through PAPR hypercalls
 * (H_ENTER, H_REMOVE, H_BULK_REMOVE), its size comes from the cpu node's
 * "ibm,pft-size", and the kernel owns its SLB (slbmte, slbie).
 *
 * The kernel keeps its addresses: it is linked at 0 and its linear mapping
 * is 1:1 (EA = real address) in VSIDs of the kernel context, with bolted
 * entries for its image, the device tree and (hosted) the host device.  So
 * every kernel address means the same with translation on or off, and the
 * interrupt entry (head.S), which arrives in real mode, can turn
 * translation on once SRR0/SRR1 are saved without moving anything.  The
 * SLB keys are Ks = 0 and Kp = 1 everywhere: kernel pages use PP 0, which
 * key 1 (user mode) may not touch at all; user pages use PP 2 or 3, the
 * same for both keys.
 *
 * VSIDs: the proto-VSID (context << USER_ESID_BITS | ESID) multiplied by a
 * prime modulo 2^37 - 1, which spreads neighbouring contexts over the hash
 * table and never maps two proto-VSIDs to one VSID.
 */
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/papr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/hostdev.h>
#include "mmu.h"
#include "ref.h"

#define HYPERTAS_PFT		"hcall-pft"
#define HYPERTAS_BULK		"hcall-bulk"

#define KERNEL_SEGMENTS_MAX	4	/* SLB slots 0..3; the user's follow */
#define USER_SLB_FIRST		KERNEL_SEGMENTS_MAX
#define SLB_SLOTS_NEEDED	(USER_SLB_FIRST + USER_SEGMENTS)

#define CONTEXT_BITS		19
#define PROTO_VSID_BITS		(CONTEXT_BITS + USER_ESID_BITS)
#define VSID_MODULUS		((1ull << PROTO_VSID_BITS) - 1)
/* Prime, and no factor of the modulus (223 x 616318177): one to one. */
#define VSID_MULTIPLIER		1000003ull
/* The last context whose proto-VSIDs all stay below the modulus. */
#define KERNEL_CONTEXT		((1ul << CONTEXT_BITS) - 2)

#define USER_RFLAGS		(PPC_HPTE_R_R | PPC_HPTE_R_C | PPC_HPTE_R_M)
#define KERNEL_RFLAGS		(USER_RFLAGS | PPC_HPTE_PP_KEY0_RW)
#define IO_RFLAGS		(PPC_HPTE_R_R | PPC_HPTE_R_C | PPC_HPTE_R_I | PPC_HPTE_R_G | \
				 PPC_HPTE_PP_KEY0_RW)

#define MSR_TRANSLATE		(PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR)

extern char _end[];

struct mmu_stats mmu_stats;

static struct {
	int on;				/* MMU mode */
	int bulk;			/* H_BULK_REMOVE offered */
	const char *flat_reason;
	unsigned int pft_shift;		/* the table is 2^pft_shift bytes */
	uint64_t group_mask;
	unsigned int kernel_segments;
	uint64_t kernel_esid[KERNEL_SEGMENTS_MAX];
	unsigned int kernel_hptes;
	unsigned int evict_next;	/* where the next eviction starts in a group */
} mmu;

int mmu_on(void)
{
	return mmu.on;
}

const char *mmu_flat_reason(void)
{
	return mmu.flat_reason;
}

int mmu_has_bulk_remove(void)
{
	return mmu.bulk;
}

unsigned long mmu_context_limit(void)
{
	return KERNEL_CONTEXT - 1;
}

void mmu_count_interrupt(uint64_t trap)
{
	switch (trap) {
	case PPC_BOOK3S_VEC_DSI:
		mmu_stats.dsi++;
		break;
	case PPC_BOOK3S_VEC_ISI:
		mmu_stats.isi++;
		break;
	case PPC_BOOK3S_VEC_DSEG:
	case PPC_BOOK3S_VEC_ISEG:
		mmu_stats.segment_faults++;
		break;
	default:
		break;
	}
}

/* ---- hashing ------------------------------------------------------------- */

static uint64_t esid_of(uint64_t ea)
{
	return ea >> PPC_SID_SHIFT;
}

static uint64_t vsid_of(unsigned long context, uint64_t esid)
{
	uint64_t proto = (uint64_t)context << USER_ESID_BITS | esid;

	return proto * VSID_MULTIPLIER % VSID_MODULUS;
}

/* Doubleword 0 of the entry for ea: the abbreviated virtual page number. */
static uint64_t hpte_v(uint64_t vsid, uint64_t ea)
{
	uint64_t ava = vsid << (PPC_SID_SHIFT - PPC_HPTE_V_AVA_EA_SHIFT) |
		       ((ea >> PPC_HPTE_V_AVA_EA_SHIFT) & ((1ull << PPC_HPTE_V_AVA_EA_BITS) - 1));

	return ava << PPC_HPTE_V_AVA_SHIFT | PPC_HPTE_V_VALID;
}

static uint64_t hpte_hash(uint64_t vsid, uint64_t ea)
{
	return ((vsid & PPC_HASH_MASK) ^ ((ea & (SEGMENT_SIZE - 1)) >> PAGE_SHIFT)) & PPC_HASH_MASK;
}

static uint64_t group_slot(uint64_t hash)
{
	return (hash & mmu.group_mask) * PPC_HPTES_PER_GROUP;
}

/* ---- the hypercalls ---------------------------------------------------- */

static long h_enter(uint64_t ptex, uint64_t v, uint64_t r, uint64_t *slot)
{
	unsigned long rets[3];
	long status = ppcpv_papr_hcall(H_ENTER, 0, ptex, v, r, rets);

	mmu_stats.h_enter++;
	*slot = rets[0];
	return status;
}

static long h_remove(unsigned long flags, uint64_t slot, uint64_t match)
{
	mmu_stats.h_remove++;
	return ppcpv_papr_hcall(H_REMOVE, flags, slot, match, 0, NULL);
}

/* Both groups full: push out one entry nobody bolted, trying the primary
 * group's slots in turn from where the last eviction stopped. */
static int evict_one(uint64_t group)
{
	unsigned int i;

	for (i = 0; i < PPC_HPTES_PER_GROUP; i++) {
		uint64_t slot = group + mmu.evict_next++ % PPC_HPTES_PER_GROUP;

		if (h_remove(H_ANDCOND, slot, PPC_HPTE_V_BOLTED) == H_SUCCESS) {
			mmu_stats.evictions++;
			mmu_stats.user_hptes--;	/* only user entries are not bolted */
			return 0;
		}
	}
	return -1;
}

/* The primary group, then the secondary, then make room, as pSeries
 * kernels do. */
static long hpte_insert(uint64_t vsid, uint64_t ea, uint64_t vflags, uint64_t r, uint64_t *slot)
{
	uint64_t hash = hpte_hash(vsid, ea), v = hpte_v(vsid, ea) | vflags;
	long status;

	for (;;) {
		status = h_enter(group_slot(hash), v, r, slot);
		if (status != H_PTEG_FULL)
			return status;
		status = h_enter(group_slot(~hash), v | PPC_HPTE_V_H, r, slot);
		if (status != H_PTEG_FULL) {
			mmu_stats.secondary += status == H_SUCCESS;
			return status;
		}
		if (evict_one(group_slot(hash)))
			return H_PTEG_FULL;
	}
}

/* ---- user pages ---------------------------------------------------------- */

long mmu_map_user_page(unsigned long context, uint64_t ea, uint64_t ra, unsigned int prot,
		       struct hpte_ref *ref)
{
	uint64_t vsid = vsid_of(context, esid_of(ea));
	uint64_t r = (ra & PPC_HPTE_R_RPN) | USER_RFLAGS |
		     (prot & PROT_WRITE ? PPC_HPTE_PP_RW : PPC_HPTE_PP_RO) |
		     (prot & PROT_EXEC ? 0 : PPC_HPTE_R_N);
	long status = hpte_insert(vsid, ea, 0, r, &ref->slot);

	if (status == H_SUCCESS) {
		ref->avpn = hpte_v(vsid, ea) & PPC_HPTE_V_AVPN_MASK;
		mmu_stats.user_hptes++;
	}
	return status;
}

/* For the checks: an address in context's program segment whose primary
 * group is `group` (the page index XOR the VSID gives the hash). */
int mmu_user_ea_in_group(unsigned long context, uint64_t group, uint64_t *ea)
{
	uint64_t page = (vsid_of(context, esid_of(USER_TEXT_EA)) ^ group) & mmu.group_mask;

	if (page >= SEGMENT_SIZE >> PAGE_SHIFT)
		return -1;
	*ea = USER_TEXT_EA + (page << PAGE_SHIFT);
	return 0;
}

static void removed(long code, uint64_t slot)
{
	if (code == H_SUCCESS)
		mmu_stats.user_hptes--;
	else if (code != H_NOT_FOUND)	/* not found: evicted meanwhile */
		kprintf("mmu: removing slot 0x%llx failed: status %ld\n",
			(unsigned long long)slot, code);
}

/* Up to H_BULK_REMOVE_MAX entries in one call; each answers for itself. */
static void bulk_remove(const struct hpte_ref *refs, unsigned int n)
{
	unsigned long regs[PAPR_HCALL_REGS] = { 0 };
	unsigned int i;
	long status;

	for (i = 0; i < H_BULK_REMOVE_MAX; i++) {
		regs[2 * i] = i < n ? H_BULK_REMOVE_REQUEST | H_BULK_REMOVE_AVPN | refs[i].slot :
				      H_BULK_REMOVE_END;
		regs[2 * i + 1] = i < n ? refs[i].avpn : 0;
	}
	mmu_stats.h_bulk_remove++;
	status = ppcpv_papr_hcall_regs(H_BULK_REMOVE, regs);
	if (status != H_SUCCESS)
		kprintf("mmu: H_BULK_REMOVE failed: status %ld\n", status);
	for (i = 0; i < n; i++) {
		uint64_t answer = regs[2 * i], code = answer & H_BULK_REMOVE_CODE;
		int answered = (answer & H_BULK_REMOVE_TYPE) == H_BULK_REMOVE_RESPONSE;

		removed(!answered ? H_PARAMETER : code == H_BULK_REMOVE_SUCCESS ? H_SUCCESS :
			code == H_BULK_REMOVE_NOT_FOUND ? H_NOT_FOUND : H_PARAMETER, refs[i].slot);
	}
}

void mmu_unmap(const struct hpte_ref *refs, unsigned int n)
{
	unsigned int chunk;

	while (n) {
		chunk = n < H_BULK_REMOVE_MAX ? n : H_BULK_REMOVE_MAX;
		if (chunk > 1 && mmu.bulk) {
			bulk_remove(refs, chunk);
		} else {
			chunk = 1;
			removed(h_remove(H_AVPN, refs->slot, refs->avpn), refs->slot);
		}
		refs += chunk;
		n -= chunk;
	}
}

/* ---- the SLB ------------------------------------------------------------- */

static void slb_write(uint64_t vsid, uint64_t esid, unsigned int index)
{
	uint64_t rs = vsid << PPC_SLB_VSID_SHIFT | PPC_SLB_VSID_KP;
	uint64_t rb = esid << PPC_SID_SHIFT | PPC_SLB_ESID_V | index;

	__asm__ __volatile__("slbmte %0,%1" : : "r"(rs), "r"(rb) : "memory");
}

static void slb_invalidate(uint64_t esid)
{
	__asm__ __volatile__("slbie %0" : : "r"(esid << PPC_SID_SHIFT) : "memory");
}

static void context_sync(void)
{
	__asm__ __volatile__("isync" : : : "memory");
}

static const uint64_t user_esids[USER_SEGMENTS] = {
	USER_TEXT_EA >> PPC_SID_SHIFT, (USER_STACK_TOP - 1) >> PPC_SID_SHIFT,
};

/* The old context's entries for these ESIDs go first (two entries for one
 * ESID are not allowed), then the new ones take the user slots. */
void mmu_load_user_segments(unsigned long context)
{
	unsigned int i;

	for (i = 0; i < USER_SEGMENTS; i++) {
		slb_invalidate(user_esids[i]);
		slb_write(vsid_of(context, user_esids[i]), user_esids[i], USER_SLB_FIRST + i);
	}
	context_sync();
	mmu_stats.slb_loads++;
}

/* ---- the kernel's linear mapping --------------------------------------- */

static int kernel_segment(uint64_t esid)
{
	unsigned int i;

	for (i = 0; i < mmu.kernel_segments; i++)
		if (mmu.kernel_esid[i] == esid)
			return 0;
	if (mmu.kernel_segments == KERNEL_SEGMENTS_MAX || esid >= user_esids[0])
		return -1;
	mmu.kernel_esid[mmu.kernel_segments++] = esid;
	return 0;
}

/* Bolted 1:1 entries for [start, end). */
static const char *map_kernel_range(uint64_t start, uint64_t end, uint64_t rflags)
{
	uint64_t ea, slot;

	for (ea = start & ~(PAGE_SIZE - 1); ea < end; ea += PAGE_SIZE) {
		if (kernel_segment(esid_of(ea)))
			return "the kernel's memory spans too many segments";
		if (hpte_insert(vsid_of(KERNEL_CONTEXT, esid_of(ea)), ea, PPC_HPTE_V_BOLTED,
				(ea & PPC_HPTE_R_RPN) | rflags, &slot) != H_SUCCESS)
			return "H_ENTER refused an entry of the kernel's linear mapping";
		mmu.kernel_hptes++;
	}
	return NULL;
}

static void translation_on(void)
{
	uint64_t msr;
	unsigned int i;

	for (i = 0; i < mmu.kernel_segments; i++)
		slb_write(vsid_of(KERNEL_CONTEXT, mmu.kernel_esid[i]), mmu.kernel_esid[i], i);
	context_sync();
	__asm__ __volatile__("mfmsr %0" : "=r"(msr));
	/* what the interrupt entry sets once SRR0/SRR1 are saved */
	boot_paca.kernel_msr = (msr | MSR_TRANSLATE | PPC_BOOK3S_MSR_RI) & ~(uint64_t)PPC_MSR_EE;
	__asm__ __volatile__("mtmsrd %0; isync" : : "r"(msr | MSR_TRANSLATE) : "memory");
}

/* ---- discovery ----------------------------------------------------------- */

static int hypertas_has(const void *fdt, size_t size, const char *function)
{
	int rtas = ppcpv_fdt_path_offset(fdt, size, "/rtas");
	const void *val;
	int len = rtas < 0 ? -1 : ppcpv_fdt_getprop(fdt, size, rtas, "ibm,hypertas-functions", &val);

	return len > 0 && ppcpv_fdt_stringlist_contains(val, len, function);
}

/* A property of the first cpu node that has it: its last cell. */
static int cpu_cell(const void *fdt, size_t size, const char *name, unsigned int cell,
		    uint64_t *out)
{
	int cpus = ppcpv_fdt_path_offset(fdt, size, "/cpus"), cpu;

	if (cpus < 0)
		return -1;
	for (cpu = ppcpv_fdt_first_child(fdt, size, cpus); cpu >= 0;
	     cpu = ppcpv_fdt_next_sibling(fdt, size, cpu))
		if (!ppcpv_fdt_get_cells(fdt, size, cpu, name, cell, 1, out))
			return 0;
	return -1;
}

/* Why the table cannot be used, or NULL. */
static const char *read_table_size(const void *fdt, size_t size)
{
	uint64_t shift, slbs;

	/* "ibm,pft-size" = <page size encoding, log2 of the table's bytes> */
	if (cpu_cell(fdt, size, "ibm,pft-size", 1, &shift))
		return "no ibm,pft-size in a cpu node";
	if (shift < PPC_HTAB_SHIFT_MIN || shift > PPC_HTAB_SHIFT_MAX)
		return "ibm,pft-size out of range";
	if (!cpu_cell(fdt, size, "ibm,slb-size", 0, &slbs) && slbs < SLB_SLOTS_NEEDED)
		return "ibm,slb-size too small";
	mmu.pft_shift = (unsigned int)shift;
	mmu.group_mask = (1ull << (shift - PPC_HPTEG_SHIFT)) - 1;
	return NULL;
}

static const char *map_kernel(const void *fdt, size_t fdt_size)
{
	const char *why = map_kernel_range(0, (uintptr_t)_end, KERNEL_RFLAGS);

	if (!why)
		why = map_kernel_range((uintptr_t)fdt, (uintptr_t)fdt + fdt_size, KERNEL_RFLAGS);
	if (!why && platform_hostdev())
		why = map_kernel_range(platform_hostdev(), platform_hostdev() + PPCPV_HOSTDEV_SIZE,
				       IO_RFLAGS);
	return why;
}

int mmu_init(const void *fdt, size_t fdt_size)
{
	const char *why = NULL;

	if (!hypertas_has(fdt, fdt_size, HYPERTAS_PFT))
		why = "no " HYPERTAS_PFT;
	if (!why)
		why = read_table_size(fdt, fdt_size);
	if (!why)
		why = map_kernel(fdt, fdt_size);
	if (why) {
		mmu.flat_reason = why;
		kprintf("mmu: %s: running on the host's flat mapping\n", why);
		return 0;
	}
	mmu.bulk = hypertas_has(fdt, fdt_size, HYPERTAS_BULK);
	translation_on();
	mmu.on = 1;
	kprintf("mmu: hash page table of 2^%u bytes; kernel translated, 1:1 in %u segment(s) "
		"(%u bolted entries); a context per process; %s\n", mmu.pft_shift,
		mmu.kernel_segments, mmu.kernel_hptes,
		mmu.bulk ? "H_BULK_REMOVE" : "no " HYPERTAS_BULK ": H_REMOVE only");
	return 1;
}
