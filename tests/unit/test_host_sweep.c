// SPDX-License-Identifier: MIT
/*
 * Unit tests of host-stubs/core/sweep.c, the interrupt-placement sweep,
 * with either family: this file plays the platform's glue
 * (ppcpv/host/sweep.h) on the simulated machine - each step exit is "one
 * instruction completed in place" - and reads the verdicts from the
 * HOST-SWEEP line, as the QEMU tests do.  The raise must be the family's
 * own expiry (BookE: DEC 0 and TSR[DIS], delivered through IVOR10; Book3S:
 * DEC negative, 0x900), held in a critical section and delivered at the
 * first boundary after it, and the defects must be counted: a placement
 * never delivered is lost, ignore-critical delivers in the critical
 * section.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <ppcpv/abi.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/host/platform.h>
#include <ppcpv/host/sweep.h>
#include "ppcpv_test.h"
#include "test_host_fixture.h"

#define BOOKE_IVPR	0x00010000
#define BOOKE_DEC_HANDLER (BOOKE_IVPR + 0x100)
#define KERNEL_EE	(PPC_BOOK3S_MSR_SF | PPC_MSR_ME | PPC_MSR_EE | PPC_BOOK3S_MSR_IR | \
			 PPC_BOOK3S_MSR_DR | PPC_BOOK3S_MSR_RI)
#define STACK		0x7f00

static struct ppcpv_vcpu *v = &fx.vcpu;

/* ---- The platform the core's report needs (ppcpv/host/platform.h) ---- */

static char report[256];
static size_t report_len;

void console_write(const char *buf, size_t len)
{
	if (report_len + len >= sizeof(report))
		len = sizeof(report) - 1 - report_len;
	memcpy(report + report_len, buf, len);
	report_len += len;
	report[report_len] = '\0';
}

void platform_before_stop(void)
{
}

void platform_report(void)
{
}

void platform_power_off(int status)
{
	abort();	/* nothing here stops the host */
}

struct verdicts {
	unsigned long long placed, delivered, lost, in_critical, masked;
};

/* The HOST-SWEEP line's counters (cumulative over the run: the tests
 * compare before and after). */
static struct verdicts verdicts(void)
{
	struct verdicts n = { 0 };

	report_len = 0;
	report[0] = '\0';
	ppcpv_sweep_report();
	CU_ASSERT_EQUAL(sscanf(report, "HOST-SWEEP: {\"placed\":%llu,\"delivered\":%llu,\"lost\":%llu,"
			       "\"delivered_in_critical\":%llu,\"delivered_masked\":%llu}",
			       &n.placed, &n.delivered, &n.lost, &n.in_critical, &n.masked), 5);
	return n;
}

static void expect_delta(const struct verdicts *before, unsigned int placed, unsigned int lost,
			 unsigned int in_critical)
{
	struct verdicts after = verdicts();

	CU_ASSERT_EQUAL(after.placed - before->placed, placed);
	CU_ASSERT_EQUAL(after.lost - before->lost, lost);
	CU_ASSERT_EQUAL(after.in_critical - before->in_critical, in_critical);
	CU_ASSERT_EQUAL(after.masked, before->masked);
}

/* ---- The glue, as a platform runs it ---------------------------------- */

static void sweep_on(enum ppcpv_irq_sweep mode)
{
	CU_ASSERT_TRUE(ppcpv_sweep_init(mode));
	v->ops = ppcpv_sweep_ops(&fx_ops);
}

static uint64_t reg(uint64_t offset, unsigned int size, int write, uint64_t val)
{
	CU_ASSERT_EQUAL(v->ops->hostdev_platform(v->ctx, v, offset, size, write, &val), 0);
	return val;
}

static void arm(uint64_t from, uint64_t to, uint32_t at, unsigned int address_size)
{
	reg(PPCPV_HOSTDEV_SWEEP_FROM, address_size, 1, from);
	reg(PPCPV_HOSTDEV_SWEEP_TO, address_size, 1, to);
	reg(PPCPV_HOSTDEV_SWEEP_AT, 4, 1, at);
	CU_ASSERT_TRUE(ppcpv_sweep_stepping());
}

/* The platform's entry, its MSR left out: only the step bit is looked at. */
static uint64_t fx_prepare(void)
{
	fx_enter();
	return 0;
}

/* An entry: 1 if the guest is single-stepped on it. */
static int entry(void)
{
	return ppcpv_sweep_entry(v, fx_prepare, 1) == 1;
}

/* The step exit: the guest completed one instruction in place. */
static int step(void)
{
	v->regs.pc += 4;
	ppcpv_sweep_step_exit(1);
	return entry();
}

static uint32_t end(void)
{
	return (uint32_t)reg(PPCPV_HOSTDEV_SWEEP_END, 4, 0, 0);
}

/* ---- BookE ------------------------------------------------------------- */

static void booke_mtspr(unsigned int spr, uint64_t val)
{
	v->regs.gpr[9] = val;
	CU_ASSERT_EQUAL(fx_booke_exec(ppc_insn_mtspr(spr, 9)), PPCPV_RUN_RESUME);
}

static void booke_init(void)
{
	fx_init_booke(PPCPV_MODE_NO_PV);
	booke_mtspr(PPC_BOOKE_SPR_IVPR, BOOKE_IVPR);
	booke_mtspr(PPC_BOOKE_SPR_IVOR(PPC_BOOKE_IVOR_DEC), BOOKE_DEC_HANDLER - BOOKE_IVPR);
	booke_mtspr(PPC_BOOKE_SPR_TCR, PPC_BOOKE_TCR_DIE);
	ppcpv_vcpu_set_msr(v, PPC_MSR_ME);
	v->regs.pc = FX_CODE;
}

/* Raised at boundary 2 with EE off: the expiry as BookE's (DEC 0, TSR[DIS]
 * set), held until the emulated wrteei 1 completes (boundary 3), delivered
 * through IVOR10 there; 4-byte address registers from a 32-bit guest. */
static void test_booke_raise_held_then_delivered(void)
{
	struct verdicts before;

	booke_init();
	sweep_on(PPCPV_IRQ_SWEEP_STEP);
	before = verdicts();
	arm(FX_CODE, FX_CODE + 16, 2, 4);
	CU_ASSERT_EQUAL(entry(), 1);			/* boundary 0 */
	CU_ASSERT_EQUAL(step(), 1);			/* 1 */
	CU_ASSERT_EQUAL(v->pending, 0);
	CU_ASSERT_EQUAL(step(), 1);			/* 2: raised, EE off: held */
	CU_ASSERT_EQUAL(v->pending, PPCPV_IRQ_DEC);
	CU_ASSERT_EQUAL(v->arch.dec_read(v), 0);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_INT_PENDING), 1);
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 8);
	/* wrteei 1 traps and is emulated: it completes in the host */
	CU_ASSERT_EQUAL(fx_booke_exec(PPC_INST_WRTEEI | PPC_INST_WRTEEI_E), PPCPV_RUN_RESUME);
	CU_ASSERT_EQUAL(entry(), 0);			/* 3: delivered */
	CU_ASSERT_EQUAL(v->regs.pc, BOOKE_DEC_HANDLER);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), FX_CODE + 12);
	CU_ASSERT_FALSE(ppcpv_sweep_stepping());
	CU_ASSERT_EQUAL(end(), PPCPV_HOSTDEV_SWEEP_NEVER);	/* TO not reached stepped */
	expect_delta(&before, 1, 0, 0);
	CU_ASSERT_EQUAL(verdicts().delivered - before.delivered, 1);
	v->ops = &fx_ops;
}

/* The reference run (never raised) counts every completed instruction,
 * and SWEEP_END tells where TO was reached; a placement never delivered
 * (EE stays off) is lost at SWEEP_END. */
static void test_booke_count_and_lost(void)
{
	struct verdicts before;

	booke_init();
	sweep_on(PPCPV_IRQ_SWEEP_STEP);
	before = verdicts();
	arm(FX_CODE, FX_CODE + 12, PPCPV_HOSTDEV_SWEEP_NEVER, 4);
	entry();
	step();
	CU_ASSERT_EQUAL(fx_booke_exec(PPC_INST_WRTEEI), PPCPV_RUN_RESUME);	/* emulated: one */
	entry();
	step();
	CU_ASSERT_EQUAL(v->regs.pc, FX_CODE + 12);
	CU_ASSERT_EQUAL(end(), 3);
	expect_delta(&before, 0, 0, 0);

	v->regs.pc = FX_CODE;
	arm(FX_CODE, FX_CODE + 12, 1, 4);
	entry();
	step();					/* raised, EE off */
	step();
	CU_ASSERT_EQUAL(v->pending, PPCPV_IRQ_DEC);
	end();
	expect_delta(&before, 1, 1, 0);
	v->ops = &fx_ops;
}

/* ---- Book3S: the critical section ------------------------------------- */

static void book3s_critical_init(void)
{
	fx_init(PPCPV_MODE_PV, 0);
	fx_map_magic_page();
	fx_set_msr(KERNEL_EE);
	v->regs.gpr[1] = STACK;
	v->regs.pc = FX_CODE;
}

/* Raised inside a critical section (critical == r1, EE on): held with
 * int_pending, delivered at the boundary after the store that leaves it,
 * into 0x900, with the DEC negative. */
static void test_book3s_held_in_critical_section(void)
{
	struct verdicts before;

	book3s_critical_init();
	sweep_on(PPCPV_IRQ_SWEEP_STEP);
	before = verdicts();
	arm(FX_CODE, FX_CODE + 16, 1, 8);
	CU_ASSERT_EQUAL(entry(), 1);
	fx_set_shared64(PPCPV_SHARED_CRITICAL, STACK);	/* stw r1 -> critical */
	CU_ASSERT_EQUAL(step(), 1);			/* 1: raised, held */
	CU_ASSERT_EQUAL((int32_t)v->arch.dec_read(v) < 0, 1);
	CU_ASSERT_EQUAL(fx_shared32(PPCPV_SHARED_INT_PENDING), 1);
	CU_ASSERT_EQUAL(step(), 1);			/* 2: still inside */
	fx_set_shared64(PPCPV_SHARED_CRITICAL, 0);	/* leave */
	CU_ASSERT_EQUAL(step(), 0);			/* 3: delivered */
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	CU_ASSERT_EQUAL(fx_shared64(PPCPV_SHARED_SRR0), FX_CODE + 12);
	end();
	expect_delta(&before, 1, 0, 0);
	v->ops = &fx_ops;
}

/* The deliberate defect delivers inside the critical section: counted. */
static void test_book3s_ignore_critical_is_counted(void)
{
	struct verdicts before;

	book3s_critical_init();
	sweep_on(PPCPV_IRQ_SWEEP_IGNORE_CRITICAL);
	before = verdicts();
	arm(FX_CODE, FX_CODE + 16, 1, 8);
	entry();
	fx_set_shared64(PPCPV_SHARED_CRITICAL, STACK);
	CU_ASSERT_EQUAL(step(), 0);			/* 1: delivered in it */
	CU_ASSERT_EQUAL(v->regs.pc, PPC_BOOK3S_VEC_DEC);
	end();
	expect_delta(&before, 1, 0, 1);
	ppcpv_sweep_init(PPCPV_IRQ_SWEEP_STEP);
	v->ops = &fx_ops;
}

/* Off: no registers on the device, nothing reported. */
static void test_off(void)
{
	const struct ppcpv_host_ops *ops;

	CU_ASSERT_FALSE(ppcpv_sweep_init(PPCPV_IRQ_SWEEP_OFF));
	ops = ppcpv_sweep_ops(&fx_ops);
	CU_ASSERT_PTR_EQUAL(ops, &fx_ops);
	report_len = 0;
	report[0] = '\0';
	ppcpv_sweep_report();
	CU_ASSERT_EQUAL(report_len, 0);
}

PPCPV_SUITE(host_sweep, "host-sweep", NULL, NULL,
	{ "BookE: the raise is its expiry, held with EE off, delivered at wrteei",
	  test_booke_raise_held_then_delivered },
	{ "BookE: the count, and a placement never delivered is lost", test_booke_count_and_lost },
	{ "Book3S: held in a critical section, delivered after it",
	  test_book3s_held_in_critical_section },
	{ "ignore-critical is counted", test_book3s_ignore_critical_is_counted },
	{ "off: no registers, no report", test_off })
