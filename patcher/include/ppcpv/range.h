/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/range.h - the one range check of the patcher and its tool.
 *
 * Addresses, offsets and sizes come from kernel images and restore records
 * that may be hostile, so "base + size" can wrap past 2^64 and make a
 * plain `addr + len <= base + size` accept anything.  Every "is this span
 * inside that one" question goes through ppcpv_range_inside(), which never
 * adds two untrusted numbers (ppcpv_ranges_meet() asks it twice).
 */
#ifndef PPCPV_RANGE_H
#define PPCPV_RANGE_H

#include <stdint.h>

/*
 * Does [addr, addr + len) lie inside [base, base + size)?  Computed with
 * differences only, so no sum can wrap; an empty span counts as inside
 * when addr is in [base, base + size].
 */
static inline int ppcpv_range_inside(uint64_t base, uint64_t size, uint64_t addr, uint64_t len)
{
	return addr >= base && addr - base <= size && len <= size - (addr - base);
}

/* Does [addr, addr + len) end before the top of the address space (so
 * addr + len can be computed without wrapping)? */
static inline int ppcpv_range_fits(uint64_t addr, uint64_t len)
{
	return ppcpv_range_inside(0, UINT64_MAX, addr, len);
}

/* Do two non-empty spans share a byte?  One of them must hold the other's
 * first byte: two containment questions, no sum. */
static inline int ppcpv_ranges_meet(uint64_t a, uint64_t a_len, uint64_t b, uint64_t b_len)
{
	return ppcpv_range_inside(a, a_len, b, 1) || ppcpv_range_inside(b, b_len, a, 1);
}

#endif /* PPCPV_RANGE_H */
