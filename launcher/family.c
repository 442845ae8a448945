// SPDX-License-Identifier: MIT
/*
 * The CPU families ppcpv-run boots (--family): one row each, with what
 * differs between them for the launcher - the default guest image, the
 * guest's MSR at entry, which host MMU modes the family runs under, and
 * whether QEMU can run its guest natively.  A family is added by adding a
 * row.
 */
#include <stdio.h>
#include <string.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/host/hostcfg.h>
#include "launcher.h"

static const struct run_family families[] = {
	{
		.name = "book3s64",
		.guest_build = "../../images/guest-ref.bin",
		.guest_installed = "guest-ref.bin",
		.guest_msr = PPC_BOOK3S_MSR_SF | PPC_MSR_ME,	/* 64-bit, supervisor, real mode */
		.mmu_default = PPCPV_HOSTCFG_MMU_SHADOW,
	},
	{
		.name = "book3s64le",
		.guest_build = "../../images/guest-ref64le.bin",
		.guest_installed = "guest-ref64le.bin",
		/* little-endian from the first instruction, interrupts too */
		.guest_msr = PPC_BOOK3S_MSR_SF | PPC_MSR_ME | PPC_BOOK3S_MSR_LE,
		.mmu_default = PPCPV_HOSTCFG_MMU_SHADOW,
	},
	{
		.name = "book3s32",
		.guest_build = "../../images/guest-ref32.bin",
		.guest_installed = "guest-ref32.bin",
		.guest_msr = PPC_MSR_ME,			/* MSR[SF]=0: 32-bit */
		.mmu_default = PPCPV_HOSTCFG_MMU_FLAT,
		.no_shadow = "the host's shadow MMU does not translate through segment registers",
		.no_native = "QEMU pseries has only 64-bit CPUs: they take interrupts in 64-bit mode "
			     "and have no rfi",
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

void run_family_list(FILE *f)
{
	size_t i;

	for (i = 0; i < N_FAMILIES; i++)
		fprintf(f, "%s%s", i ? ", " : "", families[i].name);
}
