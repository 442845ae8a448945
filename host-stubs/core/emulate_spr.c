// SPDX-License-Identifier: MIT
/*
 * mfspr/mtspr of the SPRs a guest kernel uses.  The shadowed ones live in
 * the shared page, found through the one SPR-to-field table the patcher
 * uses too (ppcpv/shared-spr.h); DEC is virtual; PVR is the real CPU's.
 * Any other SPR is not emulated (the caller reflects a program interrupt).
 */
#include <ppcpv/err.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/shared-spr.h>
#include <ppcpv/host/shared.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* The family whose SPR numbers and shadowing the host emulates. */
#define HOST_FAMILY	PPCPV_FAMILY_BOOK3S64

int ppcpv_emulate_mfspr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t *val)
{
	struct ppcpv_shared_spr f;

	if (ppcpv_shared_spr_find(HOST_FAMILY, spr, &f)) {
		*val = f.bytes == 8 ? ppcpv_shared_get64(v, f.field) : ppcpv_shared_get32(v, f.field);
		return 0;
	}
	switch (spr) {
	case PPC_SPR_DEC:
		*val = ppcpv_dec_read(v);
		return 0;
	case PPC_SPR_PVR:
		*val = v->cfg.pvr;
		return 0;
	default:
		return -PPCPV_ERR_UNSUPPORTED;
	}
}

int ppcpv_emulate_mtspr(struct ppcpv_vcpu *v, unsigned int spr, uint64_t val)
{
	struct ppcpv_shared_spr f;

	if (ppcpv_shared_spr_find(HOST_FAMILY, spr, &f) && f.writable) {
		if (f.bytes == 8)
			ppcpv_shared_set64(v, f.field, val);
		else
			ppcpv_shared_set32(v, f.field, (uint32_t)val);
		return 0;
	}
	switch (spr) {
	case PPC_SPR_DEC:
		ppcpv_dec_write(v, (uint32_t)val);
		return 0;
	case PPC_BOOK3S_SPR_PIR:
		return 0;	/* read-only; writes are ignored, as KVM does */
	default:
		return -PPCPV_ERR_UNSUPPORTED;
	}
}
