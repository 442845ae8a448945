#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the Book3S-32 reference guest (build/images/guest-ref32.bin,
# MSR[SF]=0) through ppcpv-run --family book3s32: no-pv and pv on the
# host's flat MMU, the patched-site counts against ppcpv-patch on the same
# image, every bad input the guest must survive unpatched, and the
# family's refusals.  Native is skipped: QEMU pseries has only 64-bit CPUs.
#   [OBJCOPY_PPC32=...] tests/launcher/boots32.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
elf=$build/images/guest-ref32.elf
TEST_NAME=boots32
BOOT_FAMILY=book3s32
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched,
					# expect_tool_counts

# What makes it a 32-bit Book3S boot: 32-bit addressing underneath, the
# 32-bit rfi (never rfid), mtmsr (never mtmsrd), the segment registers.
expect_book3s32() {
	local name=$1
	check_eq "$name: the CPU computes 32-bit addresses (real MSR[SF]=0)" 1 \
		"$(console_count "$name" '^PASS: mmu: 32-bit addressing (MSR\[SF\]=0)')"
	check_eq "$name: all 16 segment registers read back (mtsrin, mtsr; mfsrin, mfsr)" 3 \
		"$(console_count "$name" '^PASS: mmu: \(mtsrin then mfsrin\|mfsr reads\|mtsr then mfsrin\)')"
	[ "$(json_count "$json" traps emul_rfi)" -gt 0 ] 2>/dev/null &&
		pass "$name: interrupts return with the 32-bit rfi" || fail "$name: no rfi emulated"
	check_eq "$name: no rfid" 0 "$(json_count "$json" traps emul_rfid)"
	check_eq "$name: no mtmsrd" 0 "$(json_count "$json" traps emul_mtmsrd)"
	[ "$(json_count "$json" traps emul_mtsr)" -gt 0 ] 2>/dev/null &&
		pass "$name: mtsr emulated by the host" || fail "$name: no mtsr reached the host"
	[ "$(json_count "$json" traps emul_mfsr)" -gt 0 ] 2>/dev/null &&
		pass "$name: mfsr/mfsrin emulated by the host" || fail "$name: no mfsr reached the host"
	check_eq "$name: no stray program interrupt" 0 "$(json_count "$json" traps program_reflected)"
}

echo "SKIP: $TEST_NAME: native ($("$run" --family book3s32 --native 2>&1 | sed 's/.*(\(.*\))$/\1/'))"

boot no-pv --no-pv
expect_unpatched no-pv "FEATURES lacks the magic-page bit"
expect_book3s32 no-pv
check_eq "no-pv: the sr[] and FEAT_SR checks skipped, with the reason" 2 \
	"$(console_count no-pv '^SKIP: mmu: .*PV off')"
remember_no_pv

boot pv --pv
expect_clean pv
expect_book3s32 pv
check_eq "pv: patched" true "$(json_value "$json" pv)"
check_eq "pv: the magic page's sr[] holds the segment registers" 1 \
	"$(console_count pv "^PASS: mmu: the magic page's sr\[\] holds what mtsrin wrote")"
check_eq "pv: mtsrin patched (FEAT_SR)" 1 "$(console_count pv '^PASS: mmu: mtsrin patched')"
check_eq "pv: nothing inside a trampoline's critical section" 1 \
	"$(console_count pv "^PASS: no interrupt inside a trampoline's critical section")"
check_eq "pv: MAP_MAGIC_PAGE made once" 1 "$(json_count "$json" traps hcall_map_magic_page)"
expect_fewer_than_no_pv

# The same image through ppcpv-patch: the same counts
expect_tool_counts "${OBJCOPY_PPC32:-powerpc-linux-gnu-objcopy}" "$elf" book3s32 \
	mfmsr mfspr mtspr tlbsync mtmsr mtsrin
check_eq "ppcpv-patch: no mtmsrd or wrtee site in a Book3S-32 kernel" 0 \
	"$(( $(json_count "$tool" found_by_kind mtmsrd_l1) + $(json_count "$tool" found_by_kind mtmsrd_l0) + \
	     $(json_count "$tool" found_by_kind wrtee) ))"

boot no-hypervisor --inject no-hypervisor
expect_unpatched no-hypervisor "no /hypervisor node in the device tree"
expect_hcall_lengths_refused 6
boot map-fails --inject map-fails
expect_unpatched map-fails "MAP_MAGIC_PAGE failed: status 9 (EA 0xfffff000)"
boot stale --inject stale-magic-page
expect_unpatched stale-magic-page "self-test: page msr 0x0 but mfmsr 0x1000"
# the 32-bit probe reads the low word (+4) of a u64 field, at a 32-bit EA
boot absent --inject absent-magic-page
expect_unpatched absent-magic-page "self-test: magic page not readable at EA 0xfffff05c"

# the family's refusals: one line each, usage status
"$run" --family book3s32 --native 2>"$tmp/err"
check_eq "--native refused for book3s32" 2 "$?"
check_eq "--native refusal is one line" 1 "$(wc -l <"$tmp/err")"
grep -q 'no --native (QEMU pseries has only 64-bit CPUs' "$tmp/err" && pass "--native refusal says why" ||
	fail "$(cat "$tmp/err")"
"$run" --family book3s32 --mmu shadow 2>"$tmp/err"
check_eq "--mmu shadow refused for book3s32" 2 "$?"
grep -q 'no --mmu shadow (the host' "$tmp/err" && pass "--mmu shadow refusal says why" ||
	fail "$(cat "$tmp/err")"
"$run" --family book3s16 2>"$tmp/err"
check_eq "an unknown family is a usage error" 2 "$?"
families=$("$run" --list-families)
check_eq "--list-families exits 0" 0 "$?"
for f in book3s64 book3s64le book3s32 e500; do
	check_eq "--list-families names $f on a line of its own" 1 "$(grep -cx "$f" <<<"$families")"
done
check_eq "--list-families: the default family first" book3s64 "$(head -n1 <<<"$families")"
check_eq "unknown family: one line naming the known ones" \
	"ppcpv-run: unknown --family 'book3s16' (known: $(paste -sd, <<<"$families" | sed 's/,/, /g'))" \
	"$(cat "$tmp/err")"
"$run" --family book3s32 --linux /nonexistent --native 2>"$tmp/err"
check_eq "--linux refused with --family book3s32" 2 "$?"
summary
