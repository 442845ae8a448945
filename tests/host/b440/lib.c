// SPDX-License-Identifier: MIT
/* The 440 test guest's runtime is the e500 guest's, built for the 440. */
#include "../e500/lib.c"
