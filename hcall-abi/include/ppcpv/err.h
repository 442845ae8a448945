/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/err.h - the one error convention of ppcpv's libraries.
 *
 * Functions return 0 (or a non-negative count/offset) on success and a
 * negative -PPCPV_ERR_* code on failure.  ppcpv_strerror() names a code.
 * The codes are plain macros so assembly can return them too.
 */
#ifndef PPCPV_ERR_H
#define PPCPV_ERR_H

#define PPCPV_OK              0
#define PPCPV_ERR_INVAL       1	/* a bad argument */
#define PPCPV_ERR_RANGE       2	/* a branch or displacement out of reach */
#define PPCPV_ERR_ALIGN       3	/* an address or size not suitably aligned */
#define PPCPV_ERR_NOSPACE     4	/* a caller-supplied buffer or region is full */
#define PPCPV_ERR_NOTFOUND    5	/* a looked-up item does not exist */
#define PPCPV_ERR_FORMAT      6	/* malformed input (device tree, ELF, ...) */
#define PPCPV_ERR_UNSUPPORTED 7	/* valid but not supported here */
#define PPCPV_ERR_MISMATCH    8	/* a value is not what it must be */
#define PPCPV_ERR_HCALL       9	/* a hypercall failed */
#define PPCPV_ERR_STATE       10	/* the operation does not fit the current state */
#define PPCPV_ERR_IO          11	/* reading or writing outside data failed */
#define PPCPV_ERR_FAULT       12	/* a memory access faulted */
#define PPCPV_ERR_MAX         13


#ifndef __ASSEMBLER__
/* Name of an error code (either sign); never NULL. */
const char *ppcpv_strerror(int err);
#endif

#endif /* PPCPV_ERR_H */
