#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the reference guest kernel through ppcpv-run, each under a
# timeout: the three modes, then every bad input (the guest must boot
# unpatched and say exactly why), then the launcher's own errors.
#   tests/launcher/boots.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=boots
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched,
					# expect_own_mmu, expect_shadow_host, expect_flat_mmu

boot native --native
expect_clean native
check_eq "native: no host traps" 0 "$(json_count "$json" traps total)"
native_insns=$(json_value "$json" guest_instructions)
expect_own_mmu native

boot no-pv --no-pv
expect_unpatched no-pv "FEATURES lacks the magic-page bit"
expect_own_mmu no-pv
expect_shadow_host no-pv
off_guest_faults=$(json_count "$json" traps guest_faults)
remember_no_pv

boot no-pv-flat --no-pv --mmu flat
expect_unpatched no-pv-flat "FEATURES lacks the magic-page bit"
expect_flat_mmu no-pv-flat

boot pv --pv
expect_clean pv
check_eq "pv: patched" true "$(json_value "$json" pv)"
[ "$(json_value "$json" patched)" -gt 0 ] && pass "pv: $(json_value "$json" patched) sites patched" ||
	fail "pv: nothing patched"
expect_own_mmu pv 1
expect_shadow_host pv
expect_fewer_than_no_pv
[ "$native_insns" -gt 0 ] && pass "native: $native_insns instructions counted" ||
	fail "native: no instruction count"
check_eq "pv: MAP_MAGIC_PAGE made once" 1 "$(json_count "$json" traps hcall_map_magic_page)"
check_eq "pv: no stray program interrupt" 0 "$(json_count "$json" traps program_reflected)"

boot no-hypervisor --inject no-hypervisor
expect_unpatched no-hypervisor "no /hypervisor node in the device tree"
expect_hcall_lengths_refused 0 6 20
boot map-fails --inject map-fails
expect_unpatched map-fails "MAP_MAGIC_PAGE failed: status 9"
boot stale --inject stale-magic-page
expect_unpatched stale-magic-page "self-test: page msr 0x0 but mfmsr"
boot absent --inject absent-magic-page
expect_unpatched absent-magic-page "self-test: magic page not readable at EA 0xfffffffffffff058"
# Under the shadow MMU the probe's fault is one more guest fault the walk
# reflects than the same kernel takes without PV.
check_eq "absent-magic-page: the probe's fault reached the guest" $((off_guest_faults + 1)) \
	"$(json_count "$json" traps guest_faults)"

# the launcher's own errors
head -c 4096 /dev/zero >"$tmp/zeros.bin"
"$run" --native --guest "$tmp/zeros.bin" --timeout 2 --quiet 2>"$tmp/err"
check_eq "a hung guest times out" 124 "$?"
grep -q 'timeout after 2 s; last console line' "$tmp/err" && pass "timeout names the last console line" ||
	fail "timeout message: $(cat "$tmp/err")"
"$run" --guest "$tmp/missing.bin" 2>"$tmp/err"
check_eq "missing guest image" 125 "$?"
grep -q 'missing.bin: No such file' "$tmp/err" && pass "missing image named" || fail "$(cat "$tmp/err")"
"$run" --native --guest "$tmp" 2>"$tmp/err"
check_eq "a directory as guest image" 125 "$?"
grep -q "guest image $tmp: not a regular file" "$tmp/err" && pass "directory image named" ||
	fail "$(cat "$tmp/err")"
"$run" --qemu "$tmp/no-qemu" 2>"$tmp/err"
check_eq "QEMU missing" 125 "$?"
grep -q 'not found (install qemu-system-ppc' "$tmp/err" && pass "missing QEMU explained" || fail "$(cat "$tmp/err")"
"$run" --inject bogus 2>/dev/null
check_eq "bad --inject is a usage error" 2 "$?"
"$run" --no-pv --inject map-fails 2>/dev/null
check_eq "--inject needs --pv" 2 "$?"
summary
