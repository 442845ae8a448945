// SPDX-License-Identifier: MIT
/*
 * The host's MMIO device (ppcpv/host/hostdev.h): a 16550-style transmitter
 * for the console, an exit register and a stats-mark register.  Accesses of
 * the wrong size or to undefined registers fail, so the guest gets a DSI
 * instead of a silently ignored access.
 */
#include <ppcpv/err.h>
#include <ppcpv/fmt.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/host/stats.h>
#include <ppcpv/host/vcpu.h>
#include "core.h"

/* Room for the HOST-STATS object (about 1 KiB today). */
#define MARK_JSON_SIZE	2048

/* The counters at this point, on the console the guest's output shares,
 * so a benchmark can take differences between two marks. */
static void stats_mark(struct ppcpv_vcpu *v, uint32_t n)
{
	char json[MARK_JSON_SIZE], head[32];
	int len = ppcpv_stats_json(&v->stats, json, sizeof(json));
	int head_len = ppcpv_fmt(head, sizeof(head), PPCPV_HOSTDEV_MARK_PREFIX "%u: ", n);

	if (len < 0)
		return;
	v->ops->console_write(v->ctx, head, (size_t)head_len);
	v->ops->console_write(v->ctx, json, (size_t)len);
	v->ops->console_write(v->ctx, "\n", 1);
}

int ppcpv_hostdev_contains(const struct ppcpv_vcpu *v, uint64_t gpa)
{
	uint64_t base = v->cfg.hostdev_base;

	return base != PPCPV_HOSTDEV_NONE && gpa >= base && gpa - base < PPCPV_HOSTDEV_SIZE;
}

/* A register the platform defines, if it defines any. */
static int platform_register(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, int write,
			     uint64_t *val)
{
	if (offset < PPCPV_HOSTDEV_PLATFORM_FIRST || offset >= PPCPV_HOSTDEV_PLATFORM_END ||
	    !v->ops->hostdev_platform)
		return -PPCPV_ERR_UNSUPPORTED;
	return v->ops->hostdev_platform(v->ctx, v, offset, size, write, val);
}

int ppcpv_hostdev_read(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t *val)
{
	if (offset < PPCPV_HOSTDEV_UART_REGS && size == 1) {
		*val = offset == PPCPV_HOSTDEV_UART_LSR ?
			PPCPV_HOSTDEV_LSR_THRE | PPCPV_HOSTDEV_LSR_TEMT : 0;
		return 0;
	}
	if (offset == PPCPV_HOSTDEV_ID && size == 4) {
		*val = PPCPV_HOSTDEV_ID_VALUE;
		return 0;
	}
	return platform_register(v, offset, size, 0, val);
}

int ppcpv_hostdev_write(struct ppcpv_vcpu *v, uint64_t offset, unsigned int size, uint64_t val)
{
	char c = (char)val;

	if (offset < PPCPV_HOSTDEV_UART_REGS && size == 1) {
		if (offset == PPCPV_HOSTDEV_UART_THR)
			v->ops->console_write(v->ctx, &c, 1);
		return 0;
	}
	if (offset == PPCPV_HOSTDEV_EXIT && size == 4) {
		v->exit_status = (int)(uint32_t)val;
		v->exit_requested = 1;
		return 0;
	}
	if (offset == PPCPV_HOSTDEV_STATS_MARK && size == 4) {
		stats_mark(v, (uint32_t)val);
		return 0;
	}
	return platform_register(v, offset, size, 1, &val);
}
