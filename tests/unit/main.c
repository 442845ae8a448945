// SPDX-License-Identifier: MIT
/*
 * The native unit-test runner: every suite registered with PPCPV_SUITE, run
 * by CUnit's basic runner.  `unit-tests [SUITE...]` runs only the named ones.
 *
 * CUnit's runner returns success even when tests fail, and its failure
 * count stays 0 when a suite's init fails, so the exit status is derived from
 * all counters, and a run that executed no test is a failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>
#include "ppcpv_test.h"

#define MAX_SUITES 64

struct suite_entry {
	const char *name;
	CU_InitializeFunc init;
	CU_CleanupFunc clean;
	CU_TestInfo *tests;
};

static struct suite_entry suites[MAX_SUITES];
static int n_suites;

void ppcpv_suite_add(const char *name, CU_InitializeFunc init,
		     CU_CleanupFunc clean, CU_TestInfo *tests)
{
	if (n_suites == MAX_SUITES) {
		fprintf(stderr, "unit-tests: more than %d suites; raise MAX_SUITES\n", MAX_SUITES);
		exit(2);
	}
	suites[n_suites++] = (struct suite_entry){ name, init, clean, tests };
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct suite_entry *)a)->name, ((const struct suite_entry *)b)->name);
}

static int wanted(const char *name, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return 1;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], name))
			return 1;
	return 0;
}

static int add_suite(const struct suite_entry *s)
{
	CU_pSuite suite = CU_add_suite(s->name, s->init, s->clean);
	CU_TestInfo *t;

	if (!suite)
		return -1;
	for (t = s->tests; t->pName; t++)
		if (!CU_add_test(suite, t->pName, t->pTestFunc))
			return -1;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int run, failed;
	CU_ErrorCode rc;
	int i, bad;

	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
		return 2;
	}
	qsort(suites, (size_t)n_suites, sizeof(suites[0]), by_name);
	for (i = 0; i < n_suites; i++) {
		if (wanted(suites[i].name, argc, argv) && add_suite(&suites[i])) {
			fprintf(stderr, "unit-tests: cannot register %s: %s\n",
				suites[i].name, CU_get_error_msg());
			CU_cleanup_registry();
			return 2;
		}
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	rc = CU_basic_run_tests();
	run = CU_get_number_of_tests_run();
	failed = CU_get_number_of_tests_failed();
	bad = rc != CUE_SUCCESS || CU_get_number_of_failures() || failed ||
	      CU_get_number_of_suites_failed() || run == 0;
	if (CU_get_number_of_suites_failed())
		printf("unit-tests: %u suite(s) failed to initialise\n",
		       CU_get_number_of_suites_failed());
	if (run == 0)
		printf("unit-tests: no test was run\n");
	printf("unit: %u passed, %u failed\n", run - failed,
	       failed + CU_get_number_of_suites_failed() + (run == 0));
	CU_cleanup_registry();
	return bad ? 1 : 0;
}
