/* SPDX-License-Identifier: MIT */
/*
 * ppcpv/crt.h - the C library functions lib/crt provides to the bare-metal
 * images (which are built -nostdinc, so <string.h> is not there).
 */
#ifndef PPCPV_CRT_H
#define PPCPV_CRT_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* PPCPV_CRT_H */
