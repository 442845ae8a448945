/* SPDX-License-Identifier: MIT */
/*
 * A guest MMU for the host-mmu64 unit tests (16 MiB of guest RAM, an I/O
 * page, a 256 KiB hash table, 32 SLB entries), and the ISA's hash and
 * HPTE matching words computed a second way - bit by bit, from the ISA's
 * formulas with its bit numbering - so the implementation is checked
 * against something it does not share code with.
 */
#ifndef TEST_MMU64_FIXTURE_H
#define TEST_MMU64_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <ppcpv/host/mmu64.h>

#define MX_RAM_SIZE	0x1000000
#define MX_IO_BASE	0xf0000000
#define MX_IO_SIZE	0x1000
#define MX_HTAB_SHIFT	18
#define MX_HTAB_ENTRIES	(1u << (MX_HTAB_SHIFT - 4))
#define MX_SLB_SIZE	32

struct mmu_fixture {
	struct ppcpv_gmmu gm;
	uint64_t htab[(1u << MX_HTAB_SHIFT) / 8] __attribute__((aligned(16)));
	/* what the table told the host (ppcpv_gpages_changed_fn) */
	unsigned int changed_calls;
	uint64_t changed_gvsid;
	uint32_t changed_gpage, changed_npages;
};

extern struct mmu_fixture mx;

/* A fresh guest MMU with the sizes above; RMA = all RAM. */
void mx_init(void);

/* ISA 2.07 bits from..to (bit 0 = most significant) of a width-bit value. */
uint64_t ref_bits(uint64_t x, unsigned int width, unsigned int from, unsigned int to);
/* The primary hash: VSID[11:49] XOR (zeros || EA[36:63-p]), 39 bits. */
uint64_t ref_hash(uint64_t vsid, uint64_t ea, unsigned int p);
/* HPTE doubleword 0 with B = 256 MB, AVA = VA[0:54] of VA = VSID || EA[36:63],
 * L for p > 12, V, and H if secondary. */
uint64_t ref_hpte_v(uint64_t vsid, uint64_t ea, unsigned int p, bool secondary);
/* The first entry of the group ea's hash (or its complement) selects. */
uint64_t ref_group_ptex(uint64_t vsid, uint64_t ea, unsigned int p, bool secondary);

/* slbmte of a 256 MB segment at ea into entry index; llp_keys adds
 * PPC_SLB_VSID_* flags (Ks, Kp, N, LLP). Asserts it is accepted. */
void mx_slb(unsigned int index, uint64_t ea, uint64_t vsid, uint64_t llp_keys);
/* H_ENTER (no H_EXACT) of a valid entry for ea in segment vsid, page
 * size 1 << p, mapping guest-physical gra with r_flags (PP, N, WIMG, ...;
 * M by default when r_flags has no WIMG bit); the ptex, asserted OK. */
uint64_t mx_enter(uint64_t vsid, uint64_t ea, unsigned int p, uint64_t gra, uint64_t r_flags,
		  bool secondary);
/* A hypercall with up to 8 arguments (r4..); the status; *a is updated. */
long mx_hcall(uint64_t opcode, struct ppcpv_hcall_args *a);

#endif /* TEST_MMU64_FIXTURE_H */
