// SPDX-License-Identifier: MIT
/* Unit tests of host-stubs/core: hypercalls and system-call reflection. */
#include <string.h>
#include <ppcpv/err.h>
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/shared.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"


static struct ppcpv_vcpu *v = &fx.vcpu;

/* Registers as the guest's hypercall stub leaves them before `sc`. */
static enum ppcpv_run_action hcall(uint32_t token, uint64_t a0, uint64_t a1)
{
	v->regs.gpr[0] = PPCPV_SC_MAGIC_R0;
	v->regs.gpr[11] = token;
	v->regs.gpr[3] = a0;
	v->regs.gpr[4] = a1;
	return fx_sc();
}

static void test_features(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(hcall(PPCPV_TOKEN_FEATURES, 0, 0), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE);		/* sc already stepped */
	CU_ASSERT_EQUAL(v->stats.hcall[PPCPV_HCALL_KIND_FEATURES], 1);
	fx_init(PPCPV_MODE_NO_PV, 0);
	hcall(PPCPV_TOKEN_FEATURES, 0, 0);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0);
}

static void test_map_magic_page(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA64,
			      MAGIC_EA64 | PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
	CU_ASSERT_EQUAL(v->regs.gpr[4], PPCPV_MAGIC_FEAT_ALL);
	CU_ASSERT_EQUAL(v->magic.ea, MAGIC_EA64);
	CU_ASSERT_EQUAL(v->magic.pa, MAGIC_EA64);
	CU_ASSERT_TRUE(v->magic.mapped);
	CU_ASSERT_TRUE(v->magic.nx_honoured);
	CU_ASSERT_EQUAL(fx.visible, 1);
	CU_ASSERT_EQUAL(fx.visible_changes, 1);
	/* entering user mode hides it, an interrupt shows it again */
	fx_set_msr(PPC_BOOK3S_MSR_SF | PPC_MSR_PR);
	CU_ASSERT_EQUAL(fx.visible, 0);
	fx_sc();
	CU_ASSERT_EQUAL(fx.visible, 1);
	CU_ASSERT_EQUAL(fx.visible_changes, 3);
}

static void expect_map_einval(uint64_t pa, uint64_t ea_flags)
{
	fx_init(PPCPV_MODE_PV, 0);
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, pa, ea_flags);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_EINVAL);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0);
	CU_ASSERT_FALSE(v->magic.mapped);
	CU_ASSERT_EQUAL(fx.visible_changes, 0);
}

static void test_map_validation(void)
{
	expect_map_einval(MAGIC_EA64 + 8, MAGIC_EA64);		/* PA not page aligned */
	expect_map_einval(MAGIC_EA64, MAGIC_EA64 | 0x2);	/* unknown flag */
	expect_map_einval(0x10000000, 0x10000000);		/* EA out of RA=0 reach */
	expect_map_einval(MAGIC_EA64, 0x7000 + 0x1000);		/* page straddles +32K */
	expect_map_einval(MAGIC_EA64, 0xffffffffffff7000ULL);	/* starts below -32K */
	/* the low end of the reach is fine */
	fx_init(PPCPV_MODE_PV, 0);
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, 0x7000, 0x7000);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
}

static void test_map_32bit_guest(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(PPC_MSR_ME);			/* SF=0 */
	/* upper halves are garbage in 32-bit mode: truncated */
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, 0xdead0000fffff000ULL, 0xbeef0000fffff001ULL);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
	CU_ASSERT_EQUAL(v->magic.ea, 0xfffff000u);
	CU_ASSERT_EQUAL(v->magic.pa, 0xfffff000u);
}

static void test_map_refused_without_pv(void)
{
	fx_init(PPCPV_MODE_NO_PV, 0);
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA64, MAGIC_EA64 | 1);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_UNIMPLEMENTED);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0);
	CU_ASSERT_FALSE(v->magic.mapped);
}

/* The "map-fails" fault: a host that cannot map the page says so. */
static void test_map_fault_injected(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->cfg.fault = PPCPV_FAULT_MAP_FAILS;
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA64, MAGIC_EA64 | 1);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_INTERNAL);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0);
	CU_ASSERT_FALSE(v->magic.mapped);
	CU_ASSERT_EQUAL(fx.visible, 0);
}

static void test_remap_moves_the_page(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA64, MAGIC_EA64);
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, 0x3000, 0x3000);
	CU_ASSERT_EQUAL(v->magic.ea, 0x3000);
	CU_ASSERT_EQUAL(fx.visible, 1);
	CU_ASSERT_EQUAL(fx.visible_changes, 3);		/* shown, hidden, shown */
}

static void test_unknown_token(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[5] = 55;
	v->regs.gpr[12] = 66;
	hcall(0x002a0099, 1, 2);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_UNIMPLEMENTED);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 0);
	CU_ASSERT_EQUAL(v->regs.gpr[5], 55);		/* others untouched */
	CU_ASSERT_EQUAL(v->regs.gpr[11], 0x002a0099);
	CU_ASSERT_EQUAL(v->regs.gpr[12], 66);
	CU_ASSERT_EQUAL(v->stats.hcall[PPCPV_HCALL_KIND_UNKNOWN], 1);
	/* the token is compared as 32 bits */
	hcall((uint32_t)PPCPV_TOKEN_FEATURES, 0, 0);
	v->regs.gpr[11] |= 0xffffffff00000000ULL;
	fx_sc();
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
}

static void test_idle(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	CU_ASSERT_EQUAL(hcall(PPCPV_TOKEN_EV_IDLE, 0, 0), PPCPV_RUN_IDLE);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
	CU_ASSERT_EQUAL(v->stats.idle, 1);
	CU_ASSERT_FALSE(ppcpv_vcpu_runnable(v));
	CU_ASSERT_EQUAL(ppcpv_vcpu_wake_tb(v), UINT64_MAX);
	/* nothing armed: the wait would never end, and says so */
	CU_ASSERT_EQUAL(ppcpv_vcpu_idle(v), -PPCPV_ERR_NOTFOUND);
	v->regs.gpr[3] = 100;
	fx_exec(ppc_insn_mtspr(PPC_SPR_DEC, 3));
	CU_ASSERT_EQUAL(ppcpv_vcpu_wake_tb(v), fx.tb + 101);
	fx.tb += 101;
	CU_ASSERT_TRUE(ppcpv_vcpu_runnable(v));
	/* due already: no wait */
	CU_ASSERT_EQUAL(ppcpv_vcpu_idle(v), 0);
}

static void test_byte_channel_console(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[5] = 0x68656c6c;		/* "hell" */
	v->regs.gpr[6] = 0xffffffff6f2c2077ULL;	/* "o, w"; upper half ignored */
	v->regs.gpr[7] = 0x6f726c64;		/* "orld" */
	v->regs.gpr[8] = 0x0a000000;
	hcall(PPCPV_TOKEN_BYTE_CHANNEL_SEND, 0, 13);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_SUCCESS);
	CU_ASSERT_EQUAL(v->regs.gpr[4], 13);
	CU_ASSERT_STRING_EQUAL(fx.console, "hello, world\n");
	hcall(PPCPV_TOKEN_BYTE_CHANNEL_SEND, 0, 17);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_EINVAL);
	hcall(PPCPV_TOKEN_BYTE_CHANNEL_SEND, 1, 1);
	CU_ASSERT_EQUAL(v->regs.gpr[3], PPCPV_EV_EINVAL);
	CU_ASSERT_EQUAL(fx.console_len, 13);
	/* available without the magic page too */
	fx_init(PPCPV_MODE_NO_PV, 0);
	v->regs.gpr[5] = 0x4f4b0000;
	hcall(PPCPV_TOKEN_BYTE_CHANNEL_SEND, 0, 2);
	CU_ASSERT_STRING_EQUAL(fx.console, "OK");
}

static void expect_syscall_reflected(uint64_t srr1_pr)
{
	uint64_t msr = ppcpv_vcpu_msr(v);

	CU_ASSERT_EQUAL(fx_sc(), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_SYSCALL);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), FX_CODE);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1), msr);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR1) & PPC_MSR_PR, srr1_pr);
	CU_ASSERT_TRUE(ppcpv_vcpu_supervisor(v));
	CU_ASSERT_EQUAL(v->stats.syscall_reflected, 1);
	CU_ASSERT_EQUAL(v->stats.hcall[PPCPV_HCALL_KIND_FEATURES], 0);
}

static void test_user_sc_is_reflected(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_msr(PPC_BOOK3S_MSR_SF | PPC_MSR_PR);
	v->regs.gpr[0] = PPCPV_SC_MAGIC_R0;		/* magic does not matter */
	v->regs.gpr[11] = PPCPV_TOKEN_FEATURES;
	v->regs.gpr[3] = 1234;
	expect_syscall_reflected(PPC_MSR_PR);
	CU_ASSERT_EQUAL(v->regs.gpr[3], 1234);
}

static void test_sc_without_magic_is_reflected(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[0] = 0x4b564d22;
	v->regs.gpr[11] = PPCPV_TOKEN_FEATURES;
	expect_syscall_reflected(0);
	/* only the low word of r0 counts */
	fx_init(PPCPV_MODE_PV, 0);
	hcall(PPCPV_TOKEN_FEATURES, 0, 0);
	v->regs.gpr[0] = 0x123456784b564d21ULL;
	fx_sc();
	CU_ASSERT_EQUAL(v->stats.hcall[PPCPV_HCALL_KIND_FEATURES], 2);
}

static void test_no_hypercalls_mode(void)
{
	fx_init(PPCPV_MODE_NONE, 0);
	v->regs.gpr[0] = PPCPV_SC_MAGIC_R0;
	v->regs.gpr[11] = PPCPV_TOKEN_FEATURES;
	expect_syscall_reflected(0);
}

static void test_map_switches_byte_order(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_set_shared64(PPCPV_SHARED_SPRG2, 0x1122334455667788ULL);
	fx.vcpu.intr_le = 1;		/* interrupts now enter little-endian */
	hcall(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA64, MAGIC_EA64);
	CU_ASSERT_FALSE(fx.vcpu.shared_be);
	CU_ASSERT_EQUAL(fx.shared[PPCPV_SHARED_SPRG2], 0x88);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SPRG2), 0x1122334455667788ULL);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_PIR), FX_ID);
	CU_ASSERT_EQUAL(fx.shared[PPCPV_SHARED_PIR], FX_ID);
}

PPCPV_SUITE(host_hcall, "host-hypercalls", NULL, NULL,
	{ "FEATURES", test_features },
	{ "MAP_MAGIC_PAGE and visibility", test_map_magic_page },
	{ "MAP validation", test_map_validation },
	{ "MAP from a 32-bit guest", test_map_32bit_guest },
	{ "MAP refused without PV", test_map_refused_without_pv },
	{ "MAP with the map-fails fault", test_map_fault_injected },
	{ "MAP again moves the page", test_remap_moves_the_page },
	{ "unknown token", test_unknown_token },
	{ "EV_IDLE", test_idle },
	{ "byte-channel console", test_byte_channel_console },
	{ "user-mode sc is reflected", test_user_sc_is_reflected },
	{ "sc without the magic is reflected", test_sc_without_magic_is_reflected },
	{ "mode none: no hypercalls", test_no_hypercalls_mode },
	{ "MAP switches the shared page byte order", test_map_switches_byte_order })
