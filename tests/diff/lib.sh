# SPDX-License-Identifier: MIT
# Shell helpers of the differential test (check.sh, soak.sh): one batch
# generated, booted in the three modes and judged; a divergence rerun with
# full state dumps so that the report names registers.  Source it after
# setting `build`, `here` and, for another family than book3s64, DIFF_FAMILY
# (state.h's names; exported: run.sh reads it).

export DIFF_FAMILY=${DIFF_FAMILY:-book3s64}
diff_gen=$build/native/bin/diff-gen
diff_compare=$build/native/bin/diff-compare
# The family's test guest images (tests/diff.mk: one per byte order and
# runtime), and whether QEMU runs the guest natively (state.h says: QEMU
# pseries has only 64-bit CPUs, so book3s32 runs hosted only).
case $DIFF_FAMILY in
book3s64|book3s32) diff_images=$build/ppc64/tests/diff ;;
book3s64le) diff_images=$build/ppc64le/tests/diff ;;
e500) diff_images=$build/ppc32/tests/diff ;;
*) echo "tests/diff: no test guest for the family '$DIFF_FAMILY'" >&2; exit 2 ;;
esac
diff_native=$("$diff_gen" --family "$DIFF_FAMILY" --native-run) || exit 2
diff_good=$diff_images/t_diff.bin

# diff_gen_family ARGS...: diff-gen for the family.
diff_gen_family() {
	"$diff_gen" --family "$DIFF_FAMILY" "$@"
}

# diff_boots DIR BLOB PV_IMAGE: the native and no-pv runs of the good image
# and the pv run of PV_IMAGE over BLOB, consoles in DIR/{native,no-pv,pv}.log,
# QEMU's exit statuses in DIR/boots ("native no-pv pv"; native "-" for a
# family without a native run).
diff_boots() {
	local dir=$1 blob=$2 pv_image=$3 mode image statuses=()
	mkdir -p "$dir"
	[ "$diff_native" = 1 ] || statuses=(-)
	for mode in native no-pv pv; do
		[ "$mode" = native ] && [ "$diff_native" = 0 ] && continue
		image=$diff_good
		[ "$mode" = pv ] && image=$pv_image
		"$here/tests/diff/run.sh" "$build" "$mode" "$image" "$blob" "$dir/$mode.log"
		statuses+=("$?")
	done
	echo "${statuses[*]}" >"$dir/boots"
}

# diff_compare_runs DIR BLOB [--json]: diff-compare over DIR's three logs,
# its output in DIR/compare.out; returns its status.
diff_compare_runs() {
	local dir=$1 blob=$2
	shift 2
	local native=(--native "$dir/native.log")
	[ "$diff_native" = 1 ] || native=()
	"$diff_compare" --blob "$blob" "${native[@]}" --no-pv "$dir/no-pv.log" \
		--pv "$dir/pv.log" "$@" >"$dir/compare.out" 2>&1
}

# diff_batch DIR FIRST COUNT PV_IMAGE [--json]: generate the batch, boot it,
# judge it.  When programs diverge, the batch is generated again with the
# first divergent ones marked for a dump and booted again, and DIR/report.txt
# holds the judge's full report (seed, disassembly, first differing
# register).  Returns the first judgement's status (0 agree, 1 divergent,
# 2 bad input); 3 when the batch could not be generated.
diff_batch() {
	local dir=$1 first=$2 count=$3 pv_image=$4 rc wanted
	shift 4
	mkdir -p "$dir"
	diff_gen_family --first-seed "$first" --count "$count" --out "$dir/batch.blob" || return 3
	diff_boots "$dir" "$dir/batch.blob" "$pv_image"
	diff_compare_runs "$dir" "$dir/batch.blob" "$@"
	rc=$?
	cp "$dir/compare.out" "$dir/report.txt"
	wanted=$(sed -n 's/^DUMP-WANTED: //p' "$dir/compare.out")
	if [ "$rc" = 1 ] && [ -n "$wanted" ]; then
		diff_gen_family --first-seed "$first" --count "$count" --dump "$wanted" \
			--out "$dir/dump.blob" || return 3
		diff_boots "$dir/dump" "$dir/dump.blob" "$pv_image"
		diff_compare_runs "$dir/dump" "$dir/dump.blob"
		cp "$dir/dump/compare.out" "$dir/report.txt"
	fi
	return "$rc"
}

# diff_pv_kinds LOG: the kinds the pv run's patch report names with a
# count above 0, one per line.
diff_pv_kinds() {
	sed -n 's/^ppcpv: PV on: patched [0-9]* of [0-9]* sites (\([^)]*\)).*/\1/p' "$1" |
		tr ',' '\n' | awk '$2 > 0 { print $1 }'
}
