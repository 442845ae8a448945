/* SPDX-License-Identifier: MIT */
/* ppcpv-patch: the command line, parsed and checked for form. */
#ifndef PPCPV_TOOL_OPTIONS_H
#define PPCPV_TOOL_OPTIONS_H

#include <stdint.h>
#include <ppcpv/patcher.h>

/* Defaults (documented in man/ppcpv-patch.1). */
#define TOOL_DEFAULT_FEATURES	0x3u	/* SR | MAS0_TO_SPRG7 */

struct tool_options {
	const char *input;
	int family_given;
	enum ppcpv_family family;
	uint32_t features;
	int features_given;
	int64_t magic_ea;
	int magic_ea_given;
	const char *start;	/* SYM[+OFF] or ADDR, resolved against the image */
	const char *end;
	const char *kvm_tmp;	/* the raw ADDR:SIZE text (for messages) */
	char *kvm_tmp_where;	/* its SYM[+OFF] or ADDR part (malloc'd) */
	uint64_t kvm_tmp_size;
	int json;
	int sites;
	int disasm;
	const char *apply_out;
	int unpatch;
};

/*
 * 0, or an exit code after printing the problem (or the help: -1 = exit 0).
 * After 0 the options hold memory that options_free() gives back.
 */
int options_parse(int argc, char **argv, struct tool_options *opts);
void options_free(struct tool_options *opts);

/* A whole-string unsigned number, decimal or 0x-hex; 0 or -1. */
int parse_u64(const char *s, uint64_t *out);

#endif /* PPCPV_TOOL_OPTIONS_H */
