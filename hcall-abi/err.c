// SPDX-License-Identifier: MIT
/* Names of ppcpv error codes (portable: native and freestanding). */
#include <ppcpv/err.h>

static const char *const err_names[PPCPV_ERR_MAX] = {
	[PPCPV_OK]		= "success",
	[PPCPV_ERR_INVAL]	= "invalid argument",
	[PPCPV_ERR_RANGE]	= "out of range",
	[PPCPV_ERR_ALIGN]	= "misaligned",
	[PPCPV_ERR_NOSPACE]	= "no space left",
	[PPCPV_ERR_NOTFOUND]	= "not found",
	[PPCPV_ERR_FORMAT]	= "malformed input",
	[PPCPV_ERR_UNSUPPORTED]	= "not supported",
	[PPCPV_ERR_MISMATCH]	= "mismatch",
	[PPCPV_ERR_HCALL]	= "hypercall failed",
	[PPCPV_ERR_STATE]	= "wrong state",
	[PPCPV_ERR_IO]		= "I/O error",
	[PPCPV_ERR_FAULT]	= "access faulted",
};

const char *ppcpv_strerror(int err)
{
	if (err < 0)
		err = -err;
	if (err >= PPCPV_ERR_MAX || !err_names[err])
		return "unknown error";
	return err_names[err];
}
