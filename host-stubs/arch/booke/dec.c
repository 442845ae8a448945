// SPDX-License-Identifier: MIT
/*
 * The BookE decrementer: it counts down to zero and stops there (no
 * auto-reload: TCR[ARE] and DECAR are not modelled); reaching zero from
 * one sets TSR[DIS], and the interrupt is pending while TSR[DIS] and
 * TCR[DIE] are both set - a level the guest lowers by clearing DIS
 * (writing 1 to it in TSR) or DIE.
 */
#include "booke.h"

/* Raise or lower the DEC line from TSR and TCR. */
static void update_level(struct ppcpv_vcpu *v)
{
	if ((v->arch_sprs[BOOKE_TSR] & PPC_BOOKE_TSR_DIS) &&
	    (v->arch_sprs[BOOKE_TCR] & PPC_BOOKE_TCR_DIE))
		v->pending |= PPCPV_IRQ_DEC;
	else
		v->pending &= ~PPCPV_IRQ_DEC;
}

void booke_dec_write(struct ppcpv_vcpu *v, uint32_t value)
{
	/* Writing 0 stops it without an event: only 1 -> 0 is one. */
	ppcpv_dec_arm(v, value, value ? value : UINT64_MAX);
}

uint32_t booke_dec_read(const struct ppcpv_vcpu *v)
{
	uint64_t elapsed = ppcpv_dec_elapsed(v);

	return elapsed >= v->dec.base_value ? 0 : (uint32_t)(v->dec.base_value - elapsed);
}

void booke_dec_event(struct ppcpv_vcpu *v)
{
	v->arch_sprs[BOOKE_TSR] |= PPC_BOOKE_TSR_DIS;
	update_level(v);
}

/* mtspr TSR: the bits written as 1 are cleared. */
void booke_tsr_clear(struct ppcpv_vcpu *v, uint64_t bits)
{
	v->arch_sprs[BOOKE_TSR] &= ~bits;
	update_level(v);
}

void booke_tcr_write(struct ppcpv_vcpu *v, uint64_t tcr)
{
	v->arch_sprs[BOOKE_TCR] = (uint32_t)tcr;
	update_level(v);
}
