#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The `tool` check step: ppcpv-patch on small PowerPC ELF files assembled
# here with the cross compilers (tests/tool/image*.S), for 64-bit Book3S
# (big- and little-endian, linked and relocatable), 32-bit Book3S and e500.
#   tests/tool/run.sh BUILD
# Cases: tests/tool/cases-images.sh (counts, sites, --apply, --unpatch) and
# tests/tool/cases-errors.sh (every error exit).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
case $build in /*) ;; *) build=$here/$build ;; esac
TEST_NAME=tool
. "$here/tests/lib.sh"
. "$here/tests/tool/helpers.sh"

tool="$build/native/bin/ppcpv-patch"
oracle="$build/native/bin/ppcpv-site-oracle"
src="$here/tests/tool"
work="$build/tests/tool"
rm -rf "$work" && mkdir -p "$work" || exit 1

# image NAME TRIPLET ASFLAG SOURCE BASE: NAME.o and the linked NAME.
build_image() {
	local name=$1 t=$2 asflag=$3 source=$4 base=$5
	if ! "$t-gcc" -c -Wa,-mregnames -Wa,"$asflag" -o "$work/$name.o" "$src/$source" 2>"$work/$name.err" ||
	   ! "$t-gcc" -nostdlib -static -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
		-Wl,-T,"$src/image.lds" -Wl,--defsym,image_base="$base" \
		-o "$work/$name" "$work/$name.o" 2>>"$work/$name.err"; then
		fail "build $name: $(cat "$work/$name.err")"
		return 1
	fi
}

build_image b64 powerpc64-linux-gnu -many image64.S 0xc000000000000000 &&
build_image le64 powerpc64le-linux-gnu -many image64.S 0xc000000000000000 &&
build_image b32 powerpc-linux-gnu -many image_b32.S 0x100000 &&
build_image e500 powerpc-linux-gnu -me500 image_e500.S 0x100000 || { summary; exit 1; }
pass "test images assembled and linked for ppc64, ppc64le and ppc32"

. "$src/cases-images.sh"
. "$src/cases-errors.sh"
summary
