// SPDX-License-Identifier: MIT
/* The 440 host's start.S is e500's, and so are the offsets it uses. */
#include "../e500/asm-offsets.c"
