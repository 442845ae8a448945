#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check.sh [BUILD]: boot the e500 test guests under the e500 host stub in
# qemu-system-ppc -M ppce500 and check what the guest reports ("ok -" /
# "not ok -" lines), the host's HOST-STATS counters, the EXIT line and
# QEMU's exit status (0 through GPIO power-off, 1 through pvpanic).  Then
# the same guests natively (run-guest.sh --native: QEMU ppce500 alone, real
# PR=0): t_booke's checks with exactly its two host-only ones skipped, and
# t_exit's status both ways.
set -u
here=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$here/build}
TEST_NAME=host-e500
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guests=$build/ppc32/tests/host/e500

# boot NAME GUEST [run-guest options]: output in $tmp/NAME.out, QEMU's
# status in $tmp/NAME.rc.
boot() {
	local name=$1 guest=$2
	shift 2
	"$here/tests/host/e500/run-guest.sh" --build "$build" --timeout 20 "$@" "$guests/$guest.bin" \
		>"$tmp/$name.out" 2>&1
	echo $? >"$tmp/$name.rc"
	sed 's/^/    | /' "$tmp/$name.out" | grep -v 'HOST-STATS' | head -n 60
}

# run_case NAME GUEST [run-guest options]: boot, and the guest's own checks
# become PASS/FAIL lines.
run_case() {
	local name=$1
	boot "$@"
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "$name: ${line#ok - }" ;;
		"not ok - "*) fail "$name: ${line#not ok - }" ;;
		esac
	done <"$tmp/$name.out"
}

exit_line() { sed -n 's/^EXIT: //p' "$tmp/$1.out" | tail -n 1; }
stat() { sed -n 's/^HOST-STATS: //p' "$tmp/$1.out" | grep -o "\"$2\":[0-9]*" | cut -d: -f2; }

# check_stat CASE FIELD OP VALUE
check_stat() {
	local v
	v=$(stat "$1" "$2")
	if [ -n "$v" ] && [ "$v" "$3" "$4" ]; then
		pass "$1: HOST-STATS $2 = $v ($3 $4)"
	else
		fail "$1: HOST-STATS $2 = '${v}' (want $3 $4)"
	fi
}

# check_ends CASE EXIT-LINE QEMU-STATUS
check_ends() {
	check_eq "$1: EXIT line" "$2" "$(exit_line "$1")"
	check_eq "$1: QEMU exit status" "$3" "$(cat "$tmp/$1.rc")"
}

run_case booke-pv t_booke
check_ends booke-pv 0 0
check_stat booke-pv hcall_map_magic_page -eq 1
check_stat booke-pv emul_rfi -ge 4
check_stat booke-pv emul_wrtee -ge 4
check_stat booke-pv program_reflected -eq 1
check_stat booke-pv syscall_reflected -eq 1
check_stat booke-pv dec_injected -eq 2
check_stat booke-pv dec_deferred -ge 1
check_stat booke-pv mmio_writes -ge 100
grep -q '^guest: magic page mapped$' "$tmp/booke-pv.out" && pass "booke-pv: magic page mapped" ||
	fail "booke-pv: magic page not mapped"

run_case booke-nopv t_booke --mode no-pv
check_ends booke-nopv 0 0
check_stat booke-nopv hcall_features -eq 1
check_stat booke-nopv hcall_map_magic_page -eq 0
check_stat booke-nopv dec_injected -eq 2
grep -q '^guest: PV off: FEATURES 0x0 has no magic-page bit$' "$tmp/booke-nopv.out" &&
	pass "booke-nopv: no magic page, PV off" ||
	fail "booke-nopv: the magic page was offered"

# The exits must be able to fail: a defective host (the guest sees a page
# the host never writes) makes the guest's magic-page check fail and QEMU
# exit 1 through pvpanic; the host's own FATAL path does too.
boot booke-stale t_booke --fault stale-magic-page
v=$(exit_line booke-stale)
[ -n "$v" ] && [ "$v" != 0 ] && pass "booke-stale: EXIT $v (the guest's failures)" ||
	fail "booke-stale: EXIT '$v' (want the guest's non-zero count of failures)"
check_eq "booke-stale: QEMU exit status (pvpanic)" 1 "$(cat "$tmp/booke-stale.rc")"
grep -q '^not ok - magic page shows the trapped SPRG1' "$tmp/booke-stale.out" &&
	pass "booke-stale: the guest noticed the stale page" ||
	fail "booke-stale: the guest did not notice the stale page"

boot fatal t_booke --selftest host-fault
check_ends fatal 99 1
grep -q '^host: FATAL: interrupt IVOR6 taken in host mode' "$tmp/fatal.out" &&
	pass "fatal: an illegal instruction in host mode is reported" ||
	fail "fatal: no FATAL line for the host's own illegal instruction"

# Natively: no host, no HOST-STATS; run-guest.sh --native turns the guest's
# EXIT line into its status (0, else 1).  QEMU-ARGS follow the guest.
boot_native() {
	local name=$1 guest=$2
	shift 2
	"$here/tests/host/e500/run-guest.sh" --build "$build" --timeout 20 --native "$guests/$guest.bin" \
		-- "$@" >"$tmp/$name.out" 2>&1
	echo $? >"$tmp/$name.rc"
	sed 's/^/    | /' "$tmp/$name.out" | head -n 40
}

run_case native-booke t_booke --native
check_ends native-booke 0 0
grep -q '^guest: native: RAM 0\.\.256 MiB in TLB1\[0\], UART 0xfe0004500 at 0xe0004500' "$tmp/native-booke.out" &&
	pass "native-booke: RAM and QEMU's UART mapped by the guest itself" ||
	fail "native-booke: no 'guest: native:' map line"
check_eq "native-booke: checks skipped for want of a host (tlbre reflection, hypercalls)" 2 \
	"$(grep -c '^skip - .* (native: ' "$tmp/native-booke.out")"
check_eq "native-booke: checks run" 12 "$(grep -c '^ok - ' "$tmp/native-booke.out")"

boot_native native-exit-fail t_exit
check_ends native-exit-fail 3 1
boot_native native-exit-pass t_exit -append status=0
check_ends native-exit-pass 0 0
# A blob as the differential test loads one, below QEMU's tree at 24 MiB.
printf 'blob' >"$tmp/blob"
boot_native native-blob t_exit -append status=0 -device "loader,file=$tmp/blob,addr=0xa00000,force-raw=on"
check_ends native-blob 0 0

summary
