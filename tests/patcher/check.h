/* SPDX-License-Identifier: MIT */
/*
 * check.h - CUnit assertions that say which case failed.
 *
 * The patcher tests loop over families, byte orders, rows and registers;
 * a bare CU_ASSERT would only report a line number.  These record the
 * formatted case description as the failed condition (CUnit copies it).
 */
#ifndef PPCPV_TEST_PATCHER_CHECK_H
#define PPCPV_TEST_PATCHER_CHECK_H

#include <stdio.h>
#include <string.h>
#include <CUnit/CUnit.h>

/* EXPECT(condition, printf-style description of the case) */
#define EXPECT(cond, ...)							\
	do {									\
		int ok_ = !!(cond);						\
		char msg_[1024];							\
		if (!ok_)							\
			snprintf(msg_, sizeof(msg_), __VA_ARGS__);		\
		CU_assertImplementation(ok_ ? CU_TRUE : CU_FALSE, __LINE__,	\
					ok_ ? #cond : msg_, __FILE__, "", CU_FALSE); \
	} while (0)

/* EXPECT_EQ(actual, expected, what...) for integers; prints both in
 * decimal (error codes are negative) and in hex (instruction words). */
#define EXPECT_EQ(actual, expected, fmt, ...)					\
	do {									\
		long long a_ = (long long)(actual);				\
		long long e_ = (long long)(expected);				\
		EXPECT(a_ == e_, fmt ": %s = %lld (%#llx), expected %lld (%#llx)", \
		       __VA_ARGS__, #actual, a_, (unsigned long long)a_, e_,	\
		       (unsigned long long)e_);					\
	} while (0)

/* EXPECT_STR(actual, expected, what...) */
#define EXPECT_STR(actual, expected, fmt, ...)					\
	do {									\
		const char *a_ = (actual), *e_ = (expected);			\
		EXPECT(a_ && e_ && !strcmp(a_, e_),				\
		       fmt ": got \"%s\", expected \"%s\"", __VA_ARGS__,		\
		       a_ ? a_ : "(null)", e_ ? e_ : "(null)");			\
	} while (0)

/* One test function per family and byte order:
 * TARGET_TESTS(fn) defines fn_<family>_<be|le>() calling fn(family, be). */
#define TARGET_TESTS(fn)							\
	static void fn##_b3s64_be(void) { fn(PPCPV_FAMILY_BOOK3S64, 1); }	\
	static void fn##_b3s64_le(void) { fn(PPCPV_FAMILY_BOOK3S64, 0); }	\
	static void fn##_b3s32_be(void) { fn(PPCPV_FAMILY_BOOK3S32, 1); }	\
	static void fn##_b3s32_le(void) { fn(PPCPV_FAMILY_BOOK3S32, 0); }	\
	static void fn##_e500_be(void) { fn(PPCPV_FAMILY_E500, 1); }		\
	static void fn##_e500_le(void) { fn(PPCPV_FAMILY_E500, 0); }

/* The matching CU_TestInfo entries, named "<family> <BE|LE>: what". */
#define TARGET_ENTRIES(what, fn)						\
	{ "book3s64 BE: " what, fn##_b3s64_be },				\
	{ "book3s64 LE: " what, fn##_b3s64_le },				\
	{ "book3s32 BE: " what, fn##_b3s32_be },				\
	{ "book3s32 LE: " what, fn##_b3s32_le },				\
	{ "e500 BE: " what, fn##_e500_be },					\
	{ "e500 LE: " what, fn##_e500_le }

/* The same per family, for what does not depend on the byte order. */
#define FAMILY_TESTS(fn)							\
	static void fn##_b3s64(void) { fn(PPCPV_FAMILY_BOOK3S64); }		\
	static void fn##_b3s32(void) { fn(PPCPV_FAMILY_BOOK3S32); }		\
	static void fn##_e500(void) { fn(PPCPV_FAMILY_E500); }

#define FAMILY_ENTRIES(what, fn)						\
	{ "book3s64: " what, fn##_b3s64 },					\
	{ "book3s32: " what, fn##_b3s32 },					\
	{ "e500: " what, fn##_e500 }

#define ENDIAN_NAME(be) ((be) ? "BE" : "LE")

#endif /* PPCPV_TEST_PATCHER_CHECK_H */
