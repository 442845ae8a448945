// SPDX-License-Identifier: MIT
/*
 * The sid map: tag -> host VSID.  A fixed table of two-probe slots; host
 * VSIDs are handed out in order from the platform's range and never
 * reused until the range wraps, when the map is emptied and the caller
 * drops every shadow.  A host VSID that falls out of the table (both
 * probes taken) is simply never used again, so the shadows still made
 * with it are harmless: they are found by guest page, never by VSID.
 */
#include <ppcpv/host/shadow64.h>

const char *ppcpv_sidmap_init(struct ppcpv_sidmap *s, uint64_t first, uint64_t count)
{
	uint64_t limit = UINT64_C(1) << PPC_VSID_BITS;

	if (!first || !count || first >= limit || count > limit - first)
		return "host VSID range for the guest must be non-empty, above 0 and below 2^50";
	s->first = first;
	s->end = first + count;
	s->next = first;
	s->evict = 0;
	ppcpv_sidmap_clear(s);
	return 0;
}

void ppcpv_sidmap_clear(struct ppcpv_sidmap *s)
{
	unsigned int i;

	for (i = 0; i < PPCPV_SIDMAP_SIZE; i++) {
		s->e[i].tag = 0;
		s->e[i].host_vsid = 0;
	}
}

/* The tag folded to an index; the second probe mirrors the first. */
static unsigned int probe(uint64_t tag, unsigned int which)
{
	unsigned int h = 0;

	for (; tag; tag >>= PPCPV_SIDMAP_BITS)
		h ^= (unsigned int)tag & (PPCPV_SIDMAP_SIZE - 1);
	return which ? PPCPV_SIDMAP_SIZE - 1 - h : h;
}

uint64_t ppcpv_sidmap_find(const struct ppcpv_sidmap *s, uint64_t tag)
{
	unsigned int p;

	for (p = 0; p < 2; p++) {
		unsigned int i = probe(tag, p);

		if (s->e[i].host_vsid && s->e[i].tag == tag)
			return s->e[i].host_vsid;
	}
	return 0;
}

/* The slot a new tag goes into: a free probe, else the two in turn. */
static unsigned int slot_for(struct ppcpv_sidmap *s, uint64_t tag)
{
	unsigned int p;

	for (p = 0; p < 2; p++)
		if (!s->e[probe(tag, p)].host_vsid)
			return probe(tag, p);
	s->evict ^= 1;
	return probe(tag, s->evict);
}

bool ppcpv_sidmap_get(struct ppcpv_sidmap *s, uint64_t tag, uint64_t *host_vsid)
{
	bool wrapped = false;
	unsigned int i;

	*host_vsid = ppcpv_sidmap_find(s, tag);
	if (*host_vsid)
		return false;
	if (s->next == s->end) {
		ppcpv_sidmap_clear(s);
		s->next = s->first;
		wrapped = true;
	}
	i = slot_for(s, tag);
	s->e[i].tag = tag;
	s->e[i].host_vsid = s->next++;
	*host_vsid = s->e[i].host_vsid;
	return wrapped;
}
