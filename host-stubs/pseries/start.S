/* SPDX-License-Identifier: MIT */
/*
 * The pseries host stub's entry, interrupt vectors and the guest switch.
 *
 * QEMU loads the raw image at physical 0 and enters it at 0x100 in real
 * mode with MSR[SF]=0 (r3 = QEMU's device tree).  Interrupts arrive in real
 * mode at 0x200..0xf60 with MSR[SF]=1.  The host itself runs with EE=0, so
 * every interrupt should come from the guest (SRR1[PR]=1); one taken in
 * host mode would overwrite the guest's saved state, so it goes to a
 * separate fatal path instead.
 *
 * The host keeps no context of its own while the guest runs: every trap
 * saves the guest into the vCPU and calls host_exit() on a fresh host
 * stack, which returns the real MSR to run the guest with; the exit path
 * then loads the guest from the vCPU and rfids.  So a round trip saves and
 * loads the guest's registers once (only those the C code may clobber,
 * where it can), and nothing of the host's.
 */
#include <ppcpv/abi.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/boot-asm.h>
#include "trap_area.h"
#include "asm-offsets.h"

/* Guest GPR n in the vCPU. */
#define VCPU_GPR(n)	(VCPU_GPR0 + (n) * VCPU_GPR_SIZE)

	.section .text.head, "ax", @progbits
	.globl	_head
_head:
	. = PPC_BOOK3S_VEC_RESET
	.globl	_start
_start:
	/* 64-bit mode first; machine checks on (else they checkstop). */
	li	r11, 1
	rldicr	r11, r11, 63, 0
	ori	r11, r11, PPC_MSR_ME
	mfmsr	r12
	or	r12, r12, r11
	mtmsrd	r12
	isync
	b	start64

/* One vector: park r13, fetch the vCPU, save r12 there, note the vector,
 * and go to the exit path that saves what the core needs (see below). */
.macro VECTOR vec, path=trap_volatile
	. = \vec
	mtspr	PPC_SPR_SPRG1, r13
	mfspr	r13, PPC_SPR_SPRG0
	std	r12, VCPU_GPR(12)(r13)
	li	r12, \vec
	b	\path
.endm

	VECTOR PPC_BOOK3S_VEC_MCHECK
	VECTOR PPC_BOOK3S_VEC_DSI, trap_all_gprs
	VECTOR PPC_BOOK3S_VEC_DSEG, trap_all_gprs
	VECTOR PPC_BOOK3S_VEC_ISI
	VECTOR PPC_BOOK3S_VEC_ISEG
	VECTOR PPC_BOOK3S_VEC_EXTERNAL
	VECTOR PPC_BOOK3S_VEC_ALIGNMENT
	VECTOR PPC_BOOK3S_VEC_PROGRAM, fast_program
	VECTOR PPC_BOOK3S_VEC_FP_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_DEC
	VECTOR PPC_BOOK3S_VEC_HDEC
	VECTOR PPC_BOOK3S_VEC_DOORBELL
	VECTOR PPC_BOOK3S_VEC_RESERVED_B00
	VECTOR PPC_BOOK3S_VEC_SYSCALL, fast_syscall
	VECTOR PPC_BOOK3S_VEC_TRACE
	VECTOR PPC_BOOK3S_VEC_HDSI
	VECTOR PPC_BOOK3S_VEC_HISI
	VECTOR PPC_BOOK3S_VEC_HEMU
	VECTOR PPC_BOOK3S_VEC_HMAINT
	VECTOR PPC_BOOK3S_VEC_HDOORBELL
	VECTOR PPC_BOOK3S_VEC_HVIRT
	VECTOR PPC_BOOK3S_VEC_PERF
	VECTOR PPC_BOOK3S_VEC_VEC_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_VSX_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_FAC_UNAVAIL
	VECTOR PPC_BOOK3S_VEC_HFAC_UNAVAIL
	. = PPC_BOOK3S_VEC_AREA_END

	.text
start64:
	PPCPV_LOAD_ADDR(r1, __stack_top)
	li	r0, 0
	stdu	r0, -32(r1)
	PPCPV_LOAD_ADDR(r2, .TOC.)
	PPCPV_CLEAR_BSS r4, r5, __bss_start, __bss_end
	bl	host_main
	b	.

/*
 * The exit paths.  r13 = the vCPU, r12 = vector; SPRG1 = r13 and the vCPU's
 * r12 = r12 of the interrupted context.  Everything else is untouched.
 *
 * host_exit() is C: it preserves r14-r31 (the ELFv2 ABI's non-volatile
 * registers) and may clobber the rest.  So an exit saves the volatile
 * state into the vCPU and loads it back, and leaves r14-r31 in the
 * registers - except for the vectors whose handling reads or writes any
 * GPR (program: emulation, DSI and DSEG: MMIO), which save and load all
 * of them; the core touches no other guest GPR above r13
 * (ppcpv_book3s_vector_uses_all_gprs() in ppcpv/host/book3s.h).
 */

/* CR, r11 and the PR check: an interrupt taken in host mode is FATAL. */
.macro TRAP_ENTRY
	std	r11, VCPU_GPR(11)(r13)
	mfcr	r11
	std	r11, VCPU_CR(r13)
	mfspr	r11, PPC_SPR_SRR1
	andi.	r11, r11, PPC_MSR_PR
	beq	host_mode_trap
.endm

.macro SAVE_NONVOLATILE
	.irp	n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	std	r\n, VCPU_GPR(\n)(r13)
	.endr
.endm

.macro LOAD_NONVOLATILE
	.irp	n, 14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	r\n, VCPU_GPR(\n)(r13)
	.endr
.endm

/* Save r0-r10, r13, LR, CTR, XER and pc, then r3 = host_exit() on the
 * host stack. */
.macro SAVE_VOLATILE_AND_EXIT
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10
	std	r\n, VCPU_GPR(\n)(r13)
	.endr
	mfspr	r0, PPC_SPR_SPRG1
	std	r0, VCPU_GPR(13)(r13)
	mflr	r0
	std	r0, VCPU_LR(r13)
	mfctr	r0
	std	r0, VCPU_CTR(r13)
	mfxer	r0
	std	r0, VCPU_XER(r13)
	mfspr	r0, PPC_SPR_SRR0
	std	r0, VCPU_PC(r13)
	/* uint64_t host_exit(uint32_t vector, uint64_t srr1): the real MSR. */
	mr	r3, r12
	mfspr	r4, PPC_SPR_SRR1
	ld	r1, TA_HOST_SP(r13)
	ld	r2, TA_TOC(r13)
	bl	host_exit
	mfspr	r13, PPC_SPR_SPRG0
.endm

trap_volatile:
	TRAP_ENTRY
trap_volatile_entered:
	SAVE_VOLATILE_AND_EXIT
	/* r14-r31 are still the guest's. */
	b	resume_volatile

trap_all_gprs:
	TRAP_ENTRY
trap_all_gprs_entered:
	SAVE_NONVOLATILE
	SAVE_VOLATILE_AND_EXIT
	LOAD_NONVOLATILE
	b	resume_volatile

/*
 * The fast exits: a system call that is no hypercall, reflected to the
 * guest's 0xc00, and an rfid the guest kernel executes, emulated - each
 * exactly as host_exit() would do it (book3s_inject() and emulate_return()
 * in host-stubs/arch/book3s, ppcpv_prepare_entry() in core/run.c), with the
 * same counters, using only r10-r12 and CR (saved in the vCPU).  Every
 * case they do not do exactly goes to the C path before anything has
 * changed: what C allows for the next exit is in the trap area's fast_exit
 * (trap_area.h, fast_exit_arm() in main.c); the rest is checked here.
 *
 * The shared page is in the guest's byte order, which C decides
 * (FAST_SHARED_REV): each path below exists twice, once loading and
 * storing its fields as the host does and once byte-reversed.
 */

/* r11 = the ticks until the guest's decrementer event for the real DEC
 * (ppcpv_dec_host_ticks()), or to \slow if it is due (C delivers it).
 * Uses \rb. */
.macro FAST_DEC_TICKS rb, slow
	mftb	r11
	ld	\rb, VCPU_DEC_WAKE_TB(r13)
	cmpld	r11, \rb
	bge	\slow
	subf	r11, r11, \rb
	srdi.	\rb, r11, DEC_MAX_BITS
	beq	1f
	li	r11, -1
	clrldi	r11, r11, 64 - DEC_MAX_BITS
1:
.endm

/* cr7 = the fast_exit flags (FAST_* bits 28..31 of CR), through \r. */
.macro FAST_FLAGS r
	ld	\r, TA_FAST_FLAGS(r13)
	mtocrf	0x01, \r
.endm

/*
 * The shared page's fields through r12.  SHARED_BASE points r12 at the
 * page.  Byte-reversed (rev = 1) accesses are X-form and have no
 * displacement: a load forms the address in its own target, a store moves
 * r12 to the field (no register is free for the address), and the
 * assembler follows where r12 points (shared_r12) so that every later
 * access still reaches its field.
 */
.macro SHARED_BASE
	ld	r12, VCPU_SHARED(r13)
	.set	shared_r12, 0
.endm

.macro SHARED_LD rt, field, rev
.if \rev
	addi	\rt, r12, \field - shared_r12
	ldbrx	\rt, 0, \rt
.else
	ld	\rt, \field - shared_r12(r12)
.endif
.endm

.macro SHARED_ST rs, field, rev
.if \rev
	addi	r12, r12, \field - shared_r12
	.set	shared_r12, \field
	stdbrx	\rs, 0, r12
.else
	std	\rs, \field - shared_r12(r12)
.endif
.endm

/* Both paths enter the guest with r12 at the MSR field (byte-reversed)
 * or at the page (the host's order). */
.macro SHARED_AT_ENTER rev
.if \rev
	.ifne	shared_r12 - PPCPV_SHARED_MSR
	.error	"r12 must be at the shared MSR for fast_enter_rev"
	.endif
.else
	.ifne	shared_r12
	.error	"r12 must be at the shared page for fast_enter"
	.endif
.endif
.endm

/* The reflection, nothing pending. */
.macro FAST_SYSCALL rev
	std	r10, VCPU_GPR(10)(r13)
	SHARED_BASE
	SHARED_LD r10, PPCPV_SHARED_MSR, \rev	/* r10 = the guest MSR */
	/* The shadow MMU: only from supervisor real mode, which the interrupt
	 * keeps (no new context). */
	bf	FAST_SHADOW_CR_BIT, 3f
	ld	r11, TA_FAST_INTERRUPT_KEEPS(r13)
	and	r11, r10, r11
	xor	r11, r11, r10
	andi.	r11, r11, SHADOW_MODE_BITS
	bne	fast_syscall_slow
3:
	/* The interrupt enters supervisor state: the page is shown if mapped. */
	lwz	r11, VCPU_MAGIC_MAPPED(r13)
	lwz	r12, VCPU_MAGIC_VISIBLE(r13)
	cmpw	cr1, r11, r12
	beq	cr1, 2f
	bf	FAST_MAGIC_CR_BIT, fast_syscall_slow
2:	FAST_DEC_TICKS r12, fast_syscall_slow
	/* Nothing refused: do it.  SRR0/SRR1 into the shared page, SRR1
	 * without cause bits, the interrupt MSR (HV never set). */
	mtdec	r11
	SHARED_BASE
	mfspr	r11, PPC_SPR_SRR0
	SHARED_ST r11, PPCPV_SHARED_SRR0, \rev
	lis	r11, PPC_BOOK3S_SRR1_CAUSE_MASK@h
	andc	r11, r10, r11
#ifdef PPCPV_SABOTAGE_FAST_LE
	/* tests/host/fast-same.sh's deliberately broken host: SRR1 stored in
	 * the host's order whatever the page's (never in a real build) */
	SHARED_ST r11, PPCPV_SHARED_SRR1, 0
#else
	SHARED_ST r11, PPCPV_SHARED_SRR1, \rev
#endif
	/* What the interrupt keeps and sets, and LE if interrupts enter
	 * little-endian (intr_le) or MSR[ILE] says so (kept: read it back). */
	ld	r11, TA_FAST_INTERRUPT_KEEPS(r13)
	and	r10, r10, r11
	ld	r11, TA_FAST_INTERRUPT_SETS(r13)
	or	r10, r10, r11
	rldicl	r11, r10, MSR_ILE_TO_LE_ROTATE, 63
	or	r10, r10, r11
	lwz	r11, VCPU_INTR_LE(r13)
	or	r10, r10, r11
	SHARED_ST r10, PPCPV_SHARED_MSR, \rev
	li	r11, PPC_BOOK3S_VEC_SYSCALL
	mtspr	PPC_SPR_SRR0, r11
	ld	r11, VCPU_STAT_SYSCALL_REFLECTED(r13)
	addi	r11, r11, 1
	std	r11, VCPU_STAT_SYSCALL_REFLECTED(r13)
	SHARED_AT_ENTER \rev
.if \rev
	b	fast_enter_rev
.else
	b	fast_enter
.endif
.endm

/* The rfid, nothing pending, r11 = the MSR[LE] of the word's order. */
.macro FAST_RFID rev
	std	r10, VCPU_GPR(10)(r13)
	SHARED_BASE
	SHARED_LD r10, PPCPV_SHARED_MSR, \rev
	/* Supervisor state, and code in the order the word was read in (C's
	 * fetch reads it by MSR[LE]). */
	xor	r11, r11, r10
	andi.	r11, r11, RFID_OLD_MSR_CHECKED
	bne	fast_program_slow_r10
	/* The MSR SRR1 holds, as book3s_set_msr() shapes it. */
	SHARED_LD r10, PPCPV_SHARED_SRR1, \rev
	ld	r11, TA_FAST_NEVER(r13)
	andc	r10, r10, r11
	andi.	r11, r10, PPC_MSR_PR
	beq	1f
	ori	r10, r10, MSR_PR_FORCES
1:
	/* A 32-bit target: C truncates pc. */
	cmpdi	r10, 0
	bge	fast_program_slow_r10
	/* The shadow MMU: a change of PR, IR or DR is a new context (C). */
	bf	FAST_SHADOW_CR_BIT, 3f
	SHARED_LD r11, PPCPV_SHARED_MSR, \rev
	xor	r11, r11, r10
	andi.	r11, r11, SHADOW_MODE_BITS
	bne	fast_program_slow_r10
3:
	/* The page is visible after it if mapped and not in problem state. */
	rldicl	r12, r10, 64 - MSR_PR_SHIFT, 63
	lwz	r11, VCPU_MAGIC_MAPPED(r13)
	andc	r11, r11, r12
	lwz	r12, VCPU_MAGIC_VISIBLE(r13)
	cmpw	cr1, r11, r12
	beq	cr1, 2f
	bf	FAST_MAGIC_CR_BIT, fast_program_slow_r10
2:	FAST_DEC_TICKS r12, fast_program_slow_r10
	mtdec	r11
	SHARED_BASE
	SHARED_ST r10, PPCPV_SHARED_MSR, \rev
	SHARED_LD r11, PPCPV_SHARED_SRR0, \rev
	clrrdi	r11, r11, 2
	mtspr	PPC_SPR_SRR0, r11
	ld	r11, VCPU_STAT_EMUL_RFID(r13)
	addi	r11, r11, 1
	std	r11, VCPU_STAT_EMUL_RFID(r13)
	/* falls through into fast_enter or fast_enter_rev */
	SHARED_AT_ENTER \rev
.endm

/* cr7 = the flags; what is pending C delivers (r12 used, r11 kept). */
.macro FAST_RFID_PENDING
	FAST_FLAGS r12
	lwz	r12, VCPU_PENDING(r13)
	cmpwi	r12, 0
	bne	fast_program_slow
.endm

.macro FAST_RESUME
	ld	r11, VCPU_CR(r13)
	mtcr	r11
	ld	r10, VCPU_GPR(10)(r13)
	ld	r11, VCPU_GPR(11)(r13)
	ld	r12, VCPU_GPR(12)(r13)
	mfspr	r13, PPC_SPR_SPRG1
	rfid
.endm

/* Into the guest as ppcpv_prepare_entry() would with nothing pending:
 * r10 = its MSR, r12 = the shared page (shared_r12), SRR0 = where it
 * resumes; cr1 ne: the magic page's visibility flips. */
.macro FAST_ENTER rev
	li	r11, 0
	stw	r11, PPCPV_SHARED_INT_PENDING - shared_r12(r12)	/* 0 in either order */
	SHARED_LD r11, PPCPV_SHARED_SPRG3, \rev
	mtspr	PPC_SPR_SPRG3, r11
	ld	r11, VCPU_MSR_PASSTHROUGH(r13)
	and	r10, r10, r11
	ld	r11, VCPU_MSR_RUN(r13)
	or	r10, r10, r11
	mtspr	PPC_SPR_SRR1, r10
	ld	r11, VCPU_STAT_EXITS(r13)
	addi	r11, r11, 1
	std	r11, VCPU_STAT_EXITS(r13)
	bne	cr1, fast_flip_magic
.endm

fast_syscall:
	TRAP_ENTRY
	/* r0 = "KVM!": a hypercall from supervisor state, and C knows
	 * what it is from user state.  First, so hypercalls pay least. */
	lwz	r11, VCPU_HCALL_R0(r13)
	cmplw	r11, r0
	beq	trap_volatile_entered
	FAST_FLAGS r11
	bf	FAST_SC_CR_BIT, trap_volatile_entered
	/* C delivers what is pending. */
	lwz	r11, VCPU_PENDING(r13)
	cmpwi	r11, 0
	bne	fast_syscall_slow_r12
	bt	FAST_SHARED_REV_CR_BIT, fast_syscall_rev
	FAST_SYSCALL 0
fast_syscall_rev:
	FAST_SYSCALL 1

fast_syscall_slow:
	ld	r10, VCPU_GPR(10)(r13)
fast_syscall_slow_r12:
	li	r12, PPC_BOOK3S_VEC_SYSCALL
	b	trap_volatile_entered

/* A privileged instruction: rfid from guest supervisor state is done
 * here, anything else goes to C at once.  With the flat map the trapping
 * word is at guest-physical = PC (below fetch_limit, the RAM size); under
 * the shadow MMU (fetch_limit 0) only where C's fetch found an rfid. */
fast_program:
	TRAP_ENTRY
	ld	r11, TA_FAST_FETCH_LIMIT(r13)
	mfspr	r12, PPC_SPR_SRR0
	cmpld	r12, r11
	bge	fast_program_site
	ld	r11, VCPU_RAM(r13)
	lwzx	r11, r11, r12
/* r11 = the word as the host loads it: an rfid in the host's byte order,
 * or (out of line) in the other; r11 = the MSR[LE] that order means. */
fast_program_word:
	ld	r12, TA_FAST_RFID_WORD(r13)
	cmplw	r11, r12
	bne	fast_program_word_rev
	li	r11, MSR_LE_CODE_HOST_ORDER
	FAST_RFID_PENDING
	bt	FAST_SHARED_REV_CR_BIT, fast_rfid_rev
fast_rfid_host:
	FAST_RFID 0
fast_enter:
	FAST_ENTER 0
fast_resume:
	FAST_RESUME

/* Code in the other byte order (a little-endian guest on this big-endian
 * host), laid out for a shared page in that order too. */
fast_program_word_rev:
	ld	r12, TA_FAST_RFID_WORD_REV(r13)
	cmplw	r11, r12
	bne	fast_program_slow
	li	r11, MSR_LE_CODE_REVERSED
	FAST_RFID_PENDING
	bf	FAST_SHARED_REV_CR_BIT, fast_rfid_host
fast_rfid_rev:
	FAST_RFID 1
/* The same with r12 at the shared MSR (SHARED_ST moved it there). */
fast_enter_rev:
	.set	shared_r12, PPCPV_SHARED_MSR
	FAST_ENTER 1
	FAST_RESUME

/* Show or hide the magic page in its own segment as mmu_magic_visible()
 * does (its isync after slbmte is the rfid's context synchronisation). */
fast_flip_magic:
	PPCPV_LOAD_ADDR(r12, mmu_magic_segment)
	lwz	r11, VCPU_MAGIC_VISIBLE(r13)
	xori	r11, r11, 1
	stw	r11, VCPU_MAGIC_VISIBLE(r13)
	std	r11, MAGIC_SEGMENT_SHOWN(r12)
	cmpwi	r11, 0
	beq	1f
	ld	r10, MAGIC_SEGMENT_SLB_RS(r12)
	ld	r11, MAGIC_SEGMENT_SLB_RB(r12)
	slbmte	r10, r11
	b	fast_resume
1:	ld	r11, MAGIC_SEGMENT_SLBIE_RB(r12)
	slbie	r11
	b	fast_resume

/* Under the shadow MMU, r12 = SRR0: the word at the rfid site C found for
 * this PC with the guest's translation as it is (trap_area.h), or C.  A PC
 * that is no site costs the first six instructions. */
fast_program_site:
	andi.	r11, r12, RFID_SITE_INDEX_MASK
	sldi	r11, r11, 3
	addis	r11, r11, (shadow_rfid_sites + SITE_EA)@ha
	ld	r11, (shadow_rfid_sites + SITE_EA)@l(r11)
	cmpld	r11, r12
	bne	fast_program_slow
	/* An rfid to user state or to another translation (SRR1's PR, IR
	 * or DR not the MSR's): a new shadow context, C's.  First, so that
	 * these cost least; the values as the shared page holds them, the
	 * mask in its order. */
	ld	r11, VCPU_SHARED(r13)
	ld	r12, PPCPV_SHARED_SRR1(r11)
	ld	r11, PPCPV_SHARED_MSR(r11)
	xor	r11, r11, r12
	ld	r12, TA_FAST_SHADOW_MODE_MASK(r13)
	and.	r11, r11, r12
	bne	fast_program_slow
	FAST_FLAGS r11
	bf	FAST_SHADOW_CR_BIT, fast_program_slow
	std	r10, VCPU_GPR(10)(r13)
	mfspr	r12, PPC_SPR_SRR0
	andi.	r10, r12, RFID_SITE_INDEX_MASK
	sldi	r10, r10, 3
	PPCPV_LOAD_ADDR(r11, shadow_rfid_sites)
	add	r11, r11, r10
	/* Still valid: no translation changed since. */
	ld	r10, SITE_GEN(r11)
	lis	r12, (shadow_rfid_sites + SITES_GEN)@ha
	ld	r12, (shadow_rfid_sites + SITES_GEN)@l(r12)
	cmpld	r10, r12
	bne	fast_program_slow_r10
	/* The translation C used: the same PR, IR and SF (key and mask in
	 * the shared page's order, as the MSR is loaded). */
	ld	r10, VCPU_SHARED(r13)
	ld	r10, PPCPV_SHARED_MSR(r10)
	ld	r12, SITE_KEY(r11)
	xor	r10, r10, r12
	ld	r12, TA_FAST_SITE_KEY_MASK(r13)
	and.	r10, r10, r12
	bne	fast_program_slow_r10
	ld	r10, SITE_GPA(r11)
	ld	r11, VCPU_RAM_SIZE(r13)
	cmpld	r10, r11
	bge	fast_program_slow_r10
	ld	r11, VCPU_RAM(r13)
	lwzx	r11, r11, r10
	ld	r10, VCPU_GPR(10)(r13)
	b	fast_program_word

fast_program_slow_r10:
	ld	r10, VCPU_GPR(10)(r13)
fast_program_slow:
	li	r12, PPC_BOOK3S_VEC_PROGRAM
	b	trap_all_gprs_entered

/* An interrupt in host mode: the host is broken.  Report it from a stack
 * of its own and never return. */
host_mode_trap:
	mr	r3, r12
	mfspr	r4, PPC_SPR_SRR0
	mfspr	r5, PPC_SPR_SRR1
	mfspr	r6, PPC_BOOK3S_SPR_DAR
	mfspr	r7, PPC_BOOK3S_SPR_DSISR
	ld	r1, TA_FATAL_SP(r13)
	ld	r2, TA_TOC(r13)
	bl	host_fatal_trap
	b	.

/* void guest_enter(uint64_t real_msr): run the guest from its vCPU state;
 * never returns (traps come back through host_exit). */
	.globl	guest_enter
	.type	guest_enter, @function
guest_enter:
	mfspr	r13, PPC_SPR_SPRG0
	LOAD_NONVOLATILE
	/* fall through */
	.size	guest_enter, . - guest_enter

/* r3 = the real MSR to run the guest with, r13 = the vCPU, r14-r31 = the
 * guest's: load the rest of the guest from the vCPU and enter it. */
resume_volatile:
	mtspr	PPC_SPR_SRR1, r3
	ld	r0, VCPU_PC(r13)
	mtspr	PPC_SPR_SRR0, r0
	ld	r0, VCPU_CR(r13)
	mtcr	r0
	ld	r0, VCPU_LR(r13)
	mtlr	r0
	ld	r0, VCPU_CTR(r13)
	mtctr	r0
	ld	r0, VCPU_XER(r13)
	mtxer	r0
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12
	ld	r\n, VCPU_GPR(\n)(r13)
	.endr
	ld	r13, VCPU_GPR(13)(r13)
	rfid

	.section .note.GNU-stack, "", @progbits
