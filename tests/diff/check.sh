#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check.sh [BUILD [FAMILY]]: the differential test's `make check` steps
# diff (book3s64), diff-book3s64le, diff-book3s32 and diff-e500.  Two batches
# of generated programs, each booted natively, hosted without PV and hosted
# with PV (patched by the guest PV component), must end in the same machine
# state program by program; then two builds of the guest that are wrong on
# purpose (a rule table with a wrong shared-page field, a trampoline with a
# wrong MSR mask bit) must be caught, and the report must name the register.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
DIFF_FAMILY=${2:-book3s64}
TEST_NAME=diff; [ "$DIFF_FAMILY" = book3s64 ] || TEST_NAME=diff-$DIFF_FAMILY
. "$here/tests/lib.sh"
. "$here/tests/diff/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Seeds 1..3072 in two batches of 1536 programs (three boots each).
BATCH_PROGRAMS=1536
BATCHES=2
# The sabotage runs use a small batch of their own.
SABOTAGE_PROGRAMS=256
# Every kind the patcher rewrites for the family (the patch report's names).
case $DIFF_FAMILY in
book3s32) PV_KINDS="mfmsr mfspr mtspr tlbsync mtmsr mtsrin" ;;
e500) PV_KINDS="mfmsr mfspr mtspr tlbsync mtmsr wrtee wrteei_1 wrteei_0" ;;
*) PV_KINDS="mfmsr mfspr mtspr tlbsync mtmsrd_l1 mtmsr mtmsrd_l0" ;;
esac

start=$(date +%s%N)
programs=0
for ((b = 0; b < BATCHES; b++)); do
	dir=$tmp/batch$b
	first=$((1 + b * BATCH_PROGRAMS))
	diff_batch "$dir" "$first" "$BATCH_PROGRAMS" "$diff_good"
	rc=$?
	check_eq "batch $b (seeds $first..$((first + BATCH_PROGRAMS - 1))): QEMU exit statuses native, no-pv, pv" \
		"$([ "$diff_native" = 1 ] && echo 0 || echo -) 0 0" "$(cat "$dir/boots" 2>/dev/null)"
	kinds=$(diff_pv_kinds "$dir/pv.log" | sort | tr '\n' ' ')
	check_eq "batch $b: the pv run patched every $DIFF_FAMILY kind" \
		"$(tr ' ' '\n' <<<"$PV_KINDS" | sort | tr '\n' ' ')" "$kinds"
	if [ "$rc" = 0 ]; then
		pass "batch $b: $(tail -n 1 "$dir/compare.out")"
		programs=$((programs + BATCH_PROGRAMS))
	else
		fail "batch $b: the runs disagree (diff-compare status $rc):"
		sed 's/^/    | /' "$dir/report.txt"
	fi
done
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "$TEST_NAME: $programs programs agreed in $([ "$diff_native" = 1 ] && echo "native, ")no-pv and pv runs, $((BATCHES * (2 + diff_native))) boots in $elapsed_ms ms"

# sabotage NAME WHAT PATTERN: the pv run of t_diff-sabotage-NAME must
# disagree with the good runs, and the dumped report must show PATTERN.
sabotage() {
	local name=$1 what=$2 pattern=$3 dir=$tmp/sabotage-$1 rc
	diff_batch "$dir" 1 "$SABOTAGE_PROGRAMS" "$diff_images/t_diff-sabotage-$name.bin"
	rc=$?
	if [ "$rc" = 1 ]; then
		pass "sabotage $name ($what): caught - $(tail -n 1 "$dir/compare.out")"
	else
		fail "sabotage $name ($what): not caught (diff-compare status $rc)"
		sed 's/^/    | /' "$dir/compare.out"
	fi
	if grep -q 'no-pv vs pv: first differing register: ' "$dir/report.txt" &&
	   grep -Eq -- "$pattern" "$dir/report.txt" &&
	   grep -q '^    0x[0-9a-f]*: [0-9a-f]\{8\}  mt' "$dir/report.txt"; then
		pass "sabotage $name: the report disassembles the program and names $(grep -m1 -Eo -- "$pattern" "$dir/report.txt")"
	else
		fail "sabotage $name: no disassembly, no first differing register or no '$pattern' in the report"
		sed 's/^/    | /' "$dir/report.txt" | head -n 80
	fi
}
sabotage spr "SRR0's shared-page field is SRR1's" 'SRR[01] \((trapping|patched-part) mfspr\)'
wrong_bit=ME; [ "$DIFF_FAMILY" = e500 ] && wrong_bit=GS	# guest/sabotage_msr.c says why
sabotage msr "the mtmsr trampoline takes $wrong_bit for a safe bit" 'msr \((trapping|patched-part) mfmsr\)'
summary
