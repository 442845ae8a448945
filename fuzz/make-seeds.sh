#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# make-seeds.sh BUILD OUT: the seed corpora of the fuzz targets, one
# directory per target under OUT, made from the tree:
#   patch    tests/tool's miniature kernels (ppc64 BE/LE, Book3S-32, e500),
#            as objects and as executables linked without page padding (-N),
#            and some of them patched by ppcpv-patch --apply (restore record)
#   fdt      fuzz/corpus/fdt/*.dts (dtc: format version 17 and 16) and the
#            guest device trees ppcpv-hostcfg writes
#   hostcfg  fuzz/corpus/hostcfg/*.dts and host configs ppcpv-hostcfg writes
# The option bytes of the patch target (fuzz/fuzz_patch.c) are set so that
# the e500 image is fuzzed as e500.  Fails on the first command that does.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$1 out=$2
patch="$build/native/bin/ppcpv-patch"
hostcfg="$build/native/bin/ppcpv-hostcfg"
images="$here/tests/tool"
rm -rf "$out.new"
mkdir -p "$out.new/patch" "$out.new/fdt" "$out.new/hostcfg"
work=$(mktemp -d)
trap 'rm -rf "$work" "$out.new"' EXIT

# elf NAME TRIPLET ASFLAG SOURCE BASE: NAME.o and NAME in the patch seeds.
elf() {
	local name=$1 t=$2 asflag=$3 source=$4 base=$5 dir="$out.new/patch"
	"$t-gcc" -c -Wa,-mregnames -Wa,"$asflag" -o "$dir/$name.o" "$images/$source"
	"$t-gcc" -nostdlib -static -Wl,--build-id=none -Wl,--no-warn-rwx-segments -Wl,-N \
		-Wl,-T,"$images/image.lds" -Wl,--defsym,image_base="$base" \
		-o "$dir/$name" "$dir/$name.o"
}

# as_e500 FILE: e_ident[EI_PAD] bit 0, the patch target's --family e500.
as_e500() {
	printf '\001' | dd of="$1" bs=1 seek=9 conv=notrunc status=none
}

elf b64 powerpc64-linux-gnu -many image64.S 0xc000000000000000
elf le64 powerpc64le-linux-gnu -many image64.S 0xc000000000000000
elf b32 powerpc-linux-gnu -many image_b32.S 0x100000
elf e500 powerpc-linux-gnu -me500 image_e500.S 0x100000
as_e500 "$out.new/patch/e500"
as_e500 "$out.new/patch/e500.o"
rm "$out.new/patch/b32.o"	# like e500.o, less of interest
"$patch" --apply "$out.new/patch/b64.patched" "$out.new/patch/b64" >/dev/null
"$patch" --family book3s32 --apply "$out.new/patch/b32.patched" "$out.new/patch/b32" >/dev/null
"$patch" --family e500 --apply "$out.new/patch/e500.patched" "$out.new/patch/e500" >/dev/null

for dts in "$here"/fuzz/corpus/fdt/*.dts "$here"/fuzz/corpus/hostcfg/*.dts; do
	target=$(basename "$(dirname "$dts")") name=$(basename "$dts" .dts)
	dtc -q -I dts -O dtb -o "$out.new/$target/$name.dtb" "$dts"
done
for dts in "$here"/fuzz/corpus/fdt/*.dts; do
	dtc -q -I dts -O dtb -V 16 -o "$out.new/fdt/$(basename "$dts" .dts)-v16.dtb" "$dts"
done
"$hostcfg" --guest-fdt "$out.new/fdt/guest.dtb" --bootargs "console=hvc0"
"$hostcfg" --guest-fdt "$out.new/fdt/guest-no-hypervisor.dtb" --mode none --hostdev none
"$hostcfg" --guest-fdt "$out.new/fdt/guest-hcall-8.dtb" --hcall-bytes 8

"$hostcfg" --host-config "$out.new/hostcfg/default.dtb"
"$hostcfg" --host-config "$out.new/hostcfg/no-pv.dtb" --mode no-pv --guest-fdt-addr 0x800000
"$hostcfg" --host-config "$out.new/hostcfg/faults.dtb" --mode none --hostdev none \
	--fault stale-magic-page --selftest host-fault --verbose
"$hostcfg" --host-config "$out.new/hostcfg/largest.dtb" --guest-size 0x10000000 --features 0x3

rm -rf "$out"
mv "$out.new" "$out"
