/* SPDX-License-Identifier: MIT */
/* ppcpv-patch --unpatch: restore the original file from its restore record. */
#ifndef PPCPV_TOOL_UNPATCH_H
#define PPCPV_TOOL_UNPATCH_H

#include "elf_image.h"

/* Write the original of the patched `img` to `out`.  0 or an exit code. */
int unpatch_image(struct elf_image *img, const char *out, int json);

#endif /* PPCPV_TOOL_UNPATCH_H */
