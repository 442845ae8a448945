#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# sweep.sh [BUILD]: step sweep-e500 - the interrupt-placement sweep's host
# side on BookE (Documentation/differential.rst, "An interrupt at every
# offset"), before any differential guest uses it.  The test guest t_sweep
# sweeps hand-built stretches at every boundary under the e500 host with
# irq-sweep = step (single step by MSR[DE] and DBCR0[IDM|ICMP]): no-pv (the
# plain stretch: mfmsr, wrteei 1, a trapping mtspr, wrtee, mtmsr) and pv
# (that and a critical section marked by hand).  The guest checks each
# placement (one interrupt, never in the critical section, int_pending
# cleared, the reference's result); here the host's HOST-SWEEP must agree:
# placed = the guest's placements = delivered, lost 0, delivered in a
# critical section 0, delivered with EE clear 0.  Then the sabotage: a host
# that ignores the critical section (irq-sweep = ignore-critical) must be
# caught by both sides; without irq-sweep the device has no sweep
# registers.  Last, the 440 host, which shares the e500 glue: no-pv.
set -u
here=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$here/build}
TEST_NAME=sweep-e500
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Boundaries of the stretches (instructions from FROM to TO): the guest
# checks each reference run against its own labels, these the totals.
PLAIN_PLACEMENTS=10	# 9 instructions
CRITICAL_PLACEMENTS=9	# 8 instructions
CRITICAL_INSIDE=5	# boundaries where critical == r1

# boot NAME MACHINE GUEST [run-guest options]: console in $tmp/NAME.out,
# QEMU's status in $tmp/NAME.rc.
boot() {
	local name=$1 machine=$2 guest=$3
	shift 3
	"$here/tests/host/e500/run-guest.sh" --machine "$machine" --build "$build" --timeout 30 "$@" \
		"$build/ppc32/tests/host/$guest.bin" >"$tmp/$name.out" 2>&1
	echo $? >"$tmp/$name.rc"
	grep -E '^(ok|not ok) - |^guest: .*placement|^HOST-SWEEP|^EXIT' "$tmp/$name.out" | sed 's/^/    | /'
}

field() { json_value "$(sed -n 's/^HOST-SWEEP: //p' "$tmp/$1.out")" "$2"; }
guest_field() { sed -n "s/^SWEEP-STRETCHES .*\b$2=\([0-9]*\).*/\1/p" "$tmp/$1.out"; }

# good NAME MACHINE GUEST PLACEMENTS [run-guest options]
good() {
	local name=$1 machine=$2 guest=$3 want=$4
	shift 4
	boot "$name" "$machine" "$guest" --irq-sweep step "$@"
	check_eq "$name: QEMU exit status" 0 "$(cat "$tmp/$name.rc")"
	check_eq "$name: the guest's placements" "$want" "$(guest_field "$name" placements)"
	check_eq "$name: bad placements (the guest's checks)" 0 "$(guest_field "$name" bad)"
	check_eq "$name: the host placed what the guest asked for" "$want" "$(field "$name" placed)"
	check_eq "$name: every interrupt placed was delivered" "$want" "$(field "$name" delivered)"
	check_eq "$name: lost" 0 "$(field "$name" lost)"
	check_eq "$name: delivered-in-critical" 0 "$(field "$name" delivered_in_critical)"
	check_eq "$name: delivered with EE clear" 0 "$(field "$name" delivered_masked)"
	grep -q '^not ok - ' "$tmp/$name.out" && fail "$name: the guest reported a failure"
}

good no-pv ppce500 e500/t_sweep "$PLAIN_PLACEMENTS" --mode no-pv
good pv ppce500 e500/t_sweep $((PLAIN_PLACEMENTS + CRITICAL_PLACEMENTS))
grep -q '^ok - every placement delivered once, outside the critical section (critical:' "$tmp/pv.out" &&
	pass "pv: the critical stretch was swept" || fail "pv: the critical stretch was not swept"

# The sabotage: each placement inside the critical section is delivered
# there; the host counts it and the guest's handler sees critical == r1.
boot ignore-critical ppce500 e500/t_sweep --irq-sweep ignore-critical
check_eq "ignore-critical: delivered-in-critical (caught by the host)" "$CRITICAL_INSIDE" \
	"$(field ignore-critical delivered_in_critical)"
check_eq "ignore-critical: bad placements (caught by the guest)" "$CRITICAL_INSIDE" \
	"$(guest_field ignore-critical bad)"
check_eq "ignore-critical: QEMU exit status (the guest failed)" 1 "$(cat "$tmp/ignore-critical.rc")"

# Without irq-sweep the host has no sweep registers: the guest's first
# write there is no access to anything (a TLB miss reflected to it).
boot off ppce500 e500/t_sweep --mode no-pv
if grep -q '^not ok - unexpected interrupt IVOR13 .*dear=0xf0000020' "$tmp/off.out" &&
	! grep -q '^HOST-SWEEP' "$tmp/off.out"; then
	pass "off: without irq-sweep no sweep registers (IVOR13 at SWEEP_FROM) and no HOST-SWEEP"
else
	fail "off: without irq-sweep the sweep registers answered or HOST-SWEEP was printed"
fi

good b440 bamboo b440/t_sweep "$PLAIN_PLACEMENTS"
summary
