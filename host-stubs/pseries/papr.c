// SPDX-License-Identifier: MIT
/*
 * The host stub's own firmware services on pseries: PAPR hypercalls with
 * `sc 1` (the host runs at PR=0, so QEMU answers them), the console through
 * H_PUT_TERM_CHAR and the exit through RTAS.
 */
#include <stdarg.h>
#include <ppcpv/fmt.h>
#include "pseries.h"

/* H_PUT_TERM_CHAR carries at most 16 bytes, in r6..r7. */
#define TERM_CHUNK	16

long papr_hcall(unsigned long opcode, unsigned long a0, unsigned long a1,
		unsigned long a2, unsigned long a3, unsigned long rets[3])
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = a0;
	register unsigned long r5 __asm__("r5") = a1;
	register unsigned long r6 __asm__("r6") = a2;
	register unsigned long r7 __asm__("r7") = a3;

	/* PAPR preserves r1, r2 and r13..r31; the rest may change. */
	__asm__ __volatile__("sc 1"
		: "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
		:
		: "r0", "r8", "r9", "r10", "r11", "r12", "ctr", "xer",
		  "cr0", "cr1", "cr5", "cr6", "cr7", "memory");
	if (rets) {
		rets[0] = r4;
		rets[1] = r5;
		rets[2] = r6;
	}
	return (long)r3;
}

static uint32_t console_vty;
static char line[TERM_CHUNK];
static size_t line_len;

void console_init(uint32_t vty)
{
	console_vty = vty;
}

static unsigned long pack_be(const char *p, size_t n)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v = v << 8 | (i < n ? (uint8_t)p[i] : 0);
	return v;
}

void console_flush(void)
{
	if (!line_len)
		return;
	papr_hcall(H_PUT_TERM_CHAR, console_vty, line_len, pack_be(line, line_len),
		   line_len > 8 ? pack_be(line + 8, line_len - 8) : 0, NULL);
	line_len = 0;
}

void console_write(const char *buf, size_t len)
{
	while (len--) {
		line[line_len++] = *buf;
		if (*buf++ == '\n' || line_len == TERM_CHUNK)
			console_flush();
	}
}

void host_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = ppcpv_vfmt(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	console_write(buf, (size_t)n);
	console_flush();
}

struct rtas_args {
	uint32_t token;
	uint32_t nargs;
	uint32_t nret;
	uint32_t args[4];	/* inputs, then outputs */
};

static uint32_t rtas_power_off_token, rtas_os_term_token;

void rtas_init(uint32_t power_off_token, uint32_t os_term_token)
{
	rtas_power_off_token = power_off_token;
	rtas_os_term_token = os_term_token;
}

static void rtas_call(uint32_t token, uint32_t nargs, uint32_t arg0, uint32_t arg1)
{
	static struct rtas_args args __attribute__((aligned(16)));

	args.token = token;
	args.nargs = nargs;
	args.nret = 1;
	args.args[0] = arg0;
	args.args[1] = arg1;
	papr_hcall(KVMPPC_H_RTAS, (unsigned long)&args, 0, 0, 0, NULL);
}

void rtas_exit(int status)
{
	static const char why[] = "ppcpv host stub: non-zero exit status";

	console_flush();
	if (status == 0 && rtas_power_off_token)
		rtas_call(rtas_power_off_token, 2, 0, 0);	/* power_on_mask hi, lo */
	else if (rtas_os_term_token)
		rtas_call(rtas_os_term_token, 1, (uint32_t)(uintptr_t)why, 0);
	for (;;)
		;	/* QEMU stops us; without the tokens, timeout(1) does */
}
