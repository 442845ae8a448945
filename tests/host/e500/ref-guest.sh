#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the reference guest built for e500 (build/images/guest-ref-e500.bin)
# under the e500 host in qemu-system-ppc -M ppce500: no-pv and pv, every
# check clean; its own TLB1 through the host's guest TLB (tlbwe, tlbre,
# tlbsx, tlbivax emulated; real TLB misses shadowed); under PV the runtime
# patched-site counts (total, per kind, kvm_tmp bytes) equal
# ppcpv-patch --family e500 on the same ELF; pv takes fewer exits.
#   [OBJCOPY_PPC32=...] tests/host/e500/ref-guest.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$here/build}
patch=$build/native/bin/ppcpv-patch
image=$build/images/guest-ref-e500
TEST_NAME=ref-e500
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# boot NAME [run-guest options]: console in $tmp/NAME.out; QEMU's status
# and the guest's and host's JSON lines checked.
boot() {
	local name=$1 rc
	shift
	"$here/tests/host/e500/run-guest.sh" --build "$build" --timeout 60 "$@" "$image.bin" \
		>"$tmp/$name.out" 2>&1
	rc=$?
	grep -E '^(FAIL|SKIP|FATAL|ppcpv:|mmu:)' "$tmp/$name.out" | sed 's/^/    | /'
	check_eq "$name: QEMU exit status (GPIO power-off)" 0 "$rc"
	check_eq "$name: EXIT 0 from guest and host" "EXIT: 0 EXIT: 0" \
		"$(grep '^EXIT:' "$tmp/$name.out" | tr '\n' ' ' | sed 's/ $//')"
	guest=$(sed -n 's/^GUEST-RESULT: //p' "$tmp/$name.out")
	host=$(sed -n 's/^HOST-STATS: //p' "$tmp/$name.out")
	tlb=$(sed -n 's/^HOST-TLB: //p' "$tmp/$name.out")
	check_eq "$name: no failed check" 0 "$(json_value "$guest" checks_failed)"
	[ "$(json_value "$guest" checks_passed)" -ge 25 ] 2>/dev/null &&
		pass "$name: $(json_value "$guest" checks_passed) checks passed" || fail "$name: too few checks: $guest"
}

count() { grep -c -- "$2" "$tmp/$1.out"; }
positive() { [ "${3:-0}" -gt 0 ] 2>/dev/null && pass "$1: $2 ($3)" || fail "$1: $2 is '${3:-}'"; }

# The guest's TLB: every TLB check passed, its instructions emulated by
# the host, its pages shadowed, its two deliberate misses its own.
expect_tlb() {
	local name=$1
	check_eq "$name: every mmu: check passed" 0 "$(count "$name" '^FAIL: mmu:')"
	[ "$(count "$name" '^PASS: mmu:')" -ge 11 ] && pass "$name: 11 or more TLB checks passed" ||
		fail "$name: $(count "$name" '^PASS: mmu:') TLB checks passed"
	positive "$name" "tlbwe/tlbre/tlbsx emulated against the guest TLB" "$(json_value "$host" emul_mmu)"
	positive "$name" "tlbivax emulated" "$(json_value "$host" emul_tlb_invalidate)"
	positive "$name" "real TLB misses shadowed from the guest's TLB" "$(json_value "$tlb" shadowed)"
	check_eq "$name: the guest's own TLB misses (the two unmapped loads)" 2 "$(json_value "$tlb" guest_misses)"
	check_eq "$name: no stray program interrupt" 0 "$(json_value "$host" program_reflected)"
	positive "$name" "interrupts return with rfi" "$(json_value "$host" emul_rfi)"
}

boot no-pv --mode no-pv
check_eq "no-pv: PV off, with the reason" 1 "$(count no-pv '^ppcpv: PV off: FEATURES lacks the magic-page bit')"
check_eq "no-pv: not patched" false "$(json_value "$guest" pv)"
check_eq "no-pv: the PV-only checks skipped" 2 "$(count no-pv '^SKIP: .*PV off')"
expect_tlb no-pv
off_exits=$(json_value "$host" exits)

boot pv
check_eq "pv: patched" true "$(json_value "$guest" pv)"
check_eq "pv: nothing skipped" 0 "$(json_value "$guest" checks_skipped)"
check_eq "pv: MAS registers in the magic page (FEAT_MAS0_TO_SPRG7)" 1 \
	"$(count pv '^PASS: mmu: mtspr MAS1 lands in the magic page')"
check_eq "pv: nothing inside a trampoline's critical section" 1 \
	"$(count pv "^PASS: no interrupt inside a trampoline's critical section")"
expect_tlb pv
on_exits=$(json_value "$host" exits)
[ "$on_exits" -lt "$off_exits" ] && pass "pv: fewer exits than no-pv ($on_exits < $off_exits)" ||
	fail "pv: $on_exits exits, no-pv $off_exits"

# The same ELF through ppcpv-patch: kvm_tmp is NOLOAD, so the copy gets
# file contents there (zeros) for the tool to place into.
"${OBJCOPY_PPC32:-powerpc-linux-gnu-objcopy}" --set-section-flags .kvm_tmp=alloc,load,contents,code,readonly \
	"$image.elf" "$tmp/ref-e500.elf"
tool=$("$patch" --family e500 --start _stext+0x100 --end _etext --json "$tmp/ref-e500.elf" 2>"$tmp/tool.err")
check_eq "ppcpv-patch --family e500 on the image: exit status" 0 "$?"
check_eq "pv: sites found at runtime = ppcpv-patch's" "$(json_value "$tool" sites)" "$(json_value "$guest" sites)"
check_eq "pv: sites patched at runtime = ppcpv-patch's" "$(json_value "$tool" patched)" \
	"$(json_value "$guest" patched)"
check_eq "pv: kvm_tmp bytes at runtime = ppcpv-patch's" "$(json_count "$tool" kvm_tmp used)" \
	"$(json_value "$guest" kvm_tmp_used)"
line=$(grep '^ppcpv: PV on:' "$tmp/pv.out")
for kind in mfmsr mfspr mtspr tlbsync mtmsr wrtee wrteei_1 wrteei_0; do
	n=$(json_count "$tool" patched_by_kind "$kind")
	[ "${n:-0}" -gt 0 ] 2>/dev/null || fail "ppcpv-patch finds no $kind site"
	case "$line" in
	*"($kind $n,"* | *" $kind $n,"* | *" $kind $n)"* | *"($kind $n)"*) pass "pv: $kind sites at runtime = ppcpv-patch's ($n)" ;;
	*) fail "pv: ppcpv-patch patches ${n:-?} $kind sites; the guest says '$line'" ;;
	esac
done
check_eq "ppcpv-patch: no mtmsrd or mtsrin site in an e500 kernel" 0 \
	"$(( $(json_count "$tool" found_by_kind mtmsrd_l1) + $(json_count "$tool" found_by_kind mtmsrd_l0) + \
	     $(json_count "$tool" found_by_kind mtsrin) ))"
summary
