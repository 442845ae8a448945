/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/papr.h - what a program running at MSR[PR]=0 on QEMU pseries gets
 * from its firmware: PAPR hypercalls (`sc 1`), the vty console
 * (H_PUT_TERM_CHAR) and RTAS (through QEMU's H_RTAS).  Used by the host
 * stub and by the reference guest kernel when it runs natively: ppc64 in
 * either byte order (RTAS arguments are big-endian whatever the caller's).
 */
#ifndef PPCPV_PAPR_H
#define PPCPV_PAPR_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/isa/papr.h>	/* H_ENTER, H_REMOVE, H_AVPN, return codes */

#define H_RTAS			0xf000	/* QEMU's RTAS entry */

/* The vty QEMU creates when the device tree names none. */
#define PAPR_VTY_DEFAULT	0x71000000u

/* Registers an hcall takes its arguments in and returns values in: r4..r11. */
#define PAPR_HCALL_REGS		8

/* sc 1: r3 = opcode, r4..r11 = regs[0..7]; returns r3, and regs[] holds
 * r4..r11 as the call left them.  The one `sc 1` site of the library. */
long ppcpv_papr_hcall_regs(unsigned long opcode, unsigned long regs[PAPR_HCALL_REGS]);

/* The same with r4..r7 = args; returns r3, rets[0..2] = r4..r6
 * (rets may be NULL). */
long ppcpv_papr_hcall(unsigned long opcode, unsigned long a0, unsigned long a1,
		      unsigned long a2, unsigned long a3, unsigned long rets[3]);

/* Write to a vty, 16 bytes per H_PUT_TERM_CHAR. */
void ppcpv_papr_vty_write(uint32_t vty, const char *s, size_t n);

/* Call an RTAS service with up to 4 u32 arguments and one return value. */
void ppcpv_rtas_call(uint32_t token, uint32_t nargs, const uint32_t *args);

/*
 * End the machine: RTAS power-off for status 0 (QEMU exits 0), else
 * ibm,os-term with `why` (QEMU exits 1 under -action panic=exit-failure).
 * A zero token skips that service; then the caller is left spinning.
 */
void ppcpv_rtas_exit(uint32_t power_off_token, uint32_t os_term_token, int status,
		     const char *why) __attribute__((noreturn));

#endif /* PPCPV_PAPR_H */
