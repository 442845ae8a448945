// SPDX-License-Identifier: MIT
/*
 * What the e500 host stub learns from QEMU's device tree: RAM and the
 * timebase.  (Its job comes from the host-config blob: main.c.)
 */
#include <ppcpv/fdt.h>
#include "e500.h"

/* QEMU's tree is small; this bounds what the reader may touch. */
#define QEMU_FDT_MAX_SIZE	0x100000

const char *machine_read_qemu_fdt(struct machine *m, const void *fdt)
{
	long total = ppcpv_fdt_total_size(fdt, QEMU_FDT_MAX_SIZE);
	size_t size;
	int node;

	if (total < 0)
		return "r3 does not point at a device tree";
	size = (size_t)total;
	m->qemu_fdt = (uint64_t)(uintptr_t)fdt;
	m->qemu_fdt_size = size;
	node = ppcpv_fdt_path_offset(fdt, size, "/memory");
	if (node < 0 || ppcpv_fdt_get_cells(fdt, size, node, "reg", 2, 2, &m->ram_size))
		return "no /memory reg in QEMU's device tree";
	/* the first cpu (QEMU names it after the SoC's core) */
	node = ppcpv_fdt_path_offset(fdt, size, "/cpus");
	if (node >= 0)
		node = ppcpv_fdt_first_child(fdt, size, node);
	if (node < 0 || ppcpv_fdt_get_u32(fdt, size, node, "timebase-frequency", &m->timebase_hz))
		m->timebase_hz = 0;
	return NULL;
}
