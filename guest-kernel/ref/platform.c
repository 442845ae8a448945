// SPDX-License-Identifier: MIT
/*
 * How the reference kernel talks to its machine.  Natively (QEMU pseries)
 * that is the hypervisor interface at PR=0 (lib/papr: the vty and RTAS);
 * natively on QEMU bamboo (the 440 build) a UART (console.c) and a system
 * reset to end.  Under
 * the ppcpv host stub an `sc 1` never reaches the host (QEMU answers it for
 * PR=1 code), so the host describes an MMIO device, "ppcpv,hostdev", in the
 * device tree: a transmit register and an exit register.
 */
#include <ppcpv/fdt.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/papr.h>
#include "ref.h"
#ifdef REF_440
#include <ppcpv/isa/ppc440.h>
#endif

static struct {
	uint64_t hostdev;		/* guest-physical base, 0: native */
	uint32_t rtas_power_off;	/* RTAS tokens, 0: unknown */
	uint32_t rtas_os_term;
	long interrupts_le_status;	/* H_SET_MODE(LE)'s status (native LE) */
} plat;

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
	/* QEMU pseries delivers interrupts big-endian until asked otherwise;
	 * the ppcpv host enters a little-endian guest with little-endian
	 * interrupts already (guest-msr with LE).  Before any interrupt. */
	if (!REF_BIG_ENDIAN && !plat.hostdev)
		plat.interrupts_le_status = ppcpv_papr_hcall(H_SET_MODE, H_SET_MODE_ENDIAN_LITTLE,
							     H_SET_MODE_RESOURCE_LE, 0, 0, NULL);
}

long platform_interrupts_le_status(void)
{
	return plat.interrupts_le_status;
}

int platform_hosted(void)
{
	return plat.hostdev != 0;
}

uint64_t platform_hostdev(void)
{
	return plat.hostdev;
}

void platform_exit(int status)
{
	irq_disable();
	kprintf("EXIT: %d\n", status);
	if (plat.hostdev)
		*(volatile uint32_t *)(uintptr_t)(plat.hostdev + PPCPV_HOSTDEV_EXIT) = (uint32_t)status;
#ifdef REF_440
	/* Natively on QEMU bamboo: no power-off, but a system reset through
	 * DBCR0, which -no-reboot makes QEMU's exit 0; for any other status
	 * the EXIT line is all there is, and the kernel halts. */
	if (!status)
		__asm__ __volatile__("mtspr %0,%1; isync" : : "i"(PPC_440_SPR_DBCR0),
				     "r"(PPC_440_DBCR0_RST_SYSTEM) : "memory");
	for (;;)
		;
#endif
	ppcpv_rtas_exit(plat.rtas_power_off, plat.rtas_os_term, status,
			"ppcpv reference guest: checks failed");
}
