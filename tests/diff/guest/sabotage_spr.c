// SPDX-License-Identifier: MIT
/*
 * A test build that is wrong on purpose: the patcher's rule table compiled
 * with SRR0's shared-page field pointing at SRR1's, so a patched
 * mfspr/mtspr SRR0 reads and writes the wrong field.  Linked into
 * t_diff-sabotage-spr ahead of libppcpv-patcher, it replaces the rule table
 * (rules.c itself is untouched).  The differential test must catch it.
 */
#include <ppcpv/abi.h>

#undef PPCPV_SHARED_SRR0
#define PPCPV_SHARED_SRR0	PPCPV_SHARED_SRR1
#include "../../../patcher/rules.c"

const char diff_build_variant[] = "sabotage-spr-field";
