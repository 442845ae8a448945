/* SPDX-License-Identifier: MIT */
/*
 * platform.h - where the family-neutral core meets a host platform
 * (pseries, e500, 440) at the end of the run loop: what the core does
 * with an exit the loop cannot simply resume (wait, stop, fail), and the
 * few things every platform supplies for it, by name at link time.
 *
 * The report a host prints when it stops, the same on every platform:
 *   HOST-STATS: {...}     every trap counter, one line of JSON
 *   (the platform's own lines: the sweep's HOST-SWEEP when configured,
 *   the BookE hosts' TLB)
 *   EXIT: <n>             the guest's status, HOST_FATAL_STATUS on a host
 *                         failure
 */
#ifndef PPCPV_HOST_PLATFORM_H
#define PPCPV_HOST_PLATFORM_H

#include <stddef.h>
#include <ppcpv/host/trap.h>
#include <ppcpv/host/vcpu.h>

/* EXIT's status when the host itself failed (never a guest's). */
#define HOST_FATAL_STATUS	99

/* ---- supplied by the platform ---- */
void console_write(const char *buf, size_t len);
/* Send what console_write holds back (optional: the core's default does
 * nothing, for consoles that hold nothing). */
void console_flush(void);
/* Before the report (pseries: the guest's rewritten sc 1 sites put back). */
void platform_before_stop(void);
/* Its own report lines, after HOST-STATS. */
void platform_report(void);
/* Power the machine off; QEMU's exit status says status = 0 or not. */
void platform_power_off(int status) __attribute__((noreturn));

/* ---- supplied by the core (host-stubs/core/host_stop.c) ---- */
void host_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The report, then power off. */
void ppcpv_host_stop(const struct ppcpv_vcpu *v, int status) __attribute__((noreturn));
/* "host: FATAL: why", the report, power off with HOST_FATAL_STATUS. */
void ppcpv_host_fatal(const struct ppcpv_vcpu *v, const char *why) __attribute__((noreturn));
/* Anything but PPCPV_RUN_RESUME: wait for the guest's next interrupt,
 * or stop with the guest's status, or fail with what the core found. */
void ppcpv_host_act_on(struct ppcpv_vcpu *v, enum ppcpv_run_action action,
		       const struct ppcpv_exit *e);

#endif /* PPCPV_HOST_PLATFORM_H */
