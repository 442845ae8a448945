// SPDX-License-Identifier: MIT
/*
 * One boot of the benchmark image through ppcpv-run, its console read line
 * by line: the guest's BENCH-RESULT object and the host's HOST-STATS-MARK
 * objects (flat JSON of numbers), the last line for error messages, the
 * exit status and the wall time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bench_echo.h"

void pairs_add(struct pairs *p, const char *key, size_t n, unsigned long long v)
{
	if (p->n == MAX_PAIRS || n >= sizeof(p->key[0]))
		return;
	memcpy(p->key[p->n], key, n);
	p->key[p->n][n] = '\0';
	p->val[p->n++] = v;
}

/* A flat JSON object of numbers ("true"/"false" count as 1/0). */
static void parse_object(struct pairs *p, const char *s)
{
	const char *key;
	size_t n;

	p->n = 0;
	while ((s = strchr(s, '"'))) {
		key = ++s;
		n = strcspn(s, "\"");
		if (s[n] != '"' || s[n + 1] != ':')
			return;
		s += n + 2;
		pairs_add(p, key, n, !strncmp(s, "true", 4) ? 1 : strtoull(s, NULL, 10));
		s += strcspn(s, ",}");
	}
}

int pairs_get(const struct pairs *p, const char *key, unsigned long long *v)
{
	unsigned int i;

	for (i = 0; i < p->n; i++) {
		if (!strcmp(p->key[i], key)) {
			*v = p->val[i];
			return 0;
		}
	}
	return -1;
}

static void take_line(struct boot *b, const char *line)
{
	unsigned int n;

	if (*line)
		snprintf(b->last, sizeof(b->last), "%s", line);
	if (!strncmp(line, "BENCH-RESULT: ", 14)) {
		parse_object(&b->bench, line + 14);
		b->have_bench = 1;
	} else if (sscanf(line, "HOST-STATS-MARK %u: ", &n) == 1 && n >= 1 && n <= MARKS) {
		parse_object(&b->mark[n - 1], strchr(line, '{'));
		b->have_mark[n - 1] = 1;
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void read_console(FILE *f, struct boot *b)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) > 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		take_line(b, line);
	}
	free(line);
}

int boot_run(const struct options *o, enum mode m, struct boot *b)
{
	char timeout[16];
	const char *guest = m == NATIVE && o->native_guest ? o->native_guest : o->guest;
	const char *argv[] = { o->run, mode_option[m], "--guest", guest, "--timeout", timeout,
			       "--mmu", o->mmu, "--fast-exits", o->fast_exits,
			       o->family ? "--family" : NULL, o->family, NULL };
	int fds[2], status;
	double start = now();
	pid_t pid;
	FILE *f;

	memset(b, 0, sizeof(*b));
	snprintf(timeout, sizeof(timeout), "%u", o->timeout);
	if (pipe(fds))
		return -1;
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		execv(argv[0], (char *const *)argv);
		fprintf(stderr, "bench-echo: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	if (!f) {
		close(fds[0]);
		waitpid(pid, &status, 0);
		return -1;
	}
	read_console(f, b);
	fclose(f);
	waitpid(pid, &status, 0);
	b->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	b->wall = now() - start;
	return 0;
}
