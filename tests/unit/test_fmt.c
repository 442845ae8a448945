// SPDX-License-Identifier: MIT
/* Unit tests of lib/fmt against the C library's snprintf as the oracle. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <ppcpv/fmt.h>
#include "ppcpv_test.h"

#define SAME_AS_LIBC(...) do {						\
	char ours[128], theirs[128];					\
	int a = ppcpv_fmt(ours, sizeof(ours), __VA_ARGS__);		\
	int b = snprintf(theirs, sizeof(theirs), __VA_ARGS__);		\
	CU_ASSERT_EQUAL(a, b);						\
	CU_ASSERT_STRING_EQUAL(ours, theirs);				\
} while (0)

static void test_conversions(void)
{
	SAME_AS_LIBC("plain text");
	SAME_AS_LIBC("%d %d %d", 0, -1, 2147483647);
	SAME_AS_LIBC("%d", (int)-2147483647 - 1);
	SAME_AS_LIBC("%u %x %X", 4294967295u, 0xdeadbeefu, 0xabcdefu);
	SAME_AS_LIBC("%lx %llx %lu", 0xffffffffffff7ffdUL, 0x8000000000000000ULL, 123UL);
	SAME_AS_LIBC("%lld", -9223372036854775807LL - 1);
	SAME_AS_LIBC("%zu %zx", (size_t)240, (size_t)4096);
	SAME_AS_LIBC("[%08x] [%-6s] [%6s] [%-4d] [%05d] [%c]", 0x1234u, "ab", "cd", 7, -42, 'z');
	SAME_AS_LIBC("100%% %s", "done");
}

static void test_truncation(void)
{
	char buf[8];

	CU_ASSERT_EQUAL(ppcpv_fmt(buf, sizeof(buf), "%s", "0123456789"), 10);
	CU_ASSERT_STRING_EQUAL(buf, "0123456");
	CU_ASSERT_EQUAL(ppcpv_fmt(NULL, 0, "%d", 12345), 5);
	CU_ASSERT_EQUAL(ppcpv_fmt(buf, 1, "abc"), 3);
	CU_ASSERT_STRING_EQUAL(buf, "");
}

static void test_null_string(void)
{
	const char *volatile missing = NULL;	/* hidden from -Wformat */
	char buf[16];

	ppcpv_fmt(buf, sizeof(buf), "%s", missing);
	CU_ASSERT_STRING_EQUAL(buf, "(null)");
}

PPCPV_SUITE(fmt, "lib-fmt", NULL, NULL,
	{ "conversions match libc", test_conversions },
	{ "truncation and length", test_truncation },
	{ "NULL string", test_null_string })
