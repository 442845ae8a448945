// SPDX-License-Identifier: MIT
/*
 * mfspr/mtspr of the SPRs a guest kernel uses.  The shadowed ones live in
 * the shared page; DEC is virtual; PIR and PVR are read-only identities.
 * Any other SPR is not emulated (the caller reflects a program interrupt).
 */
#include <ppcpv/err.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/host/insn.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* Shared-page field of an SPR: offset and width (8 or 4), or 0 if none. */
static unsigned int shared_field(unsigned int spr, unsigned int *width)
{
	*width = 8;
	if (spr >= SPRN_SPRG0 && spr < SPRN_SPRG0 + 4)
		return PPCPV_SHARED_SPRG0 + 8 * (spr - SPRN_SPRG0);
	if (spr >= SPRN_SPRG4 && spr < SPRN_SPRG4 + 4)
		return PPCPV_SHARED_SPRG4 + 8 * (spr - SPRN_SPRG4);
	switch (spr) {
	case SPRN_SRR0:
		return PPCPV_SHARED_SRR0;
	case SPRN_SRR1:
		return PPCPV_SHARED_SRR1;
	case SPRN_DAR:
		return PPCPV_SHARED_DAR;
	case SPRN_DSISR:
		*width = 4;
		return PPCPV_SHARED_DSISR;
	default:
		return 0;
	}
}

int ppcpv_emulate_mfspr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t *val)
{
	unsigned int width, off = shared_field(spr, &width);

	if (off) {
		*val = width == 8 ? ppcpv_shared_get64(v, off) : ppcpv_shared_get32(v, off);
		return 0;
	}
	switch (spr) {
	case SPRN_DEC:
		*val = ppcpv_dec_read(v);
		return 0;
	case SPRN_PIR:
		*val = v->cfg.id;
		return 0;
	case SPRN_PVR:
		*val = v->cfg.pvr;
		return 0;
	default:
		return -PPCPV_ERR_UNSUPPORTED;
	}
}

int ppcpv_emulate_mtspr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t val)
{
	unsigned int width, off = shared_field(spr, &width);

	if (off) {
		if (width == 8)
			ppcpv_shared_set64(v, off, val);
		else
			ppcpv_shared_set32(v, off, (uint32_t)val);
		return 0;
	}
	switch (spr) {
	case SPRN_DEC:
		ppcpv_dec_write(v, (uint32_t)val);
		return 0;
	case SPRN_PIR:
		return 0;	/* read-only; writes are ignored, as KVM does */
	default:
		return -PPCPV_ERR_UNSUPPORTED;
	}
}
