// SPDX-License-Identifier: MIT
/*
 * What the pseries host stub learns at boot: the machine from QEMU's device
 * tree (RAM, console, RTAS tokens, hash table size, timebase) and its job
 * from the host-config blob the launcher loaded at PPCPV_HOSTCFG_PA.  Every
 * value that decides where the host writes is checked here.
 */
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/fdt.h>
#include <ppcpv/host/hostcfg.h>
#include "pseries.h"

/* QEMU's tree is small; this bounds what the reader may touch. */
#define QEMU_FDT_MAX_SIZE	0x100000

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static uint32_t read_vty(const void *fdt, size_t size)
{
	const char *path;
	uint32_t reg = VTY_DEFAULT;
	int node = ppcpv_fdt_path_offset(fdt, size, "/chosen");

	if (node >= 0 && !ppcpv_fdt_get_string(fdt, size, node, "stdout-path", &path))
		node = ppcpv_fdt_path_offset(fdt, size, path);
	else
		node = ppcpv_fdt_find_compatible(fdt, size, -1, "hvterm1");
	if (node >= 0)
		ppcpv_fdt_get_u32(fdt, size, node, "reg", &reg);
	return reg;
}

/* What QEMU's POWER CPUs have when the tree does not say. */
#define QEMU_SLB_SIZE_DEFAULT	32

static const char *read_cpu(struct machine *m, const void *fdt, size_t size)
{
	const char *type;
	uint64_t shift;
	int node = ppcpv_fdt_path_offset(fdt, size, "/cpus");

	for (node = node < 0 ? node : ppcpv_fdt_first_child(fdt, size, node); node >= 0;
	     node = ppcpv_fdt_next_sibling(fdt, size, node)) {
		if (!ppcpv_fdt_get_string(fdt, size, node, "device_type", &type) &&
		    str_eq(type, "cpu"))
			break;
	}
	if (node < 0)
		return "no cpu node in QEMU's device tree";
	if (ppcpv_fdt_get_cells(fdt, size, node, "ibm,pft-size", 1, 1, &shift) ||
	    shift < 18 || shift > 46)
		return "no usable ibm,pft-size (is this pseries with a hash MMU?)";
	m->pft_shift = (unsigned int)shift;
	if (ppcpv_fdt_get_u32(fdt, size, node, "ibm,slb-size", &m->slb_size))
		m->slb_size = QEMU_SLB_SIZE_DEFAULT;
	if (ppcpv_fdt_get_u32(fdt, size, node, "timebase-frequency", &m->timebase_hz))
		m->timebase_hz = 0;
	return NULL;
}

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
	m->vty = read_vty(fdt, size);
	node = ppcpv_fdt_path_offset(fdt, size, "/memory");
	if (node < 0 || ppcpv_fdt_get_cells(fdt, size, node, "reg", 2, 2, &m->ram_size))
		return "no /memory reg in QEMU's device tree";
	node = ppcpv_fdt_path_offset(fdt, size, "/rtas");
	if (node < 0 || ppcpv_fdt_get_u32(fdt, size, node, "power-off", &m->rtas_power_off) ||
	    ppcpv_fdt_get_u32(fdt, size, node, "ibm,os-term", &m->rtas_os_term))
		return "no RTAS power-off / ibm,os-term tokens";
	return read_cpu(m, fdt, size);
}

const char *machine_read_host_config(struct machine *m, uint64_t image_end)
{
	const struct ppcpv_hostcfg_machine machine = {
		.image_end = image_end,
		.ram_size = m->ram_size,
		.qemu_fdt = m->qemu_fdt,
		.qemu_fdt_size = m->qemu_fdt_size,
	};

	return ppcpv_hostcfg_load(&m->cfg, &machine);
}
