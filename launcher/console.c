// SPDX-License-Identifier: MIT
/*
 * What the console says: the guest's "ppcpv: PV ..." line, its
 * "GUEST-RESULT: {...}", the host's "HOST-STATS: {...}" and the last
 * "EXIT: n".  The two objects are flat JSON with number and boolean values,
 * which is all this parser accepts.  A Linux guest has no EXIT line: the
 * kernel's power-off or panic message ends it, its init's PASS:/FAIL:
 * lines are counted, and the whole console is kept for the report.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "launcher.h"

/* The most console text a report keeps. */
#define CONSOLE_MAX	(8u << 20)

/* What the kernel prints (after its timestamp) when it powers off or panics. */
#define LINUX_POWER_OFF	"reboot: Power down"
#define LINUX_PANIC	"Kernel panic - not syncing"
#define LINUX_PANIC_END	"---[ end Kernel panic"

void result_init(struct run_result *r, enum run_mode mode, uint32_t timebase_hz)
{
	memset(r, 0, sizeof(*r));
	r->mode = mode;
	r->timebase_hz = timebase_hz;
	r->exit_status = -1;
}

typedef void (*pair_fn)(struct run_result *r, const char *key, unsigned long long value);

/* Walk {"key":value,...}; values are numbers, true (1) or false (0). */
static void for_each_pair(struct run_result *r, const char *s, pair_fn fn)
{
	char key[40];
	size_t n;

	while ((s = strchr(s, '"'))) {
		n = strcspn(++s, "\"");
		if (n >= sizeof(key) || s[n] != '"' || s[n + 1] != ':')
			return;
		memcpy(key, s, n);
		key[n] = '\0';
		s += n + 2;
		if (!strncmp(s, "true", 4))
			fn(r, key, 1);
		else if (!strncmp(s, "false", 5))
			fn(r, key, 0);
		else
			fn(r, key, strtoull(s, NULL, 10));
		s += strcspn(s, ",}");
	}
}

static void host_pair(struct run_result *r, const char *key, unsigned long long value)
{
	if (r->n_host == HOST_STATS_MAX)
		return;
	snprintf(r->host[r->n_host].key, sizeof(r->host[0].key), "%s", key);
	r->host[r->n_host++].value = value;
}

static void guest_pair(struct run_result *r, const char *key, unsigned long long v)
{
	static const struct { const char *key; size_t off; } fields[] = {
		{ "patched", offsetof(struct run_result, patched) },
		{ "skipped", offsetof(struct run_result, skipped) },
		{ "sites", offsetof(struct run_result, sites) },
		{ "kvm_tmp_used", offsetof(struct run_result, kvm_tmp_used) },
		{ "checks_passed", offsetof(struct run_result, checks_passed) },
		{ "checks_failed", offsetof(struct run_result, checks_failed) },
		{ "checks_skipped", offsetof(struct run_result, checks_skipped) },
		{ "timebase", offsetof(struct run_result, timebase) },
	};
	size_t i;

	if (!strcmp(key, "pv")) {
		r->pv = (int)v;
		return;
	}
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (!strcmp(key, fields[i].key))
			*(unsigned long long *)((char *)r + fields[i].off) = v;
}

static int starts(const char *line, const char *prefix)
{
	return !strncmp(line, prefix, strlen(prefix));
}

static void keep_console(struct run_result *r, const char *line)
{
	size_t n = strlen(line) + 1;
	size_t cap = r->console_cap ? r->console_cap : 4096;
	char *p;

	if (r->console_len + n + 1 > CONSOLE_MAX) {
		r->console_truncated = 1;
		return;
	}
	while (cap < r->console_len + n + 1)
		cap *= 2;
	if (cap != r->console_cap) {
		p = realloc(r->console, cap);
		if (!p) {
			r->console_truncated = 1;
			return;
		}
		r->console = p;
		r->console_cap = cap;
	}
	memcpy(r->console + r->console_len, line, n - 1);
	r->console_len += n;
	r->console[r->console_len - 1] = '\n';
	r->console[r->console_len] = '\0';
}

static void linux_line(struct run_result *r, const char *line)
{
	keep_console(r, line);
	if (starts(line, "PASS: "))
		r->checks_passed++;
	else if (starts(line, "FAIL: "))
		r->checks_failed++;
	else if (starts(line, "RESULT-DIGEST: "))
		snprintf(r->digest, sizeof(r->digest), "%s", line + 15);
	else if (strstr(line, LINUX_POWER_OFF))
		r->powered_off = 1;
	else if (strstr(line, LINUX_PANIC_END))
		r->panic_over = 1;
	else if (strstr(line, LINUX_PANIC) && !r->panicked) {
		r->panicked = 1;
		snprintf(r->panic_line, sizeof(r->panic_line), "%s", strstr(line, LINUX_PANIC));
	}
}

void result_free(struct run_result *r)
{
	free(r->console);
	r->console = NULL;
	r->console_len = r->console_cap = 0;
}

void result_take_line(struct run_result *r, const char *line)
{
	if (r->is_linux)
		linux_line(r, line);
	if (!*line)
		return;
	snprintf(r->last_line, sizeof(r->last_line), "%s", line);
	if (starts(line, "EXIT: ")) {
		r->exit_status = atoi(line + 6);
		r->have_exit = 1;
		r->host_exited = r->n_host > 0;
	} else if (starts(line, "HOST-STATS: ")) {
		r->n_host = 0;
		for_each_pair(r, line + 12, host_pair);
	} else if (starts(line, "GUEST-RESULT: ")) {
		r->have_guest_result = 1;
		for_each_pair(r, line + 14, guest_pair);
	} else if (starts(line, "ppcpv: PV ")) {
		snprintf(r->pv_line, sizeof(r->pv_line), "%s", line);
	}
}

unsigned long long result_host(const struct run_result *r, const char *key)
{
	unsigned int i;

	for (i = 0; i < r->n_host; i++)
		if (!strcmp(r->host[i].key, key))
			return r->host[i].value;
	return 0;
}

/* Under -icount shift=0 one instruction is one nanosecond of virtual time;
 * the guest counts timebase ticks of its machine (the family's rate). */
unsigned long long result_instructions(const struct run_result *r)
{
	/* -icount shift=0: one instruction per nanosecond of virtual time. */
	unsigned long long hz = r->timebase_hz;

	return r->timebase / hz * 1000000000ull + r->timebase % hz * 1000000000ull / hz;
}
