/* SPDX-License-Identifier: MIT */
/*
 * The native Linux entry stub (linux_entry.S) and what ppcpv-run writes
 * into it.  QEMU pseries insists on firmware at physical 0, entered at
 * 0x100, which is where the kernel must go too; so the stub is that
 * firmware: QEMU's generic loader puts the kernel's raw image at a staging
 * address, the stub moves a small copy routine above everything, and that
 * routine copies the kernel down to 0 and enters it at its entry with
 * r3 = the device tree, r4 = r5 = 0 -- what a hosted guest gets too.
 *
 * The parameter block (big-endian doublewords) sits at LINUX_ENTRY_PARAMS
 * in the image; it starts with LINUX_ENTRY_MAGIC so that ppcpv-run can
 * tell the stub from any other file.  Shared by the assembly and the C.
 */
#ifndef PPCPV_LINUX_ENTRY_H
#define PPCPV_LINUX_ENTRY_H

#define LINUX_ENTRY_PARAMS	0x20
#define LINUX_ENTRY_MAGIC	0x7070637076454e54	/* "ppcpvENT" */
#define LINUX_ENTRY_P_MAGIC	0
#define LINUX_ENTRY_P_MOVER_SIZE 8	/* the stub's: bytes of its copy routine */
#define LINUX_ENTRY_P_STAGE	16	/* where the kernel's raw image was loaded */
#define LINUX_ENTRY_P_SIZE	24	/* its bytes */
#define LINUX_ENTRY_P_ENTRY	32	/* physical entry after the copy */
#define LINUX_ENTRY_P_FDT	40	/* the device tree, for r3 */
#define LINUX_ENTRY_P_MOVER	48	/* where the copy routine runs */
#define LINUX_ENTRY_PARAMS_SIZE	56
/* QEMU pseries enters its firmware here. */
#define LINUX_ENTRY_START	0x100
/* Room for the copy routine above everything else (ppcpv-run checks). */
#define LINUX_ENTRY_MOVER_SPACE	0x1000
/* POWER8's cache block: the stride of the cache flushes. */
#define LINUX_ENTRY_CACHE_LINE	128

#endif /* PPCPV_LINUX_ENTRY_H */
