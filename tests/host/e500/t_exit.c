// SPDX-License-Identifier: MIT
/*
 * t_exit: the exit status leaves the guest.  Exits with 0 when its command
 * line (/chosen "bootargs") is "status=0", else with 3; natively the
 * runtime prints "EXIT: n" and run-guest.sh --native turns it into its own
 * status (tests/host/e500/check.sh, step native-e500).
 */
#include <ppcpv/fdt.h>
#include <ppcpv/isa/spr.h>	/* what t_guest.h's inlines name */
#include "t_guest.h"

#define FAIL_STATUS	3

static int bootargs_are(const void *fdt, size_t fdt_size, const char *want)
{
	int chosen = ppcpv_fdt_path_offset(fdt, fdt_size, "/chosen");
	const char *args;
	size_t i;

	if (chosen < 0 || ppcpv_fdt_get_string(fdt, fdt_size, chosen, "bootargs", &args) < 0)
		return 0;
	for (i = 0; want[i] && args[i] == want[i]; i++)
		;
	return !want[i] && !args[i];
}

int guest_test_main(const void *fdt, size_t fdt_size)
{
	int status = bootargs_are(fdt, fdt_size, "status=0") ? 0 : FAIL_STATUS;

	guest_printf("guest: exiting with status %d\n", status);
	return status;
}
