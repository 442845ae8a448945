#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# replay.sh BUILD TARGET...: the `fuzz-replay` check step.  Each target's
# harness, built with the ordinary compiler (fuzz-replay-<target>), runs once
# per seed ($BUILD/fuzz/seeds/<target>/) and once per input that ever broke
# it (fuzz/regressions/<target>/): every run must end normally, with no
# broken invariant and (with SANITIZE=1) no sanitizer report.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
build=$1; shift
TEST_NAME=fuzz-replay
. "$here/tests/lib.sh"

for target in "$@"; do
	replay="$build/native/bin/fuzz-replay-$target"
	seeds=("$build/fuzz/seeds/$target"/*)
	regressions=()
	[ -d "$here/fuzz/regressions/$target" ] && regressions=("$here/fuzz/regressions/$target"/*)
	if [ ! -e "${seeds[0]}" ]; then
		fail "$target: no seeds in $build/fuzz/seeds/$target"
		continue
	fi
	for input in "${seeds[@]}" "${regressions[@]}"; do
		[ -e "$input" ] || continue
		what="$target: ${input#"$here"/}"
		if out=$("$replay" "$input" 2>&1); then
			pass "$what"
		else
			fail "$what: exit $? $(head -n 3 <<<"$out")"
		fi
	done
done
summary
