// SPDX-License-Identifier: MIT
/*
 * What start.S needs to know of the C structures and MSR rules, computed
 * by the compiler from their definitions: this file is only compiled to
 * assembly (never linked), and host-stubs/module.mk turns each "->NAME
 * value" line of that into "#define NAME value" in asm-offsets.h.  So no
 * offset or mask is typed twice, and a layout change reaches the vectors
 * at the next build.
 */
#include <stddef.h>
#include <ppcpv/abi.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/isa/vectors.h>
#include <ppcpv/host/vcpu.h>
#include <ppcpv/host/shadow64.h>
#include <ppcpv/host/book3s.h>
#include <ppcpv/isa/hash64.h>
#include "pseries.h"
#include "trap_area.h"

#define EMIT(name, value) __asm__ __volatile__("\n->" #name " %0" : : "i"((long)(value)))
/* Offsets from the vCPU (real SPRG0): the trap area lies before it. */
#define FROM_VCPU(member) \
	((long)offsetof(struct host_cpu, member) - (long)offsetof(struct host_cpu, vcpu))
#define FIELD_SIZE(type, member) sizeof(((type *)0)->member)

/* The assembly loads these with lwz/stw or ld/std. */
_Static_assert(FIELD_SIZE(struct ppcpv_vcpu, magic.mapped) == 4 &&
	       FIELD_SIZE(struct ppcpv_vcpu, magic.visible) == 4 &&
	       FIELD_SIZE(struct ppcpv_vcpu, hcall_r0) == 4 &&
	       FIELD_SIZE(struct ppcpv_vcpu, pending) == 4 &&
	       FIELD_SIZE(struct ppcpv_vcpu, intr_le) == 4, "32-bit vCPU fields");
_Static_assert(FIELD_SIZE(struct ppcpv_vcpu, regs.gpr[0]) == 8 &&
	       FIELD_SIZE(struct ppcpv_vcpu, stats.exits) == 8 &&
	       FIELD_SIZE(struct ppcpv_vcpu, dec.wake_tb) == 8 &&
	       FIELD_SIZE(struct ppcpv_vcpu, cfg.ram_size) == 8, "64-bit vCPU fields");
_Static_assert(((PPCPV_DEC_MAX_TICKS + 1ull) & PPCPV_DEC_MAX_TICKS) == 0,
	       "the real DEC's largest value is all ones");
_Static_assert(FAST_SC < 0x10 && FAST_MAGIC < 0x10 && FAST_SHADOW < 0x10 && FAST_SHARED_REV < 0x10,
	       "fast_exit flags fit cr7");
_Static_assert(PPCPV_SHADOW_MODE_BITS < 0x10000, "andi. immediate");
_Static_assert(sizeof(struct rfid_site) == 4 << 3 && (RFID_SITES & (RFID_SITES - 1)) == 0,
	       "an rfid site's offset is (ea & RFID_SITE_INDEX_MASK) << 3");
_Static_assert((PPC_BOOK3S_SRR1_CAUSE_MASK & 0xffff) == 0 && PPC_BOOK3S_SRR1_CAUSE_MASK < 0x80000000,
	       "start.S loads the SRR1 cause mask with lis");
_Static_assert((PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR) < 0x10000, "ori immediate");
_Static_assert((PPC_MSR_PR | PPC_BOOK3S_MSR_LE) < 0x10000, "andi. immediate");
/* The interrupt's LE: intr_le (0 or 1) is the LE bit itself, and ILE
 * rotated into bit 0 with everything else cleared (rldicl ...,63) is too;
 * ILE survives the interrupt, so it can be read from the new MSR. */
_Static_assert(PPC_BOOK3S_MSR_LE == 1, "LE is MSR bit 63 (value 1)");
_Static_assert(!(PPC_BOOK3S_MSR_ILE & (PPCPV_BOOK3S_MSR_INTERRUPT_CLEARS | PPCPV_BOOK3S_MSR_NEVER)),
	       "an interrupt keeps ILE");
/* The guest's registers come first: the vCPU's address is theirs. */
_Static_assert(offsetof(struct ppcpv_vcpu, regs) == 0, "registers first in the vCPU");

void asm_offsets(void);
void asm_offsets(void)
{
	/* The guest's registers in the vCPU. */
	EMIT(VCPU_GPR0, offsetof(struct ppcpv_vcpu, regs.gpr[0]));
	EMIT(VCPU_GPR_SIZE, FIELD_SIZE(struct ppcpv_vcpu, regs.gpr[0]));
	EMIT(VCPU_PC, offsetof(struct ppcpv_vcpu, regs.pc));
	EMIT(VCPU_CR, offsetof(struct ppcpv_vcpu, regs.cr));
	EMIT(VCPU_LR, offsetof(struct ppcpv_vcpu, regs.lr));
	EMIT(VCPU_CTR, offsetof(struct ppcpv_vcpu, regs.ctr));
	EMIT(VCPU_XER, offsetof(struct ppcpv_vcpu, regs.xer));

	/* The rest of the vCPU the fast exits read and write. */
	EMIT(VCPU_SHARED, offsetof(struct ppcpv_vcpu, shared));
	EMIT(VCPU_HCALL_R0, offsetof(struct ppcpv_vcpu, hcall_r0));
	EMIT(VCPU_RAM, offsetof(struct ppcpv_vcpu, cfg.ram));
	EMIT(VCPU_RAM_SIZE, offsetof(struct ppcpv_vcpu, cfg.ram_size));
	EMIT(VCPU_MSR_RUN, offsetof(struct ppcpv_vcpu, arch.msr_run));
	EMIT(VCPU_MSR_PASSTHROUGH, offsetof(struct ppcpv_vcpu, arch.msr_passthrough));
	EMIT(VCPU_MAGIC_MAPPED, offsetof(struct ppcpv_vcpu, magic.mapped));
	EMIT(VCPU_MAGIC_VISIBLE, offsetof(struct ppcpv_vcpu, magic.visible));
	EMIT(VCPU_DEC_WAKE_TB, offsetof(struct ppcpv_vcpu, dec.wake_tb));
	EMIT(VCPU_PENDING, offsetof(struct ppcpv_vcpu, pending));
	EMIT(VCPU_INTR_LE, offsetof(struct ppcpv_vcpu, intr_le));
	EMIT(VCPU_STAT_EXITS, offsetof(struct ppcpv_vcpu, stats.exits));
	EMIT(VCPU_STAT_SYSCALL_REFLECTED, offsetof(struct ppcpv_vcpu, stats.syscall_reflected));
	EMIT(VCPU_STAT_EMUL_RFID, offsetof(struct ppcpv_vcpu, stats.emul[PPCPV_EMUL_KIND_RFID]));

	/* The trap area. */
	EMIT(TA_HOST_SP, FROM_VCPU(ta.host_sp));
	EMIT(TA_TOC, FROM_VCPU(ta.toc));
	EMIT(TA_FATAL_SP, FROM_VCPU(ta.fatal_sp));
	EMIT(TA_FAST_FLAGS, FROM_VCPU(ta.fast.flags));
	EMIT(TA_FAST_RFID_WORD, FROM_VCPU(ta.fast.rfid_word));
	EMIT(TA_FAST_RFID_WORD_REV, FROM_VCPU(ta.fast.rfid_word_rev));
	EMIT(TA_FAST_INTERRUPT_KEEPS, FROM_VCPU(ta.fast.interrupt_keeps));
	EMIT(TA_FAST_INTERRUPT_SETS, FROM_VCPU(ta.fast.interrupt_sets));
	EMIT(TA_FAST_NEVER, FROM_VCPU(ta.fast.never));
	EMIT(TA_FAST_FETCH_LIMIT, FROM_VCPU(ta.fast.fetch_limit));
	EMIT(TA_FAST_SITE_KEY_MASK, FROM_VCPU(ta.fast.site_key_mask));
	EMIT(TA_FAST_SHADOW_MODE_MASK, FROM_VCPU(ta.fast.shadow_mode_mask));

	/* The rfid sites the shadow MMU's fetch remembers (shadow.c). */
	EMIT(SITE_EA, offsetof(struct rfid_site, ea));
	EMIT(SITE_KEY, offsetof(struct rfid_site, key));
	EMIT(SITE_GPA, offsetof(struct rfid_site, gpa));
	EMIT(SITE_GEN, offsetof(struct rfid_site, gen));
	EMIT(SITES_GEN, offsetof(struct rfid_sites, gen));
	EMIT(RFID_SITE_INDEX_MASK, (RFID_SITES - 1) * sizeof(uint32_t));

	/* The magic page's own-segment SLB entry (mmu.c). */
	EMIT(MAGIC_SEGMENT_SLB_RS, offsetof(struct mmu_magic_segment, slb_rs));
	EMIT(MAGIC_SEGMENT_SLB_RB, offsetof(struct mmu_magic_segment, slb_rb));
	EMIT(MAGIC_SEGMENT_SLBIE_RB, offsetof(struct mmu_magic_segment, slbie_rb));
	EMIT(MAGIC_SEGMENT_SHOWN, offsetof(struct mmu_magic_segment, shown));

	/* MSR rules as immediates: PR's bit, and what entering problem
	 * state forces on (book3s_set_msr()). */
	EMIT(MSR_PR_SHIFT, __builtin_ctzll(PPC_MSR_PR));
	EMIT(MSR_PR_FORCES, PPC_MSR_EE | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR);

	/* Byte orders.  The MSR[LE] under which the guest's code reads as the
	 * host loads it (rfid_word matched) or reversed (rfid_word_rev); what
	 * an rfid's old MSR must have of PR and LE is compared with it. */
	EMIT(MSR_LE_CODE_HOST_ORDER, PPCPV_HOST_BIG_ENDIAN ? 0 : PPC_BOOK3S_MSR_LE);
	EMIT(MSR_LE_CODE_REVERSED, PPCPV_HOST_BIG_ENDIAN ? PPC_BOOK3S_MSR_LE : 0);
	EMIT(RFID_OLD_MSR_CHECKED, PPC_MSR_PR | PPC_BOOK3S_MSR_LE);
	/* rldicl's rotation that brings ILE to LE's place */
	EMIT(MSR_ILE_TO_LE_ROTATE, 64 - __builtin_ctzll(PPC_BOOK3S_MSR_ILE));

	/* The fast_exit flags as cr7 bits (mtocrf 0x01 of the flags). */
	EMIT(FAST_SC_CR_BIT, 4 * 7 + 3 - __builtin_ctz(FAST_SC));
	EMIT(FAST_MAGIC_CR_BIT, 4 * 7 + 3 - __builtin_ctz(FAST_MAGIC));
	EMIT(FAST_SHADOW_CR_BIT, 4 * 7 + 3 - __builtin_ctz(FAST_SHADOW));
	EMIT(FAST_SHARED_REV_CR_BIT, 4 * 7 + 3 - __builtin_ctz(FAST_SHARED_REV));

	/* The guest MSR bits whose change switches the shadow context. */
	EMIT(SHADOW_MODE_BITS, PPCPV_SHADOW_MODE_BITS);

	/* The real DEC's largest value is 2^DEC_MAX_BITS - 1. */
	EMIT(DEC_MAX_BITS, 64 - __builtin_clzll(PPCPV_DEC_MAX_TICKS));
}
