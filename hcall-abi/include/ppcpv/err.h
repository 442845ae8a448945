/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/err.h - the one error convention of ppcpv's libraries.
 *
 * Functions return 0 (or a non-negative count/offset) on success and a
 * negative -PPCPV_ERR_* code on failure.  ppcpv_strerror() names a code.
 */
#ifndef PPCPV_ERR_H
#define PPCPV_ERR_H

enum ppcpv_err {
	PPCPV_OK = 0,
	PPCPV_ERR_INVAL = 1,	/* a bad argument */
	PPCPV_ERR_RANGE,	/* a branch or displacement out of reach */
	PPCPV_ERR_ALIGN,	/* an address or size not suitably aligned */
	PPCPV_ERR_NOSPACE,	/* a caller-supplied buffer or region is full */
	PPCPV_ERR_NOTFOUND,	/* a looked-up item does not exist */
	PPCPV_ERR_FORMAT,	/* malformed input (device tree, ELF, ...) */
	PPCPV_ERR_UNSUPPORTED,	/* valid but not supported here */
	PPCPV_ERR_MISMATCH,	/* a value is not what it must be */
	PPCPV_ERR_HCALL,	/* a hypercall failed */
	PPCPV_ERR_STATE,	/* the operation does not fit the current state */
	PPCPV_ERR_IO,		/* reading or writing outside data failed */
	PPCPV_ERR_FAULT,	/* a memory access faulted */
	PPCPV_ERR_MAX
};

/* Name of an error code (either sign); never NULL. */
const char *ppcpv_strerror(int err);

#endif /* PPCPV_ERR_H */
