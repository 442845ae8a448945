/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/isa/bits.h - how the ISA headers write a number so that both C and
 * assembly can use it: in C an unsigned type (an opcode shifted to the top
 * of a word does not fit a signed int), in assembly the bare number (the
 * assembler knows no casts).
 */
#ifndef PPCPV_ISA_BITS_H
#define PPCPV_ISA_BITS_H

#ifdef __ASSEMBLER__
#define PPC_U32(x)	(x)
#define PPC_U64(x)	(x)
#else
#include <stdint.h>
#define PPC_U32(x)	((uint32_t)(x))
#define PPC_U64(x)	((uint64_t)(x))
#endif

#endif /* PPCPV_ISA_BITS_H */
