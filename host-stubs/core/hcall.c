// SPDX-License-Identifier: MIT
/*
 * PV hypercalls: `sc` from guest supervisor state with (u32)r0 == "KVM!".
 * Token in r11, arguments r3..r8 (truncated to 32 bits when MSR[SF]=0);
 * status back in r3, second result in r4 (0 when unused).  Other GPRs are
 * left untouched, as KVM does.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* The ePAPR byte channel this host serves: the console. */
#define CONSOLE_CHANNEL_HANDLE	0

struct hcall_result {
	uint64_t status;
	uint64_t r4;
};

static uint64_t arg(const struct ppcpv_vcpu *v, unsigned int gpr)
{
	return ppcpv_vcpu_64bit(v) ? v->regs.gpr[gpr] : (uint32_t)v->regs.gpr[gpr];
}

/* Can every byte of the page be reached by a D-form access with RA=0, i.e.
 * is the page inside the sign-extended 16-bit displacement range? */
static int reachable_with_ra0(const struct ppcpv_vcpu *v, uint64_t ea)
{
	int64_t s = ppcpv_vcpu_64bit(v) ? (int64_t)ea : (int64_t)(int32_t)(uint32_t)ea;

	return ppc_disp_fits(s) && ppc_disp_fits(s + PPCPV_MAGIC_PAGE_SIZE - 1);
}

void ppcpv_magic_page_map(struct ppcpv_vcpu *v, uint64_t ea, uint64_t pa, int nx_honoured,
			  int big_endian)
{
	/* Hide a previous mapping before moving it. */
	v->magic.mapped = 0;
	ppcpv_vcpu_sync_magic(v);
	ppcpv_shared_set_byte_order(v, big_endian);
	v->magic.ea = ea;
	v->magic.pa = pa;
	v->magic.nx_honoured = nx_honoured;
	v->magic.mapped = 1;
	ppcpv_vcpu_sync_magic(v);
}

static struct hcall_result map_magic_page(struct ppcpv_vcpu *v)
{
	struct hcall_result res = { PPCPV_EV_EINVAL, 0 };
	uint64_t pa = arg(v, 3), ea_flags = arg(v, 4);
	uint64_t flags = ea_flags & PPCPV_MAGIC_PAGE_FLAGS_MASK;
	uint64_t ea = ea_flags & ~(uint64_t)PPCPV_MAGIC_PAGE_FLAGS_MASK;

	if (v->cfg.mode != PPCPV_MODE_PV)
		return (struct hcall_result){ PPCPV_EV_UNIMPLEMENTED, 0 };
	if (v->cfg.fault == PPCPV_FAULT_MAP_FAILS)
		return (struct hcall_result){ PPCPV_EV_INTERNAL, 0 };
	if ((pa & (PPCPV_MAGIC_PAGE_SIZE - 1)) || (flags & ~(uint64_t)PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX))
		return res;
	if (!reachable_with_ra0(v, ea) || ppcpv_hostdev_contains(v, ea))
		return res;
	/* From now on the page follows the byte order interrupts enter with. */
	ppcpv_magic_page_map(v, ea, pa, !!(flags & PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX),
			     !v->intr_le);
	res.status = PPCPV_EV_SUCCESS;
	res.r4 = PPCPV_MAGIC_FEAT_ALL;
	return res;
}

/* r3 handle, r4 count, r5..r8 up to 16 bytes, 4 per register, big-endian. */
static struct hcall_result byte_channel_send(struct ppcpv_vcpu *v)
{
	uint64_t count = arg(v, 4);
	char bytes[PPCPV_EV_BYTE_CHANNEL_MAX_BYTES];
	unsigned int i;

	if (arg(v, 3) != CONSOLE_CHANNEL_HANDLE || count > PPCPV_EV_BYTE_CHANNEL_MAX_BYTES)
		return (struct hcall_result){ PPCPV_EV_EINVAL, 0 };
	for (i = 0; i < count; i++)
		bytes[i] = (char)(uint8_t)(v->regs.gpr[5 + i / 4] >> (24 - 8 * (i % 4)));
	if (count)
		v->ops->console_write(v->ctx, bytes, (size_t)count);
	return (struct hcall_result){ PPCPV_EV_SUCCESS, count };
}

static struct hcall_result dispatch(struct ppcpv_vcpu *v, uint32_t token)
{
	switch (token) {
	case PPCPV_TOKEN_FEATURES:
		v->stats.hcall[PPCPV_HCALL_KIND_FEATURES]++;
		return (struct hcall_result){ PPCPV_EV_SUCCESS, v->cfg.features };
	case PPCPV_TOKEN_MAP_MAGIC_PAGE:
		v->stats.hcall[PPCPV_HCALL_KIND_MAP_MAGIC_PAGE]++;
		return map_magic_page(v);
	case PPCPV_TOKEN_EV_IDLE:
		v->stats.hcall[PPCPV_HCALL_KIND_EV_IDLE]++;
		v->halted = 1;
		return (struct hcall_result){ PPCPV_EV_SUCCESS, 0 };
	case PPCPV_TOKEN_BYTE_CHANNEL_SEND:
		v->stats.hcall[PPCPV_HCALL_KIND_BYTE_CHANNEL_SEND]++;
		return byte_channel_send(v);
	default:
		v->stats.hcall[PPCPV_HCALL_KIND_UNKNOWN]++;
		return (struct hcall_result){ PPCPV_EV_UNIMPLEMENTED, 0 };
	}
}

int ppcpv_hcall_dispatch(struct ppcpv_vcpu *v)
{
	struct hcall_result res = dispatch(v, (uint32_t)v->regs.gpr[11]);

	v->regs.gpr[3] = res.status;
	v->regs.gpr[4] = res.r4;
	return v->halted ? PPCPV_RUN_IDLE : PPCPV_RUN_RESUME;
}
