/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/shared.h - the host's accessors of the shared page.  Fields
 * are stored in the shared page's byte order (the guest's); offsets are the
 * PPCPV_SHARED_* of ppcpv/abi.h.  The accessors themselves are inline in
 * ppcpv/host/vcpu.h (the guest-MSR helpers there use them).
 */
#ifndef PPCPV_HOST_SHARED_H
#define PPCPV_HOST_SHARED_H

#include <stdint.h>
#include <ppcpv/host/vcpu.h>

/* ppcpv_shared_get64/get32/set64/set32: see ppcpv/host/vcpu.h. */

/*
 * Switch the shared page to big- (1) or little-endian (0), byte-swapping
 * every host-visible field in place.  The guest-private scratch slots are
 * left alone (the guest wrote them in its own order).
 */
void ppcpv_shared_set_byte_order(struct ppcpv_vcpu *v, int big_endian);

#endif /* PPCPV_HOST_SHARED_H */
