/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/host/hostdev.h - the host's emulated MMIO device, as a guest sees
 * it: one 4 KiB page at a guest-physical address with no memory behind it
 * (its address comes from the guest's device tree, node "ppcpv,hostdev").
 * A guest access there faults to the host, which decodes the instruction
 * and performs the access.  Registers hold values: the guest's byte order
 * does not matter, except through lwbrx/stwbrx-style accesses.
 *
 * A hosted guest needs this because `sc 1` at MSR[PR]=1 never reaches the
 * host stub under QEMU (QEMU's own pseries code answers it).
 */
#ifndef PPCPV_HOST_HOSTDEV_H
#define PPCPV_HOST_HOSTDEV_H

#define PPCPV_HOSTDEV_SIZE		0x1000

/* Bytes 0..7: a 16550-style transmitter (byte accesses only). */
#define PPCPV_HOSTDEV_UART_THR		0x00	/* write: send one byte */
#define PPCPV_HOSTDEV_UART_LSR		0x05	/* read: line status */
#define PPCPV_HOSTDEV_UART_REGS		8	/* others read 0, ignore writes */
#define PPCPV_HOSTDEV_LSR_THRE		0x20	/* transmit holding register empty */
#define PPCPV_HOSTDEV_LSR_TEMT		0x40	/* transmitter idle */

/* 32-bit registers. */
#define PPCPV_HOSTDEV_EXIT		0x10	/* write: exit status; the run ends */
#define PPCPV_HOSTDEV_ID		0x14	/* read: PPCPV_HOSTDEV_ID_VALUE */
#define PPCPV_HOSTDEV_ID_VALUE		0x50505644	/* "PPVD" */
/*
 * write n: the host prints its trap counters now, as one console line
 * "HOST-STATS-MARK <n>: {...}" (the HOST-STATS object).  A guest writes it
 * around a measured region; the counters already include this write
 * (one exit, one MMIO write).
 */
#define PPCPV_HOSTDEV_STATS_MARK	0x18
#define PPCPV_HOSTDEV_MARK_PREFIX	"HOST-STATS-MARK "

/*
 * Registers the platform may define (ppcpv_host_ops.hostdev_platform):
 * without it, accesses there fail like any undefined register.  The
 * interrupt-placement sweep is here on every platform that has one
 * (pseries, e500; host config irq-sweep, host-stubs/core/sweep.c):
 *   SWEEP_FROM  8 (or 4 in 32-bit mode), write: the guest pc where counting
 *               starts (boundary 0 is "before the instruction at FROM")
 *   SWEEP_TO    8 (or 4 in 32-bit mode), write: the guest pc where the
 *               measured code ends
 *   SWEEP_AT    4, write k: arm; the host single-steps the guest from now
 *               on and raises the decrementer at boundary k (after k
 *               instructions from FROM completed); SWEEP_NEVER: only count
 *   SWEEP_END   4, read: the boundary at which TO was reached
 *               (SWEEP_NEVER: not reached); ends the placement
 */
#define PPCPV_HOSTDEV_PLATFORM_FIRST	0x20
#define PPCPV_HOSTDEV_PLATFORM_END	0x40
#define PPCPV_HOSTDEV_SWEEP_FROM	0x20
#define PPCPV_HOSTDEV_SWEEP_TO		0x28
#define PPCPV_HOSTDEV_SWEEP_AT		0x30
#define PPCPV_HOSTDEV_SWEEP_END		0x34
#define PPCPV_HOSTDEV_SWEEP_NEVER	0xffffffffu

/* Device-tree compatible string of the node describing it. */
#define PPCPV_HOSTDEV_COMPATIBLE	"ppcpv,hostdev"

#endif /* PPCPV_HOST_HOSTDEV_H */
