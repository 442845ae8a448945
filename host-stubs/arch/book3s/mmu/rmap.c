// SPDX-License-Identifier: MIT
/*
 * The reverse map: every shadow PTE the host has inserted, found by the
 * guest virtual page it shadows.  Records live in caller storage, chained
 * from buckets hashed on (guest VSID, 64 KiB group of the page), so that
 * dropping a 4 KiB or a 64 KiB guest page looks at one chain.  Fixed
 * size: when it is full the caller drops everything (remove_all) and
 * starts again.
 */
#include <ppcpv/host/shadow64.h>

/* 4 KiB pages per bucket group: one 64 KiB page. */
#define GROUP_SHIFT	(PPC_PAGE_SHIFT_64K - PPC_PAGE_SHIFT_4K)
#define GOLDEN_RATIO_64	UINT64_C(0x9e3779b97f4a7c15)
/* A guest VPN as tlbie names it: the guest VSID above the 4 KiB page. */
#define VPN_PAGE_BITS	(PPC_SID_SHIFT - PPC_PAGE_SHIFT_4K)

static void reset(struct ppcpv_rmap *m)
{
	uint32_t i;

	for (i = 0; i < m->nbuckets; i++)
		m->bucket[i] = 0;
	/* All free, chained in order. */
	for (i = 0; i < m->cap; i++)
		m->rec[i] = (struct ppcpv_rmap_rec){ .next = i + 1 < m->cap ? i + 2 : 0 };
	m->free_list = 1;
	m->count = 0;
}

const char *ppcpv_rmap_init(struct ppcpv_rmap *m, struct ppcpv_rmap_rec *rec, uint32_t cap,
			    uint32_t *bucket, uint32_t nbuckets)
{
	if (!rec || !cap || cap == UINT32_MAX)
		return "reverse map needs storage for 1 to 2^32 - 2 records";
	if (!bucket || !nbuckets || (nbuckets & (nbuckets - 1)))
		return "reverse map needs a power-of-two number of buckets";
	m->rec = rec;
	m->cap = cap;
	m->bucket = bucket;
	m->nbuckets = nbuckets;
	reset(m);
	return 0;
}

static uint32_t *bucket_of(const struct ppcpv_rmap *m, uint64_t gvsid, uint32_t gpage)
{
	uint64_t h = (gvsid ^ (uint64_t)(gpage >> GROUP_SHIFT) << 32) * GOLDEN_RATIO_64;

	return &m->bucket[(h >> 32) & (m->nbuckets - 1)];
}

bool ppcpv_rmap_add(struct ppcpv_rmap *m, const struct ppcpv_rmap_rec *r)
{
	uint32_t idx = m->free_list, *head = bucket_of(m, r->gvsid, r->gpage);
	struct ppcpv_rmap_rec *rec;

	if (!idx)
		return false;
	rec = &m->rec[idx - 1];
	m->free_list = rec->next;
	*rec = *r;
	rec->next = *head;
	*head = idx;
	m->count++;
	return true;
}

/* Unlinks the record *link points at (link is its chain predecessor's
 * next, or the bucket head), drops it and frees it. */
static void remove_at(struct ppcpv_rmap *m, uint32_t *link, ppcpv_rmap_drop_fn *drop, void *ctx)
{
	uint32_t idx = *link;
	struct ppcpv_rmap_rec *rec = &m->rec[idx - 1];

	*link = rec->next;
	drop(ctx, rec);
	*rec = (struct ppcpv_rmap_rec){ .next = m->free_list };
	m->free_list = idx;
	m->count--;
}

/* Removes the records of one chain that match; how many. */
static unsigned int remove_matching(struct ppcpv_rmap *m, uint32_t *head,
				    bool (*match)(const struct ppcpv_rmap_rec *, const void *),
				    const void *key, ppcpv_rmap_drop_fn *drop, void *ctx)
{
	uint32_t *link = head;
	unsigned int n = 0;

	while (*link) {
		if (match(&m->rec[*link - 1], key)) {
			remove_at(m, link, drop, ctx);
			n++;
		} else {
			link = &m->rec[*link - 1].next;
		}
	}
	return n;
}

struct page_range {
	uint64_t gvsid;
	uint32_t first, npages;
	uint64_t host_avpn;	/* for exact matches */
};

static bool in_range(const struct ppcpv_rmap_rec *r, const void *key)
{
	const struct page_range *k = key;

	return r->gvsid == k->gvsid && r->gpage - k->first < k->npages;
}

unsigned int ppcpv_rmap_remove_gpages(struct ppcpv_rmap *m, uint64_t gvsid, uint32_t gpage,
				      uint32_t npages, ppcpv_rmap_drop_fn *drop, void *ctx)
{
	struct page_range k = { gvsid, gpage, npages, 0 };
	uint64_t group, last;
	unsigned int n = 0;

	if (!npages)
		return 0;
	last = ((uint64_t)gpage + npages - 1) >> GROUP_SHIFT;
	for (group = gpage >> GROUP_SHIFT; group <= last; group++)
		n += remove_matching(m, bucket_of(m, gvsid, (uint32_t)(group << GROUP_SHIFT)),
				     in_range, &k, drop, ctx);
	return n;
}

static bool same_host_page(const struct ppcpv_rmap_rec *r, const void *key)
{
	const struct page_range *k = key;

	return in_range(r, key) && (r->host_v & PPC_HPTE_V_AVPN_MASK) == k->host_avpn;
}

unsigned int ppcpv_rmap_remove_exact(struct ppcpv_rmap *m, uint64_t gvsid, uint32_t gpage,
				     uint64_t host_v, ppcpv_rmap_drop_fn *drop, void *ctx)
{
	struct page_range k = { gvsid, gpage, 1, host_v & PPC_HPTE_V_AVPN_MASK };

	return remove_matching(m, bucket_of(m, gvsid, gpage), same_host_page, &k, drop, ctx);
}

struct vpn_bits {
	uint64_t vpn, mask;
};

static bool vpn_matches(const struct ppcpv_rmap_rec *r, const void *key)
{
	const struct vpn_bits *k = key;
	uint64_t vpn = r->gvsid << VPN_PAGE_BITS | r->gpage;

	return r->gvsid != PPCPV_GVSID_NONE && ((vpn ^ k->vpn) & k->mask) == 0;
}

unsigned int ppcpv_rmap_remove_vpn_bits(struct ppcpv_rmap *m, uint64_t vpn, uint64_t mask,
					ppcpv_rmap_drop_fn *drop, void *ctx)
{
	struct vpn_bits k = { vpn, mask };
	unsigned int n = 0;
	uint32_t b;

	for (b = 0; b < m->nbuckets; b++)
		n += remove_matching(m, &m->bucket[b], vpn_matches, &k, drop, ctx);
	return n;
}

unsigned int ppcpv_rmap_remove_all(struct ppcpv_rmap *m, ppcpv_rmap_drop_fn *drop, void *ctx)
{
	unsigned int n = m->count;
	uint32_t i;

	for (i = 0; i < m->cap; i++)
		if (m->rec[i].host_v)
			drop(ctx, &m->rec[i]);
	reset(m);
	return n;
}
