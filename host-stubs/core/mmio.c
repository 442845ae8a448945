// SPDX-License-Identifier: MIT
/*
 * MMIO emulation: a guest load or store to the host device page faults
 * (nothing is mapped there); the host decodes the instruction at pc,
 * performs the access on the device and steps over it.
 */
#include <ppcpv/err.h>
#include <ppcpv/host/arch-helpers.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

static uint64_t byte_swap(uint64_t v, unsigned int size)
{
	uint64_t r = 0;
	unsigned int i;

	for (i = 0; i < size; i++, v >>= 8)
		r = r << 8 | (v & 0xff);
	return r;
}

static uint64_t size_mask(unsigned int size)
{
	return size == 8 ? UINT64_MAX : (UINT64_C(1) << (8 * size)) - 1;
}

static uint64_t sign_extend(uint64_t v, unsigned int size)
{
	unsigned int shift = 64 - 8 * size;

	return (uint64_t)((int64_t)(v << shift) >> shift);
}

static int do_store(struct ppcpv_vcpu *v, const struct ppc_mem_access *acc, uint64_t offset)
{
	uint64_t val = v->regs.gpr[acc->rt] & size_mask(acc->size);

	if (acc->byte_reverse)
		val = byte_swap(val, acc->size);
	v->stats.mmio_writes++;
	return ppcpv_hostdev_write(v, offset, acc->size, val);
}

static int do_load(struct ppcpv_vcpu *v, const struct ppc_mem_access *acc, uint64_t offset)
{
	uint64_t val;
	int err = ppcpv_hostdev_read(v, offset, acc->size, &val);

	if (err)
		return err;
	if (acc->byte_reverse)
		val = byte_swap(val, acc->size);
	if (acc->sign_extend)
		val = sign_extend(val, acc->size);
	v->regs.gpr[acc->rt] = val;
	v->stats.mmio_reads++;
	return 0;
}

int ppcpv_mmio_emulate(struct ppcpv_vcpu *v, uint64_t ea)
{
	struct ppc_mem_access acc;
	uint32_t insn;
	uint64_t offset = ea - v->cfg.hostdev_base;
	int err = ppcpv_fetch_insn(v, v->regs.pc, &insn);

	if (!err)
		err = ppc_decode_mem_access(insn, &acc);
	if (err)
		return err;
	if (offset + acc.size > PPCPV_HOSTDEV_SIZE || (offset & (acc.size - 1)))
		return -PPCPV_ERR_ALIGN;
	err = acc.store ? do_store(v, &acc, offset) : do_load(v, &acc, offset);
	if (err)
		return err;
	if (acc.update)
		v->regs.gpr[acc.ra] = ea;
	v->regs.pc = ppcpv_vcpu_ea(v, v->regs.pc + 4);
	return 0;
}
