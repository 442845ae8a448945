// SPDX-License-Identifier: MIT
/*
 * The guest's decrementer, derived from the timebase.  The host owns the
 * real DEC; the guest's count is "what it wrote minus the ticks since".
 * What the value means once it runs out, and when that raises an
 * interrupt, is the family's (its mtspr DEC arms the next event with
 * ppcpv_dec_arm(), its dec_event acts on it).  What every guest entry
 * checks (the event, the real DEC's next value) is inline in core.h.
 */
#include <ppcpv/host/arch-helpers.h>
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
	v->dec.base_value = UINT32_MAX;
	v->dec.wake_tb = UINT64_MAX;
}

void ppcpv_dec_arm(struct ppcpv_vcpu *v, uint32_t value, uint64_t ticks_to_event)
{
	v->dec.base_tb = now(v);
	v->dec.base_value = value;
	v->dec.wake_tb = ticks_to_event == UINT64_MAX ? UINT64_MAX : v->dec.base_tb + ticks_to_event;
}

void ppcpv_dec_expire(struct ppcpv_vcpu *v)
{
	ppcpv_dec_arm(v, v->arch.dec_expired, UINT64_MAX);
	v->arch.dec_event(v);
}

uint64_t ppcpv_dec_elapsed(const struct ppcpv_vcpu *v)
{
	return now(v) - v->dec.base_tb;
}

uint64_t ppcpv_vcpu_wake_tb(const struct ppcpv_vcpu *v)
{
	return v->dec.wake_tb;
}
