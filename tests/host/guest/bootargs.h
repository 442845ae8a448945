/* SPDX-License-Identifier: MIT */
/*
 * bootargs.h - /chosen/bootargs for the test guest runtimes (tests/host's
 * and tests/host/e500's lib.c): found once at start, asked word by word.
 */
#ifndef PPCPV_TEST_GUEST_BOOTARGS_H
#define PPCPV_TEST_GUEST_BOOTARGS_H

#include <stddef.h>
#include <ppcpv/fdt.h>

/* The tree's /chosen/bootargs, or "" without one. */
static inline const char *guest_fdt_bootargs(const void *fdt, size_t size)
{
	const char *args = "";
	int node = ppcpv_fdt_path_offset(fdt, size, "/chosen");

	if (node >= 0)
		ppcpv_fdt_get_string(fdt, size, node, "bootargs", &args);	/* untouched if absent */
	return args;
}

/* Is word one of the space-separated words of args? */
static inline int guest_words_contain(const char *args, const char *word)
{
	const char *p = args, *w;

	while (*p) {
		for (w = word; *w && *p == *w; p++, w++)
			;
		if (!*w && (*p == ' ' || !*p))
			return 1;
		while (*p && *p != ' ')
			p++;
		while (*p == ' ')
			p++;
	}
	return 0;
}

#endif /* PPCPV_TEST_GUEST_BOOTARGS_H */
