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
# Under the shadow MMU (--mmu shadow) the same for t_mmu (an rfid in
# translated supervisor state taken again at its EA, then that EA remapped
# to another privileged instruction), t_dec and t_hcall, and t_cost's
# rfid in supervisor real mode.
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
	local guest=$1 setting=$2 mmu=${3:-flat}
	"$here/tests/host/run-guest.sh" --build "$build" --timeout 20 --fast-exits "$setting" \
		--mmu "$mmu" "$guests/$guest.bin" 2>&1 | sed -e 's/ fast-exits \(on\|off\)$//' \
		-e 's/^\(\(not \)\{0,1\}ok - .*\) (.*)$/\1/' >"$tmp/$guest-$setting-$mmu.out"
}

# same GUEST MMU: booted with fast exits on and off, the same console.
same() {
	local guest=$1 mmu=$2 on off
	boot "$guest" on "$mmu"
	boot "$guest" off "$mmu"
	on=$tmp/$guest-on-$mmu.out off=$tmp/$guest-off-$mmu.out
	if cmp -s "$on" "$off"; then
		pass "$guest ($mmu): console and host counters the same with fast exits on and off"
	else
		fail "$guest ($mmu): fast exits on and off differ:"
		diff "$off" "$on" | head -n 20 | sed 's/^/    | /'
	fi
	check_eq "$guest ($mmu): HOST-STATS present" 1 "$(grep -c '^HOST-STATS: ' "$on")"
	check_eq "$guest ($mmu): EXIT" 0 "$(sed -n 's/^EXIT: //p' "$on")"
}

for guest in t_fast t_user t_priv t_dec t_hcall; do
	same "$guest" flat
done
for guest in t_mmu t_dec t_hcall; do
	same "$guest" shadow
done
# t_fast's own checks, with the fast path on.
while IFS= read -r line; do
	case $line in
	"ok - "*) pass "t_fast: ${line#ok - }" ;;
	"not ok - "*) fail "t_fast: ${line#not ok - }" ;;
	esac
done <"$tmp/t_fast-on-flat.out"
# t_mmu's fast-rfid checks, under the shadow MMU with the fast path on.
for what in "rfid in translated supervisor state" "emulated as itself"; do
	check_eq "t_mmu (shadow): ok - ...$what..." 1 \
		"$(grep -c "^ok - .*$what" "$tmp/t_mmu-on-shadow.out")"
done

# The fast path ran: an emulated rfid costs under half as many instructions.
rfid_cost() { sed -n 's/^guest: cost in instructions: .* rfid \([0-9]*\),.*/\1/p' "$tmp/t_cost-$1.out"; }
for mmu in flat shadow; do
	boot t_cost on "$mmu"
	boot t_cost off "$mmu"
	on=$(rfid_cost "on-$mmu") off=$(rfid_cost "off-$mmu")
	if [ -n "$on" ] && [ -n "$off" ] && [ $((2 * on)) -lt "$off" ]; then
		pass "t_cost ($mmu): emulated rfid $on instructions with fast exits, $off without"
	else
		fail "t_cost ($mmu): emulated rfid '$on' with fast exits is not under half of '$off' without"
	fi
done
summary
