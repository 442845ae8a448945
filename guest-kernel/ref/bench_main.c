// SPDX-License-Identifier: MIT
/*
 * The reference kernel's benchmark image: boot and PV bring-up as in the
 * checks image (main.c), then the echo loop (bench.c) instead of the
 * checks.  The iteration count is fixed at build time (BENCH_ITERATIONS):
 * natively there is no way to pass arguments to a -bios image.
 */
#include <ppcpv/fdt.h>
#include "proc.h"

#ifndef BENCH_ITERATIONS
#define BENCH_ITERATIONS	1000
#endif

#define FDT_MAX_SIZE	(1u << 20)
#define DEC_FAR		PPC_DEC_MAX	/* no tick in the loop */

void kmain(const void *fdt);

/* The timebase's frequency, from the first cpu node that names it (QEMU's
 * tree natively, the host's when hosted: launcher/family.c's per family);
 * 0 if none does.  The driver turns ticks into instructions with it. */
static uint32_t timebase_hz(const void *fdt, size_t size)
{
	int cpus = ppcpv_fdt_path_offset(fdt, size, "/cpus"), cpu;
	uint32_t hz;

	if (cpus < 0)
		return 0;
	for (cpu = ppcpv_fdt_first_child(fdt, size, cpus); cpu >= 0;
	     cpu = ppcpv_fdt_next_sibling(fdt, size, cpu))
		if (!ppcpv_fdt_get_u32(fdt, size, cpu, "timebase-frequency", &hz))
			return hz;
	return 0;
}

void kmain(const void *fdt)
{
	long size = ppcpv_fdt_total_size(fdt, FDT_MAX_SIZE);

	if (size < 0)
		size = 0;
	platform_init(fdt, (size_t)size);
	console_init(fdt, (size_t)size, 0);
	kprintf("ppcpv reference guest, echo-loop benchmark: %s, %u iterations\n",
		platform_hosted() ? "hosted by the ppcpv host stub" : "native (MSR[PR]=0)",
		(unsigned int)BENCH_ITERATIONS);
	/* Natively user mode needs it: MSR[PR]=1 forces translation on. */
	mmu_init(fdt, (size_t)size);
	pv_start(fdt, (size_t)size);
	console_init(fdt, (size_t)size, pv_hcalls_ready);
	irq_disable();
	dec_set(DEC_FAR);
	platform_exit(bench_run(BENCH_ITERATIONS, timebase_hz(fdt, (size_t)size)));
}
