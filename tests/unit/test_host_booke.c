// SPDX-License-Identifier: MIT
/*
 * Unit tests of host-stubs/core with the BookE arch: its MSR rules,
 * delivery through IVPR and the IVORs with ESR and DEAR, the decrementer
 * that stops at zero and raises TSR[DIS] (a level while TCR[DIE]), the
 * instructions BookE has, and the Book3S ones it lacks going back to the
 * guest as program interrupts.  Also: each family's shared-SPR map is the
 * one table's rows for that family.
 */
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/booke.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/shared-spr.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

#define BOOT_MSR	PPC_MSR_ME
#define IVPR		0x00010000
#define IVOR_OFFSET(n)	(0x100 + 0x20 * (n))	/* where the tests put handler n */

static struct ppcpv_vcpu *v = &fx.vcpu;

static void mtspr(unsigned int spr, uint64_t val)
{
	v->regs.gpr[9] = val;
	CU_ASSERT_EQUAL(fx_booke_exec(ppc_insn_mtspr(spr, 9)), PPCPV_RUN_RESUME);
}

static uint64_t mfspr(unsigned int spr)
{
	v->regs.gpr[10] = 0xdead;
	fx_booke_exec(ppc_insn_mfspr(10, spr));
	return v->regs.gpr[10];
}

/* A BookE vCPU whose handlers are at IVPR + IVOR_OFFSET(n); the low bits
 * of IVPR (16) and of the IVORs (4) are not part of the address. */
static void init_with_handlers(void)
{
	unsigned int n;

	fx_init_booke(PPCPV_MODE_PV);
	mtspr(PPC_BOOKE_SPR_IVPR, IVPR | 0xabcd);
	for (n = 0; n < PPC_BOOKE_IVOR_COUNT; n++)
		mtspr(PPC_BOOKE_SPR_IVOR(n), IVOR_OFFSET(n) | 0x7);
	v->regs.pc = FX_CODE;
	memset(&v->stats, 0, sizeof(v->stats));
}

static void test_reset_and_msr_rules(void)
{
	fx_init_booke(PPCPV_MODE_PV);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), BOOT_MSR);
	CU_ASSERT_FALSE(ppcpv_vcpu_64bit(v));
	/* mtmsr writes the whole (32-bit) MSR, ME included; GS never sticks;
	 * PR forces nothing on */
	v->regs.gpr[4] = PPC_MSR_EE | PPC_BOOKE_MSR_GS;
	CU_ASSERT_EQUAL(fx_booke_exec(PPC_ENC_X(PPC_X_MTMSR, 4, 0, 0)), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), PPC_MSR_EE);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTMSR], 1);
	ppcpv_vcpu_set_msr(v, PPC_MSR_PR);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), PPC_MSR_PR);
	/* the real MSR: problem state with EE, ME, CE, plus the guest's mode */
	ppcpv_vcpu_set_msr(v, PPC_BOOKE_MSR_CM | PPC_MSR_FP);
	CU_ASSERT_TRUE(ppcpv_vcpu_64bit(v));
	CU_ASSERT_EQUAL(fx_enter().msr, PPC_MSR_PR | PPC_MSR_EE | PPC_MSR_ME | PPC_BOOKE_MSR_CE |
			PPC_BOOKE_MSR_CM | PPC_MSR_FP);
}

static void test_wrtee(void)
{
	fx_init_booke(PPCPV_MODE_PV);
	fx_booke_exec(PPC_INST_WRTEEI | PPC_INST_WRTEEI_E);
	CU_ASSERT(!!(ppcpv_vcpu_msr(v) & PPC_MSR_EE));
	v->regs.gpr[2] = 0;
	fx_booke_exec(PPC_INST_WRTEE | PPC_FIELD_RT(2));
	CU_ASSERT_FALSE(ppcpv_vcpu_msr(v) & PPC_MSR_EE);
	fx_booke_exec(PPC_INST_WRTEEI);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_WRTEE], 3);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 12);
}

/* The program interrupt of insn went to the guest's handler: SRR0 = the
 * instruction, SRR1 = the MSR, ESR = the CPU's cause, EE and PR off. */
static void expect_program_reflected(uint32_t insn)
{
	uint64_t pc = v->regs.pc;

	ppcpv_vcpu_set_msr(v, PPC_MSR_EE | PPC_MSR_ME);
	CU_ASSERT_EQUAL(fx_booke_exec(insn), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, IVPR + IVOR_OFFSET(PPC_BOOKE_IVOR_PROGRAM));
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), pc);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1), PPC_MSR_EE | PPC_MSR_ME);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_ESR), PPC_BOOKE_ESR_PPR);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), PPC_MSR_ME);
	CU_ASSERT_EQUAL(v->stats.program_reflected, 1);
	CU_ASSERT_EQUAL(ppcpv_stats_emulated(&v->stats), 0);
}

/* BookE lacks Book3S's instructions, and its TLB contents are not
 * modelled: each goes back to the guest. */
static void test_book3s_forms_reflected(void)
{
	static const uint32_t not_emulated[] = {
		PPC_INST_MTMSRD | PPC_FIELD_RT(3), PPC_INST_MTMSRD_L1 | PPC_FIELD_RT(3), PPC_INST_RFID,
		PPC_INST_MTSRIN, PPC_ENC_X(PPC_X_MFSR, 3, 0, 0), PPC_INST_X(PPC_X_SLBIE),
		PPC_INST_X(PPC_X_TLBIE), PPC_INST_X(PPC_X_SLBMTE), PPC_INST_X(PPC_X_TLBWE),
		PPC_INST_X(PPC_X_TLBSX),
		/* SPRs of the other family, and a read-only alias written */
		0, 0, 0,
	};
	const unsigned int n = sizeof(not_emulated) / sizeof(not_emulated[0]);
	uint32_t insns[sizeof(not_emulated) / sizeof(not_emulated[0])];
	unsigned int i;

	for (i = 0; i < n; i++)
		insns[i] = not_emulated[i];
	insns[n - 3] = ppc_insn_mfspr(3, PPC_BOOK3S_SPR_DAR);
	insns[n - 2] = ppc_insn_mfspr(3, PPC_BOOK3S_SPR_PIR);
	insns[n - 1] = ppc_insn_mtspr(PPC_BOOKE_SPR_SPRG4R, 3);
	for (i = 0; i < n; i++) {
		init_with_handlers();
		expect_program_reflected(insns[i]);
	}
}

static void test_shared_sprs(void)
{
	fx_init_booke(PPCPV_MODE_PV);
	mtspr(PPC_BOOKE_SPR_SPRG4, 0x1122334455667788ULL);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SPRG4), 0x1122334455667788ULL);
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_SPRG4R), 0x1122334455667788ULL);
	mtspr(PPC_BOOKE_SPR_DEAR, 0xc0de);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), 0xc0de);
	mtspr(PPC_BOOKE_SPR_MAS3, 0x33);
	mtspr(PPC_BOOKE_SPR_MAS7, 0x77);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_MAS3), 0x33);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_MAS7), 0x77);
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_PIR), FX_ID);
	mtspr(PPC_BOOKE_SPR_PIR, 99);		/* ignored */
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_PIR), FX_ID);
	CU_ASSERT_EQUAL(mfspr(PPC_SPR_PVR), FX_PVR);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTSPR], 5);
}

/* Each family's map by SPR number is exactly the table's rows for it. */
static void test_maps_follow_the_table(void)
{
	const struct ppcpv_arch *arches[] = { &ppcpv_arch_book3s, &ppcpv_arch_booke };
	struct ppcpv_shared_spr want;
	unsigned int a, spr, found, same = 1;

	for (a = 0; a < 2; a++) {
		for (spr = found = 0; spr < PPC_SPR_COUNT; spr++) {
			const struct ppcpv_shared_spr *got = &arches[a]->shared_sprs[spr];

			if (ppcpv_shared_spr_find(arches[a]->family, spr, &want)) {
				found++;
				same &= got->bytes == want.bytes && got->field == want.field &&
					got->writable == want.writable;
			} else
				same &= got->bytes == 0;
		}
		CU_ASSERT_TRUE(found >= 13);	/* SPRG0-7, SRR0/1, DAR/DEAR, DSISR, PIR */
	}
	CU_ASSERT_TRUE(same);
}

static void test_rfi(void)
{
	fx_init_booke(PPCPV_MODE_PV);
	fx_set_shared64(PPCPV_SHARED_SRR0, 0x2002);
	fx_set_shared64(PPCPV_SHARED_SRR1, PPC_MSR_EE | PPC_MSR_PR | PPC_MSR_ME);
	CU_ASSERT_EQUAL(fx_booke_exec(PPC_INST_RFI), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, 0x2000);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), PPC_MSR_EE | PPC_MSR_PR | PPC_MSR_ME);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_RFI], 1);
}

static void test_faults_reflected_through_ivors(void)
{
	init_with_handlers();
	ppcpv_vcpu_set_msr(v, PPC_MSR_PR | PPC_MSR_EE | PPC_MSR_ME);
	v->regs.pc = 0x3000;
	CU_ASSERT_EQUAL(fx_booke_trap(PPC_BOOKE_IVOR_DTLB, PPC_BOOKE_ESR_ST, 0x5000), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, IVPR + IVOR_OFFSET(PPC_BOOKE_IVOR_DTLB));
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), 0x5000);		/* DEAR */
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_ESR), PPC_BOOKE_ESR_ST);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), 0x3000);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1), PPC_MSR_PR | PPC_MSR_EE | PPC_MSR_ME);
	CU_ASSERT_TRUE(ppcpv_vcpu_supervisor(v));
	CU_ASSERT_EQUAL(v->stats.dsi_reflected, 1);
	/* a user sc is the guest's own system call */
	ppcpv_vcpu_set_msr(v, PPC_MSR_PR | PPC_MSR_ME);
	v->regs.pc = 0x3104;
	fx_booke_trap(PPC_BOOKE_IVOR_SYSCALL, 0, 0);
	CU_ASSERT_EQUAL(v->regs.pc, IVPR + IVOR_OFFSET(PPC_BOOKE_IVOR_SYSCALL));
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), 0x3104);
	CU_ASSERT_EQUAL(v->stats.syscall_reflected, 1);
	/* the host's own timer is nothing for the guest; a critical interrupt
	 * cannot come from it */
	CU_ASSERT_EQUAL(fx_booke_trap(PPC_BOOKE_IVOR_DEC, 0, 0), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->stats.dec_real, 1);
	CU_ASSERT_EQUAL(fx_booke_trap(PPC_BOOKE_IVOR_CRITICAL, 0, 0), PPCPV_RUN_FATAL);
}

/* The decrementer stops at zero, sets TSR[DIS]; with TCR[DIE] that is a
 * level, lowered by writing DIS back to TSR. */
static void test_decrementer(void)
{
	init_with_handlers();
	mtspr(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE);
	mtspr(PPC_SPR_DEC, 100);
	fx.tb += 99;
	fx_enter();
	CU_ASSERT_EQUAL(mfspr(PPC_SPR_DEC), 1);
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_TSR) & PPC_BOOKE_TSR_DIS, 0);
	fx.tb += 1;
	fx_enter();				/* EE off: held back */
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_TSR), PPC_BOOKE_TSR_DIS);
	CU_ASSERT_EQUAL(mfspr(PPC_SPR_DEC), 0);
	fx.tb += 1000;
	CU_ASSERT_EQUAL(mfspr(PPC_SPR_DEC), 0);	/* it stops at zero */
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_INT_PENDING), 1);
	ppcpv_vcpu_set_msr(v, PPC_MSR_EE | PPC_MSR_ME);
	v->regs.pc = 0x4000;
	fx_enter();
	CU_ASSERT_EQUAL(v->regs.pc, IVPR + IVOR_OFFSET(PPC_BOOKE_IVOR_DEC));
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), 0x4000);
	CU_ASSERT_EQUAL(v->stats.dec_injected, 1);
	v->regs.pc = FX_CODE;
	/* still pending (a level) until the guest clears DIS */
	mtspr(PPC_BOOKE_SPR_TSR, PPC_BOOKE_TSR_DIS);
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_TSR), 0);
	CU_ASSERT_EQUAL(v->pending, 0);
	/* without DIE, DIS alone raises nothing; DIE then does */
	mtspr(PPC_BOOKE_SPR_TCR, 0);
	mtspr(PPC_SPR_DEC, 10);
	fx.tb += 10;
	fx_enter();
	CU_ASSERT_EQUAL(mfspr(PPC_BOOKE_SPR_TSR), PPC_BOOKE_TSR_DIS);
	CU_ASSERT_EQUAL(v->pending, 0);
	mtspr(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE);
	CU_ASSERT_EQUAL(v->pending, PPCPV_IRQ_DEC);
	/* writing 0 arms nothing */
	mtspr(PPC_BOOKE_SPR_TSR, PPC_BOOKE_TSR_DIS);
	mtspr(PPC_SPR_DEC, 0);
	CU_ASSERT_EQUAL(ppcpv_vcpu_wake_tb(v), UINT64_MAX);
}

PPCPV_SUITE(host_booke, "host-booke", NULL, NULL,
	{ "reset MSR and the MSR rules", test_reset_and_msr_rules },
	{ "wrtee and wrteei", test_wrtee },
	{ "Book3S instructions are reflected, not emulated", test_book3s_forms_reflected },
	{ "shadowed SPRs of e500", test_shared_sprs },
	{ "each family's SPR map is the table's", test_maps_follow_the_table },
	{ "rfi", test_rfi },
	{ "faults and sc through IVPR and the IVORs", test_faults_reflected_through_ivors },
	{ "decrementer, TSR and TCR", test_decrementer })
