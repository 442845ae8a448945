/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* <stdarg.h> for ppcpv's portable sources inside the kernel. */
#ifndef PPCPV_LINUX_STDARG_H
#define PPCPV_LINUX_STDARG_H
#include <linux/stdarg.h>
#endif
