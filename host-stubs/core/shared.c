// SPDX-License-Identifier: MIT
/*
 * Switching the shared page's byte order.  The page holds values in the
 * guest's byte order so that the guest's patched native loads and stores
 * work; the host converts on every access (the inline accessors in
 * ppcpv/host/vcpu.h) instead of keeping a second copy.  The guest-private
 * scratch slots are left alone (the guest wrote them in its own order);
 * MAS7 and MAS3 are swapped as the two words the guest accesses.
 */
#include <ppcpv/abi.h>
#include <ppcpv/shared-spr.h>
#include <ppcpv/host/shared.h>

/* Fields that have no SPR behind them but are the host's too. */
static const struct field {
	uint16_t offset, bytes;
} non_spr_fields[] = {
	{ PPCPV_SHARED_CRITICAL, 8 },
	{ PPCPV_SHARED_MSR, 8 },
	{ PPCPV_SHARED_INT_PENDING, 4 },
};

/* Every SPR field of every family, from the one SPR-to-field table (some
 * fields serve several rows: SPRG4 and SPRG4R, DAR and DEAR). */
static const struct field spr_fields[] = {
#define SPR_FIELD(name, spr, families, feature, access, width, off) \
	{ off, PPCPV_SHARED_BYTES_##width },
	PPCPV_SHARED_SPRS(SPR_FIELD)
#undef SPR_FIELD
};

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))
/* One bit per 4-byte slot of the page, so that no field is swapped twice. */
_Static_assert(PPCPV_SHARED_SIZE / 4 <= 64, "a slot bitmap fits a uint64_t");

/* Swap one field in place, unless already done. */
static void swap_field(struct ppcpv_vcpu *v, unsigned int off, unsigned int bytes,
		       int big_endian, uint64_t *done)
{
	uint64_t slot = UINT64_C(1) << (off / 4), val;

	if (*done & slot)
		return;
	*done |= slot;
	v->shared_be = !big_endian;
	val = bytes == 8 ? ppcpv_shared_get64(v, off) : ppcpv_shared_get32(v, off);
	v->shared_be = big_endian;
	if (bytes == 8)
		ppcpv_shared_set64(v, off, val);
	else
		ppcpv_shared_set32(v, off, (uint32_t)val);
}

void ppcpv_shared_set_byte_order(struct ppcpv_vcpu *v, int big_endian)
{
	uint64_t done = 0;
	unsigned int i;

	big_endian = !!big_endian;
	if (v->shared_be == big_endian)
		return;
	for (i = 0; i < COUNT(non_spr_fields); i++)
		swap_field(v, non_spr_fields[i].offset, non_spr_fields[i].bytes, big_endian, &done);
	for (i = 0; i < PPCPV_SHARED_SR_COUNT; i++)
		swap_field(v, PPCPV_SHARED_SR + 4 * i, 4, big_endian, &done);
	for (i = 0; i < COUNT(spr_fields); i++)
		swap_field(v, spr_fields[i].offset, spr_fields[i].bytes, big_endian, &done);
	v->shared_be = big_endian;
}
