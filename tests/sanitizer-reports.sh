#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sanitizer-reports.sh DIR: the last step of `make check SANITIZE=1`.  Every
# file in DIR is one report of AddressSanitizer, LeakSanitizer or
# UndefinedBehaviorSanitizer from a program a check step ran (their
# log_path, set by mk/build.mk); each is printed and counts as one failure.
set -u
. "$(dirname "$0")/lib.sh"
TEST_NAME=sanitizer-reports
dir=$1

shopt -s nullglob
reports=("$dir"/*)
for r in "${reports[@]}"; do
	fail "$(basename "$r"): $(grep -m1 -E 'ERROR|runtime error' "$r" || head -n 1 "$r")"
	sed 's/^/    /' "$r"
done
[ ${#reports[@]} -eq 0 ] && pass "no AddressSanitizer, LeakSanitizer or UBSan report from any check step"
summary
