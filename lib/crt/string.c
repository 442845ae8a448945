// SPDX-License-Identifier: MIT
/*
 * The C library functions GCC may emit calls to even in freestanding code
 * (struct copies, zeroing), for the bare-metal images (host stub, guests),
 * which have no C library.
 */
#include <stddef.h>
#include <stdint.h>
#include <ppcpv/crt.h>

/* Stop GCC from turning these very loops back into calls to themselves. */
#define NO_LOOP_TO_CALL __attribute__((optimize("no-tree-loop-distribute-patterns")))


NO_LOOP_TO_CALL void *memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

NO_LOOP_TO_CALL void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

NO_LOOP_TO_CALL void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;

	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
