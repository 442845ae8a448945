/* SPDX-License-Identifier: MIT */
/*
 * The two blob writers (libfdt) shared by ppcpv-hostcfg and the launcher,
 * ppcpv-run: what the host stub is told, and what the guest is told.
 */
#ifndef PPCPV_HOSTCFG_BLOBS_H
#define PPCPV_HOSTCFG_BLOBS_H

#include <stddef.h>
#include <stdint.h>

/* Room for either tree; the guest's must fit its reserved area too. */
#define HOSTCFG_BLOB_SIZE		8192
#define HOSTCFG_TIMEBASE_HZ_DEFAULT	512000000u	/* QEMU pseries */

struct hostcfg_options {
	uint64_t guest_base;
	uint64_t guest_size;
	uint64_t guest_entry;
	uint64_t guest_fdt;		/* guest-physical address of the guest DTB */
	uint64_t guest_msr;
	uint64_t hostdev;		/* PPCPV_HOSTDEV_NONE: no device */
	uint64_t host_ram;		/* QEMU's -m: the guest region must end inside */
	uint32_t features;
	uint32_t timebase_hz;		/* for the guest's /cpus node */
	uint32_t verbose;
	const char *mode;		/* PPCPV_HOSTCFG_MODE_* */
	const char *selftest;		/* NULL: none */
	const char *fault;		/* PPCPV_HOSTCFG_FAULT_*, NULL: none */
	const char *mmu;		/* PPCPV_HOSTCFG_MMU_* */
	const char *fast_exits;		/* PPCPV_HOSTCFG_FAST_EXITS_*, NULL: not written (on) */
	const char *irq_sweep;		/* PPCPV_HOSTCFG_IRQ_SWEEP_*, NULL: off */
	uint64_t image_bytes;		/* size of guest_image (0: none given) */
	uint64_t rtas_base, rtas_size;	/* the guest's RTAS blob (size 0: none) */
	int guest_fdt_own;		/* guest_fdt holds a tree written elsewhere */
	int premap;			/* map the magic page before the guest starts */
	uint64_t premap_ea, premap_pa;
	uint32_t premap_le;
	int hcall_bytes;		/* hcall-instructions length (bad-input
					 * tests); < 0: the 16 bytes pvinfo gives */
	const char *bootargs;		/* NULL: none */
	const char *host_config_out;
	const char *guest_fdt_out;
	const char *guest_image;	/* optional: checked for overlap, loader args */
	int loader_args;		/* print QEMU -device loader arguments */
};

/* The defaults: the memory map the host stub and the tests use, PV mode. */
void hostcfg_options_init(struct hostcfg_options *o);

/* NULL if the layout is one the host stub accepts, else why not (one line,
 * valid until the next call). */
const char *hostcfg_check_layout(const struct hostcfg_options *o);

/* Write host_config_out and guest_fdt_out (each only if not NULL): both
 * trees go to temporary files beside their destinations and are renamed
 * into place only when both are written, so a failure leaves no output
 * half written.  0, or -1 after one message on stderr. */
int hostcfg_write_files(const struct hostcfg_options *o);

/* Write a blob into buf (size bytes).  0, or a negative -PPCPV_ERR_*. */
int hostcfg_build_host_config(const struct hostcfg_options *o, void *buf, size_t size);
int hostcfg_build_guest_fdt(const struct hostcfg_options *o, void *buf, size_t size);

/* The /hypervisor node (with the ePAPR console under it) into a tree
 * being written sequentially: what the guest of a ppcpv host is told, also
 * the Linux guest's (launcher/linux_fdt.c).  hcall_bytes < 0: all of
 * hcall-instructions.  premap_pa other than UINT64_MAX: the host maps the
 * magic page at EA -4096, that guest-physical page, before the guest
 * starts, which PPCPV_FDT_PREMAPPED_MAGIC_PAGE says.  0, or a libfdt
 * error. */
int hostcfg_fdt_hypervisor(void *fdt, int hcall_bytes, uint64_t premap_pa);

#endif /* PPCPV_HOSTCFG_BLOBS_H */
