// SPDX-License-Identifier: MIT
/*
 * The shadow SLB: the host SLB entries the guest's current mode needs,
 * one per guest segment touched, in the host slots the platform gave
 * (first_slot .. first_slot + cap - 1).  The host's SLB mirrors it: every
 * change here reports which slots to invalidate.
 */
#include <ppcpv/host/shadow64.h>
#include "shadow.h"

/* Never a guest MSR's PR|IR|DR: the first set_mode always counts. */
#define NO_MODE		UINT64_MAX

void ppcpv_sslb_init(struct ppcpv_sslb *s, unsigned int first_slot, unsigned int cap)
{
	s->first_slot = first_slot;
	s->cap = cap;
	s->used = 0;
	s->mode = NO_MODE;
}

static bool in_use(const struct ppcpv_sslb_entry *e)
{
	return e->rb & PPC_SLB_ESID_V;
}

int ppcpv_sslb_find(const struct ppcpv_sslb *s, uint64_t esid)
{
	unsigned int i;

	for (i = 0; i < s->used; i++)
		if (in_use(&s->e[i]) && ppcpv_esid(s->e[i].rb) == esid)
			return (int)i;
	return -1;
}

/* Marks entry i unused; its rb keeps the ESID for the host's slbie. */
static uint64_t drop(struct ppcpv_sslb *s, unsigned int i)
{
	s->e[i].rb &= ~(uint64_t)PPC_SLB_ESID_V;
	return UINT64_C(1) << i;
}

uint64_t ppcpv_sslb_drop_esid(struct ppcpv_sslb *s, uint64_t esid)
{
	uint64_t mask = 0;
	unsigned int i;

	for (i = 0; i < s->used; i++)
		if (in_use(&s->e[i]) && ppcpv_esid(s->e[i].rb) == esid)
			mask |= drop(s, i);
	return mask;
}

uint64_t ppcpv_sslb_flush(struct ppcpv_sslb *s)
{
	uint64_t mask = 0;
	unsigned int i;

	for (i = 0; i < s->used; i++)
		if (in_use(&s->e[i]))
			mask |= drop(s, i);
	s->used = 0;
	return mask;
}

uint64_t ppcpv_sslb_in_use(const struct ppcpv_sslb *s)
{
	uint64_t mask = 0;
	unsigned int i;

	for (i = 0; i < s->used; i++)
		if (in_use(&s->e[i]))
			mask |= UINT64_C(1) << i;
	return mask;
}

void ppcpv_sslb_copy(struct ppcpv_sslb *dst, const struct ppcpv_sslb *src)
{
	unsigned int i;

	dst->first_slot = src->first_slot;
	dst->cap = src->cap;
	dst->used = src->used;
	dst->mode = src->mode;
	for (i = 0; i < src->used; i++)
		dst->e[i] = src->e[i];
}

void ppcpv_sslb_forget(struct ppcpv_sslb *s)
{
	s->used = 0;
	s->mode = NO_MODE;
}

/* An entry for a new segment: an unused one, a fresh one, or - when all
 * cap are taken - entry 0 after dropping them all (*flushed). */
unsigned int ppcpv_sslb_place(struct ppcpv_sslb *s, uint64_t *flushed)
{
	unsigned int i;

	*flushed = 0;
	for (i = 0; i < s->used; i++)
		if (!in_use(&s->e[i]))
			return i;
	if (s->used == s->cap)
		*flushed = ppcpv_sslb_flush(s);
	return s->used++;
}

void ppcpv_sslb_set(struct ppcpv_sslb *s, unsigned int i, uint64_t tag, uint64_t host_vsid,
	      uint64_t esid)
{
	s->e[i].tag = tag;
	/* Host segments: 256 MB, 4 KiB pages; the guest runs at PR=1 with
	 * key Kp = 0 and the host (PR=0) uses Ks = 1, so PP 2 and 3 give both
	 * the same read/write and read-only (see shadow.c). */
	s->e[i].rs = host_vsid << PPC_SLB_VSID_SHIFT | PPC_SLB_VSID_KS | PPC_SLB_VSID_LLP_4K;
	s->e[i].rb = esid << PPC_SID_SHIFT | PPC_SLB_ESID_V | (s->first_slot + i);
}

uint64_t ppcpv_sslb_host_vsid(const struct ppcpv_sslb *s, unsigned int i)
{
	return s->e[i].rs >> PPC_SLB_VSID_SHIFT;
}
