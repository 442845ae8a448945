// SPDX-License-Identifier: MIT
/* Decoding of integer loads and stores, for MMIO emulation. */
#include <ppcpv/err.h>
#include <ppcpv/host/insn.h>

static int set_access(struct ppc_mem_access *acc, uint32_t insn, int store,
		      unsigned int size, int update)
{
	acc->store = (uint8_t)store;
	acc->size = (uint8_t)size;
	acc->update = (uint8_t)update;
	acc->sign_extend = 0;
	acc->byte_reverse = 0;
	acc->rt = (uint8_t)PPC_GET_RT(insn);
	acc->ra = (uint8_t)PPC_GET_RA(insn);
	/* Update forms with RA=0 are invalid instruction forms. */
	return update && acc->ra == 0 ? -PPCPV_ERR_UNSUPPORTED : 0;
}

/* D-form loads/stores: store?, size, update per primary opcode 32..45. */
static const struct {
	uint8_t store, size, update, sign;
} dform[14] = {
	[PPC_OP_LWZ - 32] = { 0, 4, 0, 0 },  [PPC_OP_LWZU - 32] = { 0, 4, 1, 0 },
	[PPC_OP_LBZ - 32] = { 0, 1, 0, 0 },  [PPC_OP_LBZU - 32] = { 0, 1, 1, 0 },
	[PPC_OP_STW - 32] = { 1, 4, 0, 0 },  [PPC_OP_STWU - 32] = { 1, 4, 1, 0 },
	[PPC_OP_STB - 32] = { 1, 1, 0, 0 },  [PPC_OP_STBU - 32] = { 1, 1, 1, 0 },
	[PPC_OP_LHZ - 32] = { 0, 2, 0, 0 },  [PPC_OP_LHZU - 32] = { 0, 2, 1, 0 },
	[PPC_OP_LHA - 32] = { 0, 2, 0, 1 },  [PPC_OP_LHAU - 32] = { 0, 2, 1, 1 },
	[PPC_OP_STH - 32] = { 1, 2, 0, 0 },  [PPC_OP_STHU - 32] = { 1, 2, 1, 0 },
};

static int decode_dform(uint32_t insn, struct ppc_mem_access *acc)
{
	unsigned int i = PPC_OPCD(insn) - 32;
	int err = set_access(acc, insn, dform[i].store, dform[i].size, dform[i].update);

	acc->sign_extend = dform[i].sign;
	return err;
}

static int decode_dsform(uint32_t insn, struct ppc_mem_access *acc)
{
	unsigned int xo = PPC_GET_DS_XO(insn);
	int err;

	if (PPC_OPCD(insn) == PPC_OP_STD) {
		if (xo > PPC_DS_STDU)
			return -PPCPV_ERR_UNSUPPORTED;
		return set_access(acc, insn, 1, 8, xo == PPC_DS_STDU);
	}
	if (xo == PPC_DS_LWA) {
		err = set_access(acc, insn, 0, 4, 0);
		acc->sign_extend = 1;
		return err;
	}
	if (xo > PPC_DS_LDU)
		return -PPCPV_ERR_UNSUPPORTED;
	return set_access(acc, insn, 0, 8, xo == PPC_DS_LDU);
}

/* X-form (primary 31) loads and stores. */
static const struct {
	uint16_t xo;
	uint8_t store, size, update, sign, reverse;
} xform[] = {
	{ PPC_X_LDX, 0, 8, 0, 0, 0 },   { PPC_X_LDUX, 0, 8, 1, 0, 0 },
	{ PPC_X_LWZX, 0, 4, 0, 0, 0 },  { PPC_X_LWZUX, 0, 4, 1, 0, 0 },
	{ PPC_X_LHZX, 0, 2, 0, 0, 0 },  { PPC_X_LHZUX, 0, 2, 1, 0, 0 },
	{ PPC_X_LHAX, 0, 2, 0, 1, 0 },
	{ PPC_X_LBZX, 0, 1, 0, 0, 0 },  { PPC_X_LBZUX, 0, 1, 1, 0, 0 },
	{ PPC_X_STDX, 1, 8, 0, 0, 0 },  { PPC_X_STDUX, 1, 8, 1, 0, 0 },
	{ PPC_X_STWX, 1, 4, 0, 0, 0 },  { PPC_X_STWUX, 1, 4, 1, 0, 0 },
	{ PPC_X_STHX, 1, 2, 0, 0, 0 },  { PPC_X_STHUX, 1, 2, 1, 0, 0 },
	{ PPC_X_STBX, 1, 1, 0, 0, 0 },  { PPC_X_STBUX, 1, 1, 1, 0, 0 },
	{ PPC_X_LWBRX, 0, 4, 0, 0, 1 }, { PPC_X_STWBRX, 1, 4, 0, 0, 1 },
	{ PPC_X_LHBRX, 0, 2, 0, 0, 1 }, { PPC_X_STHBRX, 1, 2, 0, 0, 1 },
};

static int decode_xform(uint32_t insn, struct ppc_mem_access *acc)
{
	unsigned int i, xo = PPC_GET_XO10(insn);
	int err;

	for (i = 0; i < sizeof(xform) / sizeof(xform[0]); i++) {
		if (xform[i].xo != xo)
			continue;
		err = set_access(acc, insn, xform[i].store, xform[i].size, xform[i].update);
		acc->sign_extend = xform[i].sign;
		acc->byte_reverse = xform[i].reverse;
		return err;
	}
	return -PPCPV_ERR_UNSUPPORTED;
}

int ppc_decode_mem_access(uint32_t insn, struct ppc_mem_access *acc)
{
	unsigned int op = PPC_OPCD(insn);

	if (!acc)
		return -PPCPV_ERR_INVAL;
	if (op >= PPC_OP_LWZ && op <= PPC_OP_STHU)
		return decode_dform(insn, acc);
	if (op == PPC_OP_LD || op == PPC_OP_STD)
		return decode_dsform(insn, acc);
	if (op == PPC_OP_X)
		return decode_xform(insn, acc);
	return -PPCPV_ERR_UNSUPPORTED;
}
