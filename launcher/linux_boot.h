/* SPDX-License-Identifier: MIT */
/*
 * Booting a real Linux kernel (Debian's ppc64el vmlinux) the way firmware
 * with a flattened device tree does: the ELF's PT_LOAD segments at their
 * physical addresses, a device tree and a tiny RTAS blob above the kernel's
 * end, the initrd above those, and the kernel entered at its physical entry
 * (0) with r3 = the tree, r4 = r5 = 0.  The same layout and tree serve every
 * mode; only what a mode adds differs (native: the copy stage the entry stub
 * uses; hosted: /hypervisor).  Documentation/harness.rst, "Linux guests".
 */
#ifndef PPCPV_LINUX_BOOT_H
#define PPCPV_LINUX_BOOT_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include "launcher.h"

/* Guest RAM of a Linux boot in every mode (natively QEMU's -m; hosted the
 * most a ppcpv host gives a guest, PPCPV_GUEST_SIZE_MAX). */
#define LINUX_RAM_DEFAULT	0x10000000ull	/* 256 MiB */
/* Where the tree, RTAS and the initrd start: 64 KiB pages (Linux's page size). */
#define LINUX_ALIGN		0x10000ull
/* Room for the device tree (it needs about 4 KiB). */
#define LINUX_FDT_SPACE		0x10000ull
/* The vty the tree names as the console (QEMU's spapr-vty gets this reg). */
#define LINUX_VTY_REG		0x30000000u
/* QEMU pseries writes its own device tree into the top MiB of the RMA at
 * every reset: natively nothing of ours may sit there. */
#define LINUX_QEMU_FDT_RESERVE	0x100000ull
/* The kernel command line before --append's words. */
#define LINUX_BOOTARGS_BASE	"console=hvc0 mitigations=off"

/* A validated kernel ELF, its PT_LOAD file contents as one raw image. */
struct linux_image {
	uint8_t *raw;		/* raw[pa] = the byte at physical pa; gaps zero */
	uint64_t raw_size;	/* up to the last file byte of any PT_LOAD */
	uint64_t end;		/* highest p_paddr + p_memsz (the kernel's _end) */
	uint64_t entry;		/* physical entry address */
	unsigned int segments;
	int little_endian;	/* ELFDATA2LSB: ppc64le */
};

/*
 * Read and check path: an ELF64 for PowerPC (EM_PPC64, either byte order)
 * whose PT_LOAD segments lie in the file and inside ram bytes of guest RAM.
 * 0, or -1 with one line of reason in why.
 */
int linux_elf_load(const char *path, uint64_t ram, struct linux_image *img,
		   char *why, size_t why_size);
void linux_image_free(struct linux_image *img);

/* Guest-physical placement of everything the kernel is handed. */
struct linux_layout {
	uint64_t ram;		/* bytes of guest RAM */
	uint32_t pft_shift;	/* log2 of the hash page table's bytes */
	uint64_t fdt;		/* the device tree (LINUX_FDT_SPACE bytes) */
	uint64_t rtas, rtas_size;	/* the RTAS blob */
	uint64_t magic;		/* --prepatch: the magic page's guest-physical page (0: none) */
	uint64_t initrd, initrd_size;	/* 0, 0 without an initrd */
	uint64_t stage, stage_size;	/* native: the kernel's raw image before the copy */
	uint64_t mover;		/* native: where the entry stub runs its copy from */
	uint64_t top;		/* first byte above everything placed */
};

/* Lay out the boot of img with an initrd of initrd_size bytes (0: none) for
 * mode in ram bytes.  0, or -1 with the reason (what does not fit) in why. */
int linux_layout(const struct linux_image *img, uint64_t initrd_size, enum run_mode mode,
		 int prepatch, uint64_t ram, struct linux_layout *l, char *why, size_t why_size);

/* The hash page table QEMU pseries gives ram bytes: about 1/128 of RAM,
 * a power of two, at least 256 KiB. */
uint32_t linux_qemu_pft_shift(uint64_t ram);

/*
 * The device tree for mode into buf: memory, one POWER8 CPU, /chosen,
 * /rtas (QEMU's token numbers, the blob's address), the vty, XICS; in the
 * hosted modes /hypervisor as well, unless inject is INJECT_NO_HYPERVISOR
 * (INJECT_HCALL_LENGTH: hcall-instructions of hcall_bytes).  0, or -1
 * when buf is too small.
 */
int linux_fdt_build(enum run_mode mode, enum run_inject inject, int hcall_bytes,
		    const struct linux_layout *l, const char *bootargs, void *buf, size_t size);

/* RTAS token numbers as QEMU pseries numbers them (natively QEMU serves
 * them; a host must serve the same). */
struct linux_rtas_token {
	const char *name;
	uint32_t token;
};
extern const struct linux_rtas_token linux_rtas_tokens[];
extern const size_t linux_rtas_token_count;

/*
 * The RTAS blob (big-endian code, entered in real mode with r3 = the
 * argument buffer): it passes the buffer to the hypervisor's H_RTAS.
 * Returns its size, or 0 when buf is too small.
 */
size_t linux_rtas_blob(enum run_mode mode, uint8_t *buf, size_t size);

/* linux_run.c: the files of one boot, in its directory. */
struct linux_files {
	char kernel[PATH_MAX];	/* the raw image */
	char fdt[PATH_MAX];
	char rtas[PATH_MAX];
	char entry[PATH_MAX];	/* native: the entry stub, parameters filled in */
	char host_cfg[PATH_MAX];	/* hosted: the host stub's config */
	char patched[PATH_MAX];		/* --prepatch: the patched ELF */
	unsigned long long patched_sites;	/* --prepatch: sites it patched */
	struct linux_layout layout;
};

/* Check the kernel and initrd, lay out, write the files: 0, or -1 after
 * one line on stderr. */
int linux_files_make(const struct run_options *o, const char *dir, struct linux_files *lf);
void linux_files_remove(const struct linux_files *lf);

#endif /* PPCPV_LINUX_BOOT_H */
