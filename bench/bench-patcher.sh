#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make bench-patcher`: the library's scan speed on Debian's ppc64el vmlinux
# (fetched on demand, as for check-vmlinux), against a plain read of the
# same text.  Results: the terminal and bench/results-patcher.json (not committed).
#   bench/bench-patcher.sh BUILD VMLINUX_DIR [RUNS]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
dir=${2:-$build/vmlinux}
runs=${3:-${BENCH_RUNS:-50}}

"$here/tests/tool/fetch-ppc64el.sh" "$dir" vmlinux
echo "kernel:   $(cat "$dir/vmlinux.package")"
echo "machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
"$build/native/bin/bench-patcher" --runs "$runs" --json "$here/bench/results-patcher.json" "$dir/vmlinux"
echo "results:  bench/results-patcher.json"
