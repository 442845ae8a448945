// SPDX-License-Identifier: MIT
/*
 * The Book3S decrementer: the guest's value counts down through zero into
 * negative numbers, and (as in KVM PR) its interrupt is a level - pending
 * from the moment the value turns negative until the guest writes a
 * non-negative one.
 */
#include "book3s.h"

void book3s_dec_write(struct ppcpv_vcpu *v, uint32_t value)
{
	if ((int32_t)value < 0) {
		/* A negative value is an expired one: raise at once. */
		ppcpv_dec_arm(v, value, UINT64_MAX);
		v->pending |= PPCPV_IRQ_DEC;
	} else {
		/* The value turns negative one tick after it reaches zero. */
		ppcpv_dec_arm(v, value, (uint64_t)value + 1);
		v->pending &= ~PPCPV_IRQ_DEC;
	}
}

uint32_t book3s_dec_read(const struct ppcpv_vcpu *v)
{
	return (uint32_t)(v->dec.base_value - ppcpv_dec_elapsed(v));
}

void book3s_dec_event(struct ppcpv_vcpu *v)
{
	v->pending |= PPCPV_IRQ_DEC;
}
