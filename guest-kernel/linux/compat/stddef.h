/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* <stddef.h> for ppcpv's portable sources inside the kernel. */
#ifndef PPCPV_LINUX_STDDEF_H
#define PPCPV_LINUX_STDDEF_H
#include <linux/types.h>
#include <linux/stddef.h>
#endif
