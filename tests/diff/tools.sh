#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# tools.sh [BUILD]: the differential test's native tools without QEMU
# (step diff-tools).  diff-gen writes the same blob for the same seeds and
# refuses bad input with one line, leaving any existing output as it was;
# diff-compare agrees on agreeing logs, reports a divergence or a missing
# result with the program's listing, and refuses bad blobs and logs (a
# damaged blob, runs given in the wrong mode, a pv run that skipped sites,
# a line outside the batch) with one line and status 2.  The logs here are
# written by hand; real ones come from the step diff.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=diff-tools
. "$here/tests/lib.sh"
gen=$build/native/bin/diff-gen
compare=$build/native/bin/diff-compare
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# refuses WHAT PATTERN TOOL ARGS...: status 2, exactly one stderr line
# saying PATTERN.
refuses() {
	local what=$1 pattern=$2 msg rc
	shift 2
	msg=$("$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" = 2 ] && [ "$(grep -c . <<<"$msg")" = 1 ] && grep -q -- "$pattern" <<<"$msg"; then
		pass "$what: '$msg'"
	else
		fail "$what: status $rc, '$msg' (wanted status 2 and one line saying '$pattern')"
	fi
}

# ---- diff-gen --------------------------------------------------------------

"$gen" --first-seed 10 --count 4 --out "$tmp/a.blob" && "$gen" --first-seed 10 --count 4 --out "$tmp/b.blob"
if cmp -s "$tmp/a.blob" "$tmp/b.blob"; then pass "diff-gen: the same seeds give the same blob"; else fail "diff-gen: two blobs of the same seeds differ"; fi
"$gen" --first-seed 11 --count 4 --out "$tmp/c.blob"
if ! cmp -s "$tmp/a.blob" "$tmp/c.blob"; then pass "diff-gen: other seeds give another blob"; else fail "diff-gen: seeds 10 and 11 give the same blob"; fi
"$gen" --first-seed 10 --count 4 --dump 1,3 --out "$tmp/d.blob"
check_eq "diff-gen: --dump changes the blob (flags)" 1 "$(cmp -s "$tmp/a.blob" "$tmp/d.blob"; echo $?)"
if "$gen" --show 10 | grep -q '^  0x00000000: [0-9a-f]\{8\}  [a-z]'; then
	pass "diff-gen --show: a libopcodes listing"
else
	fail "diff-gen --show: no listing"
fi

cp "$tmp/a.blob" "$tmp/keep.blob"
refuses "diff-gen: --count 0" "--count must be" "$gen" --first-seed 1 --count 0 --out "$tmp/keep.blob"
refuses "diff-gen: --count too big" "--count must be" "$gen" --first-seed 1 --count 5000 --out "$tmp/keep.blob"
refuses "diff-gen: --first-seed not a number" "--first-seed wants a number" "$gen" --first-seed x1 --count 4 --out "$tmp/keep.blob"
refuses "diff-gen: --dump outside the batch" "--dump wants indices" "$gen" --first-seed 1 --count 4 --dump 4 --out "$tmp/keep.blob"
refuses "diff-gen: --out in a missing directory" "cannot write" "$gen" --first-seed 1 --count 4 --out "$tmp/none/x.blob"
refuses "diff-gen: --out a directory" "cannot write" "$gen" --first-seed 1 --count 4 --out "$tmp"
refuses "diff-gen: --loader-addr of no kind" "--loader-addr wants" "$gen" --loader-addr elsewhere
refuses "diff-gen: nothing asked" "are needed" "$gen"
refuses "diff-gen: an unknown family" "unknown family 'book3s16'" "$gen" --family book3s16 --guest-msr
# The family decides the MSR a program starts with and the hosted entry MSR.
check_eq "diff-gen: book3s64le's entry MSR has LE (and SF)" "0x8000000000000001" "$("$gen" --family book3s64le --guest-msr)"
check_eq "diff-gen: e500's entry MSR is ME, as tests/host/e500/run-guest.sh enters" "0x1000" \
	"$("$gen" --family e500 --guest-msr)"
check_eq "diff-gen --native-run: book3s64 1, book3s32 0, e500 1" "1 0 1" \
	"$("$gen" --native-run) $("$gen" --family book3s32 --native-run) $("$gen" --family e500 --native-run)"
check_eq "diff-gen --loader-addr guest: the blob's guest-physical address" "$("$gen" --loader-addr native)" \
	"$("$gen" --family e500 --loader-addr guest)"
refuses "diff-gen: --loader-addr hosted for e500 (run-guest.sh owns the base)" "ask for guest" \
	"$gen" --family e500 --loader-addr hosted
if cmp -s "$tmp/a.blob" "$tmp/keep.blob" && [ -z "$(find "$tmp" -name '*.tmp*')" ]; then
	pass "diff-gen: refusals left the existing output and no temporary file"
else
	fail "diff-gen: a refusal changed the output or left a temporary file"
fi

# ---- diff-compare ----------------------------------------------------------

# logs DIR: hand-written consoles of the three runs over a.blob, all agreeing
# (the hashes are made up; hosted-only programs are skipped natively).
hosted_only() { "$gen" --show "$1" | grep -q 'hosted-only'; }
logs() {
	local dir=$1 i mode
	mkdir -p "$dir"
	for mode in native no-pv pv; do
		if [ "$mode" = pv ]; then
			echo "DIFF-MODE pv build=good programs=4 sites=40 patched=40 skipped=0 kvm_tmp=512"
		else
			echo "DIFF-MODE $mode build=good programs=4 sites=0 patched=0 skipped=0 kvm_tmp=0"
		fi >"$dir/$mode.log"
		for i in 0 1 2 3; do
			if [ "$mode" = native ] && hosted_only $((10 + i)); then
				echo "DIFF $i skip"
			else
				echo "DIFF $i 000000000000100$i 000000000000200$i"
			fi
		done >>"$dir/$mode.log"
		echo "DIFF-DONE programs=4" >>"$dir/$mode.log"
	done
}
run_compare() {
	local dir=$1
	shift
	"$compare" --blob "$tmp/a.blob" --native "$dir/native.log" --no-pv "$dir/no-pv.log" --pv "$dir/pv.log" "$@"
}

logs "$tmp/ok"
out=$(run_compare "$tmp/ok" --json)
check_eq "diff-compare: agreeing runs, status" 0 "$?"
check_eq "diff-compare: the JSON line" '{"programs":4,"divergences":0,"interrupts_placed":0,"lost":0,"delivered_in_critical":0}' \
	"$(tail -n 1 <<<"$out")"

logs "$tmp/div"
sed -i 's/^DIFF 2 0000000000001002/DIFF 2 0000000000009999/' "$tmp/div/pv.log"
out=$(run_compare "$tmp/div")
check_eq "diff-compare: a differing hash, status" 1 "$?"
if grep -q '^DIVERGENCE: program 2, seed 0x000000000000000c' <<<"$out" &&
   grep -q 'no-pv vs pv: the hashes differ' <<<"$out" && grep -q '^DUMP-WANTED: 2$' <<<"$out" &&
   grep -q '^    0x00000000: [0-9a-f]\{8\}  [a-z]' <<<"$out"; then
	pass "diff-compare: names the program, its seed, the pair, lists it and asks for its dump"
else
	fail "diff-compare: divergence report incomplete:"; echo "$out"
fi

logs "$tmp/lost"
sed -i '/^DIFF 1 /d' "$tmp/lost/no-pv.log"
out=$(run_compare "$tmp/lost")
check_eq "diff-compare: a missing result, status" 1 "$?"
if grep -q 'the no-pv run has no result for it' <<<"$out"; then pass "diff-compare: a lost program is reported"; else fail "diff-compare: lost program not reported: $out"; fi

logs "$tmp/bad"
refuses "diff-compare: runs swapped" "a pv run, given as the no-pv run" \
	"$compare" --blob "$tmp/a.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/pv.log" --pv "$tmp/bad/no-pv.log"
sed 's/skipped=0/skipped=3/' "$tmp/bad/pv.log" >"$tmp/bad/skipped.log"
refuses "diff-compare: a pv run that skipped sites" "every site must be patched" \
	"$compare" --blob "$tmp/a.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/skipped.log"
{ cat "$tmp/bad/pv.log"; echo "DIFF 9 0000000000000001 0000000000000002"; } >"$tmp/bad/beyond.log"
refuses "diff-compare: a program beyond the batch" "out of the batch" \
	"$compare" --blob "$tmp/a.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/beyond.log"
echo "no such run" >"$tmp/bad/other.log"
refuses "diff-compare: a console of something else" "no DIFF-MODE line" \
	"$compare" --blob "$tmp/a.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/other.log" --pv "$tmp/bad/pv.log"
refuses "diff-compare: a missing log" "cannot read" \
	"$compare" --blob "$tmp/a.blob" --native "$tmp/bad/none.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
cp "$tmp/a.blob" "$tmp/damaged.blob"
printf '\x01' | dd of="$tmp/damaged.blob" bs=1 seek=100 conv=notrunc status=none
refuses "diff-compare: a damaged blob" "hash mismatch" \
	"$compare" --blob "$tmp/damaged.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
# The family word (offset 24) is outside the hash: checked on its own.
cp "$tmp/a.blob" "$tmp/family.blob"
printf '\x07' | dd of="$tmp/family.blob" bs=1 seek=27 conv=notrunc status=none
refuses "diff-compare: a blob of an unknown family" "unknown family" \
	"$compare" --blob "$tmp/family.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
head -c 60 "$tmp/a.blob" >"$tmp/short.blob"
refuses "diff-compare: a blob cut short" "sizes out of range" \
	"$compare" --blob "$tmp/short.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
refuses "diff-compare: a log missing from the command line" "are needed" \
	"$compare" --blob "$tmp/a.blob" --native "$tmp/bad/native.log" --pv "$tmp/bad/pv.log"
refuses "diff-compare: no native log for a family with a native run" "--native is needed for book3s64" \
	"$compare" --blob "$tmp/a.blob" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
"$gen" --family book3s32 --first-seed 1 --count 4 --out "$tmp/b32.blob"
refuses "diff-compare: a native log for book3s32, which has no native run" "has no native run" \
	"$compare" --blob "$tmp/b32.blob" --native "$tmp/bad/native.log" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
refuses "run.sh: native boot of book3s32" "book3s32 has no native run" \
	env DIFF_FAMILY=book3s32 "$here/tests/diff/run.sh" "$build" native "$tmp/none.bin" "$tmp/b32.blob" "$tmp/none.log"
"$gen" --family e500 --first-seed 1 --count 4 --out "$tmp/e500.blob"
refuses "diff-compare: no native log for e500, which has a native run" "--native is needed for e500" \
	"$compare" --blob "$tmp/e500.blob" --no-pv "$tmp/bad/no-pv.log" --pv "$tmp/bad/pv.log"
summary
