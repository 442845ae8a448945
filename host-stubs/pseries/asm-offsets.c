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
#include <ppcpv/host/vcpu.h>
#include "trap_area.h"

#define EMIT(name, value) __asm__ __volatile__("\n->" #name " %0" : : "i"((long)(value)))
/* Offsets from the vCPU (real SPRG0): the trap area lies before it. */
#define FROM_VCPU(member) \
	((long)offsetof(struct host_cpu, member) - (long)offsetof(struct host_cpu, vcpu))
#define FIELD_SIZE(type, member) sizeof(((type *)0)->member)

/* The assembly loads these with ld/std. */
_Static_assert(FIELD_SIZE(struct ppcpv_vcpu, regs.gpr[0]) == 8, "64-bit registers");
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

	/* The trap area. */
	EMIT(TA_HOST_SP, FROM_VCPU(ta.host_sp));
	EMIT(TA_TOC, FROM_VCPU(ta.toc));
	EMIT(TA_FATAL_SP, FROM_VCPU(ta.fatal_sp));
}
