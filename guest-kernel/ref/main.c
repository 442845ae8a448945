// SPDX-License-Identifier: MIT
/*
 * The reference guest kernel: boot, its MMU, PV bring-up, checks, exit
 * status.
 * The same image runs natively on QEMU pseries and hosted by the ppcpv
 * host stub; its device tree says which.
 */
#include <ppcpv/fdt.h>
#include "mmu.h"
#include "ref.h"

#define FDT_MAX_SIZE (1u << 20)

void kmain(const void *fdt);

void kmain(const void *fdt)
{
	long size = ppcpv_fdt_total_size(fdt, FDT_MAX_SIZE);
	int pv_on, failures;

	if (size < 0)
		size = 0;	/* no usable tree: the console falls back to the vty */
	platform_init(fdt, (size_t)size);
	console_init(fdt, (size_t)size, 0);
	kprintf("ppcpv reference guest: %s, text %zu bytes, kvm_tmp %zu bytes\n",
		platform_hosted() ? "hosted by the ppcpv host stub" : "native (MSR[PR]=0)",
		(size_t)(_etext - _stext), (size_t)(ppcpv_kvm_tmp_end - ppcpv_kvm_tmp));
	if (!REF_BIG_ENDIAN) {
		long le_status = platform_interrupts_le_status();

		if (le_status) {	/* its vectors cannot take a big-endian interrupt */
			kprintf("little-endian: H_SET_MODE(LE) failed: status %ld\n", le_status);
			platform_exit(1);
		}
		kprintf("little-endian: interrupts enter little-endian (%s)\n",
			platform_hosted() ? "the host's guest MSR has LE" : "H_SET_MODE");
	}
	mmu_init(fdt, (size_t)size);
	checks_before_pv();
	pv_on = pv_start(fdt, (size_t)size) == 0;
	console_init(fdt, (size_t)size, pv_hcalls_ready);
	checks_after_pv(pv_on);
	checks_mmu(pv_on);
	failures = checks_summary();
	platform_exit(failures);
}
