// SPDX-License-Identifier: MIT
/*
 * Test guest for the shadowed guest MMU (host config mmu = "shadow"): it
 * builds a small hash table with H_ENTER (its `sc 1` words rewritten by
 * the host), turns on IR/DR and checks what a PAPR LPAR sees - mapped
 * pages, DSIs with DSISR/DAR, an ISI on a no-execute page, segment
 * interrupts, a kernel-only page refused to user mode, the magic page only
 * in supervisor state, H_REMOVE and slbie taking effect, a 64 KiB page in
 * a 64 KiB segment (both encodings read from ibm,segment-page-sizes) - and
 * that hostile hypercalls and SLB writes get their PAPR code or program
 * interrupt.  Also what the host's fast rfid must get right (start.S,
 * trap_area.h): an rfid in translated supervisor state, taken again at
 * the same EA, and that EA remapped to a page with another privileged
 * instruction, which must be emulated as itself, not as the rfid the host
 * remembered there.
 */
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/hcall.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/isa/papr.h>
#include "guest/guest.h"

#define PAGE		0x1000ull
#define SEGMENT		(1ull << PPC_SID_SHIFT)
/* The guest's segments: 0 maps its image 1:1, 1 holds one test page. */
#define VSID_LOW	0x123
#define VSID_HIGH	0x456
#define KEYS		PPC_SLB_VSID_KP	/* Ks = 0 (kernel), Kp = 1 (user) */
#define IDENTITY_END	0x100000ull	/* image, stacks, scratch */
/* Test pages, EA -> guest-physical, in segment 0 above the image. */
#define EA_DATA		0x800000ull
#define PA_DATA		0x200000ull
#define EA_UNMAPPED	0x801000ull
#define EA_NOEXEC	0x802000ull
#define PA_NOEXEC	0x201000ull
#define EA_KONLY	0x803000ull
#define PA_KONLY	0x202000ull
#define EA_HIGH		(SEGMENT + 0x5000)
#define PA_HIGH		0x203000ull
#define EA_NO_SEGMENT	(3 * SEGMENT)
/* Segment 2: 64 KiB base pages; one 64 KiB page, read at a few of its
 * 4 KiB pages (each its own 4 KiB shadow page on the host). */
#define VSID_64K	0x789
#define SLOT_64K	3
#define PAGE_64K	(1ull << PPC_PAGE_SHIFT_64K)
#define EA_64K		(2 * SEGMENT + 0x30000)
#define PA_64K		0x210000ull
#define OFFSETS_64K	4
static const uint64_t offsets_64k[OFFSETS_64K] = { 0x0, 0x1008, 0x7ff0, 0xf000 };
#define STORE_OFFSET_64K	0x9010
/* One code page, mapped first to a page holding rfid, then to one holding
 * mfmsr r3; blr at the same offset. */
#define EA_CODE		0x804000ull
#define PA_CODE_RFID	0x204000ull
#define PA_CODE_MFMSR	0x205000ull
#define RFID_ROUNDS	3
#define PP_KERNEL_ONLY	0	/* key 0: read/write; key 1: no access */
#define DATA_VALUE	0x1122334455667788ull
#define BLR_WORD	PPC_INST_BLR

static uint64_t group_mask;
static uint32_t slb_size;
static volatile unsigned int dsis, dsegs, isis, isegs, programs;
static volatile uint64_t last_dar, last_dsi_dar, last_dsisr, last_srr1, last_srr0;

static void on_dsi(struct guest_frame *f)
{
	dsis++;
	last_dar = last_dsi_dar = f->dar;
	last_dsisr = f->dsisr;
	f->srr0 += 4;
}

static void on_dseg(struct guest_frame *f)
{
	dsegs++;
	last_dar = f->dar;
	f->srr0 += 4;
}

/* A fetch that failed: back to the caller. */
static void on_isi(struct guest_frame *f)
{
	isis++;
	last_srr1 = f->srr1;
	last_srr0 = f->srr0;
	f->srr0 = f->lr;
}

static void on_program(struct guest_frame *f)
{
	programs++;
	last_srr1 = f->srr1;
	last_srr0 = f->srr0;
	f->srr0 += 4;
}

/* `sc 1`, as a PAPR kernel issues it: the host rewrote this word. */
static long hcall(uint64_t opcode, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t *r4)
{
	register uint64_t r3_ __asm__("r3") = opcode;
	register uint64_t r4_ __asm__("r4") = a0;
	register uint64_t r5_ __asm__("r5") = a1;
	register uint64_t r6_ __asm__("r6") = a2;
	register uint64_t r7_ __asm__("r7") = a3;

	__asm__ __volatile__("sc 1"
			     : "+r"(r3_), "+r"(r4_), "+r"(r5_), "+r"(r6_), "+r"(r7_)
			     : : "r0", "r8", "r9", "r10", "r11", "r12", "memory", "cr0");
	if (r4)
		*r4 = r4_;
	return (long)r3_;
}

static uint64_t pteg(uint64_t vsid, uint64_t ea)
{
	return ppc_hash_primary_slot(vsid, ea, group_mask);
}

static long enter(uint64_t vsid, uint64_t ea, uint64_t pa, uint64_t flags, uint64_t *slot)
{
	return hcall(H_ENTER, 0, pteg(vsid, ea), ppc_hpte_v(vsid, ea),
		     pa | PPC_HPTE_R_M | flags, slot);
}

static void slbmte(uint64_t rs, uint64_t rb)
{
	__asm__ __volatile__("slbmte %0,%1" : : "r"(rs), "r"(rb) : "memory");
}

static void translation(int on)
{
	uint64_t msr = mfmsr();

	mtmsrd(on ? msr | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR
		  : msr & ~(uint64_t)(PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR));
}

static volatile uint64_t user_konly, user_magic;

/* Runs at PR=1 (translated). */
static void user_code(void)
{
	user_konly = *(volatile uint64_t *)EA_KONLY;
	user_magic = MAGIC64(PPCPV_SHARED_SPRG1);
	__asm__ __volatile__("mr 0,%0; li 3,0; sc" : : "r"((uint64_t)USER_EXIT_R0) : "r0", "r3");
}

static int map_identity(void)
{
	uint64_t pa, slot;

	for (pa = 0; pa < IDENTITY_END; pa += PAGE)
		if (enter(VSID_LOW, pa, pa, PPC_HPTE_PP_RW, &slot) != H_SUCCESS)
			return -1;
	return 0;
}

static void check_translated(void)
{
	uint64_t slot, v;
	void (*noexec)(void) = (void (*)(void))(uintptr_t)EA_NOEXEC;

	*(volatile uint64_t *)PA_DATA = DATA_VALUE;
	*(volatile uint32_t *)PA_NOEXEC = BLR_WORD;
	*(volatile uint64_t *)PA_KONLY = DATA_VALUE;
	guest_check(enter(VSID_LOW, EA_DATA, PA_DATA, PPC_HPTE_PP_RW, &slot) == H_SUCCESS &&
		    enter(VSID_LOW, EA_NOEXEC, PA_NOEXEC, PPC_HPTE_PP_RW | PPC_HPTE_R_N, &v) ==
		    H_SUCCESS && enter(VSID_LOW, EA_KONLY, PA_KONLY, PP_KERNEL_ONLY, &v) == H_SUCCESS,
		    "H_ENTER of the test pages", "%s", "");

	translation(1);
	v = *(volatile uint64_t *)EA_DATA;
	translation(0);
	guest_check(v == DATA_VALUE, "a mapped page reads its guest-physical page", "0x%llx",
		    (unsigned long long)v);

	translation(1);
	v = *(volatile uint64_t *)EA_UNMAPPED;
	translation(0);
	guest_check(dsis == 1 && last_dar == EA_UNMAPPED && last_dsisr == PPC_BOOK3S_DSISR_NOPT,
		    "a load from an unmapped page is a DSI (NOPT, DAR)", "n=%u dar=0x%llx dsisr=0x%llx",
		    dsis, (unsigned long long)last_dar, (unsigned long long)last_dsisr);
	translation(1);
	*(volatile uint64_t *)EA_UNMAPPED = 1;
	translation(0);
	guest_check(dsis == 2 && last_dsisr == (PPC_BOOK3S_DSISR_NOPT | PPC_BOOK3S_DSISR_STORE),
		    "a store there is a DSI (NOPT|STORE)", "dsisr=0x%llx",
		    (unsigned long long)last_dsisr);

	translation(1);
	noexec();
	translation(0);
	guest_check(isis == 1 && last_srr0 == EA_NOEXEC && (last_srr1 & PPC_BOOK3S_SRR1_ISI_N_G),
		    "a fetch from a no-execute page is an ISI (SRR1 N/G)", "n=%u srr0=0x%llx srr1=0x%llx",
		    isis, (unsigned long long)last_srr0, (unsigned long long)last_srr1);

	translation(1);
	v = *(volatile uint64_t *)EA_NO_SEGMENT;
	translation(0);
	guest_check(dsegs == 1 && last_dar == EA_NO_SEGMENT,
		    "no SLB entry: a data segment interrupt (0x380, DAR)", "n=%u dar=0x%llx", dsegs,
		    (unsigned long long)last_dar);

	mtspr(PPC_SPR_SPRG1, DATA_VALUE);
	translation(1);
	v = MAGIC64(PPCPV_SHARED_SPRG1);
	translation(0);
	guest_check(v == DATA_VALUE && dsegs == 1,
		    "the magic page is there in translated supervisor state", "0x%llx",
		    (unsigned long long)v);

	guest_check(hcall(H_REMOVE, H_AVPN, slot, ppc_hpte_v(VSID_LOW, EA_DATA) &
			  PPC_HPTE_V_AVPN_MASK, 0, NULL) == H_SUCCESS, "H_REMOVE", "%s", "");
	translation(1);
	v = *(volatile uint64_t *)EA_DATA;
	translation(0);
	guest_check(dsis == 3 && last_dar == EA_DATA, "after H_REMOVE the page faults again",
		    "n=%u dar=0x%llx", dsis, (unsigned long long)last_dar);
}

/* rfid at EA_CODE with SRR1 = the MSR now and SRR0 = just after: back
 * here in the same state; the MSR seen after it. */
static uint64_t rfid_at_code_page(void)
{
	uint64_t ret, msr = mfmsr();

	__asm__ __volatile__("bcl 20,31,1f\n"
			     "1: mflr %0\n"
			     "addi %0,%0,2f-1b\n"
			     "mtsrr0 %0\n"
			     "mtsrr1 %1\n"
			     "mtctr %2\n"
			     "bctr\n"
			     "2:"
			     : "=&r"(ret) : "r"(msr), "r"(EA_CODE) : "lr", "ctr", "memory");
	return mfmsr();
}

static void check_rfid_sites(void)
{
	uint64_t slot, msr, got = 0, before;
	unsigned int i, ok = 0;
	uint64_t (*code)(void) = (uint64_t (*)(void))(uintptr_t)EA_CODE;
	/* ELFv2: a function pointer is the code address */

	*(volatile uint32_t *)PA_CODE_RFID = PPC_INST_RFID;
	*(volatile uint32_t *)PA_CODE_MFMSR = PPC_INST_MFMSR | PPC_FIELD_RT(3);
	*(volatile uint32_t *)(PA_CODE_MFMSR + 4) = PPC_INST_BLR;
	__asm__ __volatile__("sync; isync" : : : "memory");
	guest_check(enter(VSID_LOW, EA_CODE, PA_CODE_RFID, PPC_HPTE_PP_RW, &slot) == H_SUCCESS,
		    "H_ENTER of the rfid page", "%s", "");
	translation(1);
	msr = mfmsr();
	for (i = 0; i < RFID_ROUNDS; i++)
		ok += rfid_at_code_page() == msr;
	translation(0);
	guest_check(ok == RFID_ROUNDS, "rfid in translated supervisor state, again at the same EA",
		    "%u of %u", ok, RFID_ROUNDS);

	guest_check(hcall(H_REMOVE, H_AVPN, slot, ppc_hpte_v(VSID_LOW, EA_CODE) &
			  PPC_HPTE_V_AVPN_MASK, 0, NULL) == H_SUCCESS &&
		    enter(VSID_LOW, EA_CODE, PA_CODE_MFMSR, PPC_HPTE_PP_RW, &slot) == H_SUCCESS,
		    "the rfid's page remapped to another", "%s", "");
	before = programs;
	translation(1);
	got = code();
	translation(0);
	guest_check(got == msr && programs == before,
		    "the privileged instruction now at the rfid's EA is emulated as itself",
		    "mfmsr 0x%llx, expected 0x%llx", (unsigned long long)got, (unsigned long long)msr);
}

static void check_segments_and_user(void)
{
	uint64_t slot, v;

	*(volatile uint64_t *)PA_HIGH = DATA_VALUE;
	slbmte(ppc_slb_rs(VSID_HIGH, KEYS), ppc_slb_rb(EA_HIGH, 1));
	enter(VSID_HIGH, EA_HIGH, PA_HIGH, PPC_HPTE_PP_RW, &slot);
	translation(1);
	v = *(volatile uint64_t *)EA_HIGH;
	__asm__ __volatile__("slbie %0" : : "r"(EA_HIGH & ~(SEGMENT - 1)) : "memory");
	*(volatile uint64_t *)EA_HIGH;
	translation(0);
	guest_check(v == DATA_VALUE && dsegs == 2 && last_dar == EA_HIGH,
		    "slbie: the next access takes the segment interrupt again", "v=0x%llx n=%u",
		    (unsigned long long)v, dsegs);

	v = guest_run_user(user_code);
	guest_check(dsis == 4 && last_dsi_dar == EA_KONLY &&
		    last_dsisr == PPC_BOOK3S_DSISR_PROT && user_konly != DATA_VALUE,
		    "user mode is refused a kernel-only page (DSI PROT)", "n=%u dsisr=0x%llx",
		    dsis, (unsigned long long)last_dsisr);
	guest_check(dsegs == 3 && last_dar == MAGIC_EA + PPCPV_SHARED_SPRG1 && user_magic != DATA_VALUE,
		    "user mode does not see the magic page (segment interrupt)", "n=%u dar=0x%llx",
		    dsegs, (unsigned long long)last_dar);
}

/* The 64 KiB entry of ibm,segment-page-sizes, as a PAPR kernel reads it:
 * <base shift, SLB L||LP, count, {shift, HPTE LP}...> per base size. */
static uint64_t slb_llp_64k, hpte_lp_64k;

static int find_64k_encodings(const void *fdt, size_t size, int cpu)
{
	const void *prop;
	int len = ppcpv_fdt_getprop(fdt, size, cpu, "ibm,segment-page-sizes", &prop);
	const unsigned char *c = prop;
	uint32_t i = 0, n = len > 0 ? (uint32_t)len / 4 : 0, j, count;

	while (i + 3 <= n) {
		uint32_t base = ppcpv_fdt_be32(c + 4 * i), llp = ppcpv_fdt_be32(c + 4 * i + 4);

		count = ppcpv_fdt_be32(c + 4 * i + 8);
		i += 3;
		for (j = 0; j < count && i + 2 <= n; j++, i += 2)
			if (base == PPC_PAGE_SHIFT_64K &&
			    ppcpv_fdt_be32(c + 4 * i) == PPC_PAGE_SHIFT_64K) {
				slb_llp_64k = llp;
				hpte_lp_64k = ppcpv_fdt_be32(c + 4 * i + 4);
				return 0;
			}
	}
	return -1;
}

static uint64_t pteg_64k(uint64_t vsid, uint64_t ea)
{
	return ((vsid ^ ((ea & (SEGMENT - 1)) >> PPC_PAGE_SHIFT_64K)) & group_mask) *
	       PPC_HPTES_PER_GROUP;
}

/* What the test writes at each 4 KiB page of the 64 KiB page: distinct,
 * so a shadow at the wrong offset reads the wrong value. */
static uint64_t value_64k(uint64_t offset)
{
	return DATA_VALUE ^ offset;
}

/* Translated loads at every test offset; how many read their value. */
static unsigned int read_64k(void)
{
	unsigned int i, good = 0;

	translation(1);
	for (i = 0; i < OFFSETS_64K; i++)
		good += *(volatile uint64_t *)(EA_64K + offsets_64k[i]) == value_64k(offsets_64k[i]);
	translation(0);
	return good;
}

static void check_64k_page(void)
{
	uint64_t v = ppc_hpte_v(VSID_64K, EA_64K) | PPC_HPTE_V_L, slot, stored;
	unsigned int i, good, before;

	for (i = 0; i < OFFSETS_64K; i++)
		*(volatile uint64_t *)(PA_64K + offsets_64k[i]) = value_64k(offsets_64k[i]);
	*(volatile uint64_t *)(PA_64K + STORE_OFFSET_64K) = 0;
	slbmte(ppc_slb_rs(VSID_64K, KEYS | slb_llp_64k), ppc_slb_rb(EA_64K, SLOT_64K));
	guest_check(hcall(H_ENTER, 0, pteg_64k(VSID_64K, EA_64K), v,
			  PA_64K | hpte_lp_64k << PPC_HPTE_R_LP_SHIFT | PPC_HPTE_R_M | PPC_HPTE_PP_RW,
			  &slot) == H_SUCCESS, "H_ENTER of a 64 KiB page (L, LP from the tree)",
		    "%s", "");
	before = dsis;
	good = read_64k();
	guest_check(good == OFFSETS_64K && dsis == before,
		    "64 KiB page: loads at 4 KiB offsets read the guest-physical data there",
		    "%u of %u, %u DSIs", good, OFFSETS_64K, dsis - before);

	translation(1);
	*(volatile uint64_t *)(EA_64K + STORE_OFFSET_64K) = DATA_VALUE;
	translation(0);
	stored = *(volatile uint64_t *)(PA_64K + STORE_OFFSET_64K);
	guest_check(stored == DATA_VALUE && dsis == before,
		    "64 KiB page: a store lands at its guest-physical address", "0x%llx",
		    (unsigned long long)stored);

	guest_check(hcall(H_REMOVE, H_AVPN, slot, v & PPC_HPTE_V_AVPN_MASK, 0, NULL) == H_SUCCESS,
		    "H_REMOVE of the 64 KiB page", "%s", "");
	read_64k();	/* the DSI handler skips each load: no data to check */
	guest_check(dsis == before + OFFSETS_64K &&
		    last_dar == EA_64K + offsets_64k[OFFSETS_64K - 1] &&
		    last_dsisr == PPC_BOOK3S_DSISR_NOPT,
		    "after H_REMOVE every 4 KiB part of the 64 KiB page faults again (DSI NOPT)",
		    "%u DSIs, dar=0x%llx", dsis - before, (unsigned long long)last_dar);
}

static void check_hostile(void)
{
	uint64_t r4, i, ptex = pteg(VSID_LOW, 0x900000), table_entries = (group_mask + 1) *
			 PPC_HPTES_PER_GROUP;
	unsigned int before = programs;
	long st = H_SUCCESS;

	guest_check(hcall(H_ENTER, 0, table_entries, ppc_hpte_v(VSID_LOW, 0x900000),
			  PA_DATA | PPC_HPTE_R_M, NULL) == H_PARAMETER,
		    "H_ENTER with ptex beyond the table: H_PARAMETER", "%s", "");
	guest_check(hcall(H_REMOVE, 0, ~0ull, 0, 0, NULL) == H_PARAMETER,
		    "H_REMOVE with ptex beyond the table: H_PARAMETER", "%s", "");
	guest_check(enter(VSID_LOW, 0x900000, 0x40000000ull, PPC_HPTE_PP_RW, NULL) == H_PARAMETER,
		    "H_ENTER of a page beyond guest RAM: H_PARAMETER", "%s", "");
	for (i = 0; i < PPC_HPTES_PER_GROUP + 1 && st == H_SUCCESS; i++)
		st = hcall(H_ENTER, 0, ptex, ppc_hpte_v(VSID_LOW, 0x900000), PA_DATA | PPC_HPTE_R_M,
			   &r4);
	guest_check(st == H_PTEG_FULL, "filling a group ends in H_PTEG_FULL",
		    "after %llu, status %ld", (unsigned long long)i, st);
	guest_check(hcall(0x7ff0, 0, 0, 0, 0, NULL) == H_FUNCTION, "an unknown hcall: H_FUNCTION",
		    "%s", "");
	slbmte(ppc_slb_rs(VSID_HIGH, KEYS) | 1, ppc_slb_rb(EA_HIGH, 2));
	guest_check(programs == before + 1 && (last_srr1 & PPC_BOOK3S_SRR1_PROG_ILLEGAL),
		    "slbmte with reserved bits: illegal-instruction program interrupt",
		    "n=%u srr1=0x%llx", programs - before, (unsigned long long)last_srr1);
	slbmte(ppc_slb_rs(VSID_HIGH, KEYS), ppc_slb_rb(EA_HIGH, slb_size));
	guest_check(programs == before + 2, "slbmte beyond ibm,slb-size: program interrupt",
		    "n=%u", programs - before);
}

int guest_test_main(const void *fdt, size_t size)
{
	int cpu = ppcpv_fdt_path_offset(fdt, size, "/cpus/cpu@0");
	uint64_t shift = 0, r4;

	guest_set_handler(PPC_BOOK3S_VEC_DSI, on_dsi);
	guest_set_handler(PPC_BOOK3S_VEC_DSEG, on_dseg);
	guest_set_handler(PPC_BOOK3S_VEC_ISI, on_isi);
	guest_set_handler(PPC_BOOK3S_VEC_PROGRAM, on_program);
	if (cpu < 0 || ppcpv_fdt_get_cells(fdt, size, cpu, "ibm,pft-size", 1, 1, &shift) ||
	    ppcpv_fdt_get_u32(fdt, size, cpu, "ibm,slb-size", &slb_size)) {
		guest_check(0, "ibm,pft-size and ibm,slb-size in the cpu node", "%s", "");
		return guest_failures();
	}
	group_mask = ppc_hash_group_mask((unsigned int)shift);
	if (guest_install_hcalls(fdt, size) ||
	    ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4))
		guest_check(0, "magic page mapped", "%s", "");
	slbmte(ppc_slb_rs(VSID_LOW, KEYS), ppc_slb_rb(0, 0));
	guest_check(map_identity() == 0, "H_ENTER maps the image 1:1 (sc 1 reached the host)",
		    "%s", "");
	check_translated();
	check_rfid_sites();
	check_segments_and_user();
	if (find_64k_encodings(fdt, size, cpu))
		guest_check(0, "ibm,segment-page-sizes offers 64 KiB pages in 64 KiB segments",
			    "%s", "");
	else
		check_64k_page();
	check_hostile();
	return guest_failures();
}
