// SPDX-License-Identifier: MIT
/* What ppcpv-run prints: one JSON object, a summary, or modes side by side. */
#include <stdio.h>
#include <string.h>
#include "launcher.h"

static const char *const mode_names[MODE_COUNT] = { "pv", "no-pv", "native" };

const char *mode_name(enum run_mode m)
{
	return (unsigned int)m < MODE_COUNT ? mode_names[m] : "?";
}

/* A Linux guest: 0 when it powered off after no failed check. */
static int linux_status(const struct run_result *r)
{
	if (r->panicked)
		return RUN_EXIT_PANIC;
	if (r->timed_out)
		return RUN_EXIT_TIMEOUT;
	if (!r->powered_off || r->qemu_failed)
		return RUN_EXIT_NO_STATUS;
	return r->checks_failed ? 1 : 0;
}

int result_status(const struct run_result *r)
{
	if (r->is_linux)
		return linux_status(r);
	if (r->timed_out)
		return RUN_EXIT_TIMEOUT;
	if (!r->have_exit)
		return RUN_EXIT_NO_STATUS;
	return r->exit_status;
}

/* A JSON string: newlines and tabs escaped, other control bytes dropped,
 * bytes above ASCII as \u00XX (the console is not necessarily UTF-8). */
static void json_string(FILE *f, const char *s)
{
	unsigned char c;

	fputc('"', f);
	for (; (c = (unsigned char)*s); s++) {
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c >= 0x7f)
			fprintf(f, "\\u%04x", c);
		else if (c >= 0x20)
			fputc(c, f);
	}
	fputc('"', f);
}

static void json_traps(const struct run_result *r)
{
	unsigned int i;

	printf("\"traps\":{\"total\":%llu", result_host(r, "exits"));
	for (i = 0; i < r->n_host; i++)
		if (strcmp(r->host[i].key, "exits"))
			printf(",\"%s\":%llu", r->host[i].key, r->host[i].value);
	printf("}");
}

void report_json(const struct run_options *o, const struct run_result *r)
{
	printf("{\"family\":\"%s\",\"mode\":\"%s\",\"exit\":%d,\"timed_out\":%s,\"pv\":%s,"
	       "\"pv_line\":", o->family->name,
	       mode_name(r->mode), result_status(r), r->timed_out ? "true" : "false",
	       r->pv ? "true" : "false");
	json_string(stdout, r->pv_line);
	printf(",\"patched\":%llu,\"skipped\":%llu,\"sites\":%llu,\"kvm_tmp_used\":%llu,",
	       r->patched, r->skipped, r->sites, r->kvm_tmp_used);
	json_traps(r);
	printf(",\"checks_passed\":%llu,\"checks_failed\":%llu,\"checks_skipped\":%llu,",
	       r->checks_passed, r->checks_failed, r->checks_skipped);
	if (o->icount)
		printf("\"guest_instructions\":%llu,", result_instructions(r));
	else
		printf("\"guest_instructions\":null,");
	printf("\"wall_seconds\":%.3f}\n", r->wall_seconds);
}

/* Why a Linux boot did not end well, or "powered off". */
static const char *linux_reason(const struct run_result *r)
{
	switch (linux_status(r)) {
	case 0: return "powered off";
	case RUN_EXIT_PANIC: return "kernel panic";
	case RUN_EXIT_TIMEOUT: return "timeout (hang or loop)";
	case RUN_EXIT_NO_STATUS: return "QEMU ended without the guest powering off";
	default: return "powered off after failed checks";
	}
}

static void json_instructions(const struct run_options *o, const struct run_result *r,
			      const char *key)
{
	if (o->icount && r->have_guest_result)
		printf("\"%s\":%llu,", key, result_instructions(r));
	else
		printf("\"%s\":null,", key);
}

/*
 * One Linux boot.  prepatch/patched/map_magic_page_calls/traps are the
 * hosted modes' (a native boot has no host: false, 0, 0, {}); instructions
 * come from the init's GUEST-RESULT timebase (null without it).
 */
void report_linux_json(const struct run_options *o, const struct run_result *r)
{
	printf("{\"guest\":\"linux\",\"mode\":\"%s\",\"exit\":%d,\"reason\":",
	       mode_name(r->mode), result_status(r));
	json_string(stdout, linux_reason(r));
	printf(",\"timed_out\":%s,\"panic\":", r->timed_out ? "true" : "false");
	json_string(stdout, r->panic_line);
	printf(",\"prepatch\":%s,\"patched\":%llu,\"map_magic_page_calls\":%llu,",
	       o->prepatch ? "true" : "false", r->patched, result_host(r, "hcall_map_magic_page"));
	if (r->n_host)
		json_traps(r);
	else
		printf("\"traps\":{}");
	printf(",\"checks_passed\":%llu,\"checks_failed\":%llu,", r->checks_passed,
	       r->checks_failed);
	json_instructions(o, r, "instructions");
	printf("\"digest\":");
	json_string(stdout, r->digest);
	printf(",\"wall_seconds\":%.3f,\"console_truncated\":%s,\"console\":", r->wall_seconds,
	       r->console_truncated ? "true" : "false");
	json_string(stdout, r->console ? r->console : "");
	printf("}\n");
}

void report_linux_summary(FILE *f, const struct run_options *o, const struct run_result *r)
{
	fprintf(f, "ppcpv-run: %s: linux %s (exit %d), %llu checks passed, %llu failed",
		mode_name(r->mode), linux_reason(r), result_status(r), r->checks_passed,
		r->checks_failed);
	if (o->icount && r->have_guest_result)
		fprintf(f, ", %llu instructions", result_instructions(r));
	fprintf(f, ", %.1f s\n", r->wall_seconds);
	if (r->panicked)
		fprintf(f, "ppcpv-run: %s: %s\n", mode_name(r->mode), r->panic_line);
	fflush(f);
}

void report_summary(FILE *f, const struct run_result *r, int with_pv_line)
{
	fprintf(f, "ppcpv-run: %-6s: exit %d, %llu checks passed, %llu failed; %llu traps",
		mode_name(r->mode), result_status(r), r->checks_passed, r->checks_failed,
		result_host(r, "exits"));
	if (with_pv_line)
		fprintf(f, "; %s", r->pv_line[0] ? r->pv_line : "(no PV line)");
	fprintf(f, "\n");
	fflush(f);
}

/* ---- side by side (make demo) ----------------------------------------- */

typedef unsigned long long (*cell_fn)(const struct run_result *r, const char *key);

static unsigned long long host_cell(const struct run_result *r, const char *key)
{
	return result_host(r, key);
}

static void row(const struct run_result *res, unsigned int n, const char *label,
		const char *key, cell_fn fn)
{
	unsigned int i;

	printf("  %-30s", label);
	for (i = 0; i < n; i++) {
		if (res[i].mode == MODE_NATIVE && fn == host_cell)
			printf(" %14s", "-");
		else
			printf(" %14llu", fn(&res[i], key));
	}
	printf("\n");
}

static unsigned long long field(const struct run_result *r, const char *key)
{
	if (!strcmp(key, "patched"))
		return r->patched;
	if (!strcmp(key, "kvm_tmp_used"))
		return r->kvm_tmp_used;
	if (!strcmp(key, "passed"))
		return r->checks_passed;
	if (!strcmp(key, "failed"))
		return r->checks_failed;
	if (!strcmp(key, "instructions"))
		return result_instructions(r);
	return (unsigned long long)result_status(r);
}

static const char *const trap_rows[][2] = {
	{ "traps to the host (all)", "exits" },
	{ "  privileged insns emulated", "emulated" },
	{ "    mfmsr", "emul_mfmsr" },
	{ "    mtmsrd L=1", "emul_mtmsrd_l1" },
	{ "    mtmsrd L=0", "emul_mtmsrd" },
	{ "    mtmsr", "emul_mtmsr" },
	{ "    mfspr", "emul_mfspr" },
	{ "    mtspr", "emul_mtspr" },
	{ "    rfid", "emul_rfid" },
	{ "    rfi (32-bit)", "emul_rfi" },
	{ "    mtsr / mtsrin", "emul_mtsr" },
	{ "    mfsr / mfsrin", "emul_mfsr" },
	{ "    tlbsync", "emul_tlbsync" },
	{ "    SLB / tlbie (guest MMU)", "emul_mmu" },
	{ "  hypercalls: byte channel", "hcall_byte_channel_send" },
	{ "  PAPR hypercalls (sc 1 sites)", "papr_hcalls" },
	{ "    H_ENTER", "papr_h_enter" },
	{ "    H_REMOVE", "papr_h_remove" },
	{ "    H_BULK_REMOVE", "papr_h_bulk_remove" },
	{ "  shadow faults served", "shadow_faults" },
	{ "  guest faults reflected", "guest_faults" },
	{ "  MMIO accesses", "mmio_writes" },
	{ "  decrementer injected", "dec_injected" },
	{ "  decrementer deferred", "dec_deferred" },
};

void report_side_by_side(const struct run_result *res, unsigned int n)
{
	unsigned int i;

	printf("\n  %-30s", "");
	for (i = 0; i < n; i++)
		printf(" %14s", mode_name(res[i].mode));
	printf("\n");
	row(res, n, "sites patched", "patched", field);
	row(res, n, "kvm_tmp bytes used", "kvm_tmp_used", field);
	for (i = 0; i < sizeof(trap_rows) / sizeof(trap_rows[0]); i++)
		row(res, n, trap_rows[i][0], trap_rows[i][1], host_cell);
	row(res, n, "instructions (icount)", "instructions", field);
	row(res, n, "checks passed", "passed", field);
	row(res, n, "checks failed", "failed", field);
	row(res, n, "exit status", "exit", field);
	printf("\n");
	for (i = 0; i < n; i++)
		printf("  %-7s %s\n", mode_name(res[i].mode),
		       res[i].pv_line[0] ? res[i].pv_line : "(no PV line)");
}
