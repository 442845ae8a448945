/* SPDX-License-Identifier: MIT */
/*
 * The trap area of the pseries host stub, shared by start.S and C: the
 * host's values an interrupt vector needs.  It sits right before the vCPU
 * in struct host_cpu, and real SPRG0 holds the vCPU's address, so a vector
 * reaches both the guest's register save area and these with one mfspr and
 * no free register (it parks r13 in SPRG1 first).  start.S gets every
 * offset from asm-offsets.c (generated at build time), none typed by hand.
 */
#ifndef PPCPV_PSERIES_TRAP_AREA_H
#define PPCPV_PSERIES_TRAP_AREA_H

/* fast_exit.flags: what the next exit may do in start.S's fast path. */
#define FAST_SC		0x1	/* reflect a system call that is no hypercall */
#define FAST_MAGIC	0x2	/* show or hide the magic page (its own segment, flat map) */
#define FAST_SHADOW	0x4	/* the shadow MMU: only exits that keep the guest's PR, IR
				 * and DR (no shadow context switch); an rfid found
				 * through rfid_sites */
#define FAST_SHARED_REV	0x8	/* the shared page is not in the host's byte order: its
				 * fields are loaded and stored byte-reversed */

/* rfid_sites: entries, a power of 2, indexed by EA bits 2 and up; the
 * guest MSR bits a site's translation depends on (the key: ppcpv_gmmu_xlate()
 * for a fetch reads PR and IR, ppcpv_fetch_insn() SF). */
#define RFID_SITES	16
#define RFID_SITE_KEY	(PPC_MSR_PR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_SF)

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/host/vcpu.h>

/*
 * What start.S's fast exits (system call reflection, rfid emulation) need
 * beyond the vCPU, written by C before every guest entry (fast_exit_arm()
 * in main.c): anything the fast path does not do exactly as the C path
 * would is turned off here, and the exit goes to C.
 */
struct fast_exit {
	uint64_t flags;		/* FAST_* */
	/* The word an rfid is as the host loads it (lwzx): rfid_word when
	 * the guest's code is in the host's byte order, rfid_word_rev when
	 * it is in the other; each 0 (no trapping instruction) when no rfid
	 * may be fast.  Which one matched says which MSR[LE] the guest must
	 * have for C's fetch to read the same word. */
	uint64_t rfid_word, rfid_word_rev;
	/* MSR bits an interrupt keeps (Book3S delivery, HV never set), and
	 * those it sets: SF on a 64-bit CPU (LE comes from intr_le and ILE,
	 * read at the exit). */
	uint64_t interrupt_keeps, interrupt_sets;
	uint64_t never;		/* MSR bits the guest cannot set (HV) */
	/* Guest PCs below this are fetched at guest-physical = PC: the guest
	 * RAM size with the flat map, 0 under the shadow MMU (rfid_sites). */
	uint64_t fetch_limit;
	/* Masks applied to guest MSR values as the shared page holds them
	 * (byte-reversed with FAST_SHARED_REV), for the tests start.S makes
	 * before it knows the byte order: RFID_SITE_KEY (rfid_sites' keys are
	 * stored in that order too) and PPCPV_SHADOW_MODE_BITS. */
	uint64_t site_key_mask, shadow_mode_mask;
};

/*
 * Under the shadow MMU the fast path cannot walk the guest's translation:
 * the C path's instruction fetch (shadow_fetch_gpa()) remembers where it
 * found an rfid - EA, the guest MSR bits the translation used, the
 * guest-physical address - in a small table indexed by EA, and forgets
 * every entry as soon as the guest's translation may change (a page-table
 * hypercall, an MMU instruction, the magic page moving).  The fast path
 * emulates an rfid at a remembered EA: the word there must still be rfid
 * and the address in guest RAM, as for the C path.
 */
struct rfid_site {
	uint64_t ea;
	uint64_t key;		/* guest MSR & RFID_SITE_KEY, in the shared page's order */
	uint64_t gpa;
	uint64_t gen;		/* valid while rfid_sites.gen is this */
};

struct rfid_sites {
	struct rfid_site e[RFID_SITES];
	uint64_t gen;		/* forgetting them all: one increment */
};
extern struct rfid_sites shadow_rfid_sites;	/* shadow.c */

struct trap_area {
	struct fast_exit fast;
	uint64_t host_sp;	/* host r1 for host_exit(): the stack's top frame */
	uint64_t toc;		/* host r2 */
	uint64_t fatal_sp;	/* stack for an interrupt taken in host mode */
};

/* The trap area right before the vCPU; the vCPU's registers come first in
 * it, where start.S saves the guest. */
struct host_cpu {
	struct trap_area ta;
	struct ppcpv_vcpu vcpu;
	/* irq-sweep is configured: every exit takes the sweep's path.  Here,
	 * next to the vCPU every exit addresses anyway, so that testing it
	 * costs the common exit least. */
	int sweep_on;
};
#endif

#endif /* PPCPV_PSERIES_TRAP_AREA_H */
