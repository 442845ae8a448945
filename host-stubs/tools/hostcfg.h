/* SPDX-License-Identifier: MIT */
/* Internal to ppcpv-hostcfg: the options and the two blob writers. */
#ifndef PPCPV_HOSTCFG_TOOL_H
#define PPCPV_HOSTCFG_TOOL_H

#include <stddef.h>
#include <stdint.h>

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
	const char *bootargs;		/* NULL: none */
	const char *host_config_out;
	const char *guest_fdt_out;
	const char *guest_image;	/* optional: checked for overlap, loader args */
	int loader_args;		/* print QEMU -device loader arguments */
};

/* Write a blob into buf (size bytes).  0, or a negative -PPCPV_ERR_*. */
int hostcfg_build_host_config(const struct hostcfg_options *o, void *buf, size_t size);
int hostcfg_build_guest_fdt(const struct hostcfg_options *o, void *buf, size_t size);

#endif /* PPCPV_HOSTCFG_TOOL_H */
