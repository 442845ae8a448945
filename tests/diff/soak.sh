#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# soak.sh BUILD N: `make soak SOAK_PROGRAMS=N [SOAK_FAMILY=F]` (F: the
# environment's DIFF_FAMILY, book3s64 by default; book3s32 is not
# booted natively) - N generated programs (in batches of SOAK_BATCH,
# default 2048) booted natively, hosted without PV and
# hosted with PV, on SOAK_JOBS workers (default 2).  Seeds start at
# SOAK_FIRST_SEED (default 0x100000000, past the seeds make check uses).
# The reports of divergent batches stay in SOAK_DIR (default
# BUILD/soak).  Each batch is also booted pv under irq-sweep = step with
# "sweep-sample": one decrementer interrupt at a boundary of each program
# (that reads no SRR0/SRR1) drawn from its seed, against the run without
# it.  Prints the rate, then one JSON line:
#   {"programs":N,"divergences":D,"interrupts_placed":P,"lost":L,"delivered_in_critical":C}
# (P, L, C: the host's HOST-SWEEP counters summed; a bad placement counts
# as a divergence).  Exit status 0 when nothing diverged and none was lost
# or delivered in a critical section.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
total=${2:-100000}
. "$here/tests/diff/lib.sh"

batch=${SOAK_BATCH:-2048}
jobs=${SOAK_JOBS:-2}
first_seed=${SOAK_FIRST_SEED:-0x100000000}
out=${SOAK_DIR:-$build/soak}

number() { [[ $1 =~ ^(0x[0-9a-fA-F]+|[0-9]+)$ ]]; }
for v in "$total" "$batch" "$jobs" "$first_seed"; do
	number "$v" || { echo "soak: '$v' is not a number (SOAK_PROGRAMS, SOAK_BATCH, SOAK_JOBS, SOAK_FIRST_SEED)" >&2; exit 2; }
done
if [ "$total" -lt 1 ] || [ "$batch" -lt 1 ] || [ "$batch" -gt 2048 ] || [ "$jobs" -lt 1 ]; then
	echo "soak: SOAK_PROGRAMS >= 1, SOAK_BATCH 1..2048 and SOAK_JOBS >= 1, please" >&2
	exit 2
fi
rm -rf "$out"
mkdir -p "$out"
batches=$(((total + batch - 1) / batch))

# sweep_counts LOG: "<placed> <lost> <in critical> <bad placements> <status>"
# of a sweep-sample boot (a missing number counts as one, so it fails).
sweep_counts() {
	local log=$1 host v out=()
	host=$(sed -n 's/^HOST-SWEEP: //p' "$log")
	for v in placed lost delivered_in_critical; do
		out+=("$(grep -o "\"$v\":[0-9]*" <<<"$host" | cut -d: -f2)")
	done
	out+=("$(sed -n 's/^SWEEP-DONE .* bad=\([0-9]*\).*/\1/p' "$log")")
	echo "${out[0]:-0} ${out[1]:-1} ${out[2]:-1} ${out[3]:-1}"
}

# worker W: batches W, W + jobs, ...; one result line per batch in
# $out/worker-W: "<programs> <divergences> <status> <placed> <lost>
# <in critical> <bad placements> <sweep status>"
worker() {
	local w=$1 k n dir rc src sweep
	for ((k = w; k < batches; k += jobs)); do
		n=$batch
		[ $(((k + 1) * batch)) -gt "$total" ] && n=$((total - k * batch))
		dir=$out/batch-$k
		diff_batch "$dir" $((first_seed + k * batch)) "$n" "$diff_good" --json
		rc=$?
		d=$(grep -o '"divergences":[0-9]*' "$dir/compare.out" | cut -d: -f2)
		"$here/tests/diff/run.sh" "$build" pv "$diff_good" "$dir/batch.blob" "$dir/sweep.log" \
			--irq-sweep step --bootargs sweep-sample
		src=$?
		sweep=$(sweep_counts "$dir/sweep.log")
		echo "$n ${d:-$n} $rc $sweep $src" >>"$out/worker-$w"
		[ "$src" = 0 ] || { rc=1; echo "soak: batch $k: the interrupt sweep failed: $dir/sweep.log" >&2; }
		if [ "$rc" = 0 ]; then
			rm -rf "$dir"
		else
			echo "soak: batch $k (seeds from $((first_seed + k * batch))) diverged: $dir/report.txt" >&2
		fi
	done
}

start=$(date +%s%N)
for ((w = 0; w < jobs; w++)); do
	worker "$w" &
done
wait
elapsed_ms=$((($(date +%s%N) - start) / 1000000))

programs=0 divergences=0 bad=0 placed=0 lost=0 in_critical=0
for f in "$out"/worker-*; do
	while read -r n d rc p l c b src; do
		programs=$((programs + n))
		divergences=$((divergences + d + b))
		placed=$((placed + p))
		lost=$((lost + l))
		in_critical=$((in_critical + c))
		[ "$rc" = 0 ] && [ "$src" = 0 ] || bad=$((bad + 1))
	done <"$f"
done
rate=$((programs * 60000 / (elapsed_ms > 0 ? elapsed_ms : 1)))
echo "soak: $programs programs in $batches batches, $((3 + diff_native)) boots each, $jobs workers: $((elapsed_ms / 1000)) s, $rate programs/minute" >&2
echo "{\"programs\":$programs,\"divergences\":$divergences,\"interrupts_placed\":$placed,\"lost\":$lost,\"delivered_in_critical\":$in_critical}"
[ "$divergences" -eq 0 ] && [ "$bad" -eq 0 ] && [ "$programs" -eq "$total" ] && [ "$lost" -eq 0 ] &&
	[ "$in_critical" -eq 0 ] && [ "$placed" -gt 0 ]
