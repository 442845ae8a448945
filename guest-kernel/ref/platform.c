// SPDX-License-Identifier: MIT
/*
 * How the reference kernel talks to its machine.  Natively (QEMU pseries)
 * that is the hypervisor interface at PR=0: H_PUT_TERM_CHAR and RTAS.  Under
 * the ppcpv host stub an `sc 1` never reaches the host (QEMU answers it for
 * PR=1 code), so the host describes an MMIO device, "ppcpv,hostdev", in the
 * device tree: a transmit register and an exit register.
 */
#include <ppcpv/fdt.h>
#include <ppcpv/host/hostdev.h>
#include "ref.h"

#define H_PUT_TERM_CHAR	0x58
#define H_RTAS		0xf000

static struct {
	uint64_t hostdev;		/* guest-physical base, 0: native */
	uint32_t rtas_power_off;	/* RTAS tokens, 0: unknown */
	uint32_t rtas_os_term;
} plat;

/* `sc 1` with up to 4 arguments (PR=0 only). */
long papr_hcall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3,
		unsigned long a4)
{
	register unsigned long r3 __asm__("r3") = op;
	register unsigned long r4 __asm__("r4") = a1;
	register unsigned long r5 __asm__("r5") = a2;
	register unsigned long r6 __asm__("r6") = a3;
	register unsigned long r7 __asm__("r7") = a4;

	__asm__ __volatile__("sc 1"
		: "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
		:
		: "r0", "r8", "r9", "r10", "r11", "r12", "ctr", "xer", "cr0", "memory");
	return (long)r3;
}

static uint32_t rtas_token(const void *fdt, size_t size, int rtas, const char *name)
{
	uint32_t token = 0;

	ppcpv_fdt_get_u32(fdt, size, rtas, name, &token);
	return token;
}

/* The first "reg" address of a node, honouring the root's #address-cells. */
uint64_t fdt_reg_address(const void *fdt, size_t size, int node)
{
	uint32_t cells = 2;
	uint64_t addr = 0;

	ppcpv_fdt_get_u32(fdt, size, 0, "#address-cells", &cells);
	if (ppcpv_fdt_get_cells(fdt, size, node, "reg", 0, cells, &addr))
		return 0;
	return addr;
}

void platform_init(const void *fdt, size_t size)
{
	int node = ppcpv_fdt_find_compatible(fdt, size, -1, PPCPV_HOSTDEV_COMPATIBLE);

	if (node >= 0)
		plat.hostdev = fdt_reg_address(fdt, size, node);
	node = ppcpv_fdt_path_offset(fdt, size, "/rtas");
	if (node >= 0) {
		plat.rtas_power_off = rtas_token(fdt, size, node, "power-off");
		plat.rtas_os_term = rtas_token(fdt, size, node, "ibm,os-term");
	}
}

int platform_hosted(void)
{
	return plat.hostdev != 0;
}

uint64_t platform_hostdev(void)
{
	return plat.hostdev;
}

static void rtas_call(uint32_t token, uint32_t nargs, const uint32_t *args)
{
	static volatile uint32_t buf[16] __attribute__((aligned(8)));
	uint32_t i;

	buf[0] = token;
	buf[1] = nargs;
	buf[2] = 1;		/* one return value */
	for (i = 0; i < nargs && i < 12; i++)
		buf[3 + i] = args[i];
	papr_hcall(H_RTAS, (unsigned long)buf, 0, 0, 0);
}

void platform_exit(int status)
{
	static const char term_msg[] = "ppcpv reference guest: checks failed";
	uint32_t args[2] = { 0, 0 };

	irq_disable();
	kprintf("EXIT: %d\n", status);
	if (plat.hostdev) {
		*(volatile uint32_t *)(uintptr_t)(plat.hostdev + PPCPV_HOSTDEV_EXIT) = (uint32_t)status;
	} else if (status == 0 && plat.rtas_power_off) {
		rtas_call(plat.rtas_power_off, 2, args);
	} else if (plat.rtas_os_term) {
		args[0] = (uint32_t)(uintptr_t)term_msg;
		rtas_call(plat.rtas_os_term, 1, args);
	}
	for (;;)
		;
}
