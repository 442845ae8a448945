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

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <ppcpv/host/vcpu.h>

/*
 * What start.S's fast exits (system call reflection, rfid emulation) need
 * beyond the vCPU, written by C before every guest entry (fast_exit_arm()
 * in main.c): anything the fast path does not do exactly as the C path
 * would is turned off here, and the exit goes to C.
 */
struct fast_exit {
	uint64_t flags;		/* FAST_* */
	/* The word an rfid must be for the fast path to emulate it: the
	 * rfid instruction, or 0 (no trapping instruction) when it may not. */
	uint64_t rfid_word;
	/* Guest MSR bits that send the exit to C: in the MSR at the exit
	 * (refused_old: LE and ILE, and PR for an rfid) or in the MSR an
	 * rfid loads (refused_new: LE and ILE). */
	uint64_t refused_old_sc, refused_old_rfid, refused_new;
	/* MSR bits an interrupt keeps (Book3S delivery, HV never set). */
	uint64_t interrupt_keeps;
	uint64_t never;		/* MSR bits the guest cannot set (HV) */
};

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
