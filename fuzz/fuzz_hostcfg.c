// SPDX-License-Identifier: MIT
/*
 * Fuzz target "hostcfg": the host stub's host-config parser
 * (host-stubs/core/hostcfg.c) on any blob.  Beyond "no sanitizer report":
 * a failure always says why, and a success always satisfies the rules the
 * parser promises (ppcpv/host/hostcfg.h), since the host stub relies on
 * them when it lays out guest memory.
 */
#include <ppcpv/abi.h>
#include <ppcpv/host/hostcfg.h>
#include "fuzz.h"

static void check_accepted(const struct ppcpv_hostcfg *c)
{
	const uint64_t page = PPCPV_MAGIC_PAGE_SIZE;

	FUZZ_REQUIRE(c->guest_size && c->guest_size <= PPCPV_GUEST_SIZE_MAX);
	FUZZ_REQUIRE(c->guest_base % page == 0 && c->guest_size % page == 0);
	FUZZ_REQUIRE(c->guest_base + c->guest_size > c->guest_base);
	FUZZ_REQUIRE(c->guest_entry < c->guest_size && c->guest_entry % 4 == 0);
	FUZZ_REQUIRE(!c->has_guest_fdt || (c->guest_fdt < c->guest_size && c->guest_fdt % 8 == 0));
	FUZZ_REQUIRE(c->has_guest_fdt || c->guest_fdt == 0);
	FUZZ_REQUIRE(c->hostdev_base == PPCPV_HOSTDEV_NONE ||
		     (c->hostdev_base % page == 0 && c->hostdev_base >= c->guest_size));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ppcpv_hostcfg cfg;
	const char *why = "not set";
	int err = ppcpv_hostcfg_parse(data, size, &cfg, &why);

	FUZZ_REQUIRE(err <= 0);
	if (err) {
		FUZZ_REQUIRE(why != NULL && why[0] != '\0');
		return 0;
	}
	FUZZ_REQUIRE(why == NULL);
	check_accepted(&cfg);
	return 0;
}
