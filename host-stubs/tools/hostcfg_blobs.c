// SPDX-License-Identifier: MIT
/*
 * The two device trees ppcpv-hostcfg writes, with libfdt's sequential-write
 * API: the host-config blob the host stub reads at PPCPV_HOSTCFG_PA, and
 * the guest's own tree (memory, CPU, /hypervisor with the hypercall words
 * KVM_PPC_GET_PVINFO would give, the MMIO device, the console).
 */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>
#include <ppcpv/abi.h>
#include <ppcpv/err.h>
#include <ppcpv/pvinfo.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/host/vcpu.h>
#include "hostcfg_blobs.h"

/* Serial clock the ns16550-compatible node advertises (nothing uses it). */
#define HOSTDEV_CLOCK_HZ	1843200

static int prop_u64(void *fdt, const char *name, uint64_t v)
{
	fdt64_t be = cpu_to_fdt64(v);

	return fdt_property(fdt, name, &be, sizeof(be));
}

/* reg = <address size> with 2 address and 2 size cells. */
static int prop_reg(void *fdt, uint64_t addr, uint64_t size)
{
	fdt64_t cells[2] = { cpu_to_fdt64(addr), cpu_to_fdt64(size) };

	return fdt_property(fdt, "reg", cells, sizeof(cells));
}

static int finish(void *fdt, int err)
{
	if (!err)
		err = fdt_end_node(fdt);	/* root */
	if (!err)
		err = fdt_finish(fdt);
	return err ? -PPCPV_ERR_NOSPACE : 0;
}

static int start(void *fdt, size_t size)
{
	int err = fdt_create(fdt, (int)size);

	if (!err)
		err = fdt_finish_reservemap(fdt);
	if (!err)
		err = fdt_begin_node(fdt, "");
	if (!err)
		err = fdt_property_u32(fdt, "#address-cells", 2);
	if (!err)
		err = fdt_property_u32(fdt, "#size-cells", 2);
	return err;
}

int hostcfg_build_host_config(const struct hostcfg_options *o, void *fdt, size_t size)
{
	int err = start(fdt, size);

	if (!err)
		err = fdt_property_string(fdt, "compatible", PPCPV_HOSTCFG_COMPATIBLE);
	if (!err)
		err = fdt_begin_node(fdt, PPCPV_HOSTCFG_NODE + 1);
	if (!err)
		err = prop_u64(fdt, PPCPV_HOSTCFG_GUEST_BASE, o->guest_base);
	if (!err)
		err = prop_u64(fdt, PPCPV_HOSTCFG_GUEST_SIZE, o->guest_size);
	if (!err)
		err = prop_u64(fdt, PPCPV_HOSTCFG_GUEST_ENTRY, o->guest_entry);
	if (!err && (o->guest_fdt_out || o->guest_fdt_own))
		err = prop_u64(fdt, PPCPV_HOSTCFG_GUEST_FDT, o->guest_fdt);
	if (!err)
		err = prop_u64(fdt, PPCPV_HOSTCFG_GUEST_MSR, o->guest_msr);
	if (!err)
		err = fdt_property_string(fdt, PPCPV_HOSTCFG_MODE, o->mode);
	if (!err)
		err = fdt_property_u32(fdt, PPCPV_HOSTCFG_FEATURES, o->features);
	if (!err && o->hostdev != PPCPV_HOSTDEV_NONE)
		err = prop_u64(fdt, PPCPV_HOSTCFG_HOSTDEV, o->hostdev);
	if (!err)
		err = fdt_property_u32(fdt, PPCPV_HOSTCFG_VERBOSE, o->verbose);
	if (!err && o->selftest)
		err = fdt_property_string(fdt, PPCPV_HOSTCFG_SELFTEST, o->selftest);
	if (!err && o->fault)
		err = fdt_property_string(fdt, PPCPV_HOSTCFG_FAULT, o->fault);
	if (!err && o->mmu)
		err = fdt_property_string(fdt, PPCPV_HOSTCFG_MMU, o->mmu);
	if (!err && o->fast_exits)
		err = fdt_property_string(fdt, PPCPV_HOSTCFG_FAST_EXITS, o->fast_exits);
	if (!err && o->irq_sweep)
		err = fdt_property_string(fdt, PPCPV_HOSTCFG_IRQ_SWEEP, o->irq_sweep);
	if (!err && o->image_bytes)
		err = prop_u64(fdt, PPCPV_HOSTCFG_IMAGE_SIZE, o->image_bytes);
	if (!err && o->premap)
		err = prop_u64(fdt, PPCPV_HOSTCFG_PREMAP_EA, o->premap_ea);
	if (!err && o->premap)
		err = prop_u64(fdt, PPCPV_HOSTCFG_PREMAP_PA, o->premap_pa);
	if (!err && o->premap)
		err = fdt_property_u32(fdt, PPCPV_HOSTCFG_PREMAP_LE, o->premap_le);
	if (!err && o->rtas_size)
		err = prop_u64(fdt, PPCPV_HOSTCFG_RTAS_BASE, o->rtas_base);
	if (!err && o->rtas_size)
		err = prop_u64(fdt, PPCPV_HOSTCFG_RTAS_SIZE, o->rtas_size);
	if (!err)
		err = fdt_end_node(fdt);
	return finish(fdt, err);
}

static int shadow_mmu(const struct hostcfg_options *o)
{
	return o->mmu && !strcmp(o->mmu, PPCPV_HOSTCFG_MMU_SHADOW);
}

#define CELLS_MAX	16	/* the longest cell-list property written here */
#define N_CELLS(a)	(sizeof(a) / sizeof((a)[0]))

static int prop_cells(void *fdt, const char *name, const uint32_t *cells, size_t n)
{
	uint32_t be[CELLS_MAX];
	size_t i;

	if (n > CELLS_MAX)
		return -FDT_ERR_INTERNAL;
	for (i = 0; i < n; i++)
		be[i] = cpu_to_fdt32(cells[i]);
	return fdt_property(fdt, name, be, (int)(n * sizeof(be[0])));
}

/*
 * What a PAPR kernel reads about the hash MMU it gets (mmu shadow): a
 * hash table of 2^PPCPV_GUEST_PFT_SHIFT bytes; the base page sizes the
 * guest MMU core takes, each as <base shift, SLB L||LP (as in slbmte's
 * VSID word), number of page sizes, {page shift, HPTE LP encoding}>: 4 KiB
 * segments with 4 KiB pages and 64 KiB segments with 64 KiB pages (both
 * shadowed with 4 KiB host pages); 256 MB segments only (log2 of the
 * size); and the SLB size.
 */
static int guest_cpu_mmu(void *fdt)
{
	static const uint32_t pft[] = { 0, PPCPV_GUEST_PFT_SHIFT };
	static const uint32_t page_sizes[] = {
		PPC_PAGE_SHIFT_4K, PPC_SLB_VSID_LLP_4K, 1, PPC_PAGE_SHIFT_4K, PPC_HPTE_LP_4K,
		PPC_PAGE_SHIFT_64K, PPC_SLB_VSID_LLP_64K, 1, PPC_PAGE_SHIFT_64K, PPC_HPTE_LP_64K,
	};
	static const uint32_t segment_sizes[] = { PPC_SID_SHIFT };
	int err = prop_cells(fdt, "ibm,pft-size", pft, N_CELLS(pft));

	if (!err)
		err = prop_cells(fdt, "ibm,segment-page-sizes", page_sizes, N_CELLS(page_sizes));
	if (!err)
		err = prop_cells(fdt, "ibm,processor-segment-sizes", segment_sizes,
				 N_CELLS(segment_sizes));
	if (!err)
		err = fdt_property_u32(fdt, "ibm,slb-size", PPCPV_GUEST_SLB_SIZE);
	return err;
}

/* /rtas as a PAPR kernel looks for which hypercall sets it may use. */
static int guest_rtas(void *fdt)
{
	static const char sets[] = "hcall-pft\0hcall-bulk\0hcall-term";
	int err = fdt_begin_node(fdt, "rtas");

	if (!err)
		err = fdt_property(fdt, "ibm,hypertas-functions", sets, sizeof(sets));
	if (!err)
		err = fdt_end_node(fdt);
	return err;
}

static int guest_memory_and_cpu(void *fdt, const struct hostcfg_options *o)
{
	int err = fdt_begin_node(fdt, "memory@0");

	if (!err)
		err = fdt_property_string(fdt, "device_type", "memory");
	if (!err)
		err = prop_reg(fdt, 0, o->guest_size);
	if (!err)
		err = fdt_end_node(fdt);
	if (!err)
		err = fdt_begin_node(fdt, "cpus");
	if (!err)
		err = fdt_property_u32(fdt, "#address-cells", 1);
	if (!err)
		err = fdt_property_u32(fdt, "#size-cells", 0);
	if (!err)
		err = fdt_begin_node(fdt, "cpu@0");
	if (!err)
		err = fdt_property_string(fdt, "device_type", "cpu");
	if (!err)
		err = fdt_property_u32(fdt, "reg", 0);
	if (!err)
		err = fdt_property_u32(fdt, "timebase-frequency", o->timebase_hz);
	if (!err && shadow_mmu(o))
		err = guest_cpu_mmu(fdt);
	if (!err)
		err = fdt_end_node(fdt);
	if (!err)
		err = fdt_end_node(fdt);
	return err;
}

#define HYPERVISOR_CONSOLE "/hypervisor/console"

/*
 * /hypervisor as QEMU writes it for a KVM PR host, plus the ePAPR console.
 * hcall-instructions is what KVM_PPC_GET_PVINFO gives, unless a test asks
 * for another length (zero-padded or cut short).
 */
int hostcfg_fdt_hypervisor(void *fdt, int hcall_bytes, uint64_t premap_pa)
{
	const fdt64_t premap[2] = { cpu_to_fdt64((uint64_t)(int64_t)PPCPV_MAGIC_PAGE_EA),
				    cpu_to_fdt64(premap_pa) };
	static const char compat[] = "linux,kvm\0epapr,hypervisor-1";
	struct kvm_ppc_pvinfo info;
	uint8_t words[32] = { 0 };
	size_t len = sizeof(info.hcall);
	int err = ppcpv_pvinfo_fill(&info, PPCPV_HOST_TRAP_SC) ? -1 : 0;

	memcpy(words, info.hcall, sizeof(info.hcall));
	if (hcall_bytes >= 0 && (size_t)hcall_bytes <= sizeof(words))
		len = (size_t)hcall_bytes;

	if (!err)
		err = fdt_begin_node(fdt, "hypervisor");
	if (!err)
		err = fdt_property(fdt, "compatible", compat, sizeof(compat));
	if (!err)	/* hcall[] is big-endian already, as the property wants */
		err = fdt_property(fdt, "hcall-instructions", words, (int)len);
	if (!err && (info.flags & PPCPV_PVINFO_FLAG_EV_IDLE))
		err = fdt_property(fdt, "has-idle", NULL, 0);
	if (!err && premap_pa != UINT64_MAX)
		err = fdt_property(fdt, PPCPV_FDT_PREMAPPED_MAGIC_PAGE, premap, sizeof(premap));
	if (!err)
		err = fdt_begin_node(fdt, "console");
	if (!err)
		err = fdt_property_string(fdt, "compatible", "epapr,hv-byte-channel");
	if (!err)
		err = fdt_property_u32(fdt, "hv-handle", 0);
	if (!err)
		err = fdt_end_node(fdt);
	if (!err)
		err = fdt_end_node(fdt);
	return err;
}

static int guest_hostdev(void *fdt, const struct hostcfg_options *o, char *path, size_t n)
{
	static const char compat[] = PPCPV_HOSTDEV_COMPATIBLE "\0ns16550a";
	int err;

	snprintf(path, n, "/hostdev@%llx", (unsigned long long)o->hostdev);
	err = fdt_begin_node(fdt, path + 1);
	if (!err)
		err = fdt_property(fdt, "compatible", compat, sizeof(compat));
	if (!err)
		err = prop_reg(fdt, o->hostdev, PPCPV_HOSTDEV_SIZE);
	if (!err)
		err = fdt_property_u32(fdt, "clock-frequency", HOSTDEV_CLOCK_HZ);
	if (!err)
		err = fdt_property_u32(fdt, "reg-shift", 0);
	if (!err)
		err = fdt_end_node(fdt);
	return err;
}

static int guest_chosen(void *fdt, const struct hostcfg_options *o, const char *stdout_path)
{
	int err = fdt_begin_node(fdt, "chosen");

	if (!err && stdout_path[0])
		err = fdt_property_string(fdt, "stdout-path", stdout_path);
	if (!err && o->bootargs)
		err = fdt_property_string(fdt, "bootargs", o->bootargs);
	if (!err)
		err = fdt_end_node(fdt);
	return err;
}

int hostcfg_build_guest_fdt(const struct hostcfg_options *o, void *fdt, size_t size)
{
	char hostdev_path[48] = "";
	int has_hypervisor = strcmp(o->mode, PPCPV_HOSTCFG_MODE_NONE) != 0;
	int err = start(fdt, size);

	if (!err)
		err = fdt_property_string(fdt, "compatible", "ppcpv,hosted-guest");
	if (!err)
		err = fdt_property_string(fdt, "model", "ppcpv host stub (QEMU pseries, TCG)");
	if (!err)
		err = guest_memory_and_cpu(fdt, o);
	if (!err && shadow_mmu(o))
		err = guest_rtas(fdt);
	if (!err && has_hypervisor)
		err = hostcfg_fdt_hypervisor(fdt, o->hcall_bytes, UINT64_MAX);
	if (!err && o->hostdev != PPCPV_HOSTDEV_NONE)
		err = guest_hostdev(fdt, o, hostdev_path, sizeof(hostdev_path));
	/* The ePAPR byte channel when there is one: a guest that could not
	 * install the hypercall words falls back to the device. */
	if (!err)
		err = guest_chosen(fdt, o, has_hypervisor ? HYPERVISOR_CONSOLE : hostdev_path);
	return finish(fdt, err);
}
