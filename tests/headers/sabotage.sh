#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The public-header check (tests/headers.mk) must be able to fail.  Rebuild
# its units in a scratch build directory with a shadowing include directory
# that holds one broken copy of a public header, and require a compile
# error: a type defined by two headers breaks the all-together unit, a
# header that leans on another's includes breaks its own unit.  Unmodified
# headers must compile (the control).  Usage: sabotage.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: sabotage.sh BUILD}
TEST_NAME=headers
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# What the build already did: one unit per header and flavour, and together.
units=$(ls "$build"/native/gen/headers/*.o "$build"/ppc64/gen/headers/*.o 2>/dev/null | wc -l)
if [ "$units" -gt 2 ] && [ -f "$build/native/gen/headers/all-together-c.o" ] &&
   [ -f "$build/ppc64/gen/headers/all-together-S.o" ]; then
	pass "the build compiled $units header units (native and ppc64, alone and together)"
else
	fail "the header units are missing from $build"
fi

# unit FLAVOUR NAME: build one unit against $tmp/inc (shadowing the tree)
unit() {
	rm -rf "$tmp/build"
	make -s -C "$here" BUILD="$tmp/build" CPPFLAGS="-I$tmp/inc" \
		"$tmp/build/$1/gen/headers/$2.o" >"$tmp/log" 2>&1
}

# sabotage DESCRIPTION HEADER SED-EXPRESSION UNIT EXPECTED-MESSAGE
sabotage() {
	local what=$1 header=$2 expr=$3 name=$4 expect=$5 f
	rm -rf "$tmp/inc"
	mkdir -p "$tmp/inc/$(dirname "${header#*/include/}")"
	sed -E "$expr" "$here/$header" >"$tmp/inc/${header#*/include/}"
	if cmp -s "$tmp/inc/${header#*/include/}" "$here/$header"; then
		fail "$what: the sabotage did not change $header"
		return
	fi
	for f in native ppc64; do
		if unit "$f" "$name"; then
			fail "$f: $what was accepted"
		elif grep -q "$expect" "$tmp/log"; then
			pass "$f: $what rejected ($(grep -m1 -o "$expect.*" "$tmp/log"))"
		else
			fail "$f: $what failed for another reason"; cat "$tmp/log"
		fi
	done
}

mkdir -p "$tmp/inc"
for f in native ppc64; do
	if unit "$f" all-together-c; then pass "$f: unmodified headers compile together"
	else fail "$f: control build failed"; cat "$tmp/log"; fi
done

sabotage "a second enum ppcpv_family (in patcher.h)" patcher/include/ppcpv/patcher.h \
	's/^(#include <ppcpv\/isa\/family.h>)$/\1\nenum ppcpv_family { PPCPV_FAMILY_SABOTAGE };/' \
	all-together-c "redeclaration of .enum ppcpv_family"
sabotage "stats.h without <stdint.h>" host-stubs/core/include/ppcpv/host/stats.h \
	'/^#include <stdint.h>$/d' ppcpv-host-stats-c "unknown type name .uint64_t"
summary
