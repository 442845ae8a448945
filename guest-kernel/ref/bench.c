// SPDX-License-Identifier: MIT
/*
 * The echo-loop benchmark: start /bin/sh as process 1 with the iteration
 * count, let it run `for i in 1..N; do /bin/echo hello > /dev/null; done`
 * (user.S), and report what happened between its measurement points.
 *
 * The shell calls SYS_BENCH_MARK three times: 1 and 2 back to back, 3
 * after the loop.  Each mark snapshots the kernel's counters, reads the
 * timebase, and (hosted) writes the host device's stats-mark register,
 * which makes the host print its trap counters; a second timebase read
 * follows the write, so the host's printing is never measured.  Interval
 * 2->3 holds the loop plus one marking; interval 1->2 holds just one
 * marking, so (2->3) - (1->2) is the loop alone, exactly, for every
 * counter.  The report gives loop totals; dividing by N is the driver's
 * job (bench/echo_report.c).  With the kernel's own MMU on (natively) the
 * counters include its page faults, hypercalls and SLB loads (mmu.c).
 */
#include <ppcpv/fmt.h>
#include <ppcpv/guest_pv.h>
#include <ppcpv/host/hostdev.h>
#include "proc.h"

#define MARKS		3
#define HELLO_LINE	6	/* "hello\n" */

/* Everything a mark snapshots: 64-bit counters only. */
struct counters {
	struct kstats k;
	struct mmu_stats m;
};

struct mark {
	struct counters c;
	uint64_t tb_before, tb_after;
	int taken;
};

static struct mark marks[MARKS];
static unsigned int passed, failed;

long sys_bench_mark(struct pt_regs *regs)
{
	uint64_t n = regs->gpr[3], dev = platform_hostdev();
	struct mark *m;

	if (n < 1 || n > MARKS)
		return -EINVAL;
	m = &marks[n - 1];
	m->c.k = kstats;
	m->c.m = mmu_stats;
	m->taken = 1;
	m->tb_before = read_timebase();
	if (dev)
		*(volatile uint32_t *)(uintptr_t)(dev + PPCPV_HOSTDEV_STATS_MARK) = (uint32_t)n;
	m->tb_after = read_timebase();
	return 0;
}

/* ---- the run ------------------------------------------------------------ */

static struct proc *start_shell(unsigned int iterations)
{
	struct proc *init = proc_spawn();
	struct exec_args a = { .argc = 0, .len = 0 };
	char count[24];
	int n = ppcpv_fmt(count, sizeof(count), "%u", iterations);

	if (!init || files_open_console(init) || exec_args_add(&a, "sh", 2) ||
	    exec_args_add(&a, count, (size_t)n) || exec_load(init, "/bin/sh", &a) < 0)
		return NULL;
	proc_start(init);
	return init;
}

/* The idle context: run processes until the shell has exited.  Returns its
 * wait status, or -1 if it could not start or never finished. */
static int run_shell(unsigned int iterations)
{
	struct proc *init;
	int status;

	proc_init();
	syscall_install();
	init = start_shell(iterations);
	if (!init)
		return -1;
	/* The idle context runs again only when no process is runnable: by
	 * then the shell has exited, or everything is stuck. */
	schedule();
	irq_disable();
	if (init->state != PROC_ZOMBIE)
		return -1;
	status = init->wait_status;
	proc_reap(init);
	return status;
}

/* ---- the report --------------------------------------------------------- */

static void check(int ok, const char *what)
{
	kprintf("%s: %s\n", ok ? "PASS" : "FAIL", what);
	if (ok)
		passed++;
	else
		failed++;
}

/* The loop's share of a counter: (mark 3 - mark 2) - (mark 2 - mark 1). */
static uint64_t loop_delta(size_t field)
{
	const uint64_t *s1 = (const uint64_t *)&marks[0].c;
	const uint64_t *s2 = (const uint64_t *)&marks[1].c;
	const uint64_t *s3 = (const uint64_t *)&marks[2].c;

	return (s3[field] - s2[field]) - (s2[field] - s1[field]);
}

#define KSTAT(member)	(offsetof(struct counters, k.member) / sizeof(uint64_t))
#define MMUSTAT(member)	(offsetof(struct counters, m.member) / sizeof(uint64_t))

static const struct {
	const char *key;
	size_t field;
} loop_counters[] = {
	{ "loop_syscalls", KSTAT(syscalls) },
	{ "loop_fork", KSTAT(sys[SYSK_FORK]) },
	{ "loop_open", KSTAT(sys[SYSK_OPEN]) },
	{ "loop_dup2", KSTAT(sys[SYSK_DUP2]) },
	{ "loop_close", KSTAT(sys[SYSK_CLOSE]) },
	{ "loop_execve", KSTAT(sys[SYSK_EXECVE]) },
	{ "loop_write", KSTAT(sys[SYSK_WRITE]) },
	{ "loop_exit", KSTAT(sys[SYSK_EXIT]) },
	{ "loop_wait4", KSTAT(sys[SYSK_WAIT4]) },
	{ "loop_mark", KSTAT(sys[SYSK_MARK]) },
	{ "loop_other", KSTAT(sys[SYSK_OTHER]) },
	{ "loop_switches", KSTAT(switches) },
	{ "loop_null_bytes", KSTAT(null_bytes) },
	{ "loop_dsi", MMUSTAT(dsi) },
	{ "loop_isi", MMUSTAT(isi) },
	{ "loop_h_enter", MMUSTAT(h_enter) },
	{ "loop_h_remove", MMUSTAT(h_remove) },
	{ "loop_h_bulk_remove", MMUSTAT(h_bulk_remove) },
	{ "loop_slb_loads", MMUSTAT(slb_loads) },
};

/* Storage and segment interrupts the kernel took in the loop. */
static uint64_t loop_guest_faults(void)
{
	return loop_delta(MMUSTAT(dsi)) + loop_delta(MMUSTAT(isi)) +
	       loop_delta(MMUSTAT(segment_faults));
}

/* Hash-table hypercalls the kernel made in the loop. */
static uint64_t loop_hcalls(void)
{
	return loop_delta(MMUSTAT(h_enter)) + loop_delta(MMUSTAT(h_remove)) +
	       loop_delta(MMUSTAT(h_bulk_remove));
}

static void print_result(unsigned int iterations, uint32_t timebase_hz, int status)
{
	size_t i;

	kprintf("BENCH-RESULT: {\"iterations\":%u,\"shell_status\":%d,\"timebase_hz\":%u,", iterations,
		status, (unsigned int)timebase_hz);
	kprintf("\"loop_ticks\":%llu,\"calib_ticks\":%llu,",
		(unsigned long long)(marks[2].tb_before - marks[1].tb_after),
		(unsigned long long)(marks[1].tb_before - marks[0].tb_after));
	for (i = 0; i < sizeof(loop_counters) / sizeof(loop_counters[0]); i++)
		kprintf("\"%s\":%llu,", loop_counters[i].key,
			(unsigned long long)loop_delta(loop_counters[i].field));
	kprintf("\"loop_guest_faults\":%llu,\"loop_hcalls\":%llu,",
		(unsigned long long)loop_guest_faults(), (unsigned long long)loop_hcalls());
	kprintf("\"user_faults\":%llu,\"procs_left\":%u}\n",
		(unsigned long long)kstats.user_faults, proc_count_live());
}

/*
 * Per iteration the forked child and then echo each touch their program
 * page (one ISI) and their stack page (one DSI) once, each fault one
 * H_ENTER; exec and exit each remove those two entries in one call
 * (H_BULK_REMOVE when offered); three SLB loads: to the child, to its new
 * context at exec, back to the shell.
 */
static void check_loop_mmu(unsigned int n)
{
	uint64_t removals = loop_delta(MMUSTAT(h_bulk_remove)) + loop_delta(MMUSTAT(h_remove));

	check(loop_delta(MMUSTAT(isi)) == 2ull * n && loop_delta(MMUSTAT(dsi)) == 2ull * n &&
	      loop_delta(MMUSTAT(segment_faults)) == 0,
	      "MMU: 2 ISI and 2 DSI per iteration (program and stack page, child and echo)");
	check(loop_delta(MMUSTAT(h_enter)) == 4ull * n, "MMU: one H_ENTER per fault");
	check(removals == (mmu_has_bulk_remove() ? 2ull : 4ull) * n,
	      "MMU: exec and exit each remove two entries (one H_BULK_REMOVE, or two H_REMOVE)");
	check(loop_delta(MMUSTAT(slb_loads)) == 3ull * n, "MMU: 3 user SLB loads per iteration");
}

static void check_loop(unsigned int n)
{
	static const enum sys_kind once_per_iteration[] = {
		SYSK_FORK, SYSK_OPEN, SYSK_DUP2, SYSK_CLOSE, SYSK_EXECVE, SYSK_WRITE, SYSK_EXIT,
		SYSK_WAIT4,
	};
	int each_once = loop_delta(KSTAT(syscalls)) == 8ull * n &&
			loop_delta(KSTAT(sys[SYSK_MARK])) == 0 &&
			loop_delta(KSTAT(sys[SYSK_OTHER])) == 0;
	size_t i;

	for (i = 0; i < sizeof(once_per_iteration) / sizeof(once_per_iteration[0]); i++)
		each_once &= loop_delta(KSTAT(sys[once_per_iteration[i]])) == n;
	check(each_once, "8 system calls per iteration: fork, open, dup2, close, execve, "
	      "write, exit, wait4");
	check(loop_delta(KSTAT(switches)) == 2ull * n, "2 context switches per iteration");
	check(loop_delta(KSTAT(null_bytes)) == (uint64_t)HELLO_LINE * n,
	      "every echo wrote \"hello\\n\" to /dev/null");
	if (mmu_on())
		check_loop_mmu(n);
	else
		check(loop_guest_faults() == 0 && loop_hcalls() == 0,
		      "flat mapping: no page fault, no hash-table hypercall in the loop");
}

int bench_run(unsigned int iterations, uint32_t timebase_hz)
{
	const struct ppcpv_pv_result *r = pv_result();
	int status = run_shell(iterations);

	print_result(iterations, timebase_hz, status);
	check(status == 0, "the shell ran every iteration: no failed fork, wait or child");
	check(marks[0].taken && marks[1].taken && marks[2].taken, "three measurement points taken");
	check(timebase_hz != 0, "the device tree names the timebase's frequency");
	if (marks[2].taken)
		check_loop(iterations);
	check(kstats.user_faults == 0, "no user process faulted");
	check(proc_count_live() == 0, "every process reaped");
	if (mmu_on())
		check(mmu_stats.user_hptes == 0, "MMU: no user entry left in the hash table");
	kprintf("SUMMARY: %u tests, %u unexpected failures, 0 skipped\n", passed + failed, failed);
	kprintf("GUEST-RESULT: {\"pv\":%s,\"patched\":%u,\"skipped\":%u,\"sites\":%u,"
		"\"kvm_tmp_used\":%llu,\"checks_passed\":%u,\"checks_failed\":%u,"
		"\"checks_skipped\":0,\"timebase\":%llu}\n",
		r->enabled ? "true" : "false", r->stats.patched, r->stats.skipped, r->stats.sites,
		(unsigned long long)r->stats.tmp_used, passed, failed,
		(unsigned long long)read_timebase());
	return (int)failed;
}
