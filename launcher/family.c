// SPDX-License-Identifier: MIT
/*
 * The CPU families ppcpv-run boots (--family): one row each, with what
 * differs between them for the launcher - the default guest and host
 * images, the machine QEMU emulates and how it takes the host, where the
 * guest's memory starts, its timebase and MSR at entry, which host MMU
 * modes the family runs under, whether QEMU can run its guest natively,
 * whether its host has a magic page, and how its QEMU ends.  A family is
 * added by adding a row.
 */
#include <stdio.h>
#include <string.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/host/hostcfg.h>
#include "hostcfg_blobs.h"
#include "launcher.h"

/* The Book3S families' machine: QEMU pseries under TCG (the capability
 * settings silence its warnings), the raw pseries host stub as firmware. */
#define PSERIES_HOSTED \
	.host_build = "../../ppc64/host-stubs/ppcpv-host-pseries.bin", \
	.host_installed = "ppcpv-host-pseries.bin", \
	.qemu = "qemu-system-ppc64", \
	.machine = "pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off", \
	.first_image = "-bios", \
	.guest_base = PPCPV_GUEST_BASE_DEFAULT, \
	.timebase_hz = HOSTCFG_TIMEBASE_HZ_DEFAULT

/* The e500 host reports a non-zero exit through pvpanic (GPIO power-off
 * is exit 0); -nodefaults leaves the machine without it. */
static const char *const e500_devices[] = { "-device", "pvpanic-pci", NULL };

static const struct run_family families[] = {
	{
		.name = "book3s64",
		.guest_build = "../../images/guest-ref.bin",
		.guest_installed = "guest-ref.bin",
		PSERIES_HOSTED,
		.guest_msr = PPC_BOOK3S_MSR_SF | PPC_MSR_ME,	/* 64-bit, supervisor, real mode */
		.mmu_default = PPCPV_HOSTCFG_MMU_SHADOW,
	},
	{
		.name = "book3s64le",
		.guest_build = "../../images/guest-ref64le.bin",
		.guest_installed = "guest-ref64le.bin",
		PSERIES_HOSTED,
		/* little-endian from the first instruction, interrupts too */
		.guest_msr = PPC_BOOK3S_MSR_SF | PPC_MSR_ME | PPC_BOOK3S_MSR_LE,
		.mmu_default = PPCPV_HOSTCFG_MMU_SHADOW,
	},
	{
		.name = "book3s32",
		.guest_build = "../../images/guest-ref32.bin",
		.guest_installed = "guest-ref32.bin",
		PSERIES_HOSTED,
		.guest_msr = PPC_MSR_ME,			/* MSR[SF]=0: 32-bit */
		.mmu_default = PPCPV_HOSTCFG_MMU_FLAT,
		.no_shadow = "the host's shadow MMU does not translate through segment registers",
		.no_native = "QEMU pseries has only 64-bit CPUs: they take interrupts in 64-bit mode "
			     "and have no rfi",
	},
	{
		.name = "e500",
		.guest_build = "../../images/guest-ref-e500.bin",
		.guest_installed = "guest-ref-e500.bin",
		.host_build = "../../ppc32/host-stubs/ppcpv-host-e500.elf",
		.host_installed = "ppcpv-host-e500.elf",
		.qemu = "qemu-system-ppc",
		.machine = "ppce500",
		.cpu = "e500v2",
		.first_image = "-kernel",	/* the e500 machine loads ELF or uImage only */
		.devices = e500_devices,
		/* above QEMU's own device tree, near 25 MiB */
		.guest_base = 0x02000000,
		.timebase_hz = 400000000,	/* QEMU ppce500's fixed timebase */
		.guest_msr = PPC_MSR_ME,			/* supervisor, EE off */
		.mmu_default = PPCPV_HOSTCFG_MMU_FLAT,
		.no_shadow = "the e500 host maps guest memory flat; it shadows the "
			     "guest's TLB1, not a hash table",
		.no_native = "the e500 reference guest's console and exit are the host's: "
			     "bare QEMU ppce500 has neither for it",
	},
	{
		.name = "440",
		.guest_build = "../../images/guest-ref-440.bin",
		.guest_installed = "guest-ref-440.bin",
		/* natively bamboo's -kernel takes the ELF (entered at 0x100) */
		.native_guest_build = "../../images/guest-ref-440.elf",
		.native_guest_installed = "guest-ref-440.elf",
		.host_build = "../../ppc32/host-stubs/ppcpv-host-b440.elf",
		.host_installed = "ppcpv-host-b440.elf",
		.qemu = "qemu-system-ppc",
		.machine = "bamboo",		/* PowerPC 440EP */
		.first_image = "-kernel",
		/* above QEMU's own device tree at 24 MiB */
		.guest_base = 0x02000000,
		.timebase_hz = 400000000,	/* QEMU bamboo's fixed timebase */
		.guest_msr = PPC_MSR_ME,			/* supervisor, EE off */
		.mmu_default = PPCPV_HOSTCFG_MMU_FLAT,
		.no_shadow = "the 440 host shadows the guest's TLB, not a hash table",
		.no_magic_page = "the 440 host offers no magic page, as KVM's 440 host never did",
		.ram_bytes = 256ull << 20,	/* bamboo's SDRAM banks take at most 256 MiB */
		.exit_halts = 1,		/* bamboo has no power-off: a failing run halts */
	},
};

#define N_FAMILIES	(sizeof(families) / sizeof(families[0]))

const struct run_family *run_family_default(void)
{
	return &families[0];
}

const struct run_family *run_family_find(const char *name)
{
	size_t i;

	for (i = 0; i < N_FAMILIES; i++)
		if (!strcmp(families[i].name, name))
			return &families[i];
	return NULL;
}

uint64_t run_family_ram(const struct run_family *f)
{
	return f->ram_bytes ? f->ram_bytes : PPCPV_HOST_RAM_DEFAULT;
}

void run_family_list(FILE *f, const char *sep)
{
	size_t i;

	for (i = 0; i < N_FAMILIES; i++)
		fprintf(f, "%s%s", i ? sep : "", families[i].name);
}
