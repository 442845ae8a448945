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
	uint32_t features;
	uint32_t timebase_hz;		/* for the guest's /cpus node */
	uint32_t verbose;
	const char *mode;		/* PPCPV_HOSTCFG_MODE_* */
	const char *selftest;		/* NULL: none */
	const char *fault;		/* PPCPV_HOSTCFG_FAULT_*, NULL: none */
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

/* NULL if the layout is one the host stub accepts, else why not. */
const char *hostcfg_check_layout(const struct hostcfg_options *o);

/* Build a tree with `build` and write it to path (nothing if path is
 * NULL).  0, or -1 after a message on stderr. */
int hostcfg_write(const struct hostcfg_options *o, const char *path,
		  int (*build)(const struct hostcfg_options *, void *, size_t));

/* Write a blob into buf (size bytes).  0, or a negative -PPCPV_ERR_*. */
int hostcfg_build_host_config(const struct hostcfg_options *o, void *buf, size_t size);
int hostcfg_build_guest_fdt(const struct hostcfg_options *o, void *buf, size_t size);

#endif /* PPCPV_HOSTCFG_BLOBS_H */
