/* SPDX-License-Identifier: MIT */
/*
 * The 440 host stub's entry, vectors and guest switch: e500's (the same
 * IVPR/IVOR scheme, the same save and load of the guest), with the IVORs
 * the 440 has: 2..14 save into SRR0/1 (0, 1 and 15 stop the host, as on
 * e500), no e500 IVOR32..35.  QEMU bamboo enters _start
 * with its two initial TLB entries (EA = PA, supervisor, address space 0)
 * and r3 = its device tree, as ppce500 does.
 */
#define HOST_SRR_IVORS	2,3,4,5,6,7,8,9,10,11,12,13,14
#include "../e500/start.S"
