/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/booke.h - the host core's Book III-E family (e500): its MSR
 * rules, interrupt delivery through IVPR and the IVORs with ESR/DEAR
 * causes, the decrementer that stops at zero and raises TSR[DIS], and the
 * privileged instructions BookE has.  host-stubs/e500 runs it under QEMU
 * ppce500, host-stubs/b440 under QEMU bamboo (with the 440's guest TLB
 * below); the unit tests on a simulated machine.  A BookE platform names ppcpv_arch_booke in its vCPU config
 * and turns each real interrupt into an exit with ppcpv_booke_exit().
 */
#ifndef PPCPV_HOST_BOOKE_H
#define PPCPV_HOST_BOOKE_H

#include <stdint.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/isa/ppc440.h>
#include <ppcpv/host/arch.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>

extern const struct ppcpv_arch ppcpv_arch_booke;

/* The exit a real interrupt through IVOR ivor (PPC_BOOKE_IVOR_*) is, with
 * the real ESR and DEAR it left. */
void ppcpv_booke_exit(unsigned int ivor, uint64_t esr, uint64_t dear, struct ppcpv_exit *e);

/* ---- The guest's TLB (tlb.c) ---------------------------------------------------
 * TLB1 as the guest programs it (MAS1 valid/IPROT/TID/TS/TSIZE, MAS2 page and
 * WIMGE, MAS3 real page and permissions, MAS7 the real page's high bits);
 * TLB0 is not modelled.  A platform that runs a guest with its own TLB keeps
 * one, hands the TLB instructions to ppcpv_booke_tlb_insn() from its
 * mmu_insn op, and shadows what the entries translate (generation changes
 * whenever an entry does). */
struct ppcpv_booke_tlbe {
	uint32_t mas1, mas2, mas3, mas7;
};

struct ppcpv_booke_tlb {
	struct ppcpv_booke_tlbe tlb1[PPC_BOOKE_TLB1_ENTRIES];
	uint32_t generation;
};

/* tlbwe, tlbre, tlbsx, tlbivax against t and the shared page's MAS0-7. */
enum ppcpv_emul_result ppcpv_booke_tlb_insn(struct ppcpv_booke_tlb *t, struct ppcpv_vcpu *v,
					    uint32_t insn);
/* The entry translating ea in address space as (0/1) for pid, or -1. */
int ppcpv_booke_tlb_lookup(const struct ppcpv_booke_tlb *t, uint32_t ea, unsigned int as,
			   uint32_t pid);
/* Write entry index (the host's initial entries). */
void ppcpv_booke_tlb_set(struct ppcpv_booke_tlb *t, unsigned int index,
			 const struct ppcpv_booke_tlbe *e);
/* An entry's page size (log2 bytes), effective page, and the guest-physical
 * address it gives ea. */
unsigned int ppcpv_booke_tlbe_log2(const struct ppcpv_booke_tlbe *e);
uint32_t ppcpv_booke_tlbe_epn(const struct ppcpv_booke_tlbe *e);
uint64_t ppcpv_booke_tlbe_gpa(const struct ppcpv_booke_tlbe *e, uint32_t ea);
/* What a TLB miss on ea leaves in MAS0-2/3/6/7 (MAS4's defaults). */
void ppcpv_booke_tlb_miss_mas(struct ppcpv_vcpu *v, uint32_t ea, unsigned int as, uint32_t pid);
/* The guest's PID register. */
uint32_t ppcpv_booke_pid(const struct ppcpv_vcpu *v);

/* ---- A shadow of the guest's TLB (tlb.c), whichever TLB it is ----------------------
 * A platform that shadows the guest's entries in the real TLB drops the
 * shadow when the guest's TLB changes (its generation) or the guest's
 * context does: MSR[PR] (the permissions it was made with), MSR[IS] and
 * MSR[DS] (the address spaces), PID. */
struct ppcpv_booke_shadow {
	uint32_t generation;	/* of the guest's TLB when the shadow was made */
	uint32_t context;	/* the context it was made for */
};

/* No shadow yet: the next check finds it stale. */
void ppcpv_booke_shadow_init(struct ppcpv_booke_shadow *s);
/* Before an entry into the guest: 1 if the shadow s describes is stale
 * (drop it), and s describes the current TLB generation and context. */
int ppcpv_booke_shadow_stale(struct ppcpv_booke_shadow *s, const struct ppcpv_vcpu *v,
			     uint32_t generation);
/* The address space (0/1) of the guest's fetches (insn) or data accesses. */
unsigned int ppcpv_booke_access_space(const struct ppcpv_vcpu *v, int insn);

/* ---- The 440's guest TLB (tlb440.c) ---------------------------------------------
 * 64 entries of three words (word 0 EPN/V/TS/SIZE, word 1 RPN/ERPN, word 2
 * attributes and permissions: ppcpv/isa/ppc440.h) and the TID each took
 * from MMUCR[STID]; MMUCR itself.  A 440 platform hands the guest's tlbwe,
 * tlbre, tlbsx and mfspr/mtspr MMUCR to ppcpv_440_tlb_insn() from its
 * mmu_insn op (anything else, tlbivax included, is not emulated) and
 * shadows what the entries translate (generation changes whenever an
 * entry does). */
struct ppcpv_440_tlbe {
	uint32_t word[PPC_440_TLB_WORDS];
	uint32_t tid;
};

struct ppcpv_440_tlb {
	struct ppcpv_440_tlbe e[PPC_440_TLB_ENTRIES];
	uint32_t mmucr;
	uint32_t generation;
};

enum ppcpv_emul_result ppcpv_440_tlb_insn(struct ppcpv_440_tlb *t, struct ppcpv_vcpu *v,
					  uint32_t insn);
/* The entry translating ea in address space as (0/1) for pid, or -1. */
int ppcpv_440_tlb_lookup(const struct ppcpv_440_tlb *t, uint32_t ea, unsigned int as, uint32_t pid);
/* Write entry index (the host's initial entries). */
void ppcpv_440_tlb_set(struct ppcpv_440_tlb *t, unsigned int index, const struct ppcpv_440_tlbe *e);
/* An entry's page size (log2 bytes), effective page, and the
 * guest-physical address it gives ea. */
unsigned int ppcpv_440_tlbe_log2(const struct ppcpv_440_tlbe *e);
uint32_t ppcpv_440_tlbe_epn(const struct ppcpv_440_tlbe *e);
uint64_t ppcpv_440_tlbe_gpa(const struct ppcpv_440_tlbe *e, uint32_t ea);

#endif /* PPCPV_HOST_BOOKE_H */
