// SPDX-License-Identifier: MIT
/*
 * The end of every platform's run loop (ppcpv/host/platform.h): the exits
 * the loop cannot resume, the stop report and the host's own failures,
 * the same on pseries, e500 and the 440.
 */
#include <stdarg.h>
#include <ppcpv/fmt.h>
#include <ppcpv/host/arch.h>
#include <ppcpv/host/platform.h>
#include <ppcpv/host/stats.h>

/* For a platform whose console holds nothing back. */
__attribute__((weak)) void console_flush(void)
{
}

void host_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ppcpv_vprint(console_write, fmt, ap);
	va_end(ap);
	console_flush();
}

/* Longer than host_printf's buffer: written out directly. */
static void print_stats(const struct ppcpv_vcpu *v)
{
	static char json[2048];
	int n = ppcpv_stats_json(&v->stats, json, sizeof(json));

	if (n <= 0)
		return;
	console_write("HOST-STATS: ", 12);
	console_write(json, (size_t)n);
	console_write("\n", 1);
}

void ppcpv_host_stop(const struct ppcpv_vcpu *v, int status)
{
	platform_before_stop();
	print_stats(v);
	platform_report();
	host_printf("EXIT: %d\n", status);
	platform_power_off(status);
}

void ppcpv_host_fatal(const struct ppcpv_vcpu *v, const char *why)
{
	host_printf("host: FATAL: %s\n", why);
	ppcpv_host_stop(v, HOST_FATAL_STATUS);
}

/* Out of line in the platforms' exit paths: the common exit needs none
 * of it. */
void ppcpv_host_act_on(struct ppcpv_vcpu *v, enum ppcpv_run_action action,
		       const struct ppcpv_exit *e)
{
	switch (action) {
	case PPCPV_RUN_RESUME:
		return;
	case PPCPV_RUN_IDLE:
		if (ppcpv_vcpu_idle(v))
			ppcpv_host_fatal(v, "EV_IDLE with no decrementer armed: the guest would "
					 "sleep forever");
		return;
	case PPCPV_RUN_EXIT:
		ppcpv_host_stop(v, v->exit_status);
	case PPCPV_RUN_FATAL:
		/* the vector in the family's numbering (Book3S offset, BookE
		 * IVOR), its cause register (SRR1, ESR) */
		host_printf("host: FATAL: %s: %s interrupt 0x%x pc=0x%llx cause=0x%llx\n", v->fatal,
			    v->arch.name, e->vector, (unsigned long long)v->regs.pc,
			    (unsigned long long)e->cause);
		ppcpv_host_stop(v, HOST_FATAL_STATUS);
	}
}
