// SPDX-License-Identifier: MIT
/* The trap counters as one machine-readable line of flat JSON. */
#include <ppcpv/err.h>
#include <ppcpv/fmt.h>
#include <ppcpv/host/stats.h>

static const char *const emul_names[PPCPV_EMUL_KIND_COUNT] = {
	[PPCPV_EMUL_KIND_MFMSR] = "mfmsr",
	[PPCPV_EMUL_KIND_MTMSR] = "mtmsr",
	[PPCPV_EMUL_KIND_MTMSRD] = "mtmsrd",
	[PPCPV_EMUL_KIND_MTMSRD_L1] = "mtmsrd_l1",
	[PPCPV_EMUL_KIND_WRTEE] = "wrtee",
	[PPCPV_EMUL_KIND_MFSPR] = "mfspr",
	[PPCPV_EMUL_KIND_MTSPR] = "mtspr",
	[PPCPV_EMUL_KIND_RFID] = "rfid",
	[PPCPV_EMUL_KIND_RFI] = "rfi",
	[PPCPV_EMUL_KIND_TLBSYNC] = "tlbsync",
	[PPCPV_EMUL_KIND_TLB_INVALIDATE] = "tlb_invalidate",
	[PPCPV_EMUL_KIND_MFSR] = "mfsr",
	[PPCPV_EMUL_KIND_MTSR] = "mtsr",
	[PPCPV_EMUL_KIND_MMU] = "mmu",
};

static const char *const hcall_names[PPCPV_HCALL_KIND_COUNT] = {
	[PPCPV_HCALL_KIND_FEATURES] = "features",
	[PPCPV_HCALL_KIND_MAP_MAGIC_PAGE] = "map_magic_page",
	[PPCPV_HCALL_KIND_EV_IDLE] = "ev_idle",
	[PPCPV_HCALL_KIND_BYTE_CHANNEL_SEND] = "byte_channel_send",
	[PPCPV_HCALL_KIND_UNKNOWN] = "unknown",
};

static const char *const papr_names[PPCPV_PAPR_KIND_COUNT] = {
	[PPCPV_PAPR_KIND_H_ENTER] = "h_enter",
	[PPCPV_PAPR_KIND_H_REMOVE] = "h_remove",
	[PPCPV_PAPR_KIND_H_BULK_REMOVE] = "h_bulk_remove",
	[PPCPV_PAPR_KIND_H_PROTECT] = "h_protect",
	[PPCPV_PAPR_KIND_H_READ] = "h_read",
	[PPCPV_PAPR_KIND_H_CLEAR_REF] = "h_clear_ref",
	[PPCPV_PAPR_KIND_H_CLEAR_MOD] = "h_clear_mod",
	[PPCPV_PAPR_KIND_H_PUT_TERM_CHAR] = "h_put_term_char",
	[PPCPV_PAPR_KIND_H_GET_TERM_CHAR] = "h_get_term_char",
	[PPCPV_PAPR_KIND_H_CEDE] = "h_cede",
	[PPCPV_PAPR_KIND_H_SET_MODE] = "h_set_mode",
	[PPCPV_PAPR_KIND_H_REGISTER_VPA] = "h_register_vpa",
	[PPCPV_PAPR_KIND_H_GET_CPU_CHARACTERISTICS] = "h_get_cpu_characteristics",
	[PPCPV_PAPR_KIND_H_CPPR] = "h_cppr",
	[PPCPV_PAPR_KIND_H_EOI] = "h_eoi",
	[PPCPV_PAPR_KIND_H_IPI] = "h_ipi",
	[PPCPV_PAPR_KIND_H_IPOLL] = "h_ipoll",
	[PPCPV_PAPR_KIND_H_XIRR] = "h_xirr",
	[PPCPV_PAPR_KIND_H_RTAS] = "h_rtas",
	[PPCPV_PAPR_KIND_UNKNOWN] = "unknown",
};

uint64_t ppcpv_stats_papr(const struct ppcpv_host_stats *s)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < PPCPV_PAPR_KIND_COUNT; i++)
		total += s->papr[i];
	return total;
}

uint64_t ppcpv_stats_emulated(const struct ppcpv_host_stats *s)
{
	uint64_t total = 0;
	unsigned int i;

	for (i = 0; i < PPCPV_EMUL_KIND_COUNT; i++)
		total += s->emul[i];
	return total;
}

struct json {
	char *buf;
	size_t size;
	size_t len;
};

static void add(struct json *j, const char *prefix, const char *key, uint64_t val)
{
	size_t room = j->len < j->size ? j->size - j->len : 0;
	char *at = room ? j->buf + j->len : j->buf;

	j->len += (size_t)ppcpv_fmt(at, room, "%s\"%s%s\":%llu",
				       j->len > 1 ? "," : "", prefix, key,
				       (unsigned long long)val);
}

int ppcpv_stats_json(const struct ppcpv_host_stats *s, char *buf, size_t size)
{
	struct json j = { buf, size, 0 };
	unsigned int i;

	if (!s || !buf || size < 3)
		return -PPCPV_ERR_NOSPACE;
	buf[j.len++] = '{';
	add(&j, "", "exits", s->exits);
	add(&j, "", "emulated", ppcpv_stats_emulated(s));
	for (i = 0; i < PPCPV_EMUL_KIND_COUNT; i++)
		add(&j, "emul_", emul_names[i], s->emul[i]);
	for (i = 0; i < PPCPV_HCALL_KIND_COUNT; i++)
		add(&j, "hcall_", hcall_names[i], s->hcall[i]);
	add(&j, "", "program_reflected", s->program_reflected);
	add(&j, "", "syscall_reflected", s->syscall_reflected);
	add(&j, "", "dsi_reflected", s->dsi_reflected);
	add(&j, "", "isi_reflected", s->isi_reflected);
	add(&j, "", "other_reflected", s->other_reflected);
	add(&j, "", "dec_real", s->dec_real);
	add(&j, "", "dec_injected", s->dec_injected);
	add(&j, "", "dec_deferred", s->dec_deferred);
	add(&j, "", "ext_injected", s->ext_injected);
	add(&j, "", "ext_deferred", s->ext_deferred);
	add(&j, "", "host_external", s->host_external);
	add(&j, "", "mmio_reads", s->mmio_reads);
	add(&j, "", "mmio_writes", s->mmio_writes);
	add(&j, "", "idle", s->idle);
	add(&j, "", "shadow_faults", s->shadow_faults);
	add(&j, "", "guest_faults", s->guest_faults);
	add(&j, "", "papr_hcalls", ppcpv_stats_papr(s));
	for (i = 0; i < PPCPV_PAPR_KIND_COUNT; i++)
		add(&j, "papr_", papr_names[i], s->papr[i]);
	if (j.len + 2 > size)
		return -PPCPV_ERR_NOSPACE;
	buf[j.len++] = '}';
	buf[j.len] = '\0';
	return (int)j.len;
}
