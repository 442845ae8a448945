// SPDX-License-Identifier: MIT
/*
 * The guest's decrementer, derived from the timebase.  The host owns the
 * real DEC; the guest's value is "what it wrote minus the ticks since".  As
 * in KVM PR the DEC interrupt is a level: it stays pending from the moment
 * the value goes negative until the guest writes a non-negative value.
 * What every guest entry checks (expiry, the real DEC's next value) is
 * inline in core.h.
 */
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

static uint64_t now(const struct ppcpv_vcpu *v)
{
	return v->ops->timebase(v->ctx);
}

void ppcpv_dec_reset(struct ppcpv_vcpu *v)
{
	/* Nothing fires until the guest first writes DEC. */
	v->dec.base_tb = now(v);
	v->dec.base_value = -1;
	v->dec.wake_tb = UINT64_MAX;
}

void ppcpv_dec_write(struct ppcpv_vcpu *v, uint32_t value)
{
	v->dec.base_tb = now(v);
	v->dec.base_value = (int32_t)value;
	if ((int32_t)value < 0) {
		/* A negative value is an expired one: raise at once. */
		v->dec.wake_tb = UINT64_MAX;
		v->pending |= PPCPV_IRQ_DEC;
	} else {
		/* The value turns negative one tick after it reaches zero. */
		v->dec.wake_tb = v->dec.base_tb + value + 1;
		v->pending &= ~PPCPV_IRQ_DEC;
	}
}

uint32_t ppcpv_dec_read(const struct ppcpv_vcpu *v)
{
	uint64_t elapsed = now(v) - v->dec.base_tb;

	return (uint32_t)((uint64_t)v->dec.base_value - elapsed);
}

uint64_t ppcpv_vcpu_wake_tb(const struct ppcpv_vcpu *v)
{
	return v->dec.wake_tb;
}
