/* SPDX-License-Identifier: MIT */
/*
 * What the fuzz targets share: libFuzzer's entry point, which
 * fuzz/replay.c calls too (the make check replay without libFuzzer), and
 * the way a target reports a broken invariant.
 */
#ifndef PPCPV_FUZZ_H
#define PPCPV_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant: one line on stderr, then abort() (a crash to libFuzzer). */
#define FUZZ_REQUIRE(cond) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
void fuzz_fail(const char *file, int line, const char *what) __attribute__((noreturn));

#endif /* PPCPV_FUZZ_H */
