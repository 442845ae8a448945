// SPDX-License-Identifier: MIT
/*
 * Test guest: the PV hypercalls (FEATURES, MAP_MAGIC_PAGE, unknown tokens,
 * the byte-channel console) and the magic page they set up, which must
 * agree with the trapping instructions in both directions.
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"

static void check_discovery(const void *fdt, size_t size)
{
	unsigned long r4 = 99;
	long rc;

	guest_check(!guest_install_hcalls(fdt, size), "hcall-instructions installed", "%s", "");
	rc = ppcpv_hcall4(PPCPV_TOKEN_FEATURES, 0, 0, 0, 0, &r4);
	guest_check(rc == PPCPV_EV_SUCCESS && r4 == 1u << PPCPV_KVM_FEATURE_MAGIC_PAGE,
		    "FEATURES offers the magic page", "rc=%ld r4=0x%lx", rc, r4);
}

static void check_map(void)
{
	unsigned long r4 = 99;
	long rc;

	rc = ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA + 8, MAGIC_EA | 1, 0, 0, &r4);
	guest_check(rc == PPCPV_EV_EINVAL && r4 == 0, "MAP with an unaligned PA is refused",
		    "rc=%ld r4=0x%lx", rc, r4);
	rc = ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, 0x10000000, 0x10000000 | 1, 0, 0, &r4);
	guest_check(rc == PPCPV_EV_EINVAL, "MAP out of RA=0 reach is refused", "rc=%ld", rc);
	rc = ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4);
	guest_check(rc == PPCPV_EV_SUCCESS && r4 == PPCPV_MAGIC_FEAT_ALL, "MAP at -4096",
		    "rc=%ld r4=0x%lx", rc, r4);
}

static void check_magic_page(void)
{
	uint64_t v;

	mtspr(PPC_SPR_SPRG1, 0x1234abcd);
	v = MAGIC64(PPCPV_SHARED_SPRG1);
	guest_check(v == 0x1234abcd, "magic-page load sees a trapped mtspr SPRG1", "0x%llx",
		    (unsigned long long)v);
	MAGIC64(PPCPV_SHARED_SPRG2) = 0x600df00d;
	v = mfspr(PPC_SPR_SPRG2);
	guest_check(v == 0x600df00d, "trapped mfspr sees a magic-page store", "0x%llx",
		    (unsigned long long)v);
	v = MAGIC64(PPCPV_SHARED_MSR);
	guest_check(v == mfmsr(), "magic-page msr equals mfmsr", "0x%llx",
		    (unsigned long long)v);
	guest_check(MAGIC32(PPCPV_SHARED_PIR) == mfspr(PPC_BOOK3S_SPR_PIR), "magic-page pir is filled",
		    "%u", MAGIC32(PPCPV_SHARED_PIR));
	guest_check(MAGIC32(PPCPV_SHARED_INT_PENDING) == 0, "nothing pending", "%u",
		    MAGIC32(PPCPV_SHARED_INT_PENDING));
	/* A PV store of EE (a "safe" bit) is what mfmsr then reports. */
	MAGIC64(PPCPV_SHARED_MSR) |= PPC_MSR_EE;
	v = mfmsr();
	MAGIC64(PPCPV_SHARED_MSR) &= ~(uint64_t)PPC_MSR_EE;
	guest_check(v & PPC_MSR_EE, "mfmsr sees EE set through the magic page", "0x%llx",
		    (unsigned long long)v);
}

static void check_other_calls(void)
{
	unsigned long in[PPCPV_HCALL_NARGS] = { 7, 8, 9 }, out[PPCPV_HCALL_NARGS];
	long rc;

	rc = ppcpv_hcall(0x002a0063, in, out);
	guest_check(rc == PPCPV_EV_UNIMPLEMENTED && out[0] == 0 && out[1] == 9,
		    "unknown token: EV_UNIMPLEMENTED, r4 = 0, others kept", "rc=%ld r4=%lu r5=%lu",
		    rc, out[0], out[1]);
	guest_console_use('b');
	guest_printf("guest: this line went through EV_BYTE_CHANNEL_SEND\n");
	guest_console_use('m');
	guest_check(1, "byte-channel console line sent", "%s", "");
}

int guest_test_main(const void *fdt, size_t size)
{
	check_discovery(fdt, size);
	check_map();
	check_magic_page();
	check_other_calls();
	return guest_failures();
}
