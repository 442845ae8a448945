#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The ABI proof must be able to fail: rebuild hcall-abi/check/abi_check.c
# with the project's own flags against a copy of ppcpv/abi.h in which one
# value is wrong, for every flavour, and require a compile error.  An
# unmodified copy must compile (the control).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
TEST_NAME=abi-sabotage
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

flavours="native ppc32 ppc64 ppc64le"

# build FLAVOUR: compile abi_check.c against $tmp/inc/ppcpv/abi.h
build() {
	rm -rf "$tmp/build"
	make -s -C "$here" BUILD="$tmp/build" CPPFLAGS="-I$tmp/inc" \
		"$tmp/build/$1/hcall-abi/check/abi_check.o" >"$tmp/log" 2>&1
}

# sabotage DESCRIPTION SED-EXPRESSION FLAVOURS-THAT-MUST-FAIL
sabotage() {
	local what=$1 expr=$2 must_fail=$3 f
	mkdir -p "$tmp/inc/ppcpv"
	sed -E "$expr" "$here/hcall-abi/include/ppcpv/abi.h" >"$tmp/inc/ppcpv/abi.h"
	if cmp -s "$tmp/inc/ppcpv/abi.h" "$here/hcall-abi/include/ppcpv/abi.h"; then
		fail "$what: the sabotage did not change abi.h"
		return
	fi
	for f in $must_fail; do
		if build "$f"; then
			fail "$f: $what was accepted"
		elif grep -q 'static assertion failed' "$tmp/log"; then
			pass "$f: $what rejected ($(grep -o '"[^"]*"' "$tmp/log" | head -1))"
		else
			fail "$f: $what failed to build for another reason"; cat "$tmp/log"
		fi
	done
}

mkdir -p "$tmp/inc/ppcpv"
cp "$here/hcall-abi/include/ppcpv/abi.h" "$tmp/inc/ppcpv/abi.h"
for f in $flavours; do
	if build "$f"; then pass "$f: unmodified abi.h compiles"; else fail "$f: control build failed"; cat "$tmp/log"; fi
done

sabotage "msr offset 88->96" \
	's/^(#define PPCPV_SHARED_MSR[[:space:]]+)88$/\196/' "$flavours"
sabotage "magic r0 'KVM!'->'KVM\"'" \
	's/^(#define PPCPV_SC_MAGIC_R0[[:space:]]+)0x4b564d21$/\10x4b564d22/' "$flavours"
sabotage "pvinfo size 128->124" \
	's/^(#define PPCPV_PVINFO_SIZE[[:space:]]+)128$/\1124/' "$flavours"
sabotage "int_pending widened to u64" \
	's/^(\tuint)32(_t int_pending;)/\164\2/' "$flavours"
sabotage "EV_UNIMPLEMENTED 12->13" \
	's/^(#define PPCPV_EV_UNIMPLEMENTED[[:space:]]+)12$/\113/' "ppc32 ppc64 ppc64le"
sabotage "MAP token number 4->5" \
	's/^(#define PPCPV_KVM_HC_PPC_MAP_MAGIC_PAGE[[:space:]]+)4$/\15/' "$flavours"
sabotage "FEAT_MAS0_TO_SPRG7 bit 1->2" \
	's/^(#define PPCPV_MAGIC_FEAT_MAS0_TO_SPRG7[[:space:]]+\(1 << )1\)/\12)/' "ppc32 ppc64 ppc64le"
sabotage "powerpc GET_PVINFO ioctl" \
	's/^(#define PPCPV_KVM_PPC_GET_PVINFO_PPC[[:space:]]+)0x8080aea1$/\10x4080aea1/' "ppc32 ppc64 ppc64le"
sabotage "x86 GET_PVINFO ioctl" \
	's/^(#define PPCPV_KVM_PPC_GET_PVINFO_GENERIC[[:space:]]+)0x4080aea1$/\10x8080aea1/' "native"
summary
