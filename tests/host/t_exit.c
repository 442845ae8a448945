// SPDX-License-Identifier: MIT
/*
 * Test guest: the exit status travels guest -> host -> QEMU.  Exits with
 * the status given as "status=N" on its command line (default 3).
 */
#include "guest/guest.h"

int guest_test_main(const void *fdt, size_t size)
{
	int status = 3;

	if (guest_bootarg_is("status=0"))
		status = 0;
	guest_printf("guest: exiting with status %d\n", status);
	return status;
}
