// SPDX-License-Identifier: MIT
/* The 440 host's boot and exit loop are e500's (its soc.c and mmu.c are
 * its own): see host-stubs/e500/main.c. */
#include "../e500/main.c"
