// SPDX-License-Identifier: MIT
/*
 * What start.S needs to know of the C structures, computed by the compiler:
 * compiled to assembly only, each "->NAME value" line becomes a #define in
 * the build's asm-offsets.h (host-stubs/module.mk).  The vCPU's registers
 * are 64-bit slots; this 32-bit big-endian host uses their low words.
 */
#include <stddef.h>
#include <ppcpv/host/vcpu.h>
#include "e500.h"

#define EMIT(name, value) __asm__ __volatile__("\n->" #name " %0" : : "i"((long)(value)))
#define FROM_VCPU(member) \
	((long)offsetof(struct host_cpu, member) - (long)offsetof(struct host_cpu, vcpu))
#define SLOT(type, member) sizeof(((type *)0)->member)
/* The low word of a 64-bit big-endian slot. */
#define LOW(member) (offsetof(struct ppcpv_vcpu, member) + \
		     SLOT(struct ppcpv_vcpu, member) - sizeof(uint32_t))

_Static_assert(PPCPV_HOST_BIG_ENDIAN, "the low word of a slot is its second");
_Static_assert(offsetof(struct ppcpv_vcpu, regs) == 0, "registers first in the vCPU");

void asm_offsets(void);
void asm_offsets(void)
{
	EMIT(VCPU_GPR0_LOW, LOW(regs.gpr[0]));
	EMIT(VCPU_GPR_SIZE, SLOT(struct ppcpv_vcpu, regs.gpr[0]));
	EMIT(VCPU_PC_LOW, LOW(regs.pc));
	EMIT(VCPU_CR_LOW, LOW(regs.cr));
	EMIT(VCPU_LR_LOW, LOW(regs.lr));
	EMIT(VCPU_CTR_LOW, LOW(regs.ctr));
	EMIT(VCPU_XER_LOW, LOW(regs.xer));
	EMIT(TA_HOST_SP, FROM_VCPU(ta.host_sp));
}
