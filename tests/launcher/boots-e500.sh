#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the reference guest built for e500 (build/images/guest-ref-e500.bin)
# through ppcpv-run --family e500: the e500 host in qemu-system-ppc
# -M ppce500 -cpu e500v2; no-pv and pv, the patched-site counts against
# ppcpv-patch --family e500 on the same ELF, every bad input the guest must
# survive unpatched, --all with native skipped, the family's command line
# and refusals.  (tests/host/e500/ref-guest.sh boots the same image through
# run-guest.sh and checks the host's TLB counters.)
#   [OBJCOPY_PPC32=...] tests/launcher/boots-e500.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
elf=$build/images/guest-ref-e500.elf
TEST_NAME=boots-e500
BOOT_FAMILY=e500
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched,
					# expect_tool_counts, expect_no_book3s, expect_print,
					# expect_all_hosted, expect_refused

# What makes it a BookE boot: rfi (never rfid), wrtee, the guest's own
# TLB1 through tlbwe/tlbre/tlbsx and tlbivax, no Book3S instruction.
expect_booke() {
	local name=$1 key
	expect_no_book3s "$name"
	for key in emul_mmu emul_tlb_invalidate; do
		[ "$(json_count "$json" traps "$key")" -gt 0 ] 2>/dev/null &&
			pass "$name: $key emulated by the host" || fail "$name: no $key reached the host"
	done
	check_eq "$name: every TLB check passed" 0 "$(console_count "$name" '^FAIL: mmu:')"
	[ "$(console_count "$name" '^PASS: mmu:')" -ge 11 ] && pass "$name: 11 or more TLB checks passed" ||
		fail "$name: $(console_count "$name" '^PASS: mmu:') TLB checks passed"
}

# the command line: the family's machine, CPU, host image (-kernel) and guest base
expect_print "qemu-system-ppc -M ppce500 -cpu e500v2 " \
	" -kernel $(cd "$build" && pwd -P)/native/bin/../../ppc32/host-stubs/ppcpv-host-e500.elf -device loader,file=$tmp/print/host-config.dtb,addr=0xf00000," \
	" -device pvpanic-pci " "/images/guest-ref-e500.bin,addr=0x2000000,"
expect_print_lacks pseries qemu-system-ppc64 pseries -bios

boot no-pv --no-pv
expect_unpatched no-pv "FEATURES lacks the magic-page bit"
expect_booke no-pv
[ "$(json_count "$json" traps emul_wrtee)" -gt 0 ] 2>/dev/null &&
	pass "no-pv: wrtee/wrteei trap to the host" || fail "no-pv: no wrtee emulated"
check_eq "no-pv: the PV-only checks skipped, with the reason" 2 "$(console_count no-pv '^SKIP: .*PV off')"
remember_no_pv

boot pv --pv
expect_clean pv
expect_booke pv
check_eq "pv: patched" true "$(json_value "$json" pv)"
check_eq "pv: nothing skipped" 0 "$(json_value "$json" checks_skipped)"
check_eq "pv: MAS registers in the magic page (FEAT_MAS0_TO_SPRG7)" 1 \
	"$(console_count pv '^PASS: mmu: mtspr MAS1 lands in the magic page')"
check_eq "pv: nothing inside a trampoline's critical section" 1 \
	"$(console_count pv "^PASS: no interrupt inside a trampoline's critical section")"
check_eq "pv: MAP_MAGIC_PAGE made once" 1 "$(json_count "$json" traps hcall_map_magic_page)"
expect_fewer_than_no_pv

# The same ELF through ppcpv-patch: the same counts
expect_tool_counts "${OBJCOPY_PPC32:-powerpc-linux-gnu-objcopy}" "$elf" e500 \
	mfmsr mfspr mtspr tlbsync mtmsr wrtee wrteei_1 wrteei_0

boot no-hypervisor --inject no-hypervisor
expect_unpatched no-hypervisor "no /hypervisor node in the device tree"
expect_hcall_lengths_refused 6
boot map-fails --inject map-fails
expect_unpatched map-fails "MAP_MAGIC_PAGE failed: status 9 (EA 0xfffff000)"
boot stale --inject stale-magic-page
expect_unpatched stale-magic-page "self-test: page msr 0x0 but mfmsr 0x1000"
boot absent --inject absent-magic-page
expect_unpatched absent-magic-page "self-test: magic page not readable at EA 0xfffff05c"

# --all: native skipped with the reason, no-pv and pv side by side
expect_all_hosted '[0-9]*'
check_eq "--all: the PV line of each" 2 "$(grep -c '^  \(no-pv\|pv\) .*ppcpv: PV \(off\|on\):' "$tmp/all.out")"

# the family's refusals: one line each, usage status
expect_refused --native "no --native (the e500 reference guest's console and exit are the host's" --native
expect_refused "--mmu shadow" "no --mmu shadow (the e500 host maps guest memory flat" --mmu shadow
"$run" --family e500 --linux /nonexistent --no-pv 2>"$tmp/err"
check_eq "--linux refused with --family e500" 2 "$?"
summary
