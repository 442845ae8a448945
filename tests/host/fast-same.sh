#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# fast-same.sh [BUILD]: step fast-same of `make check`.  The pseries host's
# fast exits (system call reflection, rfid emulation in start.S) must
# change nothing but the host's instruction count: each guest below boots
# with fast-exits on and off, and the two consoles - the guest's own
# checks and state lines, and every HOST-STATS counter - must be the same
# but for the host's line naming the setting.  t_fast holds the edge cases
# (HV in SRR1, user round trips with the magic page, a decrementer pending
# at the rfid, an rfid into a critical section); t_cost shows that the
# fast path ran (its emulated rfid costs under half as much with it on).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=fast-same
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guests=$build/ppc64/tests/host

# boot GUEST SETTING [run-guest options]: the console in $tmp/GUEST-SETTING.out
# without what may differ: the host's line naming the setting, and the
# measured values in parentheses after a check's name (t_dec's timebase
# deltas shrink with the host's instructions; the verdicts must not).
boot() {
	local guest=$1 setting=$2
	shift 2
	"$here/tests/host/run-guest.sh" --build "$build" --timeout 20 --fast-exits "$setting" "$@" \
		"$guests/$guest.bin" 2>&1 | sed -e 's/ fast-exits \(on\|off\)$//' \
		-e 's/^\(\(not \)\{0,1\}ok - .*\) (.*)$/\1/' >"$tmp/$guest-$setting.out"
}

for guest in t_fast t_user t_priv t_dec t_hcall; do
	boot "$guest" on
	boot "$guest" off
	if cmp -s "$tmp/$guest-on.out" "$tmp/$guest-off.out"; then
		pass "$guest: console and host counters the same with fast exits on and off"
	else
		fail "$guest: fast exits on and off differ:"
		diff "$tmp/$guest-off.out" "$tmp/$guest-on.out" | head -n 20 | sed 's/^/    | /'
	fi
	check_eq "$guest: HOST-STATS present" 1 "$(grep -c '^HOST-STATS: ' "$tmp/$guest-on.out")"
done
# t_fast's own checks, with the fast path on.
while IFS= read -r line; do
	case $line in
	"ok - "*) pass "t_fast: ${line#ok - }" ;;
	"not ok - "*) fail "t_fast: ${line#not ok - }" ;;
	esac
done <"$tmp/t_fast-on.out"
check_eq "t_fast: EXIT" 0 "$(sed -n 's/^EXIT: //p' "$tmp/t_fast-on.out")"

# The fast path ran: an emulated rfid costs under half as many instructions.
boot t_cost on
boot t_cost off
rfid_cost() { sed -n 's/^guest: cost in instructions: .* rfid \([0-9]*\),.*/\1/p' "$tmp/t_cost-$1.out"; }
on=$(rfid_cost on) off=$(rfid_cost off)
if [ -n "$on" ] && [ -n "$off" ] && [ $((2 * on)) -lt "$off" ]; then
	pass "t_cost: emulated rfid $on instructions with fast exits, $off without"
else
	fail "t_cost: emulated rfid '$on' with fast exits is not under half of '$off' without"
fi
summary
