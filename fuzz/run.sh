#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run.sh BUILD SECONDS TARGET...: `make fuzz`.  Each target's fuzzer
# ($BUILD/fuzz/bin/fuzz-<target>) runs SECONDS seconds on its working
# corpus ($BUILD/fuzz/run/<target>/corpus, kept from run to run), the
# seeds and fuzz/regressions/<target>/; crash, leak and timeout inputs go to $BUILD/fuzz/run/<target>/
# artifacts/, never into the tree.  A target that stops early (a crash) is
# a failure; the run ends with "fuzz: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=$1 seconds=$2; shift 2
TEST_NAME=fuzz
. "$here/tests/lib.sh"

# Per input: at most this many seconds and this much memory.
INPUT_TIMEOUT_S=10
RSS_LIMIT_MB=2048

for target in "$@"; do
	fuzzer="$build/fuzz/bin/fuzz-$target"
	run="$build/fuzz/run/$target"
	mkdir -p "$run/corpus" "$run/artifacts"
	# The patch target's scratch files: in memory when /dev/shm allows
	# (its saves fsync), else in the build directory; removed afterwards.
	tmp=$(mktemp -d /dev/shm/ppcpv-fuzz.XXXXXX 2>/dev/null) ||
		tmp=$(mkdir -p "$run/tmp" && mktemp -d "$run/tmp/XXXXXX") || exit 1
	log="$run/fuzz.log"
	regressions=()
	[ -d "$here/fuzz/regressions/$target" ] && regressions=("$here/fuzz/regressions/$target")
	echo "== fuzz: $target for $seconds s (log: $log)"
	# stdout closed (-close_fd_mask=1): the harnesses print nothing worth keeping.
	TMPDIR="$tmp" "$fuzzer" -max_total_time="$seconds" -timeout="$INPUT_TIMEOUT_S" \
		-rss_limit_mb="$RSS_LIMIT_MB" -close_fd_mask=1 -print_final_stats=1 \
		-artifact_prefix="$run/artifacts/" \
		"$run/corpus" "$build/fuzz/seeds/$target" "${regressions[@]}" >"$log" 2>&1
	status=$?
	rm -rf "$tmp"
	stats=$(grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$log" | tail -n 1)
	if [ "$status" -eq 0 ]; then
		pass "$target: $seconds s, no crash (${stats:-see $log})"
	else
		fail "$target: fuzzer exit $status; artifacts in $run/artifacts/"
		grep -E 'ERROR|SUMMARY|invariant broken|Test unit written' "$log" | head -n 8 | sed 's/^/    /'
	fi
done
summary
