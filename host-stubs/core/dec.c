// SPDX-License-Identifier: MIT
/*
 * The guest's decrementer, derived from the timebase.  The host owns the
 * real DEC; the guest's value is "what it wrote minus the ticks since".  As
 * in KVM PR the DEC interrupt is a level: it stays pending from the moment
 * the value goes negative until the guest writes a non-negative value.
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
	v->dec.armed = 0;
}

void ppcpv_dec_write(struct ppcpv_vcpu *v, uint32_t value)
{
	v->dec.base_tb = now(v);
	v->dec.base_value = (int32_t)value;
	if ((int32_t)value < 0) {
		/* A negative value is an expired one: raise at once. */
		v->dec.armed = 0;
		v->pending |= PPCPV_IRQ_DEC;
	} else {
		v->dec.armed = 1;
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
	if (!v->dec.armed)
		return UINT64_MAX;
	/* The value turns negative one tick after it reaches zero. */
	return v->dec.base_tb + (uint64_t)v->dec.base_value + 1;
}

void ppcpv_dec_update(struct ppcpv_vcpu *v)
{
	if (v->dec.armed && now(v) >= ppcpv_vcpu_wake_tb(v)) {
		v->dec.armed = 0;
		v->pending |= PPCPV_IRQ_DEC;
	}
}

uint64_t ppcpv_dec_host_ticks(const struct ppcpv_vcpu *v, int held_back)
{
	uint64_t t = now(v), wake = ppcpv_vcpu_wake_tb(v);

	/* A held-back interrupt may become deliverable without a trap (the
	 * guest leaves its critical section, or sets EE through the shared
	 * page), so come back and look. */
	if (held_back)
		return PPCPV_DEC_POLL_TICKS;
	if (wake == UINT64_MAX)
		return PPCPV_DEC_MAX_TICKS;
	if (wake <= t)
		return 1;
	return wake - t > PPCPV_DEC_MAX_TICKS ? PPCPV_DEC_MAX_TICKS : wake - t;
}
