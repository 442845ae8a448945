// SPDX-License-Identifier: MIT
/* Unit tests of host-stubs/core with the Book3S arch running a 32-bit
 * Book3S guest (MSR[SF]=0), as ppcpv-run --family book3s32 does (the real
 * MSR for SF=0: test_host_emul.c): interrupts keep the guest and the real
 * MSR 32-bit with a 32-bit SRR0, rfi (an illegal instruction on the 64-bit
 * CPU underneath) returns to a 32-bit target, a segment fault arrives as a
 * DSI, and the segment registers ignore an EA's upper word. */
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/book3s.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

/* A 32-bit kernel with EE on (in real mode, as the reference kernel). */
#define KERNEL32	(PPC_MSR_ME | PPC_MSR_EE | PPC_BOOK3S_MSR_RI)
#define PC32		0x00002000u

static struct ppcpv_vcpu *v = &fx.vcpu;

static void init32(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(KERNEL32);
}

static void test_interrupt_stays_32bit(void)
{
	init32();
	v->regs.pc = PC32;
	/* a negative DEC is raised at once; EE on: delivered at entry */
	v->regs.gpr[30] = 0xffffffff;
	fx_exec(ppc_insn_mtspr(PPC_SPR_DEC, 30));
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), PC32 + 4);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1), KERNEL32);	/* upper word 0 */
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), PPC_MSR_ME);		/* SF stays off */
	CU_ASSERT_FALSE(fx_enter().msr & PPC_BOOK3S_MSR_SF);
	/* the control: a 64-bit guest's handler runs 64-bit */
	fx_set_msr(KERNEL32 | PPC_BOOK3S_MSR_SF);
	fx_enter();
	CU_ASSERT(!!(ppcpv_vcpu_msr(v) & PPC_BOOK3S_MSR_SF));	/* CU_BOOL is an int */
}

static void test_rfi_from_illegal_instruction(void)
{
	init32();
	fx_set_shared64(PPCPV_SHARED_SRR0, 0xffffffff00003000ULL);	/* upper word ignored */
	fx_set_shared64(PPCPV_SHARED_SRR1, KERNEL32);
	/* POWER8 has no rfi: the CPU reports an illegal instruction */
	CU_ASSERT_EQUAL(fx_exec_reason(FX_RFI, PPC_BOOK3S_SRR1_PROG_ILLEGAL), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, 0x3000);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), KERNEL32);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_RFI], 1);
	CU_ASSERT_EQUAL(v->stats.program_reflected, 0);
}

static void test_segment_fault_is_a_32bit_dsi(void)
{
	init32();
	v->regs.pc = PC32;
	fx_trap(PPC_BOOK3S_VEC_DSEG, 0, 0x1fffff000ULL, 0);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DSI);	/* Book3S-32 has no 0x380 */
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), 0xfffff000u);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), PC32);
}

static void test_sr_ignores_upper_ea_word(void)
{
	init32();
	v->regs.gpr[5] = 0x20abcdef;
	v->regs.gpr[6] = 0x100000000ULL | 0x70000000u;	/* SR7 */
	fx_exec(fx_x(PPC_X_MTSRIN, 5, 0, 6));
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_SR + 4 * 7), 0x20abcdef);
	fx_exec(fx_x(PPC_X_MFSR, 8, 7, 0));	/* mfsr r8,7: SR in the RA field's place */
	CU_ASSERT_EQUAL(v->regs.gpr[8], 0x20abcdef);
}

PPCPV_SUITE(host_book3s32, "host-book3s32-guest", NULL, NULL,
	{ "interrupts keep the guest 32-bit, SRR0/SRR1 32-bit", test_interrupt_stays_32bit },
	{ "rfi from the illegal-instruction interrupt", test_rfi_from_illegal_instruction },
	{ "a segment fault is a DSI with a 32-bit DAR", test_segment_fault_is_a_32bit_dsi },
	{ "segment registers ignore an EA's upper word", test_sr_ignores_upper_ea_word })
