// SPDX-License-Identifier: MIT
/*
 * Shared-page accessors.  The page holds values in the guest's byte order
 * so that the guest's patched native loads and stores work; the host
 * converts on every access instead of keeping a second copy.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/shared.h>

/* The host's own byte order, to skip swaps when it matches the guest's. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define HOST_BIG_ENDIAN 1
#else
#define HOST_BIG_ENDIAN 0
#endif

/* Fields are naturally aligned in the page; memcpy keeps the access legal
 * C and still compiles to one load or store. */
static uint64_t load(const struct ppcpv_vcpu *v, unsigned int off, unsigned int n)
{
	uint64_t v64;
	uint32_t v32;

	if (n == 8) {
		__builtin_memcpy(&v64, v->shared + off, 8);
		return v->shared_be == HOST_BIG_ENDIAN ? v64 : __builtin_bswap64(v64);
	}
	__builtin_memcpy(&v32, v->shared + off, 4);
	return v->shared_be == HOST_BIG_ENDIAN ? v32 : __builtin_bswap32(v32);
}

static void store(struct ppcpv_vcpu *v, unsigned int off, unsigned int n, uint64_t val)
{
	uint32_t v32 = (uint32_t)val;

	if (n == 8) {
		if (v->shared_be != HOST_BIG_ENDIAN)
			val = __builtin_bswap64(val);
		__builtin_memcpy(v->shared + off, &val, 8);
		return;
	}
	if (v->shared_be != HOST_BIG_ENDIAN)
		v32 = __builtin_bswap32(v32);
	__builtin_memcpy(v->shared + off, &v32, 4);
}

uint64_t ppcpv_shared_get64(const struct ppcpv_vcpu *v, unsigned int off)
{
	return load(v, off, 8);
}

void ppcpv_shared_set64(struct ppcpv_vcpu *v, unsigned int off, uint64_t val)
{
	store(v, off, 8, val);
}

uint32_t ppcpv_shared_get32(const struct ppcpv_vcpu *v, unsigned int off)
{
	return (uint32_t)load(v, off, 4);
}

void ppcpv_shared_set32(struct ppcpv_vcpu *v, unsigned int off, uint32_t val)
{
	store(v, off, 4, val);
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
