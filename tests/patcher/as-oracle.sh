#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The GNU as oracle of the patcher (check step patcher-as).
#
# patcher-as-cases prints every case of the tests' model: the bytes the
# library wrote (or the model's original word) and the instruction text they
# must be.  For each family and byte order, all texts are assembled in one
# batch by the matching cross assembler in that family's dialect (-mpower8,
# -m603, -me500; each rejects the others' privileged instructions, which is
# checked too) and the bytes are compared word by word.
#
# usage: as-oracle.sh [BUILD-DIR]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=patcher-as
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

targets=("book3s64 BE" "book3s64 LE" "book3s32 BE" "book3s32 LE" "e500 BE" "e500 LE")
declare -A as_cmd=(
	["book3s64 BE"]="powerpc64-linux-gnu-as -a64 -mbig -mpower8"
	["book3s64 LE"]="powerpc64le-linux-gnu-as -a64 -mlittle -mpower8"
	["book3s32 BE"]="powerpc-linux-gnu-as -a32 -mbig -m603"
	["book3s32 LE"]="powerpc-linux-gnu-as -a32 -mlittle -m603"
	["e500 BE"]="powerpc-linux-gnu-as -a32 -mbig -me500"
	["e500 LE"]="powerpc-linux-gnu-as -a32 -mlittle -me500"
)
# What each dialect must refuse: the other families' instructions.
declare -A foreign=(
	[book3s64]="wrtee r3|wrteei 1|mtsrin r3,r4"
	[book3s32]="ld r3,-4008(0)|std r4,-4032(0)|mtmsrd r3,1|mtmsrd r3,0|wrtee r3|wrteei 0"
	[e500]="ld r3,-4008(0)|std r4,-4032(0)|mtmsrd r3,1|mtmsrd r3,0|mtsrin r3,r4"
)
declare -A what=(
	[orig]="the model's original words"
	[site]="the words written at the sites"
	[slot]="the trampolines' fix-up slots"
	[tramp]="the other trampoline words (libopcodes' text)"
)

# assemble AS-COMMAND SOURCE: one 8-digit hex word per line, memory order
assemble() {
	local as=$1 src=$2 obj="$tmp/a.o" bin="$tmp/a.bin"
	$as -mregnames -o "$obj" "$src" 2>"$tmp/as.err" || return 1
	"${as%%-as *}-objcopy" -O binary -j .text "$obj" "$bin" || return 1
	od -An -v -tx1 -w4 "$bin" | tr -d ' '
}

# Batch failed: assemble line by line so that the bad texts get named.
assemble_each() {
	local as=$1 src=$2 line word
	while IFS= read -r line; do
		printf '%s\n' "$line" >"$tmp/one.s"
		if ! word=$(assemble "$as" "$tmp/one.s"); then
			word="error:$(grep -m1 Error "$tmp/as.err" | sed 's/^.*Error: //')"
		fi
		printf '%s\n' "${word:-empty}"
	done <"$src"
}

cases="$tmp/cases.tsv"
if ! "$build/native/bin/patcher-as-cases" >"$cases" 2>"$tmp/cases.err" ||
   [ -s "$tmp/cases.err" ]; then
	fail "patcher-as-cases: $(tr '\n' ';' <"$tmp/cases.err")"
fi

for target in "${targets[@]}"; do
	as=${as_cmd[$target]}
	awk -F'\t' -v t="$target" '$1 " " $2 == t' "$cases" >"$tmp/t.tsv"
	cut -f6 "$tmp/t.tsv" >"$tmp/t.s"
	if [ ! -s "$tmp/t.s" ]; then
		fail "$target: no cases"
		continue
	fi
	if ! assemble "$as" "$tmp/t.s" >"$tmp/t.got"; then
		fail "$target: ${as%% *} rejected the batch: $(grep -m3 Error "$tmp/as.err" | tr '\n' ' ')"
		assemble_each "$as" "$tmp/t.s" >"$tmp/t.got"
	fi
	if [ "$(wc -l <"$tmp/t.got")" -ne "$(wc -l <"$tmp/t.tsv")" ]; then
		fail "$target: $(wc -l <"$tmp/t.tsv") texts assembled to $(wc -l <"$tmp/t.got") words"
		continue
	fi
	# one FAIL line per differing word, then one line per check
	while IFS=$'\t' read -r verdict message; do
		if [ "$verdict" = P ]; then pass "$message"; else fail "$message"; fi
	done < <(paste "$tmp/t.tsv" "$tmp/t.got" | awk -F'\t' -v t="$target" '
		{
			n[$3]++
			if ($5 != $7) {
				bad[$3]++
				printf "F\t%s: %s %s: \"%s\" is %s for GNU as, the bytes are %s\n",
				       t, $3, $4, $6, $7, $5
			}
		}
		END {
			split("orig site slot tramp", order, " ")
			for (i = 1; i <= 4; i++) {
				c = order[i]
				if (!n[c] && c != "tramp")
					printf "F\t%s: no words of check %s\n", t, c
				else if (n[c])
					printf "%s\t%s: %s words of check %s agree with GNU as\n",
					       bad[c] ? "F" : "P", t, (bad[c] ? n[c] - bad[c] "/" : "") n[c], c
			}
		}')
done

for family in book3s64 book3s32 e500; do
	as=${as_cmd["$family BE"]}
	IFS='|' read -r -a insns <<<"${foreign[$family]}"
	for insn in "${insns[@]}"; do
		printf '%s\n' "$insn" >"$tmp/foreign.s"
		if assemble "$as" "$tmp/foreign.s" >/dev/null; then
			fail "$family: '${as#* }' accepts \"$insn\": the dialect check is not in force"
		else
			pass "$family: '${as#* }' rejects \"$insn\""
		fi
	done
done

for c in orig site slot tramp; do
	echo "INFO: $TEST_NAME: $c = ${what[$c]}"
done
summary
