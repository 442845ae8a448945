// SPDX-License-Identifier: MIT
/* What the 440 host learns from QEMU's tree: as e500's host. */
#include "../e500/config.c"
