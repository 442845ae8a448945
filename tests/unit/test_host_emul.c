// SPDX-License-Identifier: MIT
/* Unit tests of host-stubs/core with the Book3S arch: privileged-instruction
 * emulation, and the instructions Book3S lacks going back to the guest. */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/shared.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

#define SF	PPC_BOOK3S_MSR_SF
#define BASE_MSR (PPC_BOOK3S_MSR_SF | PPC_MSR_ME)

static struct ppcpv_vcpu *v = &fx.vcpu;

static void test_mfmsr(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(fx_exec(fx_mfmsr(5)), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.gpr[5], BASE_MSR);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 4);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MFMSR], 1);
	/* the MSR lives in the shared page, big-endian for a BE guest */
	CU_ASSERT_EQUAL(fx_shared_raw_be64(PPCPV_SHARED_MSR), BASE_MSR);
}

static void test_mtmsrd(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[4] = BASE_MSR | PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR;
	fx_exec(fx_mtmsrd(4, 0));
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), v->regs.gpr[4]);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTMSRD], 1);
	/* L=1 changes only EE and RI */
	v->regs.gpr[4] = PPC_BOOK3S_MSR_RI;
	fx_exec(fx_mtmsrd(4, 1));
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), BASE_MSR | PPC_BOOK3S_MSR_RI | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTMSRD_L1], 1);
	/* HV never sticks; ME is kept by mtmsrd */
	v->regs.gpr[4] = SF | PPC_BOOK3S_MSR_HV;
	fx_exec(fx_mtmsrd(4, 0));
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), SF | PPC_MSR_ME);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 12);
}

static void test_mtmsr_low_word(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[7] = PPC_MSR_EE;		/* SF not in the low word */
	fx_exec(fx_mtmsr(7, 0));
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), BASE_MSR | PPC_MSR_EE);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTMSR], 1);
	v->regs.gpr[7] = 0;
	fx_exec(fx_mtmsr(7, 1));
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), BASE_MSR);
}

static void test_pr_forces_translation(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[3] = SF | PPC_MSR_PR;
	fx_exec(fx_mtmsrd(3, 0));
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), BASE_MSR | PPC_MSR_PR | PPC_MSR_EE |
			PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR);
	CU_ASSERT_FALSE(ppcpv_vcpu_supervisor(v));
}

static void spr_round_trip(unsigned int spr, unsigned int off, int wide)
{
	uint64_t val = wide ? 0x1122334455667788ULL : 0x55667788;

	v->regs.gpr[9] = val;
	CU_ASSERT_EQUAL(fx_exec(ppc_insn_mtspr(spr, 9)), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(wide ? fx_shared64(off) : fx_shared32(off), val);
	v->regs.gpr[10] = 0;
	fx_exec(ppc_insn_mfspr(10, spr));
	CU_ASSERT_EQUAL(v->regs.gpr[10], val);
}

static void test_shadowed_sprs(void)
{
	unsigned int i;

	fx_init(PPCPV_MODE_PV, 0);
	for (i = 0; i < 4; i++) {
		spr_round_trip(PPC_SPR_SPRG0 + i, PPCPV_SHARED_SPRG0 + 8 * i, 1);
		spr_round_trip(PPC_BOOKE_SPR_SPRG4 + i, PPCPV_SHARED_SPRG4 + 8 * i, 1);
	}
	spr_round_trip(PPC_SPR_SRR0, PPCPV_SHARED_SRR0, 1);
	spr_round_trip(PPC_SPR_SRR1, PPCPV_SHARED_SRR1, 1);
	spr_round_trip(PPC_BOOK3S_SPR_DAR, PPCPV_SHARED_DAR, 1);
	spr_round_trip(PPC_BOOK3S_SPR_DSISR, PPCPV_SHARED_DSISR, 0);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTSPR], 12);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MFSPR], 12);
	/* a value the guest stores through the shared page is what mfspr sees */
	fx_set_shared64(PPCPV_SHARED_SPRG1, 0xabcdef);
	fx_exec(ppc_insn_mfspr(4, PPC_SPR_SPRG0 + 1));
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0xabcdef);
}

static void test_pir_pvr(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_PIR), FX_ID);
	fx_exec(ppc_insn_mfspr(3, PPC_BOOK3S_SPR_PIR));
	CU_ASSERT_EQUAL(v->regs.gpr[3], FX_ID);
	v->regs.gpr[3] = 77;
	CU_ASSERT_EQUAL(fx_exec(ppc_insn_mtspr(PPC_BOOK3S_SPR_PIR, 3)), PPCPV_RUN_RESUME);
	fx_exec(ppc_insn_mfspr(3, PPC_BOOK3S_SPR_PIR));
	CU_ASSERT_EQUAL(v->regs.gpr[3], FX_ID);
	fx_exec(ppc_insn_mfspr(3, PPC_SPR_PVR));
	CU_ASSERT_EQUAL(v->regs.gpr[3], FX_PVR);
	CU_ASSERT_EQUAL(v->stats.program_reflected, 0);
}

static void test_dec_spr(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[3] = 5000;
	fx_exec(ppc_insn_mtspr(PPC_SPR_DEC, 3));
	fx.tb += 1200;
	fx_exec(ppc_insn_mfspr(4, PPC_SPR_DEC));
	CU_ASSERT_EQUAL(v->regs.gpr[4], 3800);
	fx.tb += 5000;		/* past zero: it keeps counting down */
	fx_exec(ppc_insn_mfspr(4, PPC_SPR_DEC));
	CU_ASSERT_EQUAL((int32_t)v->regs.gpr[4], -1200);
}

static void test_invalidations_are_noops(void)
{
	static const unsigned int xos[] = {
		PPC_X_TLBSYNC, PPC_X_TLBIE, PPC_X_TLBIEL, PPC_X_TLBIA, PPC_X_SLBIE, PPC_X_SLBIA,
	};
	unsigned int i;

	fx_init(PPCPV_MODE_PV, 0);
	for (i = 0; i < sizeof(xos) / sizeof(xos[0]); i++)
		CU_ASSERT_EQUAL(fx_exec(fx_x(xos[i], 0, 0, 4)), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 4 * i);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_TLBSYNC], 1);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_TLB_INVALIDATE], 5);
	CU_ASSERT_EQUAL(v->stats.program_reflected, 0);
}

static void test_segment_registers(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[5] = 0x12345678;
	v->regs.gpr[6] = 0xa0000000;		/* SR 10 */
	fx_exec(fx_x(PPC_X_MTSRIN, 5, 0, 6));
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_SR + 4 * 10), 0x12345678);
	fx_exec(fx_x(PPC_X_MFSR, 7, 10, 0));	/* SR field = 10 in the RA slot */
	CU_ASSERT_EQUAL(v->regs.gpr[7], 0x12345678);
	v->regs.gpr[5] = 0x42;
	fx_exec(fx_x(PPC_X_MTSR, 5, 3, 0));
	v->regs.gpr[6] = 0x30000000;
	fx_exec(fx_x(PPC_X_MFSRIN, 8, 0, 6));
	CU_ASSERT_EQUAL(v->regs.gpr[8], 0x42);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MTSR], 2);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_MFSR], 2);
}

static void test_rfid(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_shared64(PPCPV_SHARED_SRR0, 0x1003);	/* low bits ignored */
	fx_set_shared64(PPCPV_SHARED_SRR1, SF | PPC_MSR_PR | PPC_MSR_ME);
	CU_ASSERT_EQUAL(fx_exec(FX_RFID), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, 0x1000);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), SF | PPC_MSR_ME | PPC_MSR_PR | PPC_MSR_EE |
			PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_RFID], 1);
	/* rfid into 32-bit mode truncates the target */
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_shared64(PPCPV_SHARED_SRR0, 0xffffffff00001000ULL);
	fx_set_shared64(PPCPV_SHARED_SRR1, PPC_MSR_ME);
	fx_exec(FX_RFID);
	CU_ASSERT_EQUAL(v->regs.pc, 0x1000);
	CU_ASSERT_FALSE(ppcpv_vcpu_64bit(v));
}

static void test_rfi_low_word(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_shared64(PPCPV_SHARED_SRR0, 0x2000);
	fx_set_shared64(PPCPV_SHARED_SRR1, PPC_MSR_EE);	/* SF stays */
	fx_exec(FX_RFI);
	CU_ASSERT_EQUAL(v->regs.pc, 0x2000);
	CU_ASSERT_EQUAL(ppcpv_vcpu_msr(v), SF | PPC_MSR_EE);
	CU_ASSERT_EQUAL(v->stats.emul[PPCPV_EMUL_KIND_RFI], 1);
}

static void expect_program_reflected(uint32_t insn, uint64_t reason)
{
	uint64_t pc = v->regs.pc, msr = ppcpv_vcpu_msr(v);

	CU_ASSERT_EQUAL(fx_exec_reason(insn, reason), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_PROGRAM);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), pc);	/* not skipped */
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1),
			(msr & ~(uint64_t)PPC_BOOK3S_SRR1_CAUSE_MASK) | reason);
	CU_ASSERT_TRUE(ppcpv_vcpu_supervisor(v));
}

static void test_unknown_privileged_reflected(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	expect_program_reflected(fx_x(PPC_X_SLBMTE, 3, 0, 4), PPC_BOOK3S_SRR1_PROG_PRIV);
	fx_init(PPCPV_MODE_PV, 0);
	expect_program_reflected(ppc_insn_mfspr(3, PPC_BOOK3S_SPR_HID0), PPC_BOOK3S_SRR1_PROG_PRIV);
	fx_init(PPCPV_MODE_PV, 0);
	expect_program_reflected(ppc_insn_mtspr(PPC_SPR_PVR, 3), PPC_BOOK3S_SRR1_PROG_PRIV);
	fx_init(PPCPV_MODE_PV, 0);
	expect_program_reflected(0x00000000, PPC_BOOK3S_SRR1_PROG_ILLEGAL);
	fx_init(PPCPV_MODE_PV, 0);
	expect_program_reflected(0x7fe00008, PPC_BOOK3S_SRR1_PROG_TRAP);	/* tw 31,0,0 */
	CU_ASSERT_EQUAL(v->stats.program_reflected, 1);
	CU_ASSERT_EQUAL(ppcpv_stats_emulated(&v->stats), 0);
}

/* Book3S lacks BookE's instructions: the CPU's program interrupt (an
 * illegal instruction) goes back to the guest, nothing is emulated. */
static void test_booke_forms_reflected(void)
{
	static const uint32_t booke_only[] = {
		PPC_INST_WRTEEI | PPC_INST_WRTEEI_E, PPC_INST_WRTEE | PPC_FIELD_RT(2),
		PPC_INST_X(PPC_X_TLBWE), PPC_INST_X(PPC_X_TLBRE), PPC_INST_X(PPC_X_TLBSX),
		PPC_INST_X(PPC_X_TLBIVAX),
	};
	unsigned int i;

	for (i = 0; i < sizeof(booke_only) / sizeof(booke_only[0]); i++) {
		fx_init(PPCPV_MODE_PV, 0);
		expect_program_reflected(booke_only[i], PPC_BOOK3S_SRR1_PROG_ILLEGAL);
		CU_ASSERT_FALSE(ppcpv_vcpu_msr(v) & PPC_MSR_EE);
		CU_ASSERT_EQUAL(v->stats.program_reflected, 1);
		CU_ASSERT_EQUAL(ppcpv_stats_emulated(&v->stats), 0);
	}
}

static void test_user_mode_not_emulated(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(SF | PPC_MSR_PR);
	v->regs.pc = FX_CODE;
	v->regs.gpr[3] = 0;
	expect_program_reflected(fx_mfmsr(3), PPC_BOOK3S_SRR1_PROG_PRIV);
	CU_ASSERT_EQUAL(v->regs.gpr[3], 0);
	CU_ASSERT(!!(fx_shared64(PPCPV_SHARED_SRR1) & PPC_MSR_PR));
}

static void test_fetch_failure_reflects(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.pc = FX_MEM_SIZE + 0x100;	/* nothing mapped: cannot decode */
	CU_ASSERT_EQUAL(fx_trap(PPC_BOOK3S_VEC_PROGRAM, PPC_BOOK3S_SRR1_PROG_PRIV, 0, 0), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_PROGRAM);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), FX_MEM_SIZE + 0x100);
}

static void test_little_endian_guest(void)
{
	fx_init(PPCPV_MODE_PV, 1);
	v->regs.gpr[9] = 0x0102030405060708ULL;
	fx_exec(ppc_insn_mtspr(PPC_SPR_SPRG0 + 1, 9));	/* stored LE in memory too */
	CU_ASSERT_EQUAL(fx.shared[PPCPV_SHARED_SPRG1], 0x08);
	CU_ASSERT_EQUAL(fx.shared[PPCPV_SHARED_MSR], PPC_BOOK3S_MSR_LE | (PPC_MSR_ME & 0xff));
	fx_exec(ppc_insn_mfspr(4, PPC_SPR_SPRG0 + 1));
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0x0102030405060708ULL);
}

static void test_real_msr(void)
{
	struct ppcpv_entry e;

	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(PPC_MSR_FP);		/* 32-bit, real mode, FP on */
	e = fx_enter();
	CU_ASSERT_EQUAL(e.msr, PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_MSR_EE |
			PPC_MSR_ME | PPC_BOOK3S_MSR_RI | PPC_MSR_FP);
	fx_set_msr(SF | PPC_BOOK3S_MSR_LE);
	e = fx_enter();
	CU_ASSERT(!!(e.msr & PPC_BOOK3S_MSR_SF));	/* CU_BOOL is an int */
	CU_ASSERT(!!(e.msr & PPC_BOOK3S_MSR_LE));
	fx_set_shared64(PPCPV_SHARED_SPRG3, 0x77);
	CU_ASSERT_EQUAL(fx_enter().sprg3, 0x77);
}

static void test_init_rejects_bad_input(void)
{
	struct ppcpv_vcpu_config cfg = { .arch = &ppcpv_arch_book3s, .mode = PPCPV_MODE_PV };
	struct ppcpv_host_ops ops = fx_ops;
	struct ppcpv_arch incomplete = ppcpv_arch_book3s;

	CU_ASSERT_EQUAL(ppcpv_vcpu_init(NULL, fx.shared, &cfg, &fx_ops, NULL), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared + 8, &cfg, &fx_ops, NULL),
			-PPCPV_ERR_INVAL);
	ops.timebase = NULL;
	CU_ASSERT_EQUAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared, &cfg, &ops, NULL), -PPCPV_ERR_INVAL);
	CU_ASSERT_EQUAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared, &cfg, &fx_ops, &fx), 0);
	cfg.mode = PPCPV_MODE_COUNT;
	CU_ASSERT_EQUAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared, &cfg, &fx_ops, NULL), -PPCPV_ERR_INVAL);
	cfg.mode = PPCPV_MODE_PV;
	cfg.arch = NULL;
	CU_ASSERT_EQUAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared, &cfg, &fx_ops, NULL), -PPCPV_ERR_INVAL);
	incomplete.emulate = NULL;
	cfg.arch = &incomplete;
	CU_ASSERT_EQUAL(ppcpv_vcpu_init(&fx.vcpu, fx.shared, &cfg, &fx_ops, NULL), -PPCPV_ERR_INVAL);
}

static void test_boot_registers(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE);
	CU_ASSERT_EQUAL(v->regs.gpr[3], 0x8000);
	CU_ASSERT_EQUAL(v->regs.gpr[6], PPCPV_EPAPR_MAGIC);
	CU_ASSERT_EQUAL(v->regs.gpr[7], FX_MEM_SIZE);
}

PPCPV_SUITE(host_emul, "host-emulation-book3s", NULL, NULL,
	{ "mfmsr reads the shared MSR", test_mfmsr },
	{ "mtmsrd L=0 and L=1", test_mtmsrd },
	{ "mtmsr replaces the low word", test_mtmsr_low_word },
	{ "PR forces EE, IR, DR", test_pr_forces_translation },
	{ "shadowed SPRs round trip via the shared page", test_shadowed_sprs },
	{ "PIR and PVR", test_pir_pvr },
	{ "DEC from the timebase", test_dec_spr },
	{ "TLB/SLB invalidations are no-ops", test_invalidations_are_noops },
	{ "segment registers", test_segment_registers },
	{ "rfid", test_rfid },
	{ "rfi", test_rfi_low_word },
	{ "BookE instructions are reflected, not emulated", test_booke_forms_reflected },
	{ "unknown privileged instructions are reflected", test_unknown_privileged_reflected },
	{ "user mode is not emulated", test_user_mode_not_emulated },
	{ "undecodable pc reflects", test_fetch_failure_reflects },
	{ "little-endian guest", test_little_endian_guest },
	{ "real MSR for the guest", test_real_msr },
	{ "init rejects bad input", test_init_rejects_bad_input },
	{ "ePAPR boot registers", test_boot_registers })
