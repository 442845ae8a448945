// SPDX-License-Identifier: MIT
/* The e500 guest's interrupt-placement sweep, built for the 440 (the
 * host's single step there is the same BookE debug facility; the 440 host
 * has no magic page, so only the plain stretch runs: see check.sh). */
#include "../e500/t_sweep.c"
