// SPDX-License-Identifier: MIT
/*
 * What a Linux guest is handed besides its image: where everything goes,
 * its device tree (libfdt, sequential writes) and the RTAS blob.  The tree
 * is the minimum Debian's ppc64el 6.1 boots with as a pseries LPAR without
 * Open Firmware (measured: shared/reference/linux-guest-at-pr1.md of the project (the facts measured for it)):
 *   - memory and one POWER8 CPU with 4 KiB and 64 KiB base pages, 256 MiB
 *     segments only and no storage keys (every AMR access then is patched
 *     out by the kernel itself);
 *   - /chosen: command line, initrd, the vty as stdout;
 *   - /rtas: the tokens the kernel uses, the hypertas function sets (which
 *     also make it an LPAR), and the RTAS blob's address;
 *   - an XICS presentation controller (without one xics_smp_probe oopses);
 *   - the vty, polled (no interrupts property);
 *   - hosted modes only: /hypervisor, as QEMU writes it for a KVM PR host
 *     (the reference guest's writer, hostcfg_fdt_hypervisor()).
 */
#include <stdio.h>
#include <string.h>
#include <libfdt.h>
#include <ppcpv/isa/hash64.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/host/hostcfg.h>
#include <ppcpv/host/rtas.h>
#include "hostcfg_blobs.h"
#include "linux_boot.h"
#include "linux_entry.h"

/* QEMU's POWER8 (DD2.0) processor version. */
#define POWER8_PVR		0x004d0200u
#define CPU_HZ			1000000000u
#define CACHE_LINE		128u
#define L1_CACHE_BYTES		0x8000u
#define SLB_ENTRIES		32u
/* ibm,processor-segment-sizes: log2 of 256 MiB, the only size offered. */
#define SEGMENT_SHIFT_256M	28u
/* The XICS node's phandle. */
#define XICS_PHANDLE		1u
/* Bytes kept for the RTAS blob (its code is a few words). */
#define RTAS_SPACE		0x1000ull
/* The largest RTAS error log (Linux sizes its buffers by it). */
#define RTAS_ERROR_LOG_MAX	2048u
/* The hash table QEMU pseries gives: 1/128 of RAM, at least 2^18 bytes. */
#define HPT_RAM_RATIO_SHIFT	7u
#define HPT_MIN_SHIFT		18u

/*
 * Not offered: display-character (Linux writes its boot progress with it,
 * which QEMU puts on the console vty, into the middle of console lines)
 * and nvram-fetch (there is no nvram node).
 */
const struct linux_rtas_token linux_rtas_tokens[] = {
	{ "get-time-of-day", PPCPV_RTAS_GET_TIME_OF_DAY },
	{ "power-off", PPCPV_RTAS_POWER_OFF },
	{ "ibm,get-system-parameter", PPCPV_RTAS_GET_SYSTEM_PARAMETER },
	{ "ibm,set-xive", PPCPV_RTAS_SET_XIVE },
	{ "ibm,get-xive", PPCPV_RTAS_GET_XIVE },
	{ "ibm,int-off", PPCPV_RTAS_INT_OFF },
	{ "ibm,int-on", PPCPV_RTAS_INT_ON },
	{ "event-scan", PPCPV_RTAS_EVENT_SCAN },
	{ "ibm,os-term", PPCPV_RTAS_OS_TERM },	/* on a panic: QEMU then exits 1 */
	{ "ibm,nmi-register", PPCPV_RTAS_NMI_REGISTER },
	{ "ibm,nmi-interlock", PPCPV_RTAS_NMI_INTERLOCK },	/* Linux warns when it has the one only */
};
const size_t linux_rtas_token_count = sizeof(linux_rtas_tokens) / sizeof(linux_rtas_tokens[0]);

/* The PAPR function sets offered: hash MMU, vty, XICS, VPA/cede, bulk
 * remove, H_SET_MODE (little-endian interrupts are mandatory). */
static const char hypertas[] = "hcall-pft\0hcall-term\0hcall-interrupt\0hcall-splpar\0"
			       "hcall-bulk\0hcall-set-mode";

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

uint32_t linux_qemu_pft_shift(uint64_t ram)
{
	uint32_t shift = 0;

	while (shift < 63 && (1ull << shift) < ram)
		shift++;
	return shift - HPT_RAM_RATIO_SHIFT < HPT_MIN_SHIFT ? HPT_MIN_SHIFT : shift - HPT_RAM_RATIO_SHIFT;
}

int linux_layout(const struct linux_image *img, uint64_t initrd_size, enum run_mode mode,
		 int prepatch, uint64_t ram, struct linux_layout *l, char *why, size_t why_size)
{
	uint64_t next, limit = ram;

	memset(l, 0, sizeof(*l));
	l->ram = ram;
	/* natively QEMU's table; hosted the one a ppcpv host keeps */
	l->pft_shift = mode == MODE_NATIVE ? linux_qemu_pft_shift(ram) : PPCPV_GUEST_PFT_SHIFT;
	l->fdt = align_up(img->end, LINUX_ALIGN);
	l->rtas = l->fdt + LINUX_FDT_SPACE;
	l->rtas_size = RTAS_SPACE;
	next = l->rtas + l->rtas_size;
	if (prepatch) {
		/* the guest-physical page behind the premapped magic page,
		 * reserved with RTAS */
		l->magic = next;
		next += PPCPV_MAGIC_PAGE_SIZE;
	}
	next = align_up(next, LINUX_ALIGN);
	if (initrd_size) {
		l->initrd = next;
		l->initrd_size = initrd_size;
		next = align_up(next + initrd_size, LINUX_ALIGN);
	}
	if (mode == MODE_NATIVE) {
		l->stage = next;
		l->stage_size = img->raw_size;
		l->mover = align_up(next + img->raw_size, LINUX_ALIGN);
		next = l->mover + LINUX_ENTRY_MOVER_SPACE;
		limit = ram > LINUX_QEMU_FDT_RESERVE ? ram - LINUX_QEMU_FDT_RESERVE : 0;
	}
	l->top = next;
	if (next <= limit && next >= l->fdt)
		return 0;
	if (initrd_size)
		snprintf(why, why_size, "the initrd (%llu bytes at 0x%llx) does not fit: the boot needs "
			 "memory up to 0x%llx, the guest has 0x%llx usable (kernel ends at 0x%llx)",
			 (unsigned long long)initrd_size, (unsigned long long)l->initrd,
			 (unsigned long long)next, (unsigned long long)limit,
			 (unsigned long long)img->end);
	else
		snprintf(why, why_size, "the kernel (ends at 0x%llx) and its boot data do not fit "
			 "in 0x%llx bytes of guest memory", (unsigned long long)img->end,
			 (unsigned long long)limit);
	return -1;
}

/* ---- the tree ------------------------------------------------------------ */

static int prop_cells(void *fdt, const char *name, const uint32_t *v, unsigned int n)
{
	fdt32_t be[16];
	unsigned int i;

	if (n > sizeof(be) / sizeof(be[0]))
		return -FDT_ERR_NOSPACE;
	for (i = 0; i < n; i++)
		be[i] = cpu_to_fdt32(v[i]);
	return fdt_property(fdt, name, be, (int)(n * sizeof(be[0])));
}

static int prop_u64(void *fdt, const char *name, uint64_t v)
{
	return fdt_property_u64(fdt, name, v);
}

/* reg = <address size> with 2 address and 2 size cells. */
static int prop_reg64(void *fdt, uint64_t addr, uint64_t size)
{
	fdt64_t cells[2] = { cpu_to_fdt64(addr), cpu_to_fdt64(size) };

	return fdt_property(fdt, "reg", cells, sizeof(cells));
}

static int memory_node(void *fdt, const struct linux_layout *l)
{
	int err = fdt_begin_node(fdt, "memory@0");

	if (!err)
		err = fdt_property_string(fdt, "device_type", "memory");
	if (!err)
		err = prop_reg64(fdt, 0, l->ram);
	return err ? err : fdt_end_node(fdt);
}

/*
 * ibm,segment-page-sizes: per base page size <shift, SLB encoding, count,
 * {page shift, PTE encoding}...>.  4 KiB segments (SLB L=0) with 4 KiB
 * pages; 64 KiB segments (SLB L=1, LP=01) with 64 KiB pages (PTE LP 1).
 */
static int page_sizes(void *fdt)
{
	static const uint32_t sps[] = {
		PPC_PAGE_SHIFT_4K, PPC_SLB_VSID_LLP_4K, 1, PPC_PAGE_SHIFT_4K, PPC_HPTE_LP_4K,
		PPC_PAGE_SHIFT_64K, PPC_SLB_VSID_LLP_64K, 1, PPC_PAGE_SHIFT_64K, PPC_HPTE_LP_64K,
	};

	return prop_cells(fdt, "ibm,segment-page-sizes", sps, sizeof(sps) / sizeof(sps[0]));
}

static int cpu_props(void *fdt, const struct linux_layout *l)
{
	const uint32_t pft[2] = { 0, l->pft_shift }, gserver[2] = { 0, 0 }, segs = SEGMENT_SHIFT_256M;
	int err = fdt_property_string(fdt, "device_type", "cpu");

	if (!err)
		err = fdt_property_u32(fdt, "reg", 0);
	if (!err)
		err = fdt_property_u32(fdt, "ibm,ppc-interrupt-server#s", 0);
	if (!err)
		err = prop_cells(fdt, "ibm,ppc-interrupt-gserver#s", gserver, 2);
	if (!err)
		err = fdt_property_u32(fdt, "cpu-version", POWER8_PVR);
	if (!err)
		err = fdt_property_u32(fdt, "timebase-frequency", HOSTCFG_TIMEBASE_HZ_DEFAULT);
	if (!err)
		err = fdt_property_u32(fdt, "clock-frequency", CPU_HZ);
	if (!err)
		err = fdt_property_u32(fdt, "d-cache-block-size", CACHE_LINE);
	if (!err)
		err = fdt_property_u32(fdt, "i-cache-block-size", CACHE_LINE);
	if (!err)
		err = fdt_property_u32(fdt, "d-cache-line-size", CACHE_LINE);
	if (!err)
		err = fdt_property_u32(fdt, "i-cache-line-size", CACHE_LINE);
	if (!err)
		err = fdt_property_u32(fdt, "d-cache-size", L1_CACHE_BYTES);
	if (!err)
		err = fdt_property_u32(fdt, "i-cache-size", L1_CACHE_BYTES);
	if (!err)
		err = prop_cells(fdt, "ibm,pft-size", pft, 2);
	if (!err)
		err = fdt_property_u32(fdt, "ibm,slb-size", SLB_ENTRIES);
	if (!err)
		err = fdt_property_u32(fdt, "slb-size", SLB_ENTRIES);
	if (!err)
		err = page_sizes(fdt);
	if (!err)
		err = prop_cells(fdt, "ibm,processor-segment-sizes", &segs, 1);
	if (!err)
		err = fdt_property_u32(fdt, "ibm,vmx", 2);	/* VMX and VSX */
	if (!err)
		err = fdt_property_u32(fdt, "ibm,dfp", 1);
	if (!err)
		err = fdt_property_u32(fdt, "ibm,purr", 1);
	if (!err)
		err = fdt_property_u32(fdt, "ibm,spurr", 1);
	if (!err)
		err = fdt_property(fdt, "64-bit", NULL, 0);
	if (!err)
		err = fdt_property_string(fdt, "status", "okay");
	return err;
}

static int cpus_node(void *fdt, const struct linux_layout *l)
{
	int err = fdt_begin_node(fdt, "cpus");

	if (!err)
		err = fdt_property_u32(fdt, "#address-cells", 1);
	if (!err)
		err = fdt_property_u32(fdt, "#size-cells", 0);
	if (!err)
		err = fdt_begin_node(fdt, "PowerPC,POWER8@0");
	if (!err)
		err = cpu_props(fdt, l);
	if (!err)
		err = fdt_end_node(fdt);
	return err ? err : fdt_end_node(fdt);
}

#define VTY_PATH_MAX	40

static void vty_path(char *buf, size_t n)
{
	snprintf(buf, n, "/vdevice/vty@%x", LINUX_VTY_REG);
}

static int chosen_node(void *fdt, const struct linux_layout *l, const char *bootargs)
{
	char vty[VTY_PATH_MAX];
	int err = fdt_begin_node(fdt, "chosen");

	vty_path(vty, sizeof(vty));
	if (!err)
		err = fdt_property_string(fdt, "bootargs", bootargs);
	if (!err)
		err = fdt_property_string(fdt, "stdout-path", vty);
	if (!err)
		err = fdt_property_string(fdt, "linux,stdout-path", vty);
	if (!err && l->initrd_size)
		err = prop_u64(fdt, "linux,initrd-start", l->initrd);
	if (!err && l->initrd_size)
		err = prop_u64(fdt, "linux,initrd-end", l->initrd + l->initrd_size);
	return err ? err : fdt_end_node(fdt);
}

static int rtas_node(void *fdt, const struct linux_layout *l)
{
	size_t i;
	int err = fdt_begin_node(fdt, "rtas");

	for (i = 0; !err && i < linux_rtas_token_count; i++)
		err = fdt_property_u32(fdt, linux_rtas_tokens[i].name, linux_rtas_tokens[i].token);
	if (!err)	/* Linux reads these as one cell each: the blob sits below 4 GiB */
		err = fdt_property_u32(fdt, "linux,rtas-base", (uint32_t)l->rtas);
	if (!err)
		err = fdt_property_u32(fdt, "linux,rtas-entry", (uint32_t)l->rtas);
	if (!err)
		err = fdt_property_u32(fdt, "rtas-size", (uint32_t)l->rtas_size);
	if (!err)
		err = fdt_property_u32(fdt, "rtas-event-scan-rate", 1);
	if (!err)
		err = fdt_property_u32(fdt, "rtas-error-log-max", RTAS_ERROR_LOG_MAX);
	if (!err)	/* os-term returns: Linux calls it on a panic only then */
		err = fdt_property(fdt, "ibm,extended-os-term", NULL, 0);
	if (!err)
		err = fdt_property(fdt, "ibm,hypertas-functions", hypertas, sizeof(hypertas));
	return err ? err : fdt_end_node(fdt);
}

static int xics_node(void *fdt)
{
	static const char compat[] = "IBM,ppc-xicp";
	const uint32_t servers[2] = { 0, 1 };	/* first server, count */
	int err = fdt_begin_node(fdt, "interrupt-controller");

	if (!err)
		err = fdt_property_string(fdt, "device_type", "PowerPC-External-Interrupt-Presentation");
	if (!err)
		err = fdt_property(fdt, "compatible", compat, sizeof(compat));
	if (!err)
		err = fdt_property(fdt, "interrupt-controller", NULL, 0);
	if (!err)
		err = prop_cells(fdt, "ibm,interrupt-server-ranges", servers, 2);
	if (!err)
		err = fdt_property_u32(fdt, "#interrupt-cells", 2);
	if (!err)
		err = fdt_property_u32(fdt, "phandle", XICS_PHANDLE);
	return err ? err : fdt_end_node(fdt);
}

static int vdevice_node(void *fdt)
{
	char vty[VTY_PATH_MAX];
	int err = fdt_begin_node(fdt, "vdevice");

	vty_path(vty, sizeof(vty));
	if (!err)
		err = fdt_property_string(fdt, "device_type", "vdevice");
	if (!err)
		err = fdt_property_string(fdt, "compatible", "IBM,vdevice");
	if (!err)
		err = fdt_property_u32(fdt, "#address-cells", 1);
	if (!err)
		err = fdt_property_u32(fdt, "#size-cells", 0);
	if (!err)
		err = fdt_begin_node(fdt, strrchr(vty, '/') + 1);
	if (!err)
		err = fdt_property_string(fdt, "device_type", "serial");
	if (!err)
		err = fdt_property_string(fdt, "compatible", "hvterm1");
	if (!err)
		err = fdt_property_u32(fdt, "reg", LINUX_VTY_REG);
	if (!err)
		err = fdt_end_node(fdt);
	return err ? err : fdt_end_node(fdt);
}

static int root_props(void *fdt)
{
	int err = fdt_property_u32(fdt, "#address-cells", 2);

	if (!err)
		err = fdt_property_u32(fdt, "#size-cells", 2);
	if (!err)	/* what makes Linux pick its pseries platform */
		err = fdt_property_string(fdt, "device_type", "chrp");
	if (!err)
		err = fdt_property_string(fdt, "compatible", "ppcpv,pseries");
	if (!err)
		err = fdt_property_string(fdt, "model", "ppcpv pseries guest");
	return err;
}

int linux_fdt_build(enum run_mode mode, enum run_inject inject, int hcall_bytes,
		    const struct linux_layout *l, const char *bootargs, void *buf, size_t size)
{
	int err = fdt_create(buf, (int)size);

	/* the kernel reserves its tree and initrd itself, not RTAS */
	if (!err)
		err = fdt_add_reservemap_entry(buf, l->rtas,
					       l->rtas_size + (l->magic ? PPCPV_MAGIC_PAGE_SIZE : 0));
	if (!err)
		err = fdt_finish_reservemap(buf);
	if (!err)
		err = fdt_begin_node(buf, "");
	if (!err)
		err = root_props(buf);
	if (!err)
		err = memory_node(buf, l);
	if (!err)
		err = cpus_node(buf, l);
	if (!err)
		err = chosen_node(buf, l, bootargs);
	if (!err)
		err = rtas_node(buf, l);
	if (!err)
		err = xics_node(buf);
	if (!err)
		err = vdevice_node(buf);
	if (!err && mode != MODE_NATIVE && inject != INJECT_NO_HYPERVISOR)
		err = hostcfg_fdt_hypervisor(buf, inject == INJECT_HCALL_LENGTH ? hcall_bytes : -1,
					     l->magic ? l->magic : UINT64_MAX);
	if (!err)
		err = fdt_end_node(buf);
	if (!err)
		err = fdt_finish(buf);
	return err ? -1 : 0;
}

/* ---- the RTAS blob ------------------------------------------------------- */

/*
 * Entered (big-endian, real mode) with r3 = the argument buffer:
 *   mr r4,r3; li r3,0; ori r3,r3,H_RTAS; sc 1; blr
 * The hypervisor takes the buffer in r4.  (li cannot hold 0xf000: it
 * would sign-extend.)  Every mode uses the same words; a host sees the
 * `sc 1` the way it sees the kernel's own hypercalls.
 */
size_t linux_rtas_blob(enum run_mode mode, uint8_t *buf, size_t size)
{
	const uint32_t words[] = {
		PPC_ENC_MR(4, 3),
		PPC_ENC_LI(3, 0),
		PPC_ENC_ORI(3, 3, PPCPV_H_RTAS),
		PPC_INST_SC_LEV(1),
		PPC_INST_BLR,
	};
	size_t i;

	(void)mode;
	if (size < sizeof(words))
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		buf[4 * i] = (uint8_t)(words[i] >> 24);
		buf[4 * i + 1] = (uint8_t)(words[i] >> 16);
		buf[4 * i + 2] = (uint8_t)(words[i] >> 8);
		buf[4 * i + 3] = (uint8_t)words[i];
	}
	return sizeof(words);
}
