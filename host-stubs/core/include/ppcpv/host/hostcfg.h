/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/hostcfg.h - how the host stub learns its configuration.
 *
 * The launcher loads a small flat device tree, the host-config blob, at the
 * fixed physical address PPCPV_HOSTCFG_PA (QEMU: -device loader,file=...,
 * addr=...,force-raw=on).  Its node PPCPV_HOSTCFG_NODE carries the
 * properties below; numbers are 1 or 2 cells (u32 or u64), big-endian.
 * ppcpv-hostcfg (host-stubs/tools/) writes it, and the guest's own device
 * tree, from command-line options.
 */
#ifndef PPCPV_HOST_HOSTCFG_H
#define PPCPV_HOST_HOSTCFG_H

/* Where the blob is loaded, and the most the host reads there. */
#define PPCPV_HOSTCFG_PA		0x00f00000
#define PPCPV_HOSTCFG_MAX_SIZE		0x00010000

#define PPCPV_HOSTCFG_NODE		"/ppcpv-host"
#define PPCPV_HOSTCFG_COMPATIBLE	"ppcpv,host-config"

/* Properties of PPCPV_HOSTCFG_NODE. */
#define PPCPV_HOSTCFG_GUEST_BASE	"guest-base"	/* host PA of guest-physical 0 (required) */
#define PPCPV_HOSTCFG_GUEST_SIZE	"guest-size"	/* bytes of guest memory (required) */
#define PPCPV_HOSTCFG_GUEST_ENTRY	"guest-entry"	/* guest-physical entry point */
#define PPCPV_HOSTCFG_GUEST_FDT		"guest-fdt"	/* guest-physical address of its DTB: r3 */
#define PPCPV_HOSTCFG_GUEST_MSR		"guest-msr"	/* the guest's MSR at entry */
#define PPCPV_HOSTCFG_MODE		"mode"		/* "pv", "no-pv" or "none" */
#define PPCPV_HOSTCFG_FEATURES		"features"	/* FEATURES r4 (PV mode) */
#define PPCPV_HOSTCFG_HOSTDEV		"hostdev-base"	/* guest-physical page of the MMIO device */
#define PPCPV_HOSTCFG_VERBOSE		"verbose"	/* u32: 1 = log every trap */
#define PPCPV_HOSTCFG_SELFTEST		"selftest"	/* "host-fault": prove the FATAL path */
#define PPCPV_HOSTCFG_FAULT		"fault"		/* a deliberate host defect, below */
#define PPCPV_HOSTCFG_MMU		"mmu"		/* "flat" or "shadow", below */
#define PPCPV_HOSTCFG_IMAGE_SIZE	"guest-image-size"	/* bytes of the image at guest 0 */
/* An RTAS blob the guest's tree names (guest-physical): its `sc 1` words
 * are hypercall sites like the image's (mmu = "shadow"). */
#define PPCPV_HOSTCFG_RTAS_BASE		"guest-rtas-base"
#define PPCPV_HOSTCFG_RTAS_SIZE		"guest-rtas-size"
/* The magic page mapped before the guest starts (mode pv), for a guest
 * patched before boot: its EA, guest-physical page, and byte order (u32:
 * 1 = little-endian). */
#define PPCPV_HOSTCFG_PREMAP_EA		"magic-page-ea"
#define PPCPV_HOSTCFG_PREMAP_PA		"magic-page-pa"
#define PPCPV_HOSTCFG_PREMAP_LE		"magic-page-le"
/* What the guest's /hypervisor node says of it: <EA PA>, two 64-bit cells
 * each (Documentation/ppc-pv.rst). */
#define PPCPV_FDT_PREMAPPED_MAGIC_PAGE	"ppcpv,premapped-magic-page"
#define PPCPV_HOSTCFG_FAST_EXITS	"fast-exits"	/* "on" (default) or "off", below */
#define PPCPV_HOSTCFG_IRQ_SWEEP		"irq-sweep"	/* the interrupt-placement sweep, below */

#define PPCPV_HOSTCFG_MODE_PV		"pv"
#define PPCPV_HOSTCFG_MODE_NO_PV	"no-pv"
#define PPCPV_HOSTCFG_MODE_NONE		"none"
/* flat: guest EA = guest-physical in every mode (the guest's MMU is not
 * modelled; slbmte is illegal).  shadow: the guest gets the PAPR page
 * frame table calls and its own SLB; translated modes are shadowed
 * (Documentation/host-mmu.rst). */
#define PPCPV_HOSTCFG_MMU_FLAT		"flat"
#define PPCPV_HOSTCFG_MMU_SHADOW	"shadow"
/* What a shadow-MMU guest is told (its cpu node): the guest hash table is
 * 2^PPCPV_GUEST_PFT_SHIFT bytes of host memory; its SLB has
 * PPCPV_GUEST_SLB_SIZE entries. */
#define PPCPV_GUEST_PFT_SHIFT		18
#define PPCPV_GUEST_SLB_SIZE		32
/* on: the platform may serve the commonest exits (system call reflection,
 * rfid) in a fast path of its own, with the same effect; off: every exit
 * goes through the core (the differential test compares the two). */
#define PPCPV_HOSTCFG_FAST_EXITS_ON	"on"
#define PPCPV_HOSTCFG_FAST_EXITS_OFF	"off"
#define PPCPV_HOSTCFG_SELFTEST_HOST_FAULT "host-fault"
#define PPCPV_HOSTCFG_FAULT_MAP_FAILS	"map-fails"	/* MAP_MAGIC_PAGE answers EV_INTERNAL */
#define PPCPV_HOSTCFG_FAULT_STALE_PAGE	"stale-magic-page"	/* the guest sees a page the host ignores */
#define PPCPV_HOSTCFG_FAULT_ABSENT_PAGE	"absent-magic-page"	/* MAP succeeds, nothing is mapped */

/* irq-sweep (absent: off): the host single-steps the guest on request and
 * raises the decrementer at an exact instruction (core/sweep.c,
 * Documentation/differential.rst).  "step": the sweep; "ignore-critical":
 * the same with a deliberate defect, the raised interrupt delivered
 * whenever EE is set, inside a critical section too (the sweep must
 * catch it). */
#define PPCPV_HOSTCFG_IRQ_SWEEP_STEP	"step"
#define PPCPV_HOSTCFG_IRQ_SWEEP_IGNORE_CRITICAL "ignore-critical"

/* Defaults (also the memory map the tests use). */
#define PPCPV_GUEST_BASE_DEFAULT	0x01000000	/* 16 MiB */
#define PPCPV_GUEST_SIZE_DEFAULT	0x01000000	/* 16 MiB */
#define PPCPV_GUEST_ENTRY_DEFAULT	0x100
#define PPCPV_GUEST_FDT_RESERVE		0x00010000	/* the DTB goes in the last 64 KiB */
#define PPCPV_HOSTDEV_BASE_DEFAULT	0xf0000000	/* no memory behind it */
/* The RAM ppcpv-run and run-guest.sh give QEMU (-m); guest regions must end
 * inside it.  QEMU puts its own device tree near the top: only the host
 * knows where, and refuses a guest region over it at boot. */
#define PPCPV_HOST_RAM_DEFAULT		0x20000000	/* 512 MiB */
/* Largest guest memory: one 256 MiB segment, all pre-mapped. */
#define PPCPV_GUEST_SIZE_MAX		0x10000000

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>
#include <ppcpv/host/vcpu.h>

enum ppcpv_irq_sweep {
	PPCPV_IRQ_SWEEP_OFF = 0,
	PPCPV_IRQ_SWEEP_STEP,
	PPCPV_IRQ_SWEEP_IGNORE_CRITICAL,
};

/* A parsed host config, defaults filled in. */
struct ppcpv_hostcfg {
	uint64_t guest_base;
	uint64_t guest_size;
	uint64_t guest_entry;	/* default PPCPV_GUEST_ENTRY_DEFAULT */
	uint64_t guest_fdt;	/* 0 when absent */
	int has_guest_fdt;
	uint64_t guest_msr;	/* when has_guest_msr; else the family's reset MSR */
	int has_guest_msr;
	uint64_t hostdev_base;	/* PPCPV_HOSTDEV_NONE when absent */
	enum ppcpv_pv_mode mode;	/* default PV */
	uint32_t features;	/* default 1 << KVM_FEATURE_MAGIC_PAGE */
	uint32_t verbose;
	int selftest_host_fault;
	enum ppcpv_host_fault fault;	/* default PPCPV_FAULT_NONE */
	int mmu_shadow;		/* mmu = "shadow" (default flat) */
	int fast_exits_off;	/* fast-exits = "off" (default on) */
	uint64_t image_size;	/* 0 when absent */
	uint64_t rtas_base, rtas_size;	/* 0, 0 when absent */
	int premap;			/* magic-page-ea and -pa given */
	uint64_t premap_ea, premap_pa;
	uint32_t premap_le;
	enum ppcpv_irq_sweep irq_sweep;	/* default PPCPV_IRQ_SWEEP_OFF */
};

/*
 * Parse and check a host-config blob of at most size bytes: the machine-
 * independent rules (alignment, size limit, entry and DTB inside guest
 * memory, device page outside it).  0, or a negative -PPCPV_ERR_* with
 * *why saying what is wrong (why may be NULL).
 */
int ppcpv_hostcfg_parse(const void *blob, size_t size, struct ppcpv_hostcfg *cfg,
			const char **why);

/* What a platform knows of its machine when it reads its config. */
struct ppcpv_hostcfg_machine {
	uint64_t image_end;		/* PA: the host image (and its stacks) end here */
	uint64_t ram_size;
	uint64_t qemu_fdt, qemu_fdt_size;	/* PA and bytes of QEMU's device tree */
};

/*
 * Bare-metal platforms (which address physical memory at EA = PA): parse
 * the blob at PPCPV_HOSTCFG_PA and check it against the machine too - the
 * guest region in RAM above the host image, clear of the blob and of
 * QEMU's device tree, and a valid device tree at guest-fdt.  NULL, or what
 * is wrong.
 */
const char *ppcpv_hostcfg_load(struct ppcpv_hostcfg *cfg, const struct ppcpv_hostcfg_machine *m);
#endif

#endif /* PPCPV_HOST_HOSTCFG_H */
