// SPDX-License-Identifier: MIT
/* The simulated machine behind the host-core unit tests (no suite here). */
#include <string.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/booke.h>
#include <ppcpv/host/shared.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

struct host_fixture fx;

static uint64_t fx_timebase(void *ctx)
{
	return ((struct host_fixture *)ctx)->tb;
}

static void fx_console_write(void *ctx, const char *buf, size_t len)
{
	struct host_fixture *f = ctx;

	while (len-- && f->console_len + 1 < sizeof(f->console))
		f->console[f->console_len++] = *buf++;
	f->console[f->console_len] = '\0';
}

static void fx_magic_visible(void *ctx, const struct ppcpv_vcpu *v, int visible)
{
	struct host_fixture *f = ctx;

	f->visible_changes++;
	f->visible = visible;
}

const struct ppcpv_host_ops fx_ops = {
	.timebase = fx_timebase,
	.console_write = fx_console_write,
	.magic_visible = fx_magic_visible,
};

/* A fresh vCPU of a family, at FX_CODE in supervisor state. */
static void init_arch(const struct ppcpv_arch *arch, enum ppcpv_pv_mode mode, int guest_le,
		      uint64_t msr)
{
	struct ppcpv_vcpu_config cfg = {
		.arch = arch,
		.mode = mode,
		.features = 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE,
		.id = FX_ID,
		.pvr = FX_PVR,
		.guest_le = guest_le,
		.hostdev_base = FX_HOSTDEV,
		.ram = fx.mem,
		.ram_size = FX_MEM_SIZE,
	};

	memset(&fx, 0, sizeof(fx));
	fx.tb = 1000000;
	CU_ASSERT_EQUAL_FATAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared, &cfg, &fx_ops, &fx), 0);
	ppcpv_vcpu_boot(&fx.vcpu, FX_CODE, 0x8000, FX_MEM_SIZE, msr);
}

void fx_init(enum ppcpv_pv_mode mode, int guest_le)
{
	init_arch(&ppcpv_arch_book3s, mode, guest_le,
		  PPC_BOOK3S_MSR_SF | PPC_MSR_ME | (guest_le ? PPC_BOOK3S_MSR_LE : 0));
}

void fx_init_booke(enum ppcpv_pv_mode mode)
{
	init_arch(&ppcpv_arch_booke, mode, 0, ppcpv_arch_booke.msr_reset);
}

void fx_set_msr(uint64_t msr)
{
	ppcpv_vcpu_set_msr(&fx.vcpu, msr);
}

enum ppcpv_run_action fx_trap(uint32_t vector, uint64_t srr1, uint64_t dar, uint32_t dsisr)
{
	struct ppcpv_exit e;

	ppcpv_book3s_exit(vector, srr1 | PPC_MSR_PR, dar, dsisr, &e);
	return ppcpv_handle_exit(&fx.vcpu, &e);
}

enum ppcpv_run_action fx_booke_trap(unsigned int ivor, uint64_t esr, uint64_t dear)
{
	struct ppcpv_exit e;

	ppcpv_booke_exit(ivor, esr, dear, &e);
	return ppcpv_handle_exit(&fx.vcpu, &e);
}

/* Put insn at pc, in the guest's byte order. */
static void place(uint32_t insn)
{
	uint64_t pc = fx.vcpu.regs.pc;

	CU_ASSERT_FATAL(pc + 4 <= FX_MEM_SIZE);
	ppc_store_insn(fx.mem + pc, insn, !ppcpv_vcpu_code_le(&fx.vcpu));
}

enum ppcpv_run_action fx_exec_reason(uint32_t insn, uint64_t reason)
{
	place(insn);
	return fx_trap(PPC_BOOK3S_VEC_PROGRAM, reason, 0, 0);
}

enum ppcpv_run_action fx_exec(uint32_t insn)
{
	return fx_exec_reason(insn, PPC_BOOK3S_SRR1_PROG_PRIV);
}

enum ppcpv_run_action fx_booke_exec(uint32_t insn)
{
	place(insn);
	return fx_booke_trap(PPC_BOOKE_IVOR_PROGRAM, PPC_BOOKE_ESR_PPR, 0);
}

enum ppcpv_run_action fx_sc(void)
{
	return fx_trap(PPC_BOOK3S_VEC_SYSCALL, 0, 0, 0);
}

void fx_map_magic_page(void)
{
	fx.vcpu.regs.gpr[0] = PPCPV_SC_MAGIC_R0;
	fx.vcpu.regs.gpr[11] = PPCPV_TOKEN_MAP_MAGIC_PAGE;
	fx.vcpu.regs.gpr[3] = MAGIC_EA64;
	fx.vcpu.regs.gpr[4] = MAGIC_EA64 | PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX;
	fx_sc();
	CU_ASSERT_EQUAL_FATAL(fx.vcpu.regs.gpr[3], PPCPV_EV_SUCCESS);
}

struct ppcpv_entry fx_enter(void)
{
	struct ppcpv_entry e;

	ppcpv_prepare_entry(&fx.vcpu, &e);
	return e;
}

uint64_t fx_shared64(unsigned int off)
{
	return ppcpv_shared_get64(&fx.vcpu, off);
}

uint32_t fx_shared32(unsigned int off)
{
	return ppcpv_shared_get32(&fx.vcpu, off);
}

void fx_set_shared64(unsigned int off, uint64_t v)
{
	ppcpv_shared_set64(&fx.vcpu, off, v);
}

uint64_t fx_shared_raw_be64(unsigned int off)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | fx.shared[off + i];
	return v;
}

uint32_t fx_x(unsigned int xo, unsigned int rt, unsigned int ra, unsigned int rb)
{
	return PPC_INST_X(xo) | PPC_FIELD_RT(rt) | PPC_FIELD_RA(ra) | PPC_FIELD_RB(rb);
}

uint32_t fx_mtmsrd(unsigned int rs, int l)
{
	return fx_x(PPC_X_MTMSRD, rs, 0, 0) | (l ? PPC_MTMSR_L : 0);
}

uint32_t fx_mtmsr(unsigned int rs, int l)
{
	return fx_x(PPC_X_MTMSR, rs, 0, 0) | (l ? PPC_MTMSR_L : 0);
}

uint32_t fx_mfmsr(unsigned int rt)
{
	return fx_x(PPC_X_MFMSR, rt, 0, 0);
}
