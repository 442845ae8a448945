// SPDX-License-Identifier: MIT
/*
 * Unit tests of host-stubs/core with the Book3S arch: which exits touch
 * guest GPRs above r13.  The pseries host leaves r14-r31 unsaved in the
 * registers for every vector ppcpv_book3s_vector_uses_all_gprs() does not
 * name (and whose exit ppcpv_exit_uses_all_gprs() does not), so for those
 * the core must neither change regs.gpr[14..31] nor depend on them: each
 * case runs twice, with two different patterns there, and everything else
 * must come out the same.
 */
#include <stdio.h>
#include <string.h>
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/shared.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

#define KERNEL		(PPC_BOOK3S_MSR_SF | PPC_MSR_ME | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI)
#define USER		(KERNEL | PPC_MSR_PR | PPC_MSR_EE)
#define FIRST_NONVOLATILE	14

static struct ppcpv_vcpu *v = &fx.vcpu;

/* What one case does, from a fresh vCPU with the magic page mapped. */
struct exit_case {
	const char *name;
	uint32_t vector;
	uint64_t msr;		/* guest MSR at the trap */
	uint64_t r0, r11;	/* hypercall magic and token, if any */
	int dec_due;		/* a DEC has expired: delivered at entry */
};

static const struct exit_case cases[] = {
	{ "FEATURES", PPC_BOOK3S_VEC_SYSCALL, KERNEL, PPCPV_SC_MAGIC_R0, PPCPV_TOKEN_FEATURES, 0 },
	{ "MAP_MAGIC_PAGE", PPC_BOOK3S_VEC_SYSCALL, KERNEL, PPCPV_SC_MAGIC_R0,
	  PPCPV_TOKEN_MAP_MAGIC_PAGE, 0 },
	{ "byte channel", PPC_BOOK3S_VEC_SYSCALL, KERNEL, PPCPV_SC_MAGIC_R0,
	  PPCPV_TOKEN_BYTE_CHANNEL_SEND, 0 },
	{ "EV_IDLE", PPC_BOOK3S_VEC_SYSCALL, KERNEL, PPCPV_SC_MAGIC_R0, PPCPV_TOKEN_EV_IDLE, 0 },
	{ "unknown token", PPC_BOOK3S_VEC_SYSCALL, KERNEL, PPCPV_SC_MAGIC_R0, 0x00990001, 0 },
	{ "user sc", PPC_BOOK3S_VEC_SYSCALL, USER, 0, 0, 0 },
	{ "kernel sc", PPC_BOOK3S_VEC_SYSCALL, KERNEL, 1, 0, 0 },
	{ "real DEC, guest DEC due", PPC_BOOK3S_VEC_DEC, USER, 0, 0, 1 },
	{ "real DEC, held in a critical section", PPC_BOOK3S_VEC_DEC, KERNEL | PPC_MSR_EE, 0, 0, 1 },
	{ "external", PPC_BOOK3S_VEC_EXTERNAL, USER, 0, 0, 0 },
	{ "ISI", PPC_BOOK3S_VEC_ISI, USER, 0, 0, 0 },
	{ "ISEG", PPC_BOOK3S_VEC_ISEG, KERNEL, 0, 0, 0 },
	{ "alignment", PPC_BOOK3S_VEC_ALIGNMENT, USER, 0, 0, 0 },
	{ "FP unavailable", PPC_BOOK3S_VEC_FP_UNAVAIL, USER, 0, 0, 0 },
	{ "trace", PPC_BOOK3S_VEC_TRACE, KERNEL, 0, 0, 0 },
	{ "perfmon", PPC_BOOK3S_VEC_PERF, KERNEL, 0, 0, 0 },
	{ "VMX unavailable", PPC_BOOK3S_VEC_VEC_UNAVAIL, USER, 0, 0, 0 },
	{ "VSX unavailable", PPC_BOOK3S_VEC_VSX_UNAVAIL, USER, 0, 0, 0 },
	{ "facility unavailable", PPC_BOOK3S_VEC_FAC_UNAVAIL, USER, 0, 0, 0 },
};

/* Run one case with gpr[14..31] = pattern + n; the fixture is left as the
 * exit and the entry after it left it. */
static void run_case(const struct exit_case *c, uint64_t pattern)
{
	unsigned int n;

	fx_init(PPCPV_MODE_PV, 0);
	fx_map_magic_page();
	if (c->dec_due) {
		v->regs.gpr[5] = 100;
		fx_exec(ppc_insn_mtspr(PPC_SPR_DEC, 5));
		fx.tb += 1000;
	}
	fx_set_msr(c->msr);
	for (n = 0; n < 32; n++)
		v->regs.gpr[n] = n < FIRST_NONVOLATILE ? 0x1000 + n : pattern + n;
	/* r1 is the critical section's key: in one case the guest is in one. */
	fx_set_shared64(PPCPV_SHARED_CRITICAL, v->regs.gpr[1]);
	v->regs.gpr[0] = c->r0;
	v->regs.gpr[11] = c->r11;
	v->regs.gpr[3] = c->r11 == PPCPV_TOKEN_MAP_MAGIC_PAGE ? MAGIC_EA64 : 0;
	v->regs.gpr[4] = c->r11 == PPCPV_TOKEN_MAP_MAGIC_PAGE ? MAGIC_EA64 | 1 : 3;
	v->regs.gpr[5] = 0x41424344;
	fx_trap(c->vector, 0, 0x2000, 0x40000000);
	fx_enter();
}

static void expect_same_but_nonvolatile(const struct host_fixture *a, const char *name)
{
	int regs_same = !memcmp(a->vcpu.regs.gpr, fx.vcpu.regs.gpr, FIRST_NONVOLATILE * 8) &&
			a->vcpu.regs.pc == fx.vcpu.regs.pc;

	CU_ASSERT_TRUE(regs_same);
	CU_ASSERT_EQUAL(memcmp(a->shared, fx.shared, sizeof(fx.shared)), 0);
	CU_ASSERT_EQUAL(memcmp(&a->vcpu.stats, &fx.vcpu.stats, sizeof(fx.vcpu.stats)), 0);
	CU_ASSERT_EQUAL(a->vcpu.pending, fx.vcpu.pending);
	CU_ASSERT_STRING_EQUAL(a->console, fx.console);
	if (!regs_same)
		fprintf(stderr, "case %s: results depend on r14-r31\n", name);
}

static void expect_nonvolatile_kept(uint64_t pattern, const char *name)
{
	unsigned int n, kept = 1;

	for (n = FIRST_NONVOLATILE; n < 32; n++)
		kept &= v->regs.gpr[n] == pattern + n;
	CU_ASSERT_TRUE(kept);
	if (!kept)
		fprintf(stderr, "case %s: r14-r31 changed\n", name);
}

static void test_other_exits_touch_r0_to_r13_only(void)
{
	static struct host_fixture first;
	unsigned int i;

	struct ppcpv_exit e;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CU_ASSERT_FALSE(ppcpv_book3s_vector_uses_all_gprs(cases[i].vector));
		ppcpv_book3s_exit(cases[i].vector, 0, 0, 0, &e);
		CU_ASSERT_FALSE(ppcpv_exit_uses_all_gprs(e.reason));
		run_case(&cases[i], 0x1111000000000000ULL);
		expect_nonvolatile_kept(0x1111000000000000ULL, cases[i].name);
		first = fx;
		run_case(&cases[i], 0x2222000000000000ULL);
		expect_nonvolatile_kept(0x2222000000000000ULL, cases[i].name);
		expect_same_but_nonvolatile(&first, cases[i].name);
	}
}

static void test_emulating_exits_use_all(void)
{
	static const uint32_t vectors[] = {
		PPC_BOOK3S_VEC_PROGRAM, PPC_BOOK3S_VEC_DSI, PPC_BOOK3S_VEC_DSEG,
	};
	struct ppcpv_exit e;
	unsigned int i;

	for (i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		CU_ASSERT_TRUE(ppcpv_book3s_vector_uses_all_gprs(vectors[i]));
		ppcpv_book3s_exit(vectors[i], PPC_BOOK3S_SRR1_PROG_PRIV, 0, 0, &e);
		CU_ASSERT_TRUE(ppcpv_exit_uses_all_gprs(e.reason));
	}
	/* mfspr into r31: emulation does write above r13 */
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_shared64(PPCPV_SHARED_SPRG1, 0x5a5a);
	fx_exec(ppc_insn_mfspr(31, PPC_SPR_SPRG1));
	CU_ASSERT_EQUAL(v->regs.gpr[31], 0x5a5a);
}

PPCPV_SUITE(host_trap, "host-trap-gprs", NULL, NULL,
	{ "non-emulating exits leave r14-r31 alone", test_other_exits_touch_r0_to_r13_only },
	{ "program, DSI, DSEG may use any GPR", test_emulating_exits_use_all })
