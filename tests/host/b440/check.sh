#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check.sh [BUILD]: boot the BookE test guest (tests/host/e500's, built for
# the 440) under the 440 host stub in qemu-system-ppc -M bamboo, modes
# no-pv and pv (served as no-pv), and the 440 reference kernel (its
# HOST-TLB counters): the guest's own checks ("ok -" / "not ok -" lines),
# PV off with its reason, the HOST-STATS counters, the EXIT line and QEMU's
# status (0 through a DBCR0 system reset with -no-reboot; a failing run
# cannot make bamboo exit non-zero, so it halts and the timeout's 124 ends
# it).
set -u
here=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$here/build}
TEST_NAME=host-b440
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guests=$build/ppc32/tests/host/b440
# A failing run waits for the timeout: keep it short (a pass takes < 1 s).
FAIL_TIMEOUT=4

# boot NAME GUEST TIMEOUT [run-guest options]
boot() {
	local name=$1 guest=$2 timeout_s=$3
	shift 3
	"$here/tests/host/e500/run-guest.sh" --machine bamboo --build "$build" --timeout "$timeout_s" \
		"$@" "$guests/$guest.bin" >"$tmp/$name.out" 2>&1
	echo $? >"$tmp/$name.rc"
	sed 's/^/    | /' "$tmp/$name.out" | grep -v 'HOST-STATS' | head -n 60
}

exit_line() { sed -n 's/^EXIT: //p' "$tmp/$1.out" | tail -n 1; }
stat() { sed -n 's/^HOST-STATS: //p' "$tmp/$1.out" | grep -o "\"$2\":[0-9]*" | cut -d: -f2; }

check_stat() {
	local v
	v=$(stat "$1" "$2")
	if [ -n "$v" ] && [ "$v" "$3" "$4" ]; then
		pass "$1: HOST-STATS $2 = $v ($3 $4)"
	else
		fail "$1: HOST-STATS $2 = '${v}' (want $3 $4)"
	fi
}

check_ends() {
	check_eq "$1: EXIT line" "$2" "$(exit_line "$1")"
	check_eq "$1: QEMU exit status" "$3" "$(cat "$tmp/$1.rc")"
}

boot booke-nopv t_booke 20 --mode no-pv
oks=0
while IFS= read -r line; do
	case $line in
	"ok - "*) pass "booke-nopv: ${line#ok - }"; oks=$((oks + 1)) ;;
	"not ok - "*) fail "booke-nopv: ${line#not ok - }" ;;
	esac
done <"$tmp/booke-nopv.out"
[ "$oks" -ge 10 ] && pass "booke-nopv: $oks guest checks ran" || fail "booke-nopv: only $oks guest checks ran"
check_ends booke-nopv 0 0
grep -q '^host: ppcpv 440 host stub: pvr=' "$tmp/booke-nopv.out" && pass "booke-nopv: the 440 host ran" ||
	fail "booke-nopv: no 440 host banner"
grep -q '^guest: PV off: FEATURES 0x0 has no magic-page bit$' "$tmp/booke-nopv.out" &&
	pass "booke-nopv: PV off, with the reason" || fail "booke-nopv: no 'PV off' line with its reason"
check_stat booke-nopv hcall_features -eq 1
check_stat booke-nopv hcall_map_magic_page -eq 0
check_stat booke-nopv emul_mfspr -ge 10
check_stat booke-nopv emul_mtspr -ge 10
check_stat booke-nopv emul_rfi -ge 4
check_stat booke-nopv program_reflected -eq 1
check_stat booke-nopv syscall_reflected -eq 1
check_stat booke-nopv dec_injected -eq 2
check_stat booke-nopv dec_deferred -ge 1
check_stat booke-nopv mmio_writes -ge 100

# KVM's 440 host never offered the magic page: mode pv is served as
# no-pv, said once, and the guest runs with PV off.
boot pv-as-no-pv t_booke 20
check_ends pv-as-no-pv 0 0
grep -q "^host: mode pv served as no-pv: the 440 host offers no magic page (KVM's 440 host never did)$" \
	"$tmp/pv-as-no-pv.out" && pass "pv-as-no-pv: the host says why" || fail "pv-as-no-pv: no line for mode pv"
grep -q '^guest: PV off: FEATURES 0x0 has no magic-page bit$' "$tmp/pv-as-no-pv.out" &&
	pass "pv-as-no-pv: PV off, with the reason" || fail "pv-as-no-pv: no 'PV off' line with its reason"
check_stat pv-as-no-pv hcall_map_magic_page -eq 0

# The reference kernel built for the 440 (build/images/guest-ref-440.bin)
# on its own TLB: the host's counters, which ppcpv-run does not report
# (tests/launcher/boots-440.sh boots it through ppcpv-run): real TLB
# misses shadowed from the guest's TLB, exactly its two deliberate misses
# its own, nothing denied, the device page's accesses not memory.
"$here/tests/host/e500/run-guest.sh" --machine bamboo --build "$build" --timeout 60 --mode no-pv \
	"$build/images/guest-ref-440.bin" >"$tmp/ref.out" 2>&1
check_eq "ref: QEMU exit status" 0 "$?"
check_eq "ref: EXIT 0 from guest and host" "EXIT: 0 EXIT: 0" "$(grep '^EXIT:' "$tmp/ref.out" | tr '\n' ' ' | sed 's/ $//')"
tlb=$(sed -n 's/^HOST-TLB: //p' "$tmp/ref.out")
guest=$(sed -n 's/^GUEST-RESULT: //p' "$tmp/ref.out")
check_eq "ref: no failed check" 0 "$(json_value "$guest" checks_failed)"
[ "$(json_value "$tlb" shadowed)" -gt 0 ] 2>/dev/null && pass "ref: real TLB misses shadowed ($(json_value "$tlb" shadowed))" ||
	fail "ref: nothing shadowed: $tlb"
check_eq "ref: the guest's own TLB misses (its two unmapped loads)" 2 "$(json_value "$tlb" guest_misses)"
check_eq "ref: nothing denied" 0 "$(json_value "$tlb" denied)"
[ "$(json_value "$tlb" not_memory)" -gt 0 ] 2>/dev/null && pass "ref: the device page reached the core" ||
	fail "ref: no access beyond memory: $tlb"

boot fatal t_booke "$FAIL_TIMEOUT" --mode no-pv --selftest host-fault
check_ends fatal 99 124
grep -q '^host: FATAL: interrupt IVOR6 taken in host mode' "$tmp/fatal.out" &&
	pass "fatal: an illegal instruction in host mode is reported" ||
	fail "fatal: no FATAL line for the host's own illegal instruction"

summary
