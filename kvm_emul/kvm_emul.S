/* SPDX-License-Identifier: MIT */
/*
 * kvm_emul.S - the trampoline templates of the PV patcher.
 *
 * A patched guest branches here instead of executing a privileged MSR or
 * segment-register instruction.  The trampoline does the work on the shared
 * ("magic") page when that is enough and falls back to the original,
 * trapping instruction when the host has to act.  The same source is
 * assembled for 32-bit and 64-bit; abi-asm.h picks the access widths.
 *
 * These words are never executed from this object: emul-gen reads them and
 * the global labels below out of the ppc32/ppc64/ppc64le objects and writes
 * them as C tables (ppcpv/emul.h).  The patcher copies a template into
 * kvm_tmp and fills its slots:
 *   <name>_value0/1  "ori r30,r0,0": becomes a copy of rS into r30
 *   <name>_orig      the original instruction with register 0: replaced by
 *                    the site's original word
 *   <name>_branch    "b .": becomes the branch back to the site + 4
 *   mtsrin_sr_index  "rlwinm r30,r0,6,26,29": RS = the site's rB, RA = the
 *                    offset register
 *   mtsrin_sr_store  "stw r0,sr(r30)": RS = the site's rS, RA = the offset
 *                    register
 *
 * Rules every template keeps, so that it can replace one instruction
 * anywhere in a kernel:
 *  - only r30, r31 and CR are scratch, and they are restored before the
 *    trampoline returns or runs the original instruction; no stack, no LR,
 *    no CTR;
 *  - every shared-page access is D-form with RA=0 (absolute), so the code
 *    is position independent and needs no base register;
 *  - scratch1/2/3 and the read-modify-write of the shared msr are only used
 *    inside the critical section (critical == r1): the host delivers no
 *    asynchronous interrupt there, so no handler can run another trampoline
 *    and overwrite the scratch slots or the msr in between;
 *  - branches inside a template go to local labels only, so the object has
 *    no relocations and its bytes are final (emul-gen checks this).
 */
#include <ppcpv/abi-asm.h>

/* IBM bit number of MSR[EE] in a 32-bit word, for the rlwimi mask. */
	.set	MSR_EE_BIT, 31 - PPC_MSR_EE_SHIFT

/* A global label emul-gen looks for, e.g. ppcpv_emul_mtmsr_value0. */
.macro emul_label template, what
	.globl	ppcpv_emul_\template\()_\what
ppcpv_emul_\template\()_\what\():
.endm

/* A slot: the global label plus a local one for branches inside. */
.macro emul_slot template, what
	emul_label \template, \what
.L\template\()_\what\():
.endm

.macro emul_begin template
	.balign	4
	.type	ppcpv_emul_\template\()_start, @function
	emul_label \template, start
.endm

.macro emul_end template
	emul_label \template, end
	.size	ppcpv_emul_\template\()_start, ppcpv_emul_\template\()_end - ppcpv_emul_\template\()_start
.endm

/*
 * Enter the critical section first, then park r31, r30 and CR.  scratch1/2
 * take a native-width store at +0 (on 32-bit the value sits in the high
 * word; the patcher's r30/r31 reloads read it back from there), CR is 32
 * bits wide on every width.  Afterwards r30 still holds its original value.
 */
.macro save_scratch
	PPCPV_STL64(r1, PPCPV_SHARED_CRITICAL)
	PPCPV_STL(r31, PPCPV_SHARED_SCRATCH1)
	PPCPV_STL(r30, PPCPV_SHARED_SCRATCH2)
	mfcr	r31
	PPCPV_SW(r31, PPCPV_SHARED_SCRATCH3)
.endm

/*
 * Undo save_scratch and leave the critical section last, when every guest
 * register is back: r2 is never equal to r1 (TOC or current task), so the
 * host may deliver from the next instruction on.
 */
.macro restore_scratch
	PPCPV_LL(r31, PPCPV_SHARED_SCRATCH1)
	PPCPV_LW(r30, PPCPV_SHARED_SCRATCH3)
	mtcr	r30
	PPCPV_LL(r30, PPCPV_SHARED_SCRATCH2)
	PPCPV_STL64(r2, PPCPV_SHARED_CRITICAL)
.endm

/*
 * The way out of a template that ends in its original instruction: the
 * common path restores and takes the return branch; the rare path restores,
 * lets the original instruction trap so the host acts, then joins the
 * return branch.
 */
.macro return_or_trap template, placeholder:vararg
.L\template\()_return:
	restore_scratch
	emul_slot \template, branch
	b	.
.L\template\()_trap:
	restore_scratch
	emul_slot \template, orig
	\placeholder
	b	.L\template\()_branch
.endm

	.section .text.ppcpv_emul, "ax", @progbits

/*
 * mtmsrd rS,1: only EE and RI change, so the host is never needed for the
 * msr itself.  new msr = msr with the EE and RI bits of rS, computed by
 * flipping exactly the safe bits in which rS and msr differ (the same on
 * both widths, no mask constant).  If that enables EE while the host has an
 * interrupt waiting, the original instruction traps so the host delivers it.
 */
emul_begin mtmsrd_l1
	save_scratch
	PPCPV_LL64(r31, PPCPV_SHARED_MSR)
	emul_slot mtmsrd_l1, value0
	ori	r30, r0, 0			/* r30 = rS */
	xor	r30, r30, r31
	andi.	r30, r30, PPCPV_MSR_SAFE_BITS	/* safe bits rS changes */
	xor	r31, r31, r30
	PPCPV_STL64(r31, PPCPV_SHARED_MSR)
	andi.	r30, r31, PPC_MSR_EE
	beq	.Lmtmsrd_l1_return		/* EE off: nothing to deliver */
	PPCPV_LW(r31, PPCPV_SHARED_INT_PENDING)
	cmpwi	r31, 0
	bne	.Lmtmsrd_l1_trap
	return_or_trap mtmsrd_l1, mtmsrd r0, 1
emul_end mtmsrd_l1

/*
 * mtmsr rS and mtmsrd rS,0: the whole msr is replaced.  If any bit other
 * than EE and RI changes, the host must recompute its shadow state: trap
 * without touching the shared msr.  Otherwise store rS; if that enables EE
 * with an interrupt waiting, trap anyway (the host writes the same value
 * again and delivers).  r30 is needed for the mask, so rS is copied twice.
 */
emul_begin mtmsr
	save_scratch
	PPCPV_LL64(r31, PPCPV_SHARED_MSR)
	emul_slot mtmsr, value0
	ori	r30, r0, 0			/* r30 = rS */
	xor	r31, r31, r30			/* bits rS changes */
	/* lis sign-extends, so the mask is ~(EE|RI) on 64-bit too */
	lis	r30, PPCPV_MSR_CRITICAL_MASK32@h
	ori	r30, r30, PPCPV_MSR_CRITICAL_MASK32@l
	and.	r31, r31, r30
	bne	.Lmtmsr_trap			/* a critical bit changes */
	emul_slot mtmsr, value1
	ori	r30, r0, 0			/* r30 = rS again */
	PPCPV_STL64(r30, PPCPV_SHARED_MSR)
	andi.	r31, r30, PPC_MSR_EE
	beq	.Lmtmsr_return			/* EE off: nothing to deliver */
	PPCPV_LW(r31, PPCPV_SHARED_INT_PENDING)
	cmpwi	r31, 0
	bne	.Lmtmsr_trap
	return_or_trap mtmsr, mtmsr r0
emul_end mtmsr

/*
 * wrtee rS (and wrteei 1, whose value slot becomes "li r30,MSR_EE"): copy
 * rS's EE bit into the shared msr.  The rlwimi mask is the single bit EE,
 * which does not wrap, so the high word of a 64-bit msr is kept.  Enabling
 * EE with an interrupt waiting traps so the host delivers it.
 */
emul_begin wrtee
	save_scratch
	PPCPV_LL64(r31, PPCPV_SHARED_MSR)
	emul_slot wrtee, value0
	ori	r30, r0, 0			/* r30 = rS */
	rlwimi	r31, r30, 0, MSR_EE_BIT, MSR_EE_BIT
	PPCPV_STL64(r31, PPCPV_SHARED_MSR)
	andi.	r30, r30, PPC_MSR_EE
	beq	.Lwrtee_return			/* EE off: nothing to deliver */
	PPCPV_LW(r30, PPCPV_SHARED_INT_PENDING)
	cmpwi	r30, 0
	bne	.Lwrtee_trap
	return_or_trap wrtee, wrtee r0
emul_end wrtee

/*
 * wrteei 0: clear EE.  Disabling can never make an interrupt deliverable,
 * so there is no int_pending test and no fallback.  Setting then flipping
 * the bit clears it without a mask register and without a wrapping rlwinm
 * mask (which would copy the low word into the high word on 64-bit).
 */
emul_begin wrteei0
	save_scratch
	PPCPV_LL64(r31, PPCPV_SHARED_MSR)
	ori	r31, r31, PPC_MSR_EE
	xori	r31, r31, PPC_MSR_EE
	PPCPV_STL64(r31, PPCPV_SHARED_MSR)
	restore_scratch
	emul_slot wrteei0, branch
	b	.
emul_end wrteei0

/*
 * mtsrin rS,rB (Book3S-32): with translation on, the host must switch its
 * shadow segments now, so the original instruction traps.  In real mode
 * the segment registers are unused until the guest turns translation on
 * again, which traps (IR/DR are critical bits) and makes the host read the
 * shared sr[] array; storing to sr[rB >> 28] is then enough.
 *
 * Before the two patched words r31 is reloaded, so r30 and r31 both hold
 * the guest's values and rS or rB may be any register.  The offset register
 * OFF is r30, or r31 when rS is r30: sr_index computes OFF = (rB >> 28) * 4,
 * sr_store stores rS at sr + OFF.
 */
emul_begin mtsrin
	save_scratch
	PPCPV_LL64(r31, PPCPV_SHARED_MSR)
	andi.	r31, r31, PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR
	bne	.Lmtsrin_trap			/* translation on */
	PPCPV_LL(r31, PPCPV_SHARED_SCRATCH1)	/* the guest's r31 again */
	emul_slot mtsrin, sr_index
	rlwinm	r30, r0, 6, 26, 29		/* OFF = (rB >> 28) * 4 */
	emul_slot mtsrin, sr_store
	stw	r0, (PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_SR)(r30)	/* sr[OFF / 4] = rS */
	return_or_trap mtsrin, mtsrin r0, r0
emul_end mtsrin

	.section .note.GNU-stack, "", @progbits
