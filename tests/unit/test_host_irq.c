// SPDX-License-Identifier: MIT
/*
 * Unit tests of host-stubs/core: interrupt delivery, the decrementer, the
 * PV critical section and int_pending, and reflected storage interrupts.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/shared.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

#define SF		PPC_BOOK3S_MSR_SF
#define KERNEL_EE	(PPC_BOOK3S_MSR_SF | PPC_MSR_ME | PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI)

static struct ppcpv_vcpu *v = &fx.vcpu;

static void write_dec(uint32_t value)
{
	v->regs.gpr[30] = value;
	fx_exec(ppc_insn_mtspr(PPC_SPR_DEC, 30));
}

static void map_magic_page(void)
{
	fx_map_magic_page();
	v->regs.gpr[1] = 0x7000;
}

static uint32_t int_pending(void)
{
	return fx_shared32(PPCPV_SHARED_INT_PENDING);
}

static void test_dec_delivered_with_ee(void)
{
	struct ppcpv_entry e;
	uint64_t pc;

	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(KERNEL_EE);
	write_dec(1000);
	pc = v->regs.pc;
	e = fx_enter();
	CU_ASSERT_EQUAL(e.dec_ticks, 1001);		/* real DEC aimed at the expiry */
	CU_ASSERT_EQUAL(v->regs.pc, pc);		/* not yet */
	fx.tb += 1001;
	fx_trap(PPC_BOOK3S_VEC_DEC, 0, 0, 0);		/* the real DEC fired in the guest */
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), pc);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1), KERNEL_EE);
	/* EE, IR, DR, RI cleared; SF and ME kept */
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), SF | PPC_MSR_ME);
	CU_ASSERT_EQUAL(v->stats.dec_real, 1);
	CU_ASSERT_EQUAL(v->stats.dec_injected, 1);
	/* a level: pending until the handler writes DEC */
	CU_ASSERT_EQUAL(int_pending(), 1);
	write_dec(0x7fffffff);
	fx_enter();
	CU_ASSERT_EQUAL(int_pending(), 0);
	CU_ASSERT_EQUAL(v->pending, 0);
}

static void test_dec_held_while_ee_off(void)
{
	struct ppcpv_entry e;

	fx_init(PPCPV_MODE_PV, 0);
	write_dec(10);
	fx.tb += 50;
	e = fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 4);	/* held back */
	CU_ASSERT_EQUAL(int_pending(), 1);
	CU_ASSERT_EQUAL(v->stats.dec_deferred, 1);
	CU_ASSERT_EQUAL(e.dec_ticks, PPCPV_DEC_POLL_TICKS);
	/* a trapping EE-enable delivers it */
	v->regs.gpr[5] = PPC_MSR_EE;
	fx_exec(0x7c000000u | (178u << 1) | PPC_FIELD_RT(5) | 0x10000u);	/* mtmsrd r5,1 */
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), FX_CODE + 8);
	CU_ASSERT_EQUAL(v->stats.dec_injected, 1);
}

static void test_dec_held_in_critical_section(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	map_magic_page();
	fx_set_msr(KERNEL_EE);
	v->regs.gpr[1] = 0x7f00;
	fx_set_shared64(PPCPV_SHARED_CRITICAL, 0x7f00);	/* stw r1 -> critical */
	write_dec(0xffffffff);				/* negative: raised at once */
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 4);
	CU_ASSERT_EQUAL(int_pending(), 1);
	CU_ASSERT_EQUAL(v->stats.dec_deferred, 1);
	fx_set_shared64(PPCPV_SHARED_CRITICAL, 0x7f08);	/* stw r2 -> critical */
	fx_trap(PPC_BOOK3S_VEC_DEC, 0, 0, 0);		/* the poll */
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	CU_ASSERT_EQUAL(v->stats.dec_injected, 1);
}

static void test_critical_section_rules(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(KERNEL_EE);
	v->regs.gpr[1] = 0xaaaa00000000f000ULL;
	fx_set_shared64(PPCPV_SHARED_CRITICAL, 0x000000000000f000ULL);
	map_magic_page();
	v->regs.gpr[1] = 0xaaaa00000000f000ULL;
	write_dec(0xffffffff);
	fx_enter();				/* 64-bit: different values */
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);

	fx_init(PPCPV_MODE_PV, 0);
	map_magic_page();
	fx_set_msr(KERNEL_EE & ~SF);		/* 32-bit: compared as 32 bits */
	v->regs.gpr[1] = 0xaaaa00000000f000ULL;
	fx_set_shared64(PPCPV_SHARED_CRITICAL, 0x000000000000f000ULL);
	write_dec(0xffffffff);
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 4);

	fx_init(PPCPV_MODE_PV, 0);		/* user mode: never critical */
	map_magic_page();
	fx_set_msr(SF | PPC_MSR_PR);
	v->regs.gpr[1] = 0x100;
	fx_set_shared64(PPCPV_SHARED_CRITICAL, 0x100);
	v->pending |= PPCPV_IRQ_DEC;
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	CU_ASSERT(!!(fx_shared64(PPCPV_SHARED_SRR1) & PPC_MSR_PR));

	fx_init(PPCPV_MODE_PV, 0);		/* not mapped: never critical */
	fx_set_msr(KERNEL_EE);
	v->regs.gpr[1] = 0;			/* == the untouched critical field */
	write_dec(0xffffffff);
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
}

static void test_dec_ticks(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(fx_enter().dec_ticks, PPCPV_DEC_MAX_TICKS);	/* never written */
	write_dec(0x7ffffff0);
	fx.tb += 1;
	CU_ASSERT_EQUAL(fx_enter().dec_ticks, 0x7ffffff0);
	write_dec(5);
	fx.tb += 5;
	CU_ASSERT_EQUAL(fx_enter().dec_ticks, 1);
	CU_ASSERT_FALSE(ppcpv_vcpu_runnable(v));
	fx.tb += 1;
	CU_ASSERT_TRUE(ppcpv_vcpu_runnable(v));
}

static void test_external_first(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(KERNEL_EE);
	ppcpv_vcpu_set_external(v, 1);
	write_dec(0xffffffff);
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_EXTERNAL);
	CU_ASSERT_EQUAL(v->stats.ext_injected, 1);
	ppcpv_vcpu_set_external(v, 0);
	fx_set_msr(KERNEL_EE);
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
}

static void test_interrupt_le(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(KERNEL_EE | PPC_BOOK3S_MSR_ILE);
	fx_sc();
	CU_ASSERT(!!(ppcpv_vcpu_msr(v) & PPC_BOOK3S_MSR_LE));
	CU_ASSERT(!!(ppcpv_vcpu_msr(v) & PPC_BOOK3S_MSR_ILE));
	fx_init(PPCPV_MODE_PV, 0);
	v->intr_le = 1;
	fx_set_msr(KERNEL_EE | PPC_MSR_FP | PPC_MSR_PR);
	fx_sc();
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), SF | PPC_MSR_ME | PPC_BOOK3S_MSR_LE);
}

static void test_user_magic_access_faults(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_map_magic_page();
	fx_set_msr(SF | PPC_MSR_PR);
	CU_ASSERT_EQUAL(fx.visible, 0);
	/* the real access faults: no translation */
	fx_trap(PPC_BOOK3S_VEC_DSI, 0, MAGIC_EA64 + 0x28, PPC_BOOK3S_DSISR_NOPT);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DSI);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), MAGIC_EA64 + 0x28);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_DSISR), PPC_BOOK3S_DSISR_NOPT);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), FX_CODE);
	CU_ASSERT_EQUAL(fx.visible, 1);			/* kernel again */
	CU_ASSERT_EQUAL(v->stats.dsi_reflected, 1);
}

static void test_storage_reflections(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_trap(PPC_BOOK3S_VEC_ISI, PPC_BOOK3S_SRR1_ISI_PROT | PPC_BOOK3S_SRR1_PROG_PRIV, 0, 0);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_ISI);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1) & PPC_BOOK3S_SRR1_CAUSE_MASK,
			PPC_BOOK3S_SRR1_ISI_PROT);
	fx_init(PPCPV_MODE_PV, 0);
	fx_trap(PPC_BOOK3S_VEC_ISEG, 0, 0, 0);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_ISI);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1) & PPC_BOOK3S_SRR1_CAUSE_MASK,
			PPC_BOOK3S_SRR1_ISI_NOPT);
	CU_ASSERT_EQUAL(v->stats.isi_reflected, 1);
	/* a data segment miss: DSISR made up, with "store" for a store */
	fx_init(PPCPV_MODE_PV, 0);
	ppc_store_insn(fx.mem + FX_CODE, ppc_insn_stw(3, 4, 0), 1);
	fx_trap(PPC_BOOK3S_VEC_DSEG, 0, 0x50000000, 0);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DSI);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_DSISR), PPC_BOOK3S_DSISR_NOPT | PPC_BOOK3S_DSISR_STORE);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), 0x50000000);
	/* alignment keeps its vector and sets DAR/DSISR */
	fx_init(PPCPV_MODE_PV, 0);
	fx_trap(PPC_BOOK3S_VEC_ALIGNMENT, 0, 0x1234, 0x4321);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_ALIGNMENT);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), 0x1234);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_DSISR), 0x4321);
	CU_ASSERT_EQUAL(v->stats.other_reflected, 1);
}

static void test_fatal_and_host_external(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(fx_trap(PPC_BOOK3S_VEC_EXTERNAL, 0, 0, 0), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->stats.host_external, 1);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE);
	CU_ASSERT_EQUAL(fx_trap(PPC_BOOK3S_VEC_MCHECK, 0, 0, 0), PPCPV_RUN_FATAL);
	CU_ASSERT_PTR_NOT_NULL(v->fatal);
	CU_ASSERT_EQUAL(v->stats.exits, 2);
}

PPCPV_SUITE(host_irq, "host-interrupts", NULL, NULL,
	{ "DEC delivered with EE=1", test_dec_delivered_with_ee },
	{ "DEC held while EE=0, delivered at EE-enable", test_dec_held_while_ee_off },
	{ "DEC held in a critical section", test_dec_held_in_critical_section },
	{ "critical-section rules", test_critical_section_rules },
	{ "real DEC programming", test_dec_ticks },
	{ "external before DEC", test_external_first },
	{ "interrupts enter with ILE", test_interrupt_le },
	{ "user access to the magic page faults", test_user_magic_access_faults },
	{ "storage interrupts reflected", test_storage_reflections },
	{ "fatal and host interrupts", test_fatal_and_host_external })
