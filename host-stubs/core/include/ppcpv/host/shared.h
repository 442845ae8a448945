/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/shared.h - the host's accessors of the shared page.  Fields
 * are stored in the shared page's byte order (the guest's); offsets are the
 * PPCPV_SHARED_* of ppcpv/abi.h.
 */
#ifndef PPCPV_HOST_SHARED_H
#define PPCPV_HOST_SHARED_H

#include <stdint.h>
#include <ppcpv/host/vcpu.h>

uint64_t ppcpv_shared_get64(const struct ppcpv_vcpu *v, unsigned int off);
void ppcpv_shared_set64(struct ppcpv_vcpu *v, unsigned int off, uint64_t val);
uint32_t ppcpv_shared_get32(const struct ppcpv_vcpu *v, unsigned int off);
void ppcpv_shared_set32(struct ppcpv_vcpu *v, unsigned int off, uint32_t val);

/*
 * Switch the shared page to big- (1) or little-endian (0), byte-swapping
 * every host-visible field in place.  The guest-private scratch slots are
 * left alone (the guest wrote them in its own order).
 */
void ppcpv_shared_set_byte_order(struct ppcpv_vcpu *v, int big_endian);

#endif /* PPCPV_HOST_SHARED_H */
