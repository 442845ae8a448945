#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Independent oracles for the hypercall ABI:
#  - GNU as, assembling "lis r0,'KV'; ori r0,r0,'M!'; sc; nop" for each
#    flavour, must produce the words ppcpv_pvinfo_fill() hands out;
#  - libopcodes (through ppcpv-pvinfo) must decode those words as that text;
#  - the guest stub built for each flavour must disassemble (objdump) to
#    "li r3,-1; nop; nop; nop; blr".
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=abi-oracles
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pvinfo="$build/native/bin/ppcpv-pvinfo"
expected=$("$pvinfo" --words | tr '\n' ' ')

declare -A triplet=([ppc32]=powerpc-linux-gnu [ppc64]=powerpc64-linux-gnu [ppc64le]=powerpc64le-linux-gnu)
declare -A endian=([ppc32]=big [ppc64]=big [ppc64le]=little)

for f in ppc32 ppc64 ppc64le; do
	t=${triplet[$f]}
	printf 'lis 0,0x4b56\nori 0,0,0x4d21\nsc\nnop\n' >"$tmp/seq.s"
	if ! "$t-as" -o "$tmp/seq.o" "$tmp/seq.s" 2>"$tmp/err"; then
		fail "$f: GNU as failed: $(cat "$tmp/err")"; continue
	fi
	"$t-objcopy" -O binary -j .text "$tmp/seq.o" "$tmp/seq.bin"
	got=$(od -An -v -tx4 --endian="${endian[$f]}" "$tmp/seq.bin" | tr -s ' \n' ' ' | sed 's/^ //' |
		awk '{for (i = 1; i <= NF; i++) printf "0x%s ", $i}')
	check_eq "$f: GNU as encodes the pvinfo hypercall words" "$expected" "$got"

	lib="$build/$f/lib/libppcpv-hcall.a"
	stub=$("$t-objdump" -d --no-show-raw-insn "$lib" |
		awk '/<ppcpv_hcall_stub>:/ {on = 1; next} on && /^$/ {exit} on {sub(/^[^:]*:[ \t]*/, ""); gsub(/[ \t]+/, " "); printf "%s; ", $0}')
	check_eq "$f: default stub is li r3,-1 + 3 nop + blr" "li r3,-1; nop; nop; nop; blr; " "$stub"
done

table=$("$pvinfo")
for want in 'hcall\[0\] 0x3c004b56  lis r0,19286' 'hcall\[1\] 0x60004d21  ori r0,r0,19745' \
	    'hcall\[2\] 0x44000002  sc$' 'hcall\[3\] 0x60000000  nop$' 'flags    0x00000001 \(EV_IDLE\)'; do
	if grep -Eq "$want" <<<"$table"; then pass "libopcodes: $want"; else fail "libopcodes: no line '$want'"; fi
done
summary
