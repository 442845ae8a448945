// SPDX-License-Identifier: MIT
/* KVM_PPC_GET_PVINFO semantics (portable: native and freestanding). */
#include <stddef.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/pvinfo.h>

static const uint32_t words_trap_sc[PPCPV_HCALL_INSN_COUNT] = {
	PPCPV_HCALL_INSN0, PPCPV_HCALL_INSN1, PPCPV_HCALL_INSN2, PPCPV_HCALL_INSN3,
};

static const uint32_t words_booke_hv[PPCPV_HCALL_INSN_COUNT] = {
	PPCPV_HCALL_INSN_BOOKE_HV0, PPC_INST_NOP, PPC_INST_NOP, PPC_INST_NOP,
};

/* hcall[] is big-endian whatever the host's byte order: write bytes. */
static void store_be32(void *dst, uint32_t v)
{
	uint8_t *b = dst;

	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

int ppcpv_pvinfo_fill(struct kvm_ppc_pvinfo *info, enum ppcpv_host_kind kind)
{
	const uint32_t *words;
	uint8_t *raw = (uint8_t *)info;
	size_t i;

	if (!info)
		return -PPCPV_ERR_INVAL;
	switch (kind) {
	case PPCPV_HOST_TRAP_SC:
		words = words_trap_sc;
		break;
	case PPCPV_HOST_BOOKE_HV:
		words = words_booke_hv;
		break;
	default:
		return -PPCPV_ERR_INVAL;
	}
	for (i = 0; i < sizeof(*info); i++)
		raw[i] = 0;
	info->flags = PPCPV_PVINFO_FLAG_EV_IDLE;
	for (i = 0; i < PPCPV_HCALL_INSN_COUNT; i++)
		store_be32(&info->hcall[i], words[i]);
	return 0;
}

/* lis r0,HI = addis r0,0,HI; ori r0,r0,LO; sc (LEV 0) */
#define INSN_LIS_R0	PPC_ENC_LIS(0, 0)
#define INSN_ORI_R0_R0	PPC_ENC_ORI(0, 0, 0)
#define INSN_IMM_MASK	PPC_D_MASK

int ppcpv_pvinfo_sc_magic(const struct kvm_ppc_pvinfo *info, uint32_t *magic)
{
	uint32_t w0, w1;

	if (!info || !magic)
		return -PPCPV_ERR_INVAL;
	w0 = ppcpv_pvinfo_word(info, 0);
	w1 = ppcpv_pvinfo_word(info, 1);
	if ((w0 & ~INSN_IMM_MASK) != INSN_LIS_R0 || (w1 & ~INSN_IMM_MASK) != INSN_ORI_R0_R0 ||
	    ppcpv_pvinfo_word(info, 2) != PPCPV_HCALL_INSN2)
		return -PPCPV_ERR_UNSUPPORTED;
	*magic = (w0 & INSN_IMM_MASK) << 16 | (w1 & INSN_IMM_MASK);
	return 0;
}

uint32_t ppcpv_pvinfo_word(const struct kvm_ppc_pvinfo *info, unsigned int i)
{
	const uint8_t *b;

	if (!info || i >= PPCPV_HCALL_INSN_COUNT)
		return 0;
	b = (const uint8_t *)&info->hcall[i];
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
