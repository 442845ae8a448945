// SPDX-License-Identifier: MIT
/*
 * Unit tests of host-stubs/core: load/store decoding, the MMIO device and
 * the HOST-STATS line.
 */
#include <string.h>
#include <ppcpv/err.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/stats.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

static struct ppcpv_vcpu *v = &fx.vcpu;

static void expect_access(uint32_t insn, int store, int size, int update, int sign, int rev)
{
	struct ppc_mem_access a;

	CU_ASSERT_EQUAL_FATAL(ppc_decode_mem_access(insn, &a), 0);
	CU_ASSERT_EQUAL(a.store, store);
	CU_ASSERT_EQUAL(a.size, size);
	CU_ASSERT_EQUAL(a.update, update);
	CU_ASSERT_EQUAL(a.sign_extend, sign);
	CU_ASSERT_EQUAL(a.byte_reverse, rev);
	CU_ASSERT_EQUAL(a.rt, PPC_GET_RT(insn));
	CU_ASSERT_EQUAL(a.ra, PPC_GET_RA(insn));
}

static void test_decode(void)
{
	struct ppc_mem_access a;

	expect_access(ppc_insn_stw(3, 4, 8), 1, 4, 0, 0, 0);
	expect_access(ppc_insn_lwz(3, 4, 8), 0, 4, 0, 0, 0);
	expect_access(ppc_insn_std(3, 4, 8), 1, 8, 0, 0, 0);
	expect_access(ppc_insn_ld(3, 4, 8), 0, 8, 0, 0, 0);
	expect_access(ppc_insn_dform(PPC_OP_STB, 5, 6, 0), 1, 1, 0, 0, 0);
	expect_access(ppc_insn_dform(PPC_OP_STWU, 5, 6, 0), 1, 4, 1, 0, 0);
	expect_access(ppc_insn_dform(PPC_OP_LHA, 5, 6, 0), 0, 2, 0, 1, 0);
	expect_access(ppc_insn_dsform(PPC_OP_LD, 5, 6, 0) | PPC_DS_LWA, 0, 4, 0, 1, 0);
	expect_access(ppc_insn_dsform(PPC_OP_STD, 5, 6, 0) | PPC_DS_STDU, 1, 8, 1, 0, 0);
	expect_access(fx_x(PPC_X_STBX, 7, 8, 9), 1, 1, 0, 0, 0);
	expect_access(fx_x(PPC_X_LWBRX, 7, 8, 9), 0, 4, 0, 0, 1);
	expect_access(fx_x(PPC_X_STHBRX, 7, 8, 9), 1, 2, 0, 0, 1);
	/* invalid forms and non-memory instructions */
	CU_ASSERT_EQUAL(ppc_decode_mem_access(ppc_insn_dform(PPC_OP_STWU, 5, 0, 0), &a),
			-PPCPV_ERR_UNSUPPORTED);
	CU_ASSERT_EQUAL(ppc_decode_mem_access(ppc_insn_dsform(PPC_OP_STD, 5, 6, 0) | 2, &a),
			-PPCPV_ERR_UNSUPPORTED);
	CU_ASSERT_EQUAL(ppc_decode_mem_access(PPC_INST_NOP, &a), -PPCPV_ERR_UNSUPPORTED);
	CU_ASSERT_EQUAL(ppc_decode_mem_access(fx_mfmsr(3), &a), -PPCPV_ERR_UNSUPPORTED);
	CU_ASSERT_EQUAL(ppc_decode_mem_access(PPC_INST_NOP, NULL), -PPCPV_ERR_INVAL);
}

/* Run one guest access to the device: the instruction at pc faults at ea. */
static enum ppcpv_run_action mmio(uint32_t insn, uint64_t ea)
{
	ppc_store_insn(fx.mem + v->regs.pc, insn, 1);
	return fx_trap(PPC_BOOK3S_VEC_DSI, 0, ea, PPC_BOOK3S_DSISR_NOPT);
}

static void test_uart(void)
{
	fx_init(PPCPV_MODE_NONE, 0);
	v->regs.gpr[4] = FX_HOSTDEV;
	v->regs.gpr[3] = 'h';
	CU_ASSERT_EQUAL(mmio(ppc_insn_dform(PPC_OP_STB, 3, 4, 0), FX_HOSTDEV), PPCPV_RUN_RESUME);
	v->regs.gpr[3] = 0x1269;		/* only the low byte goes out */
	mmio(ppc_insn_dform(PPC_OP_STB, 3, 4, 0), FX_HOSTDEV);
	CU_ASSERT_STRING_EQUAL(fx.console, "hi");
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 8);
	mmio(ppc_insn_dform(PPC_OP_LBZ, 6, 4, PPCPV_HOSTDEV_UART_LSR), FX_HOSTDEV + 5);
	CU_ASSERT_EQUAL(v->regs.gpr[6], PPCPV_HOSTDEV_LSR_THRE | PPCPV_HOSTDEV_LSR_TEMT);
	v->regs.gpr[3] = 0x80;			/* LCR write: accepted, no effect */
	mmio(ppc_insn_dform(PPC_OP_STB, 3, 4, 3), FX_HOSTDEV + 3);
	CU_ASSERT_EQUAL(v->stats.mmio_writes, 3);
	CU_ASSERT_EQUAL(v->stats.mmio_reads, 1);
	CU_ASSERT_EQUAL(v->stats.dsi_reflected, 0);
}

static void test_exit_and_id(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[4] = FX_HOSTDEV;
	mmio(ppc_insn_lwz(7, 4, PPCPV_HOSTDEV_ID), FX_HOSTDEV + PPCPV_HOSTDEV_ID);
	CU_ASSERT_EQUAL(v->regs.gpr[7], PPCPV_HOSTDEV_ID_VALUE);
	mmio(fx_x(PPC_X_LWBRX, 7, 0, 4) , FX_HOSTDEV + PPCPV_HOSTDEV_ID);
	CU_ASSERT_EQUAL(v->regs.gpr[7], 0x44565050);
	v->regs.gpr[3] = 42;
	v->regs.gpr[4] = FX_HOSTDEV + 8;
	CU_ASSERT_EQUAL(mmio(ppc_insn_dform(PPC_OP_STWU, 3, 4, 8), FX_HOSTDEV + PPCPV_HOSTDEV_EXIT),
			PPCPV_RUN_EXIT);
	CU_ASSERT_EQUAL(v->exit_status, 42);
	CU_ASSERT_EQUAL(v->regs.gpr[4], FX_HOSTDEV + PPCPV_HOSTDEV_EXIT);	/* update form */
}

static void test_stats_mark(void)
{
	const char *want = PPCPV_HOSTDEV_MARK_PREFIX "7: {\"exits\":1,\"emulated\":0,";

	fx_init(PPCPV_MODE_PV, 0);
	v->regs.gpr[3] = 7;
	v->regs.gpr[4] = FX_HOSTDEV;
	CU_ASSERT_EQUAL(mmio(ppc_insn_stw(3, 4, PPCPV_HOSTDEV_STATS_MARK),
			     FX_HOSTDEV + PPCPV_HOSTDEV_STATS_MARK), PPCPV_RUN_RESUME);
	/* the counters include the marking store itself (one exit) */
	CU_ASSERT_EQUAL(strncmp(fx.console, want, strlen(want)), 0);
	CU_ASSERT_EQUAL(v->stats.mmio_writes, 1);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 4);
	CU_ASSERT_FALSE(v->exit_requested);
	/* the fixture keeps 512 bytes: start the next line afresh */
	fx.console_len = 0;
	v->regs.gpr[3] = 8;
	mmio(ppc_insn_stw(3, 4, PPCPV_HOSTDEV_STATS_MARK), FX_HOSTDEV + PPCPV_HOSTDEV_STATS_MARK);
	want = PPCPV_HOSTDEV_MARK_PREFIX "8: {\"exits\":2,";
	CU_ASSERT_EQUAL(strncmp(fx.console, want, strlen(want)), 0);
}

static void expect_dsi(uint32_t insn, uint64_t ea)
{
	uint64_t pc = v->regs.pc;

	CU_ASSERT_EQUAL(mmio(insn, ea), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DSI);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), pc);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_DAR), ea);
	CU_ASSERT_FALSE(v->exit_requested);
}

static void test_bad_accesses_fault(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_stw(3, 4, 0), FX_HOSTDEV);				/* UART is bytes */
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_dform(PPC_OP_STB, 3, 4, 0), FX_HOSTDEV + PPCPV_HOSTDEV_EXIT);
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_lwz(3, 4, 0), FX_HOSTDEV + PPCPV_HOSTDEV_EXIT + 2);	/* misaligned */
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_lwz(3, 4, 0), FX_HOSTDEV + 0x800);			/* no register */
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_lwz(3, 4, 0), FX_HOSTDEV + PPCPV_HOSTDEV_STATS_MARK);	/* write-only */
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_std(3, 4, 0), FX_HOSTDEV + PPCPV_HOSTDEV_STATS_MARK);	/* 32-bit */
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(PPC_INST_NOP, FX_HOSTDEV);					/* not a load */
	fx_init(PPCPV_MODE_PV, 0);
	expect_dsi(ppc_insn_stw(3, 4, 0), FX_HOSTDEV + PPCPV_HOSTDEV_SIZE);	/* next page */
	CU_ASSERT_EQUAL(v->stats.mmio_writes, 0);
}

static void test_stats_json(void)
{
	struct ppcpv_host_stats s;
	char buf[2048];
	int n;

	memset(&s, 0, sizeof(s));
	s.exits = 12;
	s.emul[PPCPV_EMUL_KIND_MFMSR] = 3;
	s.emul[PPCPV_EMUL_KIND_RFID] = 2;
	s.hcall[PPCPV_HCALL_KIND_MAP_MAGIC_PAGE] = 1;
	s.dec_deferred = 4;
	n = ppcpv_stats_json(&s, buf, sizeof(buf));
	CU_ASSERT_EQUAL(n, (int)strlen(buf));
	CU_ASSERT_EQUAL(buf[0], '{');
	CU_ASSERT_EQUAL(buf[n - 1], '}');
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "{\"exits\":12,\"emulated\":5,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\"emul_mfmsr\":3,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\"hcall_map_magic_page\":1,"));
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "\"dec_deferred\":4,"));
	CU_ASSERT_PTR_NULL(strstr(buf, ",,"));
	CU_ASSERT_EQUAL(ppcpv_stats_json(&s, buf, 40), -PPCPV_ERR_NOSPACE);
	CU_ASSERT_EQUAL(ppcpv_stats_json(&s, buf, (size_t)n), -PPCPV_ERR_NOSPACE);
	CU_ASSERT_EQUAL(ppcpv_stats_json(&s, buf, (size_t)n + 1), n);
}

PPCPV_SUITE(host_mmio, "host-mmio", NULL, NULL,
	{ "load/store decoding", test_decode },
	{ "UART transmitter", test_uart },
	{ "exit and id registers", test_exit_and_id },
	{ "stats-mark register", test_stats_mark },
	{ "bad device accesses fault", test_bad_accesses_fault },
	{ "HOST-STATS JSON", test_stats_json })
