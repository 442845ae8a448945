#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make linux-bench`: the 2010 seed's loop, 1000 x `/bin/echo hello >
# /dev/null`, in busybox sh on Debian's ppc64el Linux 6.1, booted by
# ppcpv-run --linux under -icount shift=0,sleep=off, in each mode of MODES
# (native only so far; the hosted modes join once the host runs Linux).
# The guest marks the timebase before and after the loop
# (bench/linux-echo-init.sh): under icount shift=0 a tick is 1000/512
# nanoseconds of virtual time, and a nanosecond one instruction, so the
# loop's instructions follow exactly; boot and power-off are outside.
# Every mode boots twice and must give the same marks, or nothing is
# written.  Results: the table, and OUT (bench/linux-results.json).
#   bench/linux-bench.sh BUILD DOWNLOAD_DIR OUT
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
dir=${2:-$build/vmlinux}
out=${3:-$here/bench/linux-results.json}
ITERATIONS=1000
RUNS=2
MODES=(native)
# QEMU pseries' timebase: 512 MHz, i.e. 512 ticks per 1000 ns.
TB_TICKS=512 TB_NS=1000

"$here/tests/tool/fetch-ppc64el.sh" "$dir" vmlinux busybox
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ echo "ITERATIONS=$ITERATIONS"; cat "$here/bench/linux-echo-init.sh"; } >"$tmp/init.sh"
"$here/tests/linux/initramfs.sh" "$dir/busybox" "$build/ppc64le/tests/linux/ppcpv-timebase" \
	"$tmp/init.sh" "$tmp/bench.cpio.gz"

# boot MODE RUN: one boot; its three marks to $tmp/MODE.RUN.marks
boot() {
	local mode=$1 run=$2
	if ! "$build/native/bin/ppcpv-run" --linux "$dir/vmlinux" --initrd "$tmp/bench.cpio.gz" \
		"--$mode" --json --quiet --timeout 600 >"$tmp/$mode.$run.json" 2>"$tmp/$mode.$run.err"; then
		echo "linux-bench: $mode boot $run failed:" >&2
		cat "$tmp/$mode.$run.err" >&2
		return 1
	fi
	grep -o 'BENCH-MARK [0-9] [0-9]*' "$tmp/$mode.$run.json" | cut -d ' ' -f 3 >"$tmp/$mode.$run.marks"
	if [ "$(grep -c . "$tmp/$mode.$run.marks")" != 3 ]; then
		echo "linux-bench: $mode boot $run: the guest printed no three BENCH-MARK lines" >&2
		return 1
	fi
}

declare -A per_iter wall
for mode in "${MODES[@]}"; do
	for run in $(seq "$RUNS"); do
		boot "$mode" "$run"
		wall[$mode]="${wall[$mode]:-}${wall[$mode]:+ }$(grep -o '"wall_seconds":[0-9.]*' \
			"$tmp/$mode.$run.json" | cut -d : -f 2)"
		if ! cmp -s "$tmp/$mode.1.marks" "$tmp/$mode.$run.marks"; then
			echo "linux-bench: $mode: boot $run's marks differ from boot 1's:" >&2
			paste "$tmp/$mode.1.marks" "$tmp/$mode.$run.marks" >&2
			exit 1
		fi
	done
	{ read -r m0; read -r m1; read -r m2; } <"$tmp/$mode.1.marks"
	loop_ticks=$(((m2 - m1) - (m1 - m0)))
	per_iter[$mode]=$(awk -v t="$loop_ticks" -v n="$ITERATIONS" -v tk="$TB_TICKS" -v ns="$TB_NS" \
		'BEGIN { printf "%.1f", t * ns / tk / n }')
done

printf 'linux-bench: %d x /bin/echo hello > /dev/null in busybox sh, %s\n' "$ITERATIONS" \
	"$(cat "$dir/vmlinux.package")"
printf '  %-34s' ""
printf ' %14s' "${MODES[@]}"
printf '\n  %-34s' "instructions per iteration"
for mode in "${MODES[@]}"; do printf ' %14s' "${per_iter[$mode]}"; done
printf '\n  %-34s' "wall seconds per boot ($RUNS boots)"
for mode in "${MODES[@]}"; do printf ' %14s' "${wall[$mode]// /,}"; done
printf '\n  (the same marks in every boot of a mode: deterministic)\n'

{
	printf '{"iterations":%d,"runs":%d,"deterministic":true' "$ITERATIONS" "$RUNS"
	for mode in "${MODES[@]}"; do
		printf ',\n"%s":{"instructions_per_iter":%s}' "${mode//-/_}" "${per_iter[$mode]}"
	done
	printf '}\n'
} >"$tmp/results.json"
mv "$tmp/results.json" "$out"
echo "linux-bench: wrote $out"
