// SPDX-License-Identifier: MIT
/*
 * What the e500 and 440 host stubs learn from QEMU's device tree: RAM and the
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
	uint32_t address_cells, size_cells;
	int node;

	if (total < 0)
		return "r3 does not point at a device tree";
	size = (size_t)total;
	m->qemu_fdt = (uint64_t)(uintptr_t)fdt;
	m->qemu_fdt_size = size;
	/* the cell counts are the root's: ppce500 has 2 and 2, bamboo 2 and 1 */
	if (ppcpv_fdt_get_u32(fdt, size, 0, "#address-cells", &address_cells) ||
	    ppcpv_fdt_get_u32(fdt, size, 0, "#size-cells", &size_cells) ||
	    address_cells < 1 || address_cells > 2 || size_cells < 1 || size_cells > 2)
		return "QEMU's device tree has no usable #address-cells and #size-cells";
	node = ppcpv_fdt_path_offset(fdt, size, "/memory");
	if (node < 0 || ppcpv_fdt_get_cells(fdt, size, node, "reg", address_cells, size_cells,
					    &m->ram_size))
		return "no /memory reg in QEMU's device tree";
	/* the first cpu (QEMU names it after the SoC's core) */
	node = ppcpv_fdt_path_offset(fdt, size, "/cpus");
	if (node >= 0)
		node = ppcpv_fdt_first_child(fdt, size, node);
	if (node < 0 || ppcpv_fdt_get_u32(fdt, size, node, "timebase-frequency", &m->timebase_hz))
		m->timebase_hz = 0;
	return NULL;
}
