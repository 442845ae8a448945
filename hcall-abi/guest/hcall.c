// SPDX-License-Identifier: MIT
/* The C side of the guest's hypercall entry (PowerPC only). */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/hcall.h>

long ppcpv_hcall(unsigned long token, const unsigned long in[PPCPV_HCALL_NARGS],
		 unsigned long out[PPCPV_HCALL_NARGS])
{
	register unsigned long r3 __asm__("r3") = in[0];
	register unsigned long r4 __asm__("r4") = in[1];
	register unsigned long r5 __asm__("r5") = in[2];
	register unsigned long r6 __asm__("r6") = in[3];
	register unsigned long r7 __asm__("r7") = in[4];
	register unsigned long r8 __asm__("r8") = in[5];
	register unsigned long r9 __asm__("r9") = in[6];
	register unsigned long r10 __asm__("r10") = in[7];
	register unsigned long r11 __asm__("r11") = token;

	/* bl clobbers LR; the hypervisor's sequence may use r0, r12, CR, XER
	 * and CTR (ePAPR volatile set); memory because the host may write
	 * guest memory (the shared page). */
	__asm__ __volatile__("bl ppcpv_hcall_stub"
		: "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7),
		  "+r"(r8), "+r"(r9), "+r"(r10), "+r"(r11)
		:
		: "r0", "r12", "xer", "ctr", "lr", "cr0", "cr1", "cr5", "cr6",
		  "cr7", "memory");
	if (out) {
		out[0] = r4;
		out[1] = r5;
		out[2] = r6;
		out[3] = r7;
		out[4] = r8;
		out[5] = r9;
		out[6] = r10;
		out[7] = r11;
	}
	return (long)r3;
}

long ppcpv_hcall4(unsigned long token, unsigned long a0, unsigned long a1,
		  unsigned long a2, unsigned long a3, unsigned long *r4_out)
{
	unsigned long in[PPCPV_HCALL_NARGS] = { a0, a1, a2, a3 };
	unsigned long out[PPCPV_HCALL_NARGS];
	long status = ppcpv_hcall(token, in, out);

	if (r4_out)
		*r4_out = out[0];
	return status;
}

static void stub_write(const uint32_t *words, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ppcpv_hcall_stub[i] = words[i];
	ppcpv_icache_sync(ppcpv_hcall_stub, PPCPV_HCALL_INSN_COUNT * 4);
}

int ppcpv_hcall_install(const uint32_t *words, size_t n)
{
	if (!words || n == 0 || n > PPCPV_HCALL_INSN_COUNT)
		return -PPCPV_ERR_INVAL;
	ppcpv_hcall_reset();
	stub_write(words, n);
	return 0;
}

void ppcpv_hcall_reset(void)
{
	static const uint32_t defaults[PPCPV_HCALL_INSN_COUNT] = {
		PPCPV_HCALL_DEFAULT_INSN0, PPC_INST_NOP, PPC_INST_NOP, PPC_INST_NOP,
	};

	stub_write(defaults, PPCPV_HCALL_INSN_COUNT);
}

/* Smallest data/instruction cache line of the CPUs we run on (e500: 32). */
#define CACHE_LINE 32

void ppcpv_icache_sync(const void *start, size_t len)
{
	uintptr_t p = (uintptr_t)start & ~(uintptr_t)(CACHE_LINE - 1);
	uintptr_t end = (uintptr_t)start + len;

	for (; p < end; p += CACHE_LINE)
		__asm__ __volatile__("dcbst 0,%0" : : "r"(p) : "memory");
	__asm__ __volatile__("sync" : : : "memory");
	p = (uintptr_t)start & ~(uintptr_t)(CACHE_LINE - 1);
	for (; p < end; p += CACHE_LINE)
		__asm__ __volatile__("icbi 0,%0" : : "r"(p) : "memory");
	__asm__ __volatile__("sync; isync" : : : "memory");
}
