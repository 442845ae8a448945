// SPDX-License-Identifier: MIT
/*
 * PAPR's page frame table hypercalls against the guest hash table:
 * H_ENTER, H_REMOVE, H_BULK_REMOVE, H_PROTECT, H_READ, H_CLEAR_REF and
 * H_CLEAR_MOD.  Every index, address and page-size encoding the guest
 * passes is checked before the table is touched (H_PARAMETER); the
 * semantics follow QEMU's sPAPR model where PAPR leaves room, except where
 * Documentation/host-mmu.rst says otherwise.  Whenever a valid entry goes
 * or changes, the host is told which guest pages it mapped.
 */
#include <ppcpv/host/mmu64.h>
#include <ppcpv/isa/papr.h>
#include "mmu.h"

/* Can a guest HPTE map this?  RAM with WIMG = M, or the I/O window with
 * WIMG = I or I|M (G free), 256 MB segment, a supported page size. */
static long check_mapping(const struct ppcpv_ghpt *h, uint64_t v, uint64_t r)
{
	unsigned int shift = ppcpv_hpte_page_shift(v, r);
	uint64_t size, ra, wimg;

	if ((v & PPC_SEGSIZE_MASK) != PPC_SEGSIZE_256M || !shift)
		return H_PARAMETER;
	size = UINT64_C(1) << shift;
	ra = r & PPC_HPTE_R_RPN & ~(size - 1);
	wimg = r & PPC_HPTE_R_WIMG;
	if (range_inside(ra, size, 0, h->ram_size))
		return wimg == PPC_HPTE_R_M ? H_SUCCESS : H_PARAMETER;
	wimg &= ~(uint64_t)PPC_HPTE_R_G;
	if (h->io_size && range_inside(ra, size, h->io_base, h->io_size) &&
	    (wimg == PPC_HPTE_R_I || wimg == (PPC_HPTE_R_I | PPC_HPTE_R_M)))
		return H_SUCCESS;
	return H_PARAMETER;
}

static bool hpte_valid(const struct ppcpv_ghpt *h, uint64_t ptex)
{
	return ghpt_entry(h, ptex)[0] & PPC_HPTE_V_VALID;
}

/* H_EXACT: that slot, if free; else the first free one of its group. */
static bool free_slot(const struct ppcpv_ghpt *h, uint64_t flags, uint64_t ptex, uint64_t *slot)
{
	uint64_t group = ptex & ~(uint64_t)(PPC_HPTES_PER_GROUP - 1), i;

	if (flags & H_EXACT) {
		*slot = ptex;
		return !hpte_valid(h, ptex);
	}
	for (i = 0; i < PPC_HPTES_PER_GROUP; i++)
		if (!hpte_valid(h, group + i)) {
			*slot = group + i;
			return true;
		}
	return false;
}

long ppcpv_h_enter(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	uint64_t flags = a->gpr[0], ptex = a->gpr[1], v = a->gpr[2], r = a->gpr[3];
	uint64_t slot, *e;
	long status;

	if (!ghpt_ptex_ok(h, ptex))
		return H_PARAMETER;
	status = check_mapping(h, v, r);
	if (status != H_SUCCESS)
		return status;
	if (!free_slot(h, flags, ptex, &slot))
		return H_PTEG_FULL;
	/* A free slot has no shadows: nothing to tell the host. */
	e = ghpt_entry(h, slot);
	e[1] = r;
	e[0] = v;
	a->gpr[0] = slot;
	return H_SUCCESS;
}

/* Does the valid entry v pass the H_AVPN / H_ANDCOND test against arg? */
static bool condition_holds(uint64_t flags, uint64_t v, uint64_t arg)
{
	if ((flags & H_AVPN) && (v & PPC_HPTE_V_AVPN_MASK) != arg)
		return false;
	if ((flags & H_ANDCOND) && (v & arg))
		return false;
	return true;
}

/* The common part of H_REMOVE and H_BULK_REMOVE; the old words on success. */
static long remove_entry(struct ppcpv_ghpt *h, uint64_t flags, uint64_t ptex, uint64_t arg,
			 uint64_t *old_v, uint64_t *old_r)
{
	uint64_t *e;

	if (!ghpt_ptex_ok(h, ptex))
		return H_PARAMETER;
	e = ghpt_entry(h, ptex);
	if (!(e[0] & PPC_HPTE_V_VALID) || !condition_holds(flags, e[0], arg))
		return H_NOT_FOUND;
	*old_v = e[0];
	*old_r = e[1];
	e[0] = 0;
	e[1] = 0;
	ppcpv_ghpt_notify(h, ptex, *old_v, *old_r);
	return H_SUCCESS;
}

long ppcpv_h_remove(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	uint64_t v, r;
	long status = remove_entry(h, a->gpr[0], a->gpr[1], a->gpr[2], &v, &r);

	if (status == H_SUCCESS) {
		a->gpr[0] = v;
		a->gpr[1] = r;
	}
	return status;
}

/* The response bits for a removed entry's R and C (PAPR: bits 4:5). */
static uint64_t bulk_rc(uint64_t r)
{
	return (r & PPC_HPTE_R_R ? H_BULK_REMOVE_RC_R : 0) |
	       (r & PPC_HPTE_R_C ? H_BULK_REMOVE_RC_C : 0);
}

/* One translation specifier: its response in *tsh; H_PARAMETER ends the call. */
static long bulk_remove_one(struct ppcpv_ghpt *h, uint64_t *tsh, uint64_t avpn)
{
	uint64_t req = *tsh, v, r, flags = 0;
	uint64_t resp = (req & (H_BULK_REMOVE_PTEX | H_BULK_REMOVE_FLAGS)) | H_BULK_REMOVE_RESPONSE;
	long status;

	if ((req & H_BULK_REMOVE_AVPN) && (req & H_BULK_REMOVE_ANDCOND)) {
		*tsh = resp | H_BULK_REMOVE_PARM;
		return H_PARAMETER;
	}
	flags |= req & H_BULK_REMOVE_AVPN ? H_AVPN : 0;
	flags |= req & H_BULK_REMOVE_ANDCOND ? H_ANDCOND : 0;
	status = remove_entry(h, flags, req & H_BULK_REMOVE_PTEX, avpn, &v, &r);
	if (status == H_SUCCESS)
		resp |= H_BULK_REMOVE_SUCCESS | bulk_rc(r);
	else if (status == H_NOT_FOUND)
		resp |= H_BULK_REMOVE_NOT_FOUND;
	else
		resp |= H_BULK_REMOVE_PARM;
	*tsh = resp;
	return status == H_PARAMETER ? H_PARAMETER : H_SUCCESS;
}

long ppcpv_h_bulk_remove(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	unsigned int i;

	for (i = 0; i < H_BULK_REMOVE_MAX; i++) {
		uint64_t *tsh = &a->gpr[2 * i], type = *tsh & H_BULK_REMOVE_TYPE;

		if (type == H_BULK_REMOVE_END)
			break;
		if (type != H_BULK_REMOVE_REQUEST)
			return H_PARAMETER;
		if (bulk_remove_one(h, tsh, a->gpr[2 * i + 1]) != H_SUCCESS)
			return H_PARAMETER;
	}
	return H_SUCCESS;
}

/* Doubleword 1 with the protection H_PROTECT's flags give. */
static uint64_t protected_r(uint64_t r, uint64_t flags)
{
	r &= ~(PPC_HPTE_R_PP0 | PPC_HPTE_R_KEY_HI | H_PROTECT_IN_PLACE);
	r |= flags & H_PROTECT_PP0 ? PPC_HPTE_R_PP0 : 0;
	r |= (flags & H_PROTECT_KEY_HI) << H_PROTECT_KEY_HI_SHIFT;
	return r | (flags & H_PROTECT_IN_PLACE);
}

long ppcpv_h_protect(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	uint64_t flags = a->gpr[0], ptex = a->gpr[1], arg = a->gpr[2], *e;

	if (!ghpt_ptex_ok(h, ptex))
		return H_PARAMETER;
	e = ghpt_entry(h, ptex);
	if (!(e[0] & PPC_HPTE_V_VALID) || !condition_holds(flags, e[0], arg))
		return H_NOT_FOUND;
	ppcpv_ghpt_notify(h, ptex, e[0], e[1]);
	e[1] = protected_r(e[1], flags);
	return H_SUCCESS;
}

long ppcpv_h_read(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	uint64_t flags = a->gpr[0], ptex = a->gpr[1];
	unsigned int i, n = 1;

	if (!ghpt_ptex_ok(h, ptex))
		return H_PARAMETER;
	/* Four entries from a multiple of four: still inside the table. */
	if (flags & H_READ_4) {
		ptex &= ~(uint64_t)3;
		n = 4;
	}
	for (i = 0; i < n; i++) {
		a->gpr[2 * i] = ghpt_entry(h, ptex + i)[0];
		a->gpr[2 * i + 1] = ghpt_entry(h, ptex + i)[1];
	}
	return H_SUCCESS;
}

/* H_CLEAR_REF / H_CLEAR_MOD: r4 = doubleword 1 as it was, then bit cleared.
 * The shadows go too, so that the next access faults and sets it again. */
static long clear_bit(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a, uint64_t bit)
{
	uint64_t ptex = a->gpr[1], *e;

	if (!ghpt_ptex_ok(h, ptex))
		return H_PARAMETER;
	e = ghpt_entry(h, ptex);
	if (!(e[0] & PPC_HPTE_V_VALID))
		return H_NOT_FOUND;
	a->gpr[0] = e[1];
	if (e[1] & bit) {
		ppcpv_ghpt_notify(h, ptex, e[0], e[1]);
		e[1] &= ~bit;
	}
	return H_SUCCESS;
}

long ppcpv_h_clear_ref(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	return clear_bit(h, a, PPC_HPTE_R_R);
}

long ppcpv_h_clear_mod(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a)
{
	return clear_bit(h, a, PPC_HPTE_R_C);
}

static const struct {
	uint64_t opcode;
	long (*call)(struct ppcpv_ghpt *h, struct ppcpv_hcall_args *a);
} hcalls[] = {
	{ H_ENTER, ppcpv_h_enter },
	{ H_REMOVE, ppcpv_h_remove },
	{ H_BULK_REMOVE, ppcpv_h_bulk_remove },
	{ H_PROTECT, ppcpv_h_protect },
	{ H_READ, ppcpv_h_read },
	{ H_CLEAR_REF, ppcpv_h_clear_ref },
	{ H_CLEAR_MOD, ppcpv_h_clear_mod },
};

bool ppcpv_ghpt_hcall(struct ppcpv_ghpt *h, uint64_t opcode, struct ppcpv_hcall_args *a,
		      long *status)
{
	unsigned int i;

	for (i = 0; i < sizeof(hcalls) / sizeof(hcalls[0]); i++)
		if (hcalls[i].opcode == opcode) {
			*status = hcalls[i].call(h, a);
			return true;
		}
	return false;
}
