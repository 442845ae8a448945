/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * ppcpv's portable sources include <stdint.h>; inside the kernel (built
 * with -nostdinc) the fixed-width types come from <linux/types.h>, so the
 * glue and the library agree on every type.
 */
#ifndef PPCPV_LINUX_STDINT_H
#define PPCPV_LINUX_STDINT_H
#include <linux/types.h>
#include <linux/limits.h>
#define UINT64_MAX U64_MAX
#endif
