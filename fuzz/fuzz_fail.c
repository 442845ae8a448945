// SPDX-License-Identifier: MIT
/* The failure every fuzz target reports a broken invariant with (fuzz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "fuzz.h"

void fuzz_fail(const char *file, int line, const char *what)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), "fuzz: %s:%d: invariant broken: %s\n", file, line, what);

	/* Straight to fd 2: a target may have pointed stdio's stderr elsewhere. */
	if (n > 0 && write(2, msg, (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1) < 0)
		abort();
	abort();
}
