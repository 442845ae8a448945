// SPDX-License-Identifier: MIT
/*
 * Build-time proof that ppcpv/abi.h agrees with the Linux uapi headers.
 *
 * Compiled (never run) by `make` with the host compiler against
 * <linux/kvm.h> / <linux/kvm_para.h>, and with each PowerPC cross compiler
 * (ppc32 BE, ppc64 BE, ppc64 LE) against the cross uapi headers
 * <asm/kvm_para.h> and <asm/epapr_hcalls.h> as well.  Any disagreement is a
 * compile error.  tests/abi/sabotage.sh shows that a wrong value fails here.
 */
#include <stddef.h>
#include <linux/kvm.h>
#include <linux/kvm_para.h>
#include <ppcpv/abi.h>

#define SAME(ours, theirs) \
	_Static_assert((ours) == (theirs), #ours " != " #theirs)

/* ---- <linux/kvm.h>, every architecture ---------------------------------- */

SAME(PPCPV_PVINFO_SIZE, sizeof(struct kvm_ppc_pvinfo));
SAME(PPCPV_PVINFO_OFF_FLAGS, offsetof(struct kvm_ppc_pvinfo, flags));
SAME(PPCPV_PVINFO_OFF_HCALL, offsetof(struct kvm_ppc_pvinfo, hcall));
SAME(PPCPV_PVINFO_OFF_PAD, offsetof(struct kvm_ppc_pvinfo, pad));
SAME(PPCPV_PVINFO_PAD_SIZE, sizeof(((struct kvm_ppc_pvinfo *)0)->pad));
SAME(PPCPV_HCALL_INSN_COUNT * 4, sizeof(((struct kvm_ppc_pvinfo *)0)->hcall));
SAME(PPCPV_PVINFO_FLAG_EV_IDLE, KVM_PPC_PVINFO_FLAGS_EV_IDLE);
SAME(PPCPV_KVMIO, KVMIO);
SAME(PPCPV_KVM_PPC_GET_PVINFO_NR, _IOC_NR(KVM_PPC_GET_PVINFO));
SAME(PPCPV_KVMIO, _IOC_TYPE(KVM_PPC_GET_PVINFO));
SAME(PPCPV_KVM_CAP_PPC_GET_PVINFO, KVM_CAP_PPC_GET_PVINFO);
SAME(PPCPV_KVM_CAP_PPC_FIXUP_HCALL, KVM_CAP_PPC_FIXUP_HCALL);
SAME(PPCPV_KVM_HC_FEATURES, KVM_HC_FEATURES);
SAME(PPCPV_KVM_HC_PPC_MAP_MAGIC_PAGE, KVM_HC_PPC_MAP_MAGIC_PAGE);

/* The ioctl number as this compiler's <linux/kvm.h> spells it. */
#if defined(__powerpc__)
SAME(PPCPV_KVM_PPC_GET_PVINFO_PPC, KVM_PPC_GET_PVINFO);
#elif defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
SAME(PPCPV_KVM_PPC_GET_PVINFO_GENERIC, KVM_PPC_GET_PVINFO);
#endif

/* The hypercall words are derived from the magic; pin their values too. */
SAME(PPCPV_HCALL_INSN0, 0x3c004b56);
SAME(PPCPV_HCALL_INSN1, 0x60004d21);
SAME(PPCPV_HCALL_INSN2, 0x44000002);
SAME(PPCPV_HCALL_INSN3, 0x60000000);
SAME(PPCPV_MSR_CRITICAL_MASK32, 0xffff7ffd);
SAME(PPCPV_MSR_SAFE_BITS, 0x8002);
SAME(PPCPV_SHARED_DISP(PPCPV_MAGIC_PAGE_EA, PPCPV_SHARED_MSR), -4008);

/* Our struct must match our offsets on every flavour. */
#define OURS(field, OFF) SAME(PPCPV_SHARED_##OFF, offsetof(struct ppcpv_shared, field))
OURS(scratch1, SCRATCH1); OURS(scratch2, SCRATCH2); OURS(scratch3, SCRATCH3);
OURS(critical, CRITICAL); OURS(sprg0, SPRG0); OURS(sprg1, SPRG1);
OURS(sprg2, SPRG2); OURS(sprg3, SPRG3); OURS(srr0, SRR0); OURS(srr1, SRR1);
OURS(dar, DAR); OURS(msr, MSR); OURS(dsisr, DSISR); OURS(int_pending, INT_PENDING);
OURS(sr, SR); OURS(mas0, MAS0); OURS(mas1, MAS1); OURS(mas7_3, MAS7_3);
OURS(mas2, MAS2); OURS(mas4, MAS4); OURS(mas6, MAS6); OURS(esr, ESR);
OURS(pir, PIR); OURS(sprg4, SPRG4); OURS(sprg5, SPRG5); OURS(sprg6, SPRG6);
OURS(sprg7, SPRG7);
SAME(PPCPV_SHARED_SIZE, sizeof(struct ppcpv_shared));
SAME(PPCPV_SHARED_SIZE, 240);

/* ---- PowerPC-only uapi: <asm/kvm_para.h>, <asm/epapr_hcalls.h> ---------- */
#if defined(__powerpc__)
#include <asm/kvm_para.h>
#include <asm/epapr_hcalls.h>

#define THEIRS(field, OFF) \
	SAME(PPCPV_SHARED_##OFF, offsetof(struct kvm_vcpu_arch_shared, field)); \
	SAME(sizeof(((struct ppcpv_shared *)0)->field), \
	     sizeof(((struct kvm_vcpu_arch_shared *)0)->field))
THEIRS(scratch1, SCRATCH1); THEIRS(scratch2, SCRATCH2); THEIRS(scratch3, SCRATCH3);
THEIRS(critical, CRITICAL); THEIRS(sprg0, SPRG0); THEIRS(sprg1, SPRG1);
THEIRS(sprg2, SPRG2); THEIRS(sprg3, SPRG3); THEIRS(srr0, SRR0); THEIRS(srr1, SRR1);
THEIRS(dar, DAR); THEIRS(msr, MSR); THEIRS(dsisr, DSISR);
THEIRS(int_pending, INT_PENDING); THEIRS(sr, SR); THEIRS(mas0, MAS0);
THEIRS(mas1, MAS1); THEIRS(mas7_3, MAS7_3); THEIRS(mas2, MAS2); THEIRS(mas4, MAS4);
THEIRS(mas6, MAS6); THEIRS(esr, ESR); THEIRS(pir, PIR); THEIRS(sprg4, SPRG4);
THEIRS(sprg5, SPRG5); THEIRS(sprg6, SPRG6); THEIRS(sprg7, SPRG7);
SAME(PPCPV_SHARED_SIZE, sizeof(struct kvm_vcpu_arch_shared));
SAME(PPCPV_SHARED_SR_COUNT * 4, sizeof(((struct kvm_vcpu_arch_shared *)0)->sr));

SAME(PPCPV_SC_MAGIC_R0, KVM_SC_MAGIC_R0);
SAME(PPCPV_KVM_FEATURE_MAGIC_PAGE, KVM_FEATURE_MAGIC_PAGE);
SAME(PPCPV_MAGIC_FEAT_SR, KVM_MAGIC_FEAT_SR);
SAME(PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7, KVM_MAGIC_FEAT_MAS0_TO_SPRG7);
SAME(PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX, MAGIC_PAGE_FLAG_NOT_MAPPED_NX);

SAME(PPCPV_VENDOR_LOCAL, EV_LOCAL_VENDOR_ID);
SAME(PPCPV_VENDOR_EPAPR, EV_EPAPR_VENDOR_ID);
SAME(PPCPV_VENDOR_FSL, EV_FSL_VENDOR_ID);
SAME(PPCPV_VENDOR_IBM, EV_IBM_VENDOR_ID);
SAME(PPCPV_VENDOR_GHS, EV_GHS_VENDOR_ID);
SAME(PPCPV_VENDOR_ENEA, EV_ENEA_VENDOR_ID);
SAME(PPCPV_VENDOR_WR, EV_WR_VENDOR_ID);
SAME(PPCPV_VENDOR_AMCC, EV_AMCC_VENDOR_ID);
SAME(PPCPV_VENDOR_KVM, EV_KVM_VENDOR_ID);
SAME(PPCPV_HCALL_TOKEN(5, 7), _EV_HCALL_TOKEN(5, 7));
SAME(PPCPV_TOKEN_FEATURES, KVM_HCALL_TOKEN(KVM_HC_FEATURES));
SAME(PPCPV_TOKEN_MAP_MAGIC_PAGE, KVM_HCALL_TOKEN(KVM_HC_PPC_MAP_MAGIC_PAGE));
SAME(PPCPV_TOKEN_EV_IDLE, EV_HCALL_TOKEN(EV_IDLE));
SAME(PPCPV_TOKEN_BYTE_CHANNEL_SEND, EV_HCALL_TOKEN(EV_BYTE_CHANNEL_SEND));
SAME(PPCPV_TOKEN_FEATURES, 0x002a0003);
SAME(PPCPV_TOKEN_MAP_MAGIC_PAGE, 0x002a0004);
SAME(PPCPV_TOKEN_EV_IDLE, 0x00010010);

SAME(PPCPV_EV_BYTE_CHANNEL_SEND, EV_BYTE_CHANNEL_SEND);
SAME(PPCPV_EV_BYTE_CHANNEL_RECEIVE, EV_BYTE_CHANNEL_RECEIVE);
SAME(PPCPV_EV_BYTE_CHANNEL_POLL, EV_BYTE_CHANNEL_POLL);
SAME(PPCPV_EV_IDLE, EV_IDLE);
SAME(PPCPV_EV_BYTE_CHANNEL_MAX_BYTES, EV_BYTE_CHANNEL_MAX_BYTES);

SAME(PPCPV_EV_SUCCESS, EV_SUCCESS);
SAME(PPCPV_EV_EPERM, EV_EPERM);
SAME(PPCPV_EV_ENOENT, EV_ENOENT);
SAME(PPCPV_EV_EIO, EV_EIO);
SAME(PPCPV_EV_EAGAIN, EV_EAGAIN);
SAME(PPCPV_EV_ENOMEM, EV_ENOMEM);
SAME(PPCPV_EV_EFAULT, EV_EFAULT);
SAME(PPCPV_EV_ENODEV, EV_ENODEV);
SAME(PPCPV_EV_EINVAL, EV_EINVAL);
SAME(PPCPV_EV_INTERNAL, EV_INTERNAL);
SAME(PPCPV_EV_CONFIG, EV_CONFIG);
SAME(PPCPV_EV_INVALID_STATE, EV_INVALID_STATE);
SAME(PPCPV_EV_UNIMPLEMENTED, EV_UNIMPLEMENTED);
SAME(PPCPV_EV_BUFFER_OVERFLOW, EV_BUFFER_OVERFLOW);
#endif /* __powerpc__ */

/* ISO C wants at least one declaration that is not an assertion. */
extern int ppcpv_abi_check_unit;
