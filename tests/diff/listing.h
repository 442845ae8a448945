/* SPDX-License-Identifier: MIT */
/* listing.h - a generated program, disassembled with libopcodes. */
#ifndef PPCPV_TEST_DIFF_LISTING_H
#define PPCPV_TEST_DIFF_LISTING_H

#include <stdint.h>
#include <stdio.h>
#include "gen.h"

/* One line per word ("  0x...: xxxxxxxx  text") as if the program sat at
 * addr, then the harness's branch back; prefix starts every line. */
void diff_print_program(FILE *f, const struct diff_prog *p, uint64_t addr, const char *prefix);

#endif /* PPCPV_TEST_DIFF_LISTING_H */
