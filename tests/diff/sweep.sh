#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# sweep.sh [BUILD [FAMILY]]: steps diff-sweep (book3s64), diff-sweep-book3s64le,
# diff-sweep-book3s32 and diff-sweep-e500 of `make check` - an interrupt at every
# offset (Documentation/differential.rst).  The differential test guest,
# booted with "sweep" under a host with irq-sweep = step, runs every built
# program (each path of the family's trampolines, each operand register)
# and a batch of random ones once per boundary of its run, with a
# decrementer interrupt the host raises exactly there, in the pv and the
# no-pv run.  Nothing may be lost, delivered in a critical section or with
# EE clear, and every placement must end in the state of the run without
# it.  Then the two sabotages must be caught: a trampoline that leaves its
# critical section one instruction early (the state differs: r30), and a
# host that ignores the critical section (delivered-in-critical > 0).
# Last, without irq-sweep the host has no sweep registers.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
DIFF_FAMILY=${2:-book3s64}
TEST_NAME=diff-sweep; [ "$DIFF_FAMILY" = book3s64 ] || TEST_NAME=diff-sweep-$DIFF_FAMILY
. "$here/tests/lib.sh"
. "$here/tests/diff/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Random programs swept at every boundary besides the built ones.
RANDOM_PROGRAMS=16
# Built programs: 11 shapes (Book3S-32: 8, e500: 12), 4 operand registers
# (tests/diff/guest/sweep.c), and the kinds whose trampolines they go
# through; the trapping instruction a trampoline that enables EE falls
# back to when int_pending is set (its HOST-STATS counter).  The storage
# interrupt an arming store takes without irq-sweep (the runtime's name
# and number, as DIFF-INTERRUPT prints them).
case $DIFF_FAMILY in
book3s32) BUILT_PROGRAMS=32 SWEPT_KINDS="mtmsr mtsrin" FALLBACK=emul_mtmsr ;;
e500) BUILT_PROGRAMS=48 SWEPT_KINDS="mtmsr wrtee wrteei_0 wrteei_1" FALLBACK=emul_wrtee ;;
*) BUILT_PROGRAMS=44 SWEPT_KINDS="mtmsr mtmsrd_l0 mtmsrd_l1" FALLBACK=emul_mtmsrd_l1 ;;
esac
case $DIFF_FAMILY in
e500) MISS="ivor 0xd" MISS_NAME="data TLB miss (IVOR13)" MISS_ADDR=dear ;;
*) MISS="vector 0x300" MISS_NAME=DSI MISS_ADDR=dar ;;
esac

diff_gen_family --first-seed 1 --count "$RANDOM_PROGRAMS" --out "$tmp/batch.blob" || exit 1
diff_gen_family --first-seed 1 --count 1 --out "$tmp/one.blob" || exit 1

# boot NAME MODE IMAGE BLOB HOST-OPTIONS...: QEMU's status, console in $tmp/NAME.log
boot() {
	local name=$1 mode=$2 image=$3 blob=$4
	shift 4
	"$here/tests/diff/run.sh" "$build" "$mode" "$image" "$blob" "$tmp/$name.log" "$@"
}

# field LOG KEY: a number of the HOST-SWEEP line; done_field LOG KEY: of SWEEP-DONE.
field() { json_value "$(sed -n 's/^HOST-SWEEP: //p' "$1")" "$2"; }
done_field() { sed -n "s/^SWEEP-DONE .*\b$2=\([0-9]*\).*/\1/p" "$1"; }

# The good sweep in one mode.
sweep_good() {
	local mode=$1 log=$tmp/$1.log placements swept start elapsed_ms rc
	start=$(date +%s%N)
	boot "$mode" "$mode" "$diff_good" "$tmp/batch.blob" --irq-sweep step --bootargs sweep
	rc=$?
	elapsed_ms=$((($(date +%s%N) - start) / 1000000))
	check_eq "$mode: QEMU exit status" 0 "$rc"
	placements=$(done_field "$log" placements)
	swept=$(done_field "$log" programs)
	check_eq "$mode: no bad placement" 0 "$(done_field "$log" bad)"
	if [ -n "$swept" ] && [ "$swept" -gt "$BUILT_PROGRAMS" ]; then
		pass "$mode: $swept programs swept ($BUILT_PROGRAMS built, $((swept - BUILT_PROGRAMS)) random; $(done_field "$log" skipped) read SRR0/SRR1)"
	else
		fail "$mode: programs swept: '$swept'"
	fi
	check_eq "$mode: the host placed what the guest asked for" "$placements" "$(field "$log" placed)"
	check_eq "$mode: every interrupt placed was delivered" "$placements" "$(field "$log" delivered)"
	check_eq "$mode: lost" 0 "$(field "$log" lost)"
	check_eq "$mode: delivered-in-critical" 0 "$(field "$log" delivered_in_critical)"
	check_eq "$mode: delivered with EE clear" 0 "$(field "$log" delivered_masked)"
	echo "$TEST_NAME: $mode: $placements placements over $swept programs in $elapsed_ms ms"
}

sweep_good pv
kinds=$(diff_pv_kinds "$tmp/pv.log" | grep -xE "${SWEPT_KINDS// /|}" | sort | tr '\n' ' ')
check_eq "pv: the swept programs went through every $DIFF_FAMILY trampoline kind" "$SWEPT_KINDS " "$kinds"
# mtmsrd L=1 (e500: wrtee, wrteei 1) never changes a critical bit: it
# traps only when enabling EE found int_pending set, the fallback the
# placements must have exercised.  (Book3S-32 has only mtmsr, whose
# critical-bit path traps too: the counter then shows both.)
fallbacks=$(json_value "$(sed -n 's/^HOST-STATS: //p' "$tmp/pv.log")" "$FALLBACK")
if [ -n "$fallbacks" ] && [ "$fallbacks" -gt 0 ]; then
	pass "pv: $fallbacks trampolines trapped to the original instruction ($FALLBACK)"
else
	fail "pv: no trampoline fell back to the trapping instruction ($FALLBACK '$fallbacks')"
fi
sweep_good no-pv
# The runs without an interrupt must agree across the modes, program by program.
refs() { sed -n 's/^SWEEP \([^ ]*\) .* ref=\([0-9a-f]*\)$/\1 \2/p' "$1"; }
if [ -n "$(refs "$tmp/pv.log")" ] && [ "$(refs "$tmp/pv.log")" = "$(refs "$tmp/no-pv.log")" ]; then
	pass "pv and no-pv reference runs end in the same state, program by program"
else
	fail "pv and no-pv reference runs disagree:"
	diff <(refs "$tmp/no-pv.log") <(refs "$tmp/pv.log") | head -n 10 | sed 's/^/    | /'
fi

# The sabotages, over the built programs only.
boot sabotage-critical pv "$diff_images/t_diff-sabotage-critical.bin" "$tmp/one.blob" \
	--irq-sweep step --bootargs sweep
# The bad placements of the programs swept before the run ended: with r30
# wrong, a later trampoline may go astray (it does little-endian: the
# guest then stops on an unexpected interrupt); caught is caught.
bad=$(sed -n 's/^SWEEP .* placed=[0-9]* bad=\([0-9]*\) .*/\1/p' "$tmp/sabotage-critical.log" |
	awk '{ n += $1 } END { print n + 0 }')
if [ "$bad" -gt 0 ] && grep -q '^SWEEP-BAD .*state differs.*slot 30 ' "$tmp/sabotage-critical.log"; then
	pass "sabotage critical (a trampoline leaves its critical section one word early): caught, $bad placements, r30 (slot 30) differs$(grep -q '^SWEEP-DONE' "$tmp/sabotage-critical.log" || echo "; the run then stopped: $(grep -m1 '^DIFF-INTERRUPT' "$tmp/sabotage-critical.log")")"
else
	fail "sabotage critical: not caught (bad '$bad')"
	grep '^SWEEP' "$tmp/sabotage-critical.log" | head -n 20 | sed 's/^/    | /'
fi
check_eq "sabotage critical: the host delivered nothing in a critical section" 0 \
	"$(field "$tmp/sabotage-critical.log" delivered_in_critical)"

boot sabotage-host pv "$diff_good" "$tmp/one.blob" --irq-sweep ignore-critical --bootargs sweep
in_critical=$(field "$tmp/sabotage-host.log" delivered_in_critical)
if [ -n "$in_critical" ] && [ "$in_critical" -gt 0 ] &&
   grep -q '^SWEEP-BAD .*inside a critical section' "$tmp/sabotage-host.log"; then
	pass "sabotage host (ignores the critical section): caught, delivered-in-critical $in_critical, and by the guest"
else
	fail "sabotage host: not caught (delivered-in-critical '$in_critical')"
	grep '^SWEEP\|^HOST-SWEEP' "$tmp/sabotage-host.log" | head -n 20 | sed 's/^/    | /'
fi

# Off by default: no sweep registers, so arming is a storage interrupt on
# the device page (its address from the host's banner).
boot off pv "$diff_good" "$tmp/one.blob" --bootargs sweep
base=$(sed -n 's/^host: guest at .* hostdev \(0x[0-9a-f]*\) .*/\1/p' "$tmp/off.log")
dar=$(sed -n "s/^DIFF-INTERRUPT .* $MISS .* $MISS_ADDR \(0x[0-9a-f]*\)\$/\1/p" "$tmp/off.log")
if [ -n "$base" ] && [ -n "$dar" ] && [ $((dar - base)) -ge 0 ] && [ $((dar - base)) -lt 4096 ] &&
   ! grep -q '^HOST-SWEEP' "$tmp/off.log"; then
	pass "without irq-sweep the host has no sweep registers ($MISS_NAME at $dar on the device page) and prints no HOST-SWEEP"
else
	fail "without irq-sweep: expected a $MISS_NAME on the device page ('$base'), got '$dar'"
	grep '^DIFF\|^HOST-SWEEP' "$tmp/off.log" | head -n 5 | sed 's/^/    | /'
fi
summary
