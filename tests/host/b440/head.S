/* SPDX-License-Identifier: MIT */
/* The 440 test guest's entry and interrupt stubs are the e500 guest's,
 * built for the 440. */
#include "../e500/head.S"
