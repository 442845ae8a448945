/* SPDX-License-Identifier: MIT */
/* Functions shared between the patcher's own files. */
#ifndef PPCPV_PATCHER_INTERNAL_H
#define PPCPV_PATCHER_INTERNAL_H

#include <stddef.h>
#include <ppcpv/patcher.h>

size_t ppcpv_trampoline_size(const struct ppcpv_config *cfg, const struct ppcpv_rule *r);
size_t ppcpv_trampoline_branch_offset(const struct ppcpv_config *cfg, const struct ppcpv_rule *r);

#endif /* PPCPV_PATCHER_INTERNAL_H */
