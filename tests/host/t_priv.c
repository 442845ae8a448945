// SPDX-License-Identifier: MIT
/*
 * Test guest: privileged instructions at (real) PR=1 are emulated by the
 * host: mfmsr/mtmsrd, SPR round trips, invalidations, rfid; an unknown
 * privileged instruction comes back as a program interrupt at its own
 * address.  Runs in every mode (pv, no-pv).
 */
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>
#include "guest/guest.h"

#define BOOT_MSR	(PPC_BOOK3S_MSR_SF | PPC_MSR_ME)

static volatile uint64_t program_srr0, program_srr1;
static volatile int programs;

static void on_program(struct guest_frame *f)
{
	programs++;
	program_srr0 = f->srr0;
	program_srr1 = f->srr1;
	f->srr0 += 4;		/* skip it, as a kernel would after handling */
}

static void check_msr(void)
{
	uint64_t msr = mfmsr();

	guest_check(msr == BOOT_MSR, "mfmsr reads the boot MSR", "0x%llx", (unsigned long long)msr);
	mtmsrd_l1(PPC_MSR_EE | PPC_BOOK3S_MSR_RI);
	msr = mfmsr();
	guest_check(msr == (BOOT_MSR | PPC_MSR_EE | PPC_BOOK3S_MSR_RI), "mtmsrd L=1 sets EE and RI", "0x%llx",
		    (unsigned long long)msr);
	mtmsrd(BOOT_MSR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR);
	msr = mfmsr();
	guest_check(msr == (BOOT_MSR | PPC_BOOK3S_MSR_IR | PPC_BOOK3S_MSR_DR), "mtmsrd L=0 replaces the MSR", "0x%llx",
		    (unsigned long long)msr);
	mtmsrd(BOOT_MSR);
}

#define ROUND_TRIP(spr, val) do {						\
	uint64_t got_;								\
	mtspr(spr, val);							\
	got_ = mfspr(spr);							\
	guest_check(got_ == (uint64_t)(val), "mtspr/mfspr " #spr " round trip",	\
		    "0x%llx", (unsigned long long)got_);			\
} while (0)

static void check_sprs(void)
{
	ROUND_TRIP(PPC_SPR_SPRG0, 0x1111222233334444ull);
	ROUND_TRIP(PPC_SPR_SPRG1, 0x1234abcd);
	ROUND_TRIP(PPC_SPR_SPRG2, 0x5555666677778888ull);
	ROUND_TRIP(PPC_SPR_SPRG3, 0x99);
	ROUND_TRIP(PPC_SPR_SRR0, 0x4000);
	ROUND_TRIP(PPC_SPR_SRR1, BOOT_MSR | PPC_MSR_EE);
	ROUND_TRIP(PPC_BOOK3S_SPR_DAR, 0xdead0000);
	ROUND_TRIP(PPC_BOOK3S_SPR_DSISR, 0x42000000);
	guest_check(mfspr(PPC_BOOK3S_SPR_PIR) == 0, "PIR reads the vCPU id", "%llu",
		    (unsigned long long)mfspr(PPC_BOOK3S_SPR_PIR));
	guest_check((mfspr(PPC_SPR_PVR) >> 16) != 0, "PVR reads the CPU version", "0x%llx",
		    (unsigned long long)mfspr(PPC_SPR_PVR));
}

static void check_invalidations(void)
{
	__asm__ __volatile__("tlbiel %0; slbie %0; tlbsync" : : "r"(0x1000ull) : "memory");
	guest_check(1, "tlbiel, slbie, tlbsync are harmless", "%s", "");
}

/* rfid to a label with a changed MSR: the host sets pc and MSR from the
 * virtual SRR0/SRR1. */
static void check_rfid(void)
{
	uint64_t landed;

	mtspr(PPC_SPR_SRR1, BOOT_MSR | PPC_BOOK3S_MSR_RI);
	__asm__ __volatile__(
		"	lis %0, 1f@h\n"
		"	ori %0, %0, 1f@l\n"
		"	mtspr %1, %0\n"
		"	li %0, 0\n"
		"	rfid\n"
		"	li %0, 1\n"		/* skipped */
		"1:	addi %0, %0, 2\n"
		: "=&r"(landed) : "i"(PPC_SPR_SRR0) : "memory");
	guest_check(landed == 2 && mfmsr() == (BOOT_MSR | PPC_BOOK3S_MSR_RI), "rfid lands with SRR0/SRR1",
		    "landed=%llu msr=0x%llx", (unsigned long long)landed,
		    (unsigned long long)mfmsr());
	mtmsrd(BOOT_MSR);
}

static void check_unknown(void)
{
	uint64_t at;

	guest_set_handler(PPC_BOOK3S_VEC_PROGRAM, on_program);
	__asm__ __volatile__(
		"	lis %0, 1f@h\n"
		"	ori %0, %0, 1f@l\n"
		"1:	mfspr 4, %1\n"		/* not emulated */
		: "=&r"(at) : "i"(PPC_BOOK3S_SPR_HID0) : "r4", "memory");
	guest_check(programs == 1 && program_srr0 == at && (program_srr1 & PPC_BOOK3S_SRR1_PROG_PRIV),
		    "unknown mfspr reflected as a privileged program interrupt",
		    "n=%d srr0=0x%llx at=0x%llx srr1=0x%llx", programs,
		    (unsigned long long)program_srr0, (unsigned long long)at,
		    (unsigned long long)program_srr1);
	__asm__ __volatile__(
		"	lis %0, 1f@h\n"
		"	ori %0, %0, 1f@l\n"
		"1:	slbmte %0, %0\n"
		: "=&r"(at) : : "memory");
	guest_check(programs == 2 && program_srr0 == at, "slbmte reflected, not skipped",
		    "n=%d srr0=0x%llx", programs, (unsigned long long)program_srr0);
}

static void check_features(const void *fdt, size_t size, int pv)
{
	unsigned long r4 = 99;
	long rc;

	if (guest_install_hcalls(fdt, size)) {
		guest_check(0, "hypercall words in the device tree", "%s", "");
		return;
	}
	rc = ppcpv_hcall4(PPCPV_TOKEN_FEATURES, 0, 0, 0, 0, &r4);
	guest_check(rc == PPCPV_EV_SUCCESS && r4 == (pv ? 2u : 0u), "FEATURES for this mode",
		    "rc=%ld r4=0x%lx", rc, r4);
	rc = ppcpv_hcall4(PPCPV_TOKEN_MAP_MAGIC_PAGE, MAGIC_EA, MAGIC_EA | 1, 0, 0, &r4);
	guest_check(pv ? rc == PPCPV_EV_SUCCESS : rc == PPCPV_EV_UNIMPLEMENTED,
		    "MAP_MAGIC_PAGE for this mode", "rc=%ld r4=0x%lx", rc, r4);
}

int guest_test_main(const void *fdt, size_t size)
{
	check_msr();
	check_sprs();
	check_invalidations();
	check_rfid();
	check_unknown();
	/* The mode comes from the guest's command line. */
	check_features(fdt, size, !guest_bootarg_is("mode=no-pv"));
	return guest_failures();
}
