/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/pvinfo.h - KVM_PPC_GET_PVINFO semantics.
 *
 * One function fills the real `struct kvm_ppc_pvinfo` of <linux/kvm.h> the
 * way a KVM host does: flags = EV_IDLE, hcall[] = the hypercall words of the
 * host kind, each stored big-endian, padding zeroed.  The host stub and the
 * launcher both use it, so what the guest's device tree gets is what the
 * host stub accepts.
 */
#ifndef PPCPV_PVINFO_H
#define PPCPV_PVINFO_H

#include <stdint.h>
#include <linux/kvm.h>

enum ppcpv_host_kind {
	/* Book3S PR and BookE e500v2: lis/ori r0,'KVM!'; sc; nop */
	PPCPV_HOST_TRAP_SC = 0,
	/* BookE-HV (e500mc and later): sc 1; nop; nop; nop */
	PPCPV_HOST_BOOKE_HV = 1,
};

/* Fill *info for a host of the given kind.  0, or -PPCPV_ERR_INVAL. */
int ppcpv_pvinfo_fill(struct kvm_ppc_pvinfo *info, enum ppcpv_host_kind kind);

/* hcall[i] of a filled struct as a host-order instruction word. */
uint32_t ppcpv_pvinfo_word(const struct kvm_ppc_pvinfo *info, unsigned int i);

/*
 * The r0 value a host must see on `sc` for the sequence in *info, which
 * must be "lis r0,HI; ori r0,r0,LO; sc" (+ nop): a host serves exactly the
 * hypercalls it hands out.  0, -PPCPV_ERR_INVAL, or -PPCPV_ERR_UNSUPPORTED
 * for any other sequence (e.g. BookE-HV's `sc 1`).
 */
int ppcpv_pvinfo_sc_magic(const struct kvm_ppc_pvinfo *info, uint32_t *magic);

#endif /* PPCPV_PVINFO_H */
