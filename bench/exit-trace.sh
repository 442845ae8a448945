#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Host instructions per exit by kind for one hosted mode of the echo-loop
# benchmark: boots the small benchmark image once under an instruction
# trace (bench/qemu-exit-trace.sh) and has exit-costs read the trace
# through a pipe as it is written (no log file: a boot logs hundreds of
# MB), taking only the loop between the host's stats marks.
#   bench/exit-trace.sh BUILD HOST-ELF IMAGE ITERATIONS MODE MMU FAST-EXITS OUT [PPCPV-RUN OPTIONS...]
# MODE is no-pv or pv; OUT gets exit-costs' lines, written only when the
# boot and the analysis both succeeded.  EXIT_COSTS_OPTIONS (say
# --phases) go to exit-costs; the options after OUT to ppcpv-run (say
# --family book3s64le for build/images/guest-bench64le-check.bin).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 8 ] || { echo "usage: exit-trace.sh BUILD HOST-ELF IMAGE ITERATIONS MODE MMU FAST-EXITS OUT [PPCPV-RUN OPTIONS...]" >&2; exit 2; }
build=$1 host_elf=$2 image=$3 iterations=$4 mode=$5 mmu=$6 fast=$7 out=$8
shift 8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/trace"
"$build/native/bin/exit-costs" --host-elf "$host_elf" \
	--marks --iterations "$iterations" ${EXIT_COSTS_OPTIONS:-} "$tmp/trace" >"$tmp/out" &
reader=$!
PPCPV_TRACE_LOG=$tmp/trace "$build/native/bin/ppcpv-run" "--$mode" --guest "$image" --mmu "$mmu" \
	--fast-exits "$fast" --qemu "$here/bench/qemu-exit-trace.sh" --timeout 900 --quiet "$@" \
	>"$tmp/console" 2>&1
status=$?
# A QEMU that never started never opened the pipe: the reader would wait.
[ $status -eq 0 ] || kill $reader 2>/dev/null
wait $reader
read_status=$?
if [ $status -ne 0 ] || [ $read_status -ne 0 ]; then
	echo "exit-trace.sh: $mode ($mmu, fast exits $fast): boot status $status, exit-costs status $read_status" >&2
	tail -3 "$tmp/console" >&2
	exit 1
fi
mv "$tmp/out" "$out"
