// SPDX-License-Identifier: MIT
/* PAPR hypercalls, the vty and RTAS for code at MSR[PR]=0 on QEMU pseries. */
#include <ppcpv/papr.h>

/* H_PUT_TERM_CHAR carries at most 16 bytes, in two registers. */
#define TERM_CHUNK	16

/* The only `sc 1` of any program linked with this library (never inlined):
 * a host that has to find and rewrite hypercall sites finds exactly one. */
__attribute__((noinline)) long ppcpv_papr_hcall_regs(unsigned long opcode,
						      unsigned long regs[PAPR_HCALL_REGS])
{
	register unsigned long r3 __asm__("r3") = opcode;
	register unsigned long r4 __asm__("r4") = regs[0];
	register unsigned long r5 __asm__("r5") = regs[1];
	register unsigned long r6 __asm__("r6") = regs[2];
	register unsigned long r7 __asm__("r7") = regs[3];
	register unsigned long r8 __asm__("r8") = regs[4];
	register unsigned long r9 __asm__("r9") = regs[5];
	register unsigned long r10 __asm__("r10") = regs[6];
	register unsigned long r11 __asm__("r11") = regs[7];

	/* PAPR preserves r1, r2 and r13..r31; the rest may change. */
	__asm__ __volatile__("sc 1"
		: "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7), "+r"(r8), "+r"(r9),
		  "+r"(r10), "+r"(r11)
		:
		: "r0", "r12", "ctr", "xer", "cr0", "cr1", "cr5", "cr6", "cr7", "memory");
	regs[0] = r4;
	regs[1] = r5;
	regs[2] = r6;
	regs[3] = r7;
	regs[4] = r8;
	regs[5] = r9;
	regs[6] = r10;
	regs[7] = r11;
	return (long)r3;
}

long ppcpv_papr_hcall(unsigned long opcode, unsigned long a0, unsigned long a1,
		      unsigned long a2, unsigned long a3, unsigned long rets[3])
{
	unsigned long regs[PAPR_HCALL_REGS] = { a0, a1, a2, a3 };
	long status = ppcpv_papr_hcall_regs(opcode, regs);

	if (rets) {
		rets[0] = regs[0];
		rets[1] = regs[1];
		rets[2] = regs[2];
	}
	return status;
}

/* Up to 8 bytes, big-endian, zero-padded: how H_PUT_TERM_CHAR wants them. */
static unsigned long pack_be(const char *p, size_t n)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v = v << 8 | (i < n ? (uint8_t)p[i] : 0);
	return v;
}

void ppcpv_papr_vty_write(uint32_t vty, const char *s, size_t n)
{
	while (n) {
		size_t chunk = n < TERM_CHUNK ? n : TERM_CHUNK;

		ppcpv_papr_hcall(H_PUT_TERM_CHAR, vty, chunk, pack_be(s, chunk),
				 chunk > 8 ? pack_be(s + 8, chunk - 8) : 0, NULL);
		s += chunk;
		n -= chunk;
	}
}

/* RTAS reads its argument buffer big-endian, whatever the caller's byte
 * order: every field is stored through rtas_word(). */
struct rtas_args {
	uint32_t token;
	uint32_t nargs;
	uint32_t nret;
	uint32_t args[5];	/* inputs, then the one output */
};

static uint32_t rtas_word(uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return __builtin_bswap32(v);
#else
	return v;
#endif
}

void ppcpv_rtas_call(uint32_t token, uint32_t nargs, const uint32_t *args)
{
	static struct rtas_args a __attribute__((aligned(16)));
	uint32_t i, n = nargs > 4 ? 4 : nargs;

	a.token = rtas_word(token);
	a.nargs = rtas_word(n);
	a.nret = rtas_word(1);
	for (i = 0; i < n; i++)
		a.args[i] = rtas_word(args[i]);
	ppcpv_papr_hcall(H_RTAS, (unsigned long)&a, 0, 0, 0, NULL);
}

void ppcpv_rtas_exit(uint32_t power_off_token, uint32_t os_term_token, int status,
		     const char *why)
{
	uint32_t args[2] = { 0, 0 };	/* power-off: power_on_mask hi, lo */

	if (status == 0 && power_off_token) {
		ppcpv_rtas_call(power_off_token, 2, args);
	} else if (os_term_token) {
		args[0] = (uint32_t)(uintptr_t)why;
		ppcpv_rtas_call(os_term_token, 1, args);
	}
	for (;;)
		;	/* QEMU stops us; without the tokens, a timeout does */
}
