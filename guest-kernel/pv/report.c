// SPDX-License-Identifier: MIT
/* The one line a guest logs about PV: what was patched, or why not. */
#include <stdarg.h>
#include <ppcpv/err.h>
#include <ppcpv/fmt.h>
#include <ppcpv/guest_pv.h>

struct line {
	char *buf;
	size_t size;
	size_t len;
};

static void add(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct line *l, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (l->len + 1 >= l->size)
		return;
	va_start(ap, fmt);
	n = ppcpv_vfmt(l->buf + l->len, l->size - l->len, fmt, ap);
	va_end(ap);
	l->len += n > 0 ? (size_t)n : 0;
}

/* " name count" pairs for the non-zero entries of a counter array. */
static void add_counts(struct line *l, const uint32_t *counts, unsigned int n,
		       const char *(*name)(unsigned int))
{
	unsigned int i, any = 0;

	for (i = 0; i < n; i++) {
		if (!counts[i])
			continue;
		add(l, "%s%s %lu", any++ ? ", " : "", name(i), (unsigned long)counts[i]);
	}
}

static const char *kind_name(unsigned int i) { return ppcpv_kind_name((enum ppcpv_kind)i); }
static const char *skip_name(unsigned int i) { return ppcpv_skip_name((enum ppcpv_skip)i); }

int ppcpv_guest_pv_report(const struct ppcpv_pv_result *res, char *buf, size_t size)
{
	struct line l = { buf, size, 0 };
	const struct ppcpv_stats *st;

	if (!res || !buf || !size)
		return -PPCPV_ERR_INVAL;
	buf[0] = '\0';
	if (!res->enabled) {
		add(&l, "ppcpv: PV off: %s", res->reason);
		return 0;
	}
	st = &res->stats;
	add(&l, "ppcpv: PV on: patched %lu of %lu sites (", (unsigned long)st->patched,
	    (unsigned long)st->sites);
	add_counts(&l, st->patched_by_kind, PPCPV_KIND_COUNT, kind_name);
	add(&l, "), skipped %lu", (unsigned long)st->skipped);
	if (st->skipped) {
		add(&l, " (");
		add_counts(&l, st->skipped_by_reason, PPCPV_SKIP_COUNT, skip_name);
		add(&l, ")");
	}
	add(&l, ", kvm_tmp %lu/%lu bytes", (unsigned long)st->tmp_used, (unsigned long)st->tmp_size);
	return 0;
}
