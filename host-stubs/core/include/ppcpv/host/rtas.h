/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/rtas.h - the RTAS calls a ppcpv host serves a PAPR guest
 * kernel, by the token numbers QEMU pseries gives them (so that a guest's
 * tree is the same natively and hosted), and QEMU's private hypercall
 * that carries them.  The launcher writes these tokens into the guest's
 * /rtas node; the host answers them (host-stubs/pseries/papr_lpar.c).
 */
#ifndef PPCPV_HOST_RTAS_H
#define PPCPV_HOST_RTAS_H

/* `sc 1` with r3 = this and r4 = the argument buffer (guest real address)
 * runs one RTAS call: QEMU's KVMPPC_H_RTAS, which its RTAS blob issues. */
#define PPCPV_H_RTAS			0xf000

#define PPCPV_RTAS_GET_TIME_OF_DAY	0x2001
#define PPCPV_RTAS_POWER_OFF		0x2003
#define PPCPV_RTAS_GET_SYSTEM_PARAMETER	0x2008
#define PPCPV_RTAS_SET_XIVE		0x200a
#define PPCPV_RTAS_GET_XIVE		0x200b
#define PPCPV_RTAS_INT_OFF		0x200c
#define PPCPV_RTAS_INT_ON		0x200d
#define PPCPV_RTAS_EVENT_SCAN		0x200f
#define PPCPV_RTAS_OS_TERM		0x201f
#define PPCPV_RTAS_NMI_REGISTER		0x202b
#define PPCPV_RTAS_NMI_INTERLOCK	0x202c

/* The argument buffer (big-endian 32-bit words, as RTAS always is):
 * token, nargs, nret, then nargs arguments and nret results. */
#define PPCPV_RTAS_ARGS_HEADER_WORDS	3
#define PPCPV_RTAS_ARGS_MAX_WORDS	16

/* RTAS status words */
#define PPCPV_RTAS_SUCCESS		0
#define PPCPV_RTAS_HARDWARE_ERROR	(-1)
#define PPCPV_RTAS_NOT_SUPPORTED	(-3)	/* also: no such system parameter */
#define PPCPV_RTAS_EVENT_NONE		1	/* event-scan: nothing to report */

#endif /* PPCPV_HOST_RTAS_H */
