/* SPDX-License-Identifier: MIT */
/*
 * The guest's hypercall stub: 4 slots the hypervisor's sequence is copied
 * into (from the device tree's hcall-instructions), then blr.  The default
 * makes an unconfigured call return -1 without trapping.  The stub keeps to
 * r0, r3..r12 so the C wrapper can describe it exactly to the compiler, and
 * it lives in its own 32-byte block so patching it dirties one cache line.
 */
#include <ppcpv/abi-asm.h>

	.section .text.ppcpv_hcall, "ax", @progbits
	.balign 32
PPCPV_FUNC(ppcpv_hcall_stub)
	li	r3, -1		/* slot 0 */
	nop			/* slot 1 */
	nop			/* slot 2 */
	nop			/* slot 3 */
	blr
PPCPV_FUNC_END(ppcpv_hcall_stub)

	.section .note.GNU-stack, "", @progbits
