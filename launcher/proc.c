// SPDX-License-Identifier: MIT
/*
 * QEMU as a process group of its own, so that nothing it starts outlives a
 * boot, and the launcher's stop signals (SIGINT, SIGTERM, SIGHUP).
 *
 * The stop signals and SIGCHLD stay blocked except inside ppoll(), which
 * opens them atomically: a signal that arrives between a check and a wait
 * still ends the wait, and every wait has the deadline as its timeout.
 * The launcher is a child subreaper, so processes QEMU leaves behind become
 * its children when QEMU dies and are reaped here, not left as zombies
 * that would keep the group alive.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "launcher.h"

/* After SIGTERM, how long the group has to go before SIGKILL; after
 * SIGKILL, how long to wait for the kernel to finish it off. */
#define STOP_GRACE_S	0.5
#define KILL_WAIT_S	1.0
/* Group members other than QEMU itself send no SIGCHLD: look this often. */
#define GROUP_POLL_S	0.01

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
static volatile sig_atomic_t stop_signal;
static sigset_t entry_mask;	/* the mask the launcher was started with: QEMU's */
static sigset_t wait_mask;	/* inside ppoll: SIGCHLD and the caught stop signals open */
static sigset_t caught;		/* the stop signals not ignored on entry, and SIGCHLD */

static void on_stop(int sig)
{
	if (!stop_signal)
		stop_signal = sig;
}

/* Only there so that SIGCHLD interrupts ppoll(). */
static void on_child(int sig)
{
	(void)sig;
}

double proc_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void proc_signals_init(void)
{
	struct sigaction child = { .sa_handler = on_child, .sa_flags = SA_NOCLDSTOP };
	struct sigaction stop = { .sa_handler = on_stop };
	struct sigaction old;
	unsigned int i;

	sigemptyset(&caught);
	sigaddset(&caught, SIGCHLD);
	sigaction(SIGCHLD, &child, NULL);
	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++) {
		/* ignored on entry (nohup, a background job): it stays ignored */
		if (sigaction(stop_signals[i], NULL, &old) || old.sa_handler == SIG_IGN)
			continue;
		sigaction(stop_signals[i], &stop, NULL);
		sigaddset(&caught, stop_signals[i]);
	}
	sigprocmask(SIG_BLOCK, &caught, &entry_mask);
	wait_mask = entry_mask;
	for (i = 1; i < NSIG; i++)
		if (sigismember(&caught, (int)i) == 1)
			sigdelset(&wait_mask, (int)i);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
}

int proc_stop_signal(void)
{
	return stop_signal;
}

void proc_exit_if_stopped(void)
{
	int sig;

	/* a signal still pending (it came outside any wait) is taken now */
	sigprocmask(SIG_SETMASK, &entry_mask, NULL);
	sig = stop_signal;
	if (!sig)
		return;
	fprintf(stderr, "ppcpv-run: stopped by signal %d (%s)\n", sig, strsignal(sig));
	fflush(NULL);
	/* die of it, so that a calling shell sees the signal (status 128 + sig) */
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

/* The child: a group of its own, the signal state the launcher found. */
static void exec_in_own_group(const char *const *argv, int out_fd)
{
	int null = open("/dev/null", O_RDONLY);
	int i;

	setpgid(0, 0);
	dup2(out_fd, STDOUT_FILENO);
	/* no stdin: QEMU must never wait for the terminal */
	if (null >= 0)
		dup2(null, STDIN_FILENO);
	for (i = 1; i < NSIG; i++)
		if (sigismember(&caught, i) == 1)
			signal(i, SIG_DFL);
	sigprocmask(SIG_SETMASK, &entry_mask, NULL);
	execv(argv[0], (char *const *)argv);
	fprintf(stderr, "ppcpv-run: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

int proc_spawn(struct proc *p, const char *const *argv)
{
	int fds[2];

	if (pipe2(fds, O_CLOEXEC))
		return -1;
	*p = (struct proc){ .pid = fork(), .out_fd = fds[0] };
	if (p->pid == 0)
		exec_in_own_group(argv, fds[1]);
	close(fds[1]);
	if (p->pid < 0) {
		close(fds[0]);
		return -1;
	}
	/* the child does the same: whichever runs first, the group exists
	 * before anyone signals it */
	setpgid(p->pid, p->pid);
	return 0;
}

/* Reap what can be reaped in the group: QEMU itself and its orphans. */
static void reap(struct proc *p)
{
	int status;
	pid_t w;

	while ((w = waitpid(-p->pid, &status, WNOHANG)) > 0) {
		if (w == p->pid) {
			p->status = status;
			p->exited = 1;
		}
	}
}

enum proc_event proc_wait(struct proc *p, double deadline)
{
	for (;;) {
		struct pollfd out = { p->out_fd, POLLIN, 0 };
		double left = deadline - proc_now();
		struct timespec ts;

		if (stop_signal)
			return PROC_STOPPED;
		reap(p);
		if (p->exited)
			return PROC_EXITED;
		if (left <= 0)
			return PROC_DEADLINE;
		ts.tv_sec = (time_t)left;
		ts.tv_nsec = (long)((left - (double)ts.tv_sec) * 1e9);
		/* a negative fd (output closed) is left out by ppoll */
		if (ppoll(&out, 1, &ts, &wait_mask) > 0 && out.revents)
			return PROC_OUTPUT;
	}
}

static void close_output(struct proc *p)
{
	if (p->out_fd >= 0)
		close(p->out_fd);
	p->out_fd = -1;
}

ssize_t proc_read(struct proc *p, void *buf, size_t size, int only_if_ready)
{
	struct pollfd out = { p->out_fd, POLLIN, 0 };
	ssize_t n;

	if (p->out_fd < 0 || (only_if_ready && poll(&out, 1, 0) <= 0))
		return 0;
	n = read(p->out_fd, buf, size);
	if (n <= 0)
		close_output(p);
	return n < 0 ? 0 : n;
}

static int group_gone(struct proc *p)
{
	reap(p);
	return p->exited && kill(-p->pid, 0) && errno == ESRCH;
}

static int wait_group_gone(struct proc *p, double until)
{
	while (!group_gone(p)) {
		double left = until - proc_now();
		struct timespec ts = { 0, (long)(GROUP_POLL_S * 1e9) };

		if (left <= 0)
			return 0;
		if (left < GROUP_POLL_S)
			ts.tv_nsec = (long)(left * 1e9);
		ppoll(NULL, 0, &ts, &wait_mask);
	}
	return 1;
}

void proc_stop(struct proc *p)
{
	close_output(p);
	if (group_gone(p))
		return;
	killpg(p->pid, SIGTERM);
	if (wait_group_gone(p, proc_now() + STOP_GRACE_S))
		return;
	killpg(p->pid, SIGKILL);
	if (!wait_group_gone(p, proc_now() + KILL_WAIT_S))
		fprintf(stderr, "ppcpv-run: QEMU's process group %d survived SIGKILL\n", (int)p->pid);
}
