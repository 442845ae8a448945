#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the reference guest kernel through ppcpv-run, each under a
# timeout: the three modes, then every bad input (the guest must boot
# unpatched and say exactly why), then the launcher's own errors.
#   tests/launcher/boots.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
run=$build/native/bin/ppcpv-run
TEST_NAME=boots
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched

# The reference kernel's MMU checks (guest-kernel/ref/mmu_checks.c).
MMU_CHECKS=9
# natively and hosted (the host's shadow MMU, the default): its own hash
# MMU; every check passes, the magic page's only with PV (magic=1)
expect_own_mmu() {
	local name=$1 magic=${2:-0}
	check_eq "$name: the kernel's own MMU is on" 1 "$(console_count "$name" '^mmu: hash page table of 2^')"
	check_eq "$name: MMU checks passed" $((MMU_CHECKS - 1 + magic)) "$(console_count "$name" '^PASS: mmu: ')"
	check_eq "$name: no MMU check failed" 0 "$(console_count "$name" '^FAIL: mmu: ')"
	check_eq "$name: the magic page check is skipped only without PV" $((1 - magic)) \
		"$(console_count "$name" '^SKIP: mmu: the magic page is invisible to user mode (no magic page: PV off)')"
}
# hosted, the guest's page-table hypercalls and faults reached the host
expect_shadow_host() {
	local name=$1
	[ "$(json_count "$json" traps papr_h_enter)" -gt 0 ] 2>/dev/null &&
		pass "$name: the host served the guest's H_ENTER calls" || fail "$name: no H_ENTER reached the host"
	[ "$(json_count "$json" traps shadow_faults)" -gt 0 ] 2>/dev/null &&
		pass "$name: the host served shadow faults" || fail "$name: no shadow fault served"
	check_eq "$name: no unknown PAPR hypercall" 0 "$(json_count "$json" traps papr_unknown)"
}
# hosted with --mmu flat: no hcall-pft, so the host's flat mapping and SKIP lines
expect_flat_mmu() {
	local name=$1
	check_eq "$name: the kernel says why it keeps the flat mapping" 1 \
		"$(console_count "$name" "^mmu: no hcall-pft: running on the host's flat mapping")"
	check_eq "$name: every MMU check skipped, with the reason" "$MMU_CHECKS" \
		"$(console_count "$name" '^SKIP: mmu: .* (flat mapping: no hcall-pft)$')"
	check_eq "$name: no MMU check ran" 0 "$(console_count "$name" '^\(PASS\|FAIL\): mmu: ')"
}

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
off_traps=$(json_count "$json" traps total)
off_insns=$(json_value "$json" guest_instructions)

boot no-pv-flat --no-pv --mmu flat
expect_unpatched no-pv-flat "FEATURES lacks the magic-page bit"
expect_flat_mmu no-pv-flat

boot pv --pv
expect_clean pv
check_eq "pv: patched" true "$(json_value "$json" pv)"
[ "$(json_value "$json" patched)" -gt 0 ] && pass "pv: $(json_value "$json" patched) sites patched" ||
	fail "pv: nothing patched"
on_traps=$(json_count "$json" traps total)
on_insns=$(json_value "$json" guest_instructions)
expect_own_mmu pv 1
expect_shadow_host pv
[ "$on_traps" -lt "$off_traps" ] && pass "pv: fewer traps than no-pv ($on_traps < $off_traps)" ||
	fail "pv: $on_traps traps, no-pv $off_traps"
[ "$on_insns" -lt "$off_insns" ] && pass "pv: fewer instructions than no-pv ($on_insns < $off_insns)" ||
	fail "pv: $on_insns instructions, no-pv $off_insns"
[ "$native_insns" -gt 0 ] && pass "native: $native_insns instructions counted" ||
	fail "native: no instruction count"
check_eq "pv: MAP_MAGIC_PAGE made once" 1 "$(json_count "$json" traps hcall_map_magic_page)"
check_eq "pv: no stray program interrupt" 0 "$(json_count "$json" traps program_reflected)"

boot no-hypervisor --inject no-hypervisor
expect_unpatched no-hypervisor "no /hypervisor node in the device tree"
for len in 0 6 20; do
	boot "hcall-$len" --inject "hcall-length=$len"
	if [ "$len" = 0 ]; then
		expect_unpatched "hcall-instructions of $len bytes" "hcall-instructions is 0 bytes"
	else
		expect_unpatched "hcall-instructions of $len bytes" "hcall-instructions is $len bytes"
	fi
done
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
