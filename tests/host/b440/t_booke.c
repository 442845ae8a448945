// SPDX-License-Identifier: MIT
/* The e500 guest's BookE checks, built for the 440 (no e500 instructions):
 * the same privileged life, with PV off (see check.sh). */
#include "../e500/t_booke.c"
