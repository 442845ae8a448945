/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The component's own trampoline area: in .text (so every patched site is
 * within a branch's reach and instruction fetch may run it), between
 * _stext and _etext, and left out of the scan by its two symbols (which
 * ppcpv-patch recognises in the vmlinux too).  Its size is the one number
 * here; the glue reads it from the symbols.
 */
	.text
	.balign	128
	.globl	ppcpv_kvm_tmp
ppcpv_kvm_tmp:
	.space	32768
	.globl	ppcpv_kvm_tmp_end
ppcpv_kvm_tmp_end:
