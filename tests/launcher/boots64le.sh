#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the little-endian Book3S-64 reference guest
# (build/images/guest-ref64le.bin) through ppcpv-run --family book3s64le:
# natively (entered big-endian by QEMU: the kernel switches itself and asks
# for little-endian interrupts), hosted without and with PV under the
# host's shadow MMU (the default) and its flat one (entered little-endian,
# interrupts little-endian from the start), the patched-site counts against
# ppcpv-patch on the same image, and every bad input the guest must
# survive unpatched.
#   [OBJCOPY_PPC64LE=...] tests/launcher/boots64le.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
elf=$build/images/guest-ref64le.elf
TEST_NAME=boots64le
BOOT_FAMILY=book3s64le
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched,
					# expect_own_mmu, expect_shadow_host, expect_flat_mmu,
					# expect_tool_counts

# What makes it a little-endian boot: the kernel's MSR has LE, and its
# interrupts enter little-endian - natively through H_SET_MODE, hosted
# because the host's guest MSR has LE (WHY names which).
expect_little_endian() {
	local name=$1 why=$2
	check_eq "$name: the kernel runs with MSR[LE]=1" 1 \
		"$(console_count "$name" '^PASS: the kernel runs little-endian (MSR\[LE\]=1)')"
	check_eq "$name: interrupts enter little-endian ($why)" 1 \
		"$(console_count "$name" "^little-endian: interrupts enter little-endian ($why)")"
}
# with PV, the magic page is in the kernel's byte order
expect_le_magic_page() {
	local name=$1
	check_eq "$name: the magic page is little-endian" 1 \
		"$(console_count "$name" '^PASS: the magic page is little-endian')"
}
HOSTED="the host's guest MSR has LE"

boot native --native
expect_clean native
check_eq "native: no host traps" 0 "$(json_count "$json" traps total)"
expect_little_endian native H_SET_MODE
expect_own_mmu native

boot no-pv --no-pv
expect_unpatched no-pv "FEATURES lacks the magic-page bit"
expect_little_endian no-pv "$HOSTED"
expect_own_mmu no-pv
expect_shadow_host no-pv
check_eq "no-pv: the magic-page byte-order check skipped without PV" 1 \
	"$(console_count no-pv '^SKIP: the magic page is little-endian (PV off)')"
remember_no_pv

boot pv --pv
expect_clean pv
check_eq "pv: patched" true "$(json_value "$json" pv)"
expect_little_endian pv "$HOSTED"
expect_le_magic_page pv
expect_own_mmu pv 1
expect_shadow_host pv
check_eq "pv: nothing inside a trampoline's critical section" 1 \
	"$(console_count pv "^PASS: no interrupt inside a trampoline's critical section")"
check_eq "pv: MAP_MAGIC_PAGE made once" 1 "$(json_count "$json" traps hcall_map_magic_page)"
check_eq "pv: no stray program interrupt" 0 "$(json_count "$json" traps program_reflected)"
expect_fewer_than_no_pv

# The same image through ppcpv-patch (it reads the little-endian ELF): the
# same counts
expect_tool_counts "${OBJCOPY_PPC64LE:-powerpc64le-linux-gnu-objcopy}" "$elf" book3s64 \
	mfmsr mfspr mtspr tlbsync mtmsrd_l1 mtmsrd_l0
check_eq "ppcpv-patch reads the image as little-endian" little "$(json_value "$tool" endianness)"

boot no-pv-flat --no-pv --mmu flat
expect_unpatched no-pv-flat "FEATURES lacks the magic-page bit"
expect_little_endian no-pv-flat "$HOSTED"
expect_flat_mmu no-pv-flat

boot pv-flat --pv --mmu flat
expect_clean pv-flat
check_eq "pv-flat: patched" true "$(json_value "$json" pv)"
expect_little_endian pv-flat "$HOSTED"
expect_le_magic_page pv-flat
expect_flat_mmu pv-flat

boot no-hypervisor --inject no-hypervisor
expect_unpatched no-hypervisor "no /hypervisor node in the device tree"
expect_hcall_lengths_refused 0 6 20
boot map-fails --inject map-fails
expect_unpatched map-fails "MAP_MAGIC_PAGE failed: status 9 (EA 0xfffffffffffff000)"
# the page never written: the self-test's mfmsr shows LE (the lowest bit)
boot stale --inject stale-magic-page
expect_unpatched stale-magic-page "self-test: page msr 0x0 but mfmsr 0x"
case "$(json_value "$json" pv_line)" in
*"mfmsr 0x"*[13579bdf]) pass "stale-magic-page: the trapping mfmsr has MSR[LE]" ;;
*) fail "stale-magic-page: $(json_value "$json" pv_line)" ;;
esac
boot absent --inject absent-magic-page
expect_unpatched absent-magic-page "self-test: magic page not readable at EA 0xfffffffffffff058"

"$run" --family book3s64le --linux /nonexistent --native 2>"$tmp/err"
check_eq "--linux refused with --family book3s64le" 2 "$?"
summary
