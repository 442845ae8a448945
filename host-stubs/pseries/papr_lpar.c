// SPDX-License-Identifier: MIT
/*
 * What a Linux pSeries kernel asks of its hypervisor besides the hash
 * table and the console: the byte order of its interrupts (H_SET_MODE),
 * its processor area (H_REGISTER_VPA), its CPU's speculation
 * characteristics, the XICS interrupt presentation calls for its one CPU,
 * and RTAS through QEMU's private H_RTAS (the guest's RTAS blob issues
 * it).  Everything a kernel may do without is refused the way PAPR
 * allows, so that it carries on: relocated interrupts (AIL) are not
 * offered, and only the RTAS calls of ppcpv/host/rtas.h exist.
 */
#include <ppcpv/isa/papr.h>
#include <ppcpv/host/rtas.h>
#include <ppcpv/host/stats.h>
#include "pseries.h"

/* XICS: priorities are 8 bits, 0 most favoured, 0xff = none/least. */
#define XICS_PRIORITY_LEAST	0xff
/* The interprocessor interrupt's source number. */
#define XICS_IPI_SOURCE		2
#define XIRR_CPPR_SHIFT		24
#define XIRR_XISR_MASK		0x00ffffffu
/* get-time-of-day starts at this date (the launcher gives native QEMU the
 * same base) and runs on the timebase. */
#define TOD_BASE_YEAR		2024
#define SECONDS_PER_DAY		86400u

static struct {
	uint8_t cppr;		/* current processor priority */
	uint8_t mfrr;		/* the IPI's priority; 0xff: none */
} xics = { 0, XICS_PRIORITY_LEAST };

/* An IPI is presented while it is more favoured than the CPU's priority. */
static void xics_update(struct ppcpv_vcpu *v)
{
	ppcpv_vcpu_set_external(v, xics.mfrr < xics.cppr);
}

static uint64_t xics_accept(struct ppcpv_vcpu *v)
{
	uint64_t xirr = (uint64_t)xics.cppr << XIRR_CPPR_SHIFT;

	if (xics.mfrr < xics.cppr) {
		xirr |= XICS_IPI_SOURCE;
		xics.cppr = xics.mfrr;
	}
	xics_update(v);
	return xirr;
}

static long xics_hcall(struct ppcpv_vcpu *v, uint64_t opcode)
{
	uint64_t *r = v->regs.gpr;

	switch (opcode) {
	case H_CPPR:
		xics.cppr = (uint8_t)r[4];
		break;
	case H_EOI:
		xics.cppr = (uint8_t)(r[4] >> XIRR_CPPR_SHIFT);
		break;
	case H_IPI:
		if (r[4] != 0)
			return H_PARAMETER;	/* one server: 0 */
		xics.mfrr = (uint8_t)r[5];
		break;
	case H_IPOLL:
		r[4] = (uint64_t)xics.cppr << XIRR_CPPR_SHIFT |
		       (xics.mfrr < xics.cppr ? XICS_IPI_SOURCE : 0);
		r[5] = xics.mfrr;
		return H_SUCCESS;
	case H_XIRR:
	case H_XIRR_X:
		r[4] = xics_accept(v);
		r[5] = v->ops->timebase(v->ctx);
		return H_SUCCESS;
	}
	xics_update(v);
	return H_SUCCESS;
}

/* ---- RTAS ------------------------------------------------------------------ */

struct rtas_call {
	uint8_t *buf;		/* the argument buffer, in host memory */
	uint32_t token, nargs, nret;
};

static uint32_t be32_at(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void rtas_ret(const struct rtas_call *c, uint32_t i, int32_t value)
{
	if (i < c->nret)
		put_be32(c->buf + 4 * (PPCPV_RTAS_ARGS_HEADER_WORDS + c->nargs + i), (uint32_t)value);
}

static int leap(unsigned int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The base date plus the seconds the timebase has counted. */
static void time_of_day(const struct rtas_call *c, uint64_t tb, uint32_t timebase_hz)
{
	static const uint8_t month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	uint64_t secs = tb / timebase_hz;
	uint64_t days = secs / SECONDS_PER_DAY, rest = secs % SECONDS_PER_DAY;
	unsigned int year = TOD_BASE_YEAR, month = 0;

	while (days >= (uint64_t)(365 + leap(year)))
		days -= 365 + leap(year++);
	while (days >= (uint64_t)(month_days[month] + (month == 1 && leap(year))))
		days -= month_days[month] + (month == 1 && leap(year)), month++;
	rtas_ret(c, 0, PPCPV_RTAS_SUCCESS);
	rtas_ret(c, 1, (int32_t)year);
	rtas_ret(c, 2, (int32_t)month + 1);
	rtas_ret(c, 3, (int32_t)days + 1);
	rtas_ret(c, 4, (int32_t)(rest / 3600));
	rtas_ret(c, 5, (int32_t)(rest / 60 % 60));
	rtas_ret(c, 6, (int32_t)(rest % 60));
	rtas_ret(c, 7, (int32_t)((tb % timebase_hz) * 1000000000u / timebase_hz));
}

/* One RTAS call; the guest's stop when it powers off or gives up. */
static enum ppcpv_run_action rtas_call(struct ppcpv_vcpu *v, const struct rtas_call *c,
				       uint32_t timebase_hz)
{
	switch (c->token) {
	case PPCPV_RTAS_GET_TIME_OF_DAY:
		time_of_day(c, v->ops->timebase(v->ctx), timebase_hz);
		break;
	case PPCPV_RTAS_POWER_OFF:
	case PPCPV_RTAS_OS_TERM:
		v->exit_requested = 1;
		v->exit_status = c->token == PPCPV_RTAS_POWER_OFF ? 0 : 1;
		rtas_ret(c, 0, PPCPV_RTAS_SUCCESS);
		return PPCPV_RUN_EXIT;
	case PPCPV_RTAS_GET_XIVE:
		rtas_ret(c, 0, PPCPV_RTAS_SUCCESS);
		rtas_ret(c, 1, 0);			/* server */
		rtas_ret(c, 2, XICS_PRIORITY_LEAST);	/* masked */
		break;
	case PPCPV_RTAS_SET_XIVE:
	case PPCPV_RTAS_INT_OFF:
	case PPCPV_RTAS_INT_ON:
	case PPCPV_RTAS_NMI_REGISTER:
	case PPCPV_RTAS_NMI_INTERLOCK:
		/* no device interrupt sources and no machine checks to route */
		rtas_ret(c, 0, PPCPV_RTAS_SUCCESS);
		break;
	case PPCPV_RTAS_EVENT_SCAN:
		rtas_ret(c, 0, PPCPV_RTAS_EVENT_NONE);
		break;
	case PPCPV_RTAS_GET_SYSTEM_PARAMETER:
	default:
		rtas_ret(c, 0, PPCPV_RTAS_NOT_SUPPORTED);
		break;
	}
	return PPCPV_RUN_RESUME;
}

/* r4 = the buffer's guest real address: it must lie whole in guest RAM. */
static long rtas_hcall(struct ppcpv_vcpu *v, const struct machine *m,
		       enum ppcpv_run_action *action)
{
	uint64_t gpa = v->regs.gpr[4], size = m->cfg.guest_size;
	struct rtas_call c;
	uint64_t words;

	if (gpa >= size || size - gpa < 4 * PPCPV_RTAS_ARGS_HEADER_WORDS || gpa % 4)
		return H_PARAMETER;
	c.buf = (uint8_t *)(uintptr_t)(m->cfg.guest_base + gpa);
	c.token = be32_at(c.buf);
	c.nargs = be32_at(c.buf + 4);
	c.nret = be32_at(c.buf + 8);
	words = (uint64_t)PPCPV_RTAS_ARGS_HEADER_WORDS + c.nargs + c.nret;
	if (c.nargs > PPCPV_RTAS_ARGS_MAX_WORDS || c.nret > PPCPV_RTAS_ARGS_MAX_WORDS ||
	    size - gpa < 4 * words)
		return H_PARAMETER;
	*action = rtas_call(v, &c, m->timebase_hz);
	return H_SUCCESS;
}

/* ---- The rest ---------------------------------------------------------------- */

static long set_mode(struct ppcpv_vcpu *v)
{
	uint64_t mflags = v->regs.gpr[4], resource = v->regs.gpr[5];

	if (resource != H_SET_MODE_RESOURCE_LE)
		return H_P2;	/* AIL and the debug registers are not offered */
	if (mflags == H_SET_MODE_ENDIAN_LITTLE)
		v->intr_le = 1;
	else if (mflags == H_SET_MODE_ENDIAN_BIG)
		v->intr_le = 0;
	else
		return H_PARAMETER;
	return H_SUCCESS;
}

int papr_lpar_hcall(struct ppcpv_vcpu *v, const struct machine *m, uint64_t opcode, long *status,
		    enum ppcpv_run_action *action)
{
	switch (opcode) {
	case H_SET_MODE:
		*status = set_mode(v);
		return 1;
	case H_REGISTER_VPA:
		/* The area is the guest's own: this host never dispatches
		 * another partition, so it has nothing to write there. */
		*status = H_SUCCESS;
		return 1;
	case H_GET_CPU_CHARACTERISTICS:
		/* Nothing to flush and no barrier needed on any kernel exit:
		 * the emulated CPU has no speculation to leak through. */
		v->regs.gpr[4] = 0;
		v->regs.gpr[5] = 0;
		*status = H_SUCCESS;
		return 1;
	case H_CPPR:
	case H_EOI:
	case H_IPI:
	case H_IPOLL:
	case H_XIRR:
	case H_XIRR_X:
		*status = xics_hcall(v, opcode);
		return 1;
	case PPCPV_H_RTAS:
		*status = rtas_hcall(v, m, action);
		return 1;
	default:
		return 0;
	}
}
