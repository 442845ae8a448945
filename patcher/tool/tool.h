/* SPDX-License-Identifier: MIT */
/*
 * ppcpv-patch: exit codes and diagnostics shared by the tool's files.
 *
 * Every error is printed once, where it is detected, as
 * "ppcpv-patch: <what>", and the caller only passes the exit code up.
 */
#ifndef PPCPV_TOOL_H
#define PPCPV_TOOL_H

#define EXIT_INPUT	1	/* the input cannot be used or the output not written */
#define EXIT_USAGE	2	/* a bad command line or option value */
#define EXIT_NOFIT	3	/* the patch does not fit (kvm_tmp too small or absent) */

/* Print "<program>: <message>\n" on stderr. */
void tool_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "<program>: warning: <message>\n" on stderr. */
void tool_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* PPCPV_TOOL_H */
