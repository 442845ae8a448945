/* SPDX-License-Identifier: MIT */
/*
 * What lives in a trampoline region, and whether the text was patched
 * already, read from the image itself (no restore record needed):
 *  - a --kvm-tmp region must be free: only zero words, no function or
 *    object symbol (the image's own trampoline areas excepted), or the
 *    trampolines would overwrite live code or data;
 *  - signs of an earlier `--apply` whose record was stripped or cut off:
 *    a branch from the text into a trampoline area, a branch to a
 *    ppcpv trampoline anywhere (the kvm_emul template's words, branching
 *    back to the word after the site), non-zero words in the image's own
 *    zero-filled trampoline area.
 */
#ifndef PPCPV_TOOL_REGION_CHECK_H
#define PPCPV_TOOL_REGION_CHECK_H

#include <stddef.h>
#include "elf_image.h"
#include "plan.h"

/* The --kvm-tmp region of the plan (`text`: the option's value) holds
 * nothing: 0, or EXIT_USAGE after printing what is there. */
int region_check_free(const struct elf_image *img, const struct scan_plan *plan,
		      const char *text);

/* 1 when the image shows a sign of an earlier patch, described in
 * why[0..len) ("the word at 0x... branches into kvm_tmp"); else 0. */
int region_find_patch(const struct elf_image *img, const struct scan_plan *plan,
		      char *why, size_t len);

#endif /* PPCPV_TOOL_REGION_CHECK_H */
