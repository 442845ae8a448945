/* SPDX-License-Identifier: MIT */
/*
 * ppcpv_test.h - CUnit suite registration for the native unit tests.
 *
 * Each tests/unit/test_*.c file declares its suites with PPCPV_SUITE; they
 * register themselves before main() runs, so adding a test file needs no
 * edit anywhere else.
 */
#ifndef PPCPV_TEST_H
#define PPCPV_TEST_H

#include <CUnit/CUnit.h>

void ppcpv_suite_add(const char *name, CU_InitializeFunc init,
		     CU_CleanupFunc clean, CU_TestInfo *tests);

/* PPCPV_SUITE(ident, "name", init, clean, { "test", fn }, ...) */
#define PPCPV_SUITE(ident, name, init, clean, ...)				\
	static CU_TestInfo ident##_tests[] = { __VA_ARGS__, CU_TEST_INFO_NULL };\
	__attribute__((constructor)) static void ident##_register(void)	\
	{									\
		ppcpv_suite_add(name, init, clean, ident##_tests);		\
	}

#endif /* PPCPV_TEST_H */
