/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/abi.h - the KVM PowerPC paravirtual ("magic page") ABI, in one place.
 *
 * Every number here is part of a binary contract with a KVM-style host or
 * guest.  Each one is checked at build time against the Linux uapi headers
 * (hcall-abi/check/abi_check.c), for the x86-64 host compiler and for the
 * ppc32 BE, ppc64 BE and ppc64 LE cross compilers.
 *
 * The header is usable from C (hosted or freestanding) and from assembly
 * (the struct and inline helpers are hidden from the assembler).  Names carry
 * a PPCPV_ prefix so that this header can be included next to the Linux
 * headers it is compared with.  Instruction words and MSR bits are built
 * from the ISA layer (ppcpv/isa/), which owns every ISA number.
 */
#ifndef PPCPV_ABI_H
#define PPCPV_ABI_H

#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>

/* ---- Hypercall convention --------------------------------------------- */

/* r0 must hold "KVM!" for an `sc` from guest supervisor state to be a
 * hypercall; hosts compare only the low 32 bits. */
#define PPCPV_SC_MAGIC_R0		0x4b564d21

/* r11 carries a token = (vendor << 16) | number. */
#define PPCPV_HCALL_TOKEN(vendor, nr)	(((vendor) << 16) | (nr))

#define PPCPV_VENDOR_LOCAL		0
#define PPCPV_VENDOR_EPAPR		1
#define PPCPV_VENDOR_FSL		2
#define PPCPV_VENDOR_IBM		3
#define PPCPV_VENDOR_GHS		4
#define PPCPV_VENDOR_ENEA		5
#define PPCPV_VENDOR_WR			6
#define PPCPV_VENDOR_AMCC		7
#define PPCPV_VENDOR_KVM		42

#define PPCPV_KVM_TOKEN(nr)		PPCPV_HCALL_TOKEN(PPCPV_VENDOR_KVM, nr)
#define PPCPV_EPAPR_TOKEN(nr)		PPCPV_HCALL_TOKEN(PPCPV_VENDOR_EPAPR, nr)

/* Generic KVM hypercall numbers used by PowerPC (vendor 42). */
#define PPCPV_KVM_HC_FEATURES		3
#define PPCPV_KVM_HC_PPC_MAP_MAGIC_PAGE	4

/* ePAPR hypercall numbers (vendor 1). */
#define PPCPV_EV_BYTE_CHANNEL_SEND	1
#define PPCPV_EV_BYTE_CHANNEL_RECEIVE	2
#define PPCPV_EV_BYTE_CHANNEL_POLL	3
#define PPCPV_EV_IDLE			16
/* Most bytes one BYTE_CHANNEL_SEND carries (in r6..r9, big-endian). */
#define PPCPV_EV_BYTE_CHANNEL_MAX_BYTES	16

/* Tokens as they appear in r11. */
#define PPCPV_TOKEN_FEATURES		PPCPV_KVM_TOKEN(PPCPV_KVM_HC_FEATURES)		/* 0x002a0003 */
#define PPCPV_TOKEN_MAP_MAGIC_PAGE	PPCPV_KVM_TOKEN(PPCPV_KVM_HC_PPC_MAP_MAGIC_PAGE)	/* 0x002a0004 */
#define PPCPV_TOKEN_EV_IDLE		PPCPV_EPAPR_TOKEN(PPCPV_EV_IDLE)		/* 0x00010010 */
#define PPCPV_TOKEN_BYTE_CHANNEL_SEND	PPCPV_EPAPR_TOKEN(PPCPV_EV_BYTE_CHANNEL_SEND)

/* ePAPR status codes, returned in r3. */
#define PPCPV_EV_SUCCESS		0
#define PPCPV_EV_EPERM			1
#define PPCPV_EV_ENOENT			2
#define PPCPV_EV_EIO			3
#define PPCPV_EV_EAGAIN			4
#define PPCPV_EV_ENOMEM			5
#define PPCPV_EV_EFAULT			6
#define PPCPV_EV_ENODEV			7
#define PPCPV_EV_EINVAL			8
#define PPCPV_EV_INTERNAL		9
#define PPCPV_EV_CONFIG			10
#define PPCPV_EV_INVALID_STATE		11
#define PPCPV_EV_UNIMPLEMENTED		12
#define PPCPV_EV_BUFFER_OVERFLOW	13

/*
 * The four instruction words a KVM host hands out (KVM_PPC_GET_PVINFO) for
 * the guest's hypercall stub: lis r0,'KV'; ori r0,r0,'M!'; sc; nop.  They are
 * derived from the magic so that the two can never disagree (their values
 * are pinned in check/abi_check.c).
 */
#define PPCPV_HCALL_INSN_COUNT		4
#define PPCPV_HCALL_INSN0		PPC_ENC_LIS(0, PPCPV_SC_MAGIC_R0 >> 16)
#define PPCPV_HCALL_INSN1		PPC_ENC_ORI(0, 0, PPCPV_SC_MAGIC_R0)
#define PPCPV_HCALL_INSN2		PPC_INST_SC
#define PPCPV_HCALL_INSN3		PPC_INST_NOP
/* BookE-HV hosts (e500mc and later) hand out `sc 1` + 3 nops instead. */
#define PPCPV_HCALL_INSN_BOOKE_HV0	PPC_INST_SC_LEV(1)
/* What an unconfigured stub does: li r3,-1 (then nops), i.e. "fails". */
#define PPCPV_HCALL_DEFAULT_INSN0	PPC_ENC_LI(3, -1)

/* ---- Feature bits ------------------------------------------------------- */

/* FEATURES returns a bitmap in r4; this is a bit *number* in it. */
#define PPCPV_KVM_FEATURE_MAGIC_PAGE	1

/* MAP_MAGIC_PAGE returns these in r4: which shared-page fields are valid
 * beyond int_pending. */
#define PPCPV_MAGIC_FEAT_SR		(1 << 0)	/* sr[16] (Book3S-32) */
#define PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7	(1 << 1)	/* mas*, esr, pir, sprg4-7 */
#define PPCPV_MAGIC_FEAT_ALL		(PPCPV_MAGIC_FEAT_SR | PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7)

/* Guest to host, in the low 12 bits of MAP's r4: kvm_tmp is not mapped NX. */
#define PPCPV_MAGIC_PAGE_FLAG_NOT_MAPPED_NX	(1 << 0)
#define PPCPV_MAGIC_PAGE_FLAGS_MASK	0xfff

/* ---- The magic page ----------------------------------------------------- */

/* Effective address -4096: every field is reachable by a D-form access with
 * RA=0 (sign-extended 16-bit displacement, no base register). */
#define PPCPV_MAGIC_PAGE_EA		(-4096)
#define PPCPV_MAGIC_PAGE_SIZE		4096

/* Byte offsets of struct kvm_vcpu_arch_shared (identical on all flavours). */
#define PPCPV_SHARED_SCRATCH1		0
#define PPCPV_SHARED_SCRATCH2		8
#define PPCPV_SHARED_SCRATCH3		16
#define PPCPV_SHARED_CRITICAL		24
#define PPCPV_SHARED_SPRG0		32
#define PPCPV_SHARED_SPRG1		40
#define PPCPV_SHARED_SPRG2		48
#define PPCPV_SHARED_SPRG3		56
#define PPCPV_SHARED_SRR0		64
#define PPCPV_SHARED_SRR1		72
#define PPCPV_SHARED_DAR		80
#define PPCPV_SHARED_MSR		88
#define PPCPV_SHARED_DSISR		96
#define PPCPV_SHARED_INT_PENDING	100
#define PPCPV_SHARED_SR			104	/* u32 sr[16] */
#define PPCPV_SHARED_SR_COUNT		16
#define PPCPV_SHARED_MAS0		168
#define PPCPV_SHARED_MAS1		172
#define PPCPV_SHARED_MAS7_3		176
#define PPCPV_SHARED_MAS2		184
#define PPCPV_SHARED_MAS4		192
#define PPCPV_SHARED_MAS6		196
#define PPCPV_SHARED_ESR		200
#define PPCPV_SHARED_PIR		204
#define PPCPV_SHARED_SPRG4		208
#define PPCPV_SHARED_SPRG5		216
#define PPCPV_SHARED_SPRG6		224
#define PPCPV_SHARED_SPRG7		232
#define PPCPV_SHARED_SIZE		240

/*
 * 32-bit guests access the *value* of a u64 field (critical, sprgN, srr0/1,
 * dar, msr, mas2) as the low word of a big-endian u64, at +4.  scratch1 and
 * scratch2 are the exception: trampolines save r31/r30 with a native-width
 * store at +0, so on 32-bit they live in the high word.  MAS3 is the low word
 * of mas7_3 (+4) and MAS7 the high word (+0) on every width.
 */
#define PPCPV_SHARED_U64_LOW_WORD	4

/* Displacement with RA=0 of a shared-page byte offset, for a page at ea. */
#define PPCPV_SHARED_DISP(ea, off)	((ea) + (off))

/* ---- KVM_PPC_GET_PVINFO ------------------------------------------------- */

#define PPCPV_PVINFO_SIZE		128
#define PPCPV_PVINFO_OFF_FLAGS		0
#define PPCPV_PVINFO_OFF_HCALL		4
#define PPCPV_PVINFO_OFF_PAD		20
#define PPCPV_PVINFO_PAD_SIZE		108
#define PPCPV_PVINFO_FLAG_EV_IDLE	(1 << 0)
/* _IOW(0xAE, 0xa1, struct kvm_ppc_pvinfo) in the powerpc and generic (x86)
 * ioctl encodings: the same macro yields different numbers per arch. */
#define PPCPV_KVMIO			0xAE
#define PPCPV_KVM_PPC_GET_PVINFO_NR	0xa1
#define PPCPV_KVM_PPC_GET_PVINFO_PPC	0x8080aea1
#define PPCPV_KVM_PPC_GET_PVINFO_GENERIC 0x4080aea1
#define PPCPV_KVM_CAP_PPC_GET_PVINFO	57
#define PPCPV_KVM_CAP_PPC_FIXUP_HCALL	103

/* ---- MSR bits the PV interface cares about ------------------------------ */

/* Bits a trampoline may change without trapping (EE, and RI where the family
 * has it); any other changed bit is "critical" and needs the real
 * instruction. */
#define PPCPV_MSR_SAFE_BITS		(PPC_MSR_EE | PPC_BOOK3S_MSR_RI)
#define PPCPV_MSR_CRITICAL_MASK32	(0xffffffff & ~PPCPV_MSR_SAFE_BITS)

#ifndef __ASSEMBLER__
#include <stdint.h>

#define PPCPV_MSR_CRITICAL_MASK64	(~(uint64_t)PPCPV_MSR_SAFE_BITS)

/*
 * The shared page as the host sees it.  Fields hold values in the *guest's*
 * byte order; use the accessors of the component that owns them.
 */
struct ppcpv_shared {
	uint64_t scratch1;	/* trampoline save of r31 */
	uint64_t scratch2;	/* trampoline save of r30 */
	uint64_t scratch3;	/* trampoline save of CR (32-bit store at +0) */
	uint64_t critical;	/* the guest is in a critical section if == r1 */
	uint64_t sprg0;
	uint64_t sprg1;
	uint64_t sprg2;
	uint64_t sprg3;
	uint64_t srr0;
	uint64_t srr1;
	uint64_t dar;		/* DEAR on BookE */
	uint64_t msr;		/* the guest's virtual MSR */
	uint32_t dsisr;
	uint32_t int_pending;	/* host to guest: an interrupt waits for EE */
	uint32_t sr[PPCPV_SHARED_SR_COUNT];
	uint32_t mas0;
	uint32_t mas1;
	uint64_t mas7_3;	/* MAS7 high word, MAS3 low word */
	uint64_t mas2;
	uint32_t mas4;
	uint32_t mas6;
	uint32_t esr;
	uint32_t pir;
	uint64_t sprg4;
	uint64_t sprg5;
	uint64_t sprg6;
	uint64_t sprg7;
};

#endif /* !__ASSEMBLER__ */
#endif /* PPCPV_ABI_H */
