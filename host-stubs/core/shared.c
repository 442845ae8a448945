// SPDX-License-Identifier: MIT
/*
 * Switching the shared page's byte order.  The page holds values in the
 * guest's byte order so that the guest's patched native loads and stores
 * work; the host converts on every access (the inline accessors in
 * ppcpv/host/vcpu.h) instead of keeping a second copy.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/shared.h>

/* One field, in whichever byte order v->shared_be says. */
static uint64_t load(const struct ppcpv_vcpu *v, unsigned int off, unsigned int width)
{
	return width == 8 ? ppcpv_shared_get64(v, off) : ppcpv_shared_get32(v, off);
}

static void store(struct ppcpv_vcpu *v, unsigned int off, unsigned int width, uint64_t val)
{
	if (width == 8)
		ppcpv_shared_set64(v, off, val);
	else
		ppcpv_shared_set32(v, off, (uint32_t)val);
}

/* Host-visible fields: [start, end) ranges made of fields of one width. */
static const struct field_run {
	uint16_t start, end, width;
} host_fields[] = {
	{ PPCPV_SHARED_CRITICAL, PPCPV_SHARED_DSISR, 8 },	/* critical .. msr */
	{ PPCPV_SHARED_DSISR, PPCPV_SHARED_MAS7_3, 4 },		/* dsisr, int_pending, sr[], mas0/1 */
	{ PPCPV_SHARED_MAS7_3, PPCPV_SHARED_MAS4, 8 },		/* mas7_3, mas2 */
	{ PPCPV_SHARED_MAS4, PPCPV_SHARED_SPRG4, 4 },		/* mas4, mas6, esr, pir */
	{ PPCPV_SHARED_SPRG4, PPCPV_SHARED_SIZE, 8 },		/* sprg4..7 */
};

void ppcpv_shared_set_byte_order(struct ppcpv_vcpu *v, int big_endian)
{
	unsigned int r, off, w;
	uint64_t val;

	big_endian = !!big_endian;
	if (v->shared_be == big_endian)
		return;
	for (r = 0; r < sizeof(host_fields) / sizeof(host_fields[0]); r++) {
		w = host_fields[r].width;
		for (off = host_fields[r].start; off < host_fields[r].end; off += w) {
			val = load(v, off, w);
			v->shared_be = big_endian;
			store(v, off, w, val);
			v->shared_be = !big_endian;
		}
	}
	v->shared_be = big_endian;
}
