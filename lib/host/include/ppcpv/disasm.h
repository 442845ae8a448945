/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/disasm.h - PowerPC disassembly through libopcodes (host side only).
 *
 * The independent decoding oracle of the tests and the --disasm output of
 * the tools.  Link with -lopcodes-multiarch -lbfd-multiarch (the plain
 * -lopcodes of Debian knows only the build machine's architecture).
 */
#ifndef PPCPV_DISASM_H
#define PPCPV_DISASM_H

#include <stddef.h>
#include <stdint.h>

#define PPCPV_DISASM_TEXT_MAX 128

struct ppcpv_disasm_opts {
	int word_bits;		/* 32 or 64: selects bfd_mach_ppc / _ppc64 */
	int big_endian;		/* byte order of the code bytes */
	const char *dialect;	/* libopcodes -M options ("e500", "raw"...), or NULL */
};

/*
 * Disassemble the instruction word `insn` (a host-order value) as if it sat
 * at address `addr`.  The text, with its tab folded to one space, goes to
 * out[size].  0, or -PPCPV_ERR_UNSUPPORTED when libopcodes lacks PowerPC,
 * -PPCPV_ERR_INVAL on bad arguments.
 */
int ppcpv_disasm_word(const struct ppcpv_disasm_opts *opts, uint32_t insn,
		      uint64_t addr, char *out, size_t size);

#endif /* PPCPV_DISASM_H */
