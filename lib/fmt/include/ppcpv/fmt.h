/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/fmt.h - a small snprintf for freestanding code (host stub, guest).
 *
 * Conversions: %d %i %u %x %X %c %s %p %%, length modifiers l, ll, z, flags
 * '-' and '0', a decimal field width.  No floating point.  Output is always
 * NUL-terminated when size > 0; the return value is the length the full
 * output would have had (as C's snprintf), so truncation can be detected.
 */
#ifndef PPCPV_FMT_H
#define PPCPV_FMT_H

#include <stdarg.h>
#include <stddef.h>

int ppcpv_vfmt(char *buf, size_t size, const char *fmt, va_list ap);

/* Format (at most 255 characters) and hand the text to write(). */
void ppcpv_vprint(void (*write)(const char *s, size_t n), const char *fmt, va_list ap);
int ppcpv_fmt(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* PPCPV_FMT_H */
