#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make installcheck` (the `install` step of `make check`): use an
# installation made by `make install DESTDIR=ROOT PREFIX=PREFIX` the way a
# developer outside the tree would, through pkg-config only.
#   tests/install/check.sh BUILD ROOT PREFIX
# pkg-config reads the files with PKG_CONFIG_SYSROOT_DIR=ROOT: they name
# PREFIX (where a package puts them), and ROOT is a sysroot in front of it.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$1 root=$2 prefix=$3
case $build in /*) ;; *) build=$here/$build ;; esac
TEST_NAME=install
. "$here/tests/lib.sh"

inst=$root$prefix
src=$here/tests/install
work=$build/tests/install
rm -rf "$work" && mkdir -p "$work" || exit 1

# What a user of the installation may count on (Documentation/building.rst).
programs="ppcpv-hostcfg ppcpv-patch ppcpv-pvinfo ppcpv-run"
headers="abi-asm.h abi.h emul.h err.h fdt.h guest_pv.h hcall.h patcher.h range.h pvinfo.h isa/bits.h isa/family.h isa/hash64.h isa/insn.h isa/msr.h isa/opcodes.h isa/papr.h isa/spr.h isa/vectors.h"
native_libs="ppcpv-patcher ppcpv-emul ppcpv-fdt ppcpv-abi"
guest_libs="ppcpv-guest-pv ppcpv-patcher ppcpv-emul ppcpv-fdt ppcpv-fmt ppcpv-hcall ppcpv-abi ppcpv-crt"
flavours="ppc32 ppc64 ppc64le"
declare -A elf_class=([ppc32]=ELF32 [ppc64]=ELF64 [ppc64le]=ELF64)
declare -A elf_data=([ppc32]="big endian" [ppc64]="big endian" [ppc64le]="little endian")
declare -A elf_machine=([ppc32]=PowerPC [ppc64]=PowerPC64 [ppc64le]=PowerPC64)

pc() { PKG_CONFIG_PATH="$inst/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$root" pkg-config "$@"; }
pc_plain() { PKG_CONFIG_PATH="$inst/lib/pkgconfig" pkg-config "$@"; }

# elf_kinds FILE...: the distinct "class, data, machine" of every ELF object
# in the files (archive members included), one a line.
elf_kinds() {
	readelf -h "$@" 2>/dev/null | awk -F: '
		/^ *Class:/ { c = $2 } /^ *Data:/ { d = $2 }
		/^ *Machine:/ { m = $2; gsub(/^ +/, "", c); sub(/^ *2.s complement, /, "", d)
				gsub(/^ +/, "", m); print c ", " d ", " m }' | sort -u
}

check_layout() {
	local p h l f missing=""
	for p in $programs; do [ -x "$inst/bin/$p" ] || missing+=" bin/$p"; done
	for h in $headers; do [ -f "$inst/include/ppcpv/$h" ] || missing+=" include/ppcpv/$h"; done
	for l in $native_libs; do [ -f "$inst/lib/lib$l.a" ] || missing+=" lib/lib$l.a"; done
	for f in $flavours; do
		for l in $guest_libs; do
			[ -f "$inst/lib/ppcpv/$f/lib$l.a" ] || missing+=" lib/ppcpv/$f/lib$l.a"
		done
		[ -f "$inst/lib/pkgconfig/ppcpv-guest-$f.pc" ] || missing+=" ppcpv-guest-$f.pc"
	done
	[ -f "$inst/lib/pkgconfig/ppcpv.pc" ] || missing+=" ppcpv.pc"
	check_eq "every program, header, library and pkg-config file installed" "" "$missing"
	check_eq "bin/ holds the programs and nothing else" "$programs" "$(ls "$inst/bin" | tr '\n' ' ' | sed 's/ $//')"
	check_eq "no installed file names the staging root" "" "$(grep -rl -- "$root" "$inst")"
}

check_archives() {
	local f l files
	files=$(for l in $native_libs; do echo "$inst/lib/lib$l.a"; done)
	# shellcheck disable=SC2086
	check_eq "lib/: every native library is built for the build machine" \
		"$(elf_kinds "$inst/bin/ppcpv-patch")" "$(elf_kinds $files)"
	for f in $flavours; do
		files=$(for l in $guest_libs; do echo "$inst/lib/ppcpv/$f/lib$l.a"; done)
		# shellcheck disable=SC2086
		check_eq "lib/ppcpv/$f/: every library is ${elf_class[$f]}, ${elf_data[$f]}, ${elf_machine[$f]}" \
			"${elf_class[$f]}, ${elf_data[$f]}, ${elf_machine[$f]}" "$(elf_kinds $files)"
	done
}

# check_pc NAME LIBDIR: the file names PREFIX, and its flags point into the
# installation only, at archives that are there.
check_pc() {
	local name=$1 libdir=$2 flag bad=""
	if pc_plain --validate "$name" 2>"$work/pc.err"; then pass "$name.pc is valid"
	else fail "$name.pc is not valid: $(cat "$work/pc.err")"; fi
	check_eq "$name.pc: prefix is PREFIX" "$prefix" "$(pc_plain --variable=prefix "$name")"
	check_eq "$name.pc: libdir" "$prefix/$libdir" "$(pc_plain --variable=libdir "$name")"
	check_eq "$name.pc: -I under the sysroot" "-I$inst/include" "$(pc --cflags-only-I "$name" | sed 's/ *$//')"
	for flag in $(pc --libs "$name"); do
		case $flag in
		-L"$inst/$libdir") ;;
		-l*) [ -f "$inst/$libdir/lib${flag#-l}.a" ] || bad+=" $flag" ;;
		*) bad+=" $flag" ;;
		esac
	done
	check_eq "$name.pc: Libs are -L$libdir and archives installed there" "" "$bad"
}

check_pkgconfig() {
	local f
	check_pc ppcpv lib
	for f in $flavours; do check_pc "ppcpv-guest-$f" "lib/ppcpv/$f"; done
}

# The consumer, built against the installation, on a text assembled here and
# the device tree the installed ppcpv-hostcfg writes.
check_consumer() {
	local cc=${CC:-cc} t out words
	t=$(pc --variable=triplet ppcpv-guest-ppc64)
	# shellcheck disable=SC2046
	# CONSUMER_CFLAGS: what the installed libraries were built with beyond
	# their .pc (the sanitizers of make check SANITIZE=1).
	# shellcheck disable=SC2086
	if ! "$cc" -std=gnu11 -Wall -Wextra -Werror ${CONSUMER_CFLAGS:-} $(pc --cflags ppcpv) -o "$work/consumer" \
		"$src/consumer.c" $(pc --libs ppcpv) 2>"$work/cc.err"; then
		fail "consumer: does not build with pkg-config ppcpv: $(head -n 5 "$work/cc.err")"
		return
	fi
	pass "consumer builds and links with pkg-config --cflags --libs ppcpv"
	if ! "$t-gcc" -c -Wa,-mregnames -o "$work/text.o" "$src/text.S" 2>"$work/as.err" ||
	   ! "$t-objcopy" -O binary -j .text "$work/text.o" "$work/text.bin" ||
	   ! "$inst/bin/ppcpv-hostcfg" --guest-fdt "$work/guest.dtb" 2>"$work/hostcfg.err"; then
		fail "consumer: inputs: $(cat "$work/as.err" "$work/hostcfg.err")"
		return
	fi
	words=$("$inst/bin/ppcpv-pvinfo" --words | tr '\n' ' ' | sed 's/ $//')
	out=$("$work/consumer" "$work/guest.dtb" "$work/text.bin")
	check_eq "consumer: FDT reader finds ppcpv-pvinfo's words in ppcpv-hostcfg's tree" \
		"hcall-instructions: $words" "$(grep '^hcall-instructions:' <<<"$out")"
	# text.S: mfmsr, mfspr SRR0, mfspr SPRG4, mtspr SRR1, tlbsync, mtmsrd L=1.
	check_eq "consumer: all features" \
		"scanned 32 bytes: 6 sites, 6 patched, 0 skipped|kind mfmsr 1|kind mfspr 2|kind mtspr 1|kind tlbsync 1|kind mtmsrd_l1 1|action load 3|action store 1|action nop 1|action branch 1|text: 6 words changed|unpatch: 6 words restored, text identical" \
		"$(grep -v -e '^hcall' -e '^kvm_tmp' <<<"$out" | paste -sd '|')"
	out=$("$work/consumer" "$work/guest.dtb" "$work/text.bin" 0x1)
	check_eq "consumer: without MAS0_TO_SPRG7 the SPRG4 load is skipped" \
		"scanned 32 bytes: 6 sites, 5 patched, 1 skipped|action load 2|skip feature 1|text: 5 words changed" \
		"$(grep -e '^scanned' -e '^action load' -e '^skip' -e '^text:' <<<"$out" | paste -sd '|')"
	check_eq "installed ppcpv-patch counts the same sites" 6 \
		"$(json_value "$("$inst/bin/ppcpv-patch" --json "$work/text.o" 2>/dev/null)" sites)"
	head -c 64 "$work/guest.dtb" >"$work/short.dtb"
	out=$("$work/consumer" "$work/short.dtb" "$work/text.bin" 2>&1)
	check_eq "consumer: the FDT reader refuses a truncated tree" \
		"1:consumer: $work/short.dtb: malformed input" "$?:$out"
}

# ppcpv-run finds the images installed in PREFIX/share/ppcpv and boots them.
check_run() {
	local out
	out=$("$inst/bin/ppcpv-run" --print --keep "$work/trees")
	case $out in
	*"-bios $inst/bin/../share/ppcpv/ppcpv-host-pseries.bin "*"file=$inst/bin/../share/ppcpv/guest-ref.bin,"*)
		pass "ppcpv-run: default images from PREFIX/share/ppcpv" ;;
	*) fail "ppcpv-run: default images not from PREFIX/share/ppcpv: $out" ;;
	esac
	out=$("$inst/bin/ppcpv-run" --family e500 --print --keep "$work/trees")
	case $out in
	*"-kernel $inst/bin/../share/ppcpv/ppcpv-host-e500.elf "*"file=$inst/bin/../share/ppcpv/guest-ref-e500.bin,"*)
		pass "ppcpv-run --family e500: default images from PREFIX/share/ppcpv" ;;
	*) fail "ppcpv-run --family e500: default images not from PREFIX/share/ppcpv: $out" ;;
	esac
	out=$("$inst/bin/ppcpv-run" --family 440 --print --keep "$work/trees")
	case $out in
	*"-kernel $inst/bin/../share/ppcpv/ppcpv-host-b440.elf "*"file=$inst/bin/../share/ppcpv/guest-ref-440.bin,"*)
		pass "ppcpv-run --family 440: default images from PREFIX/share/ppcpv" ;;
	*) fail "ppcpv-run --family 440: default images not from PREFIX/share/ppcpv: $out" ;;
	esac
	out=$("$inst/bin/ppcpv-run" --family 440 --native --print)
	case $out in
	*"-kernel $inst/bin/../share/ppcpv/guest-ref-440.elf")
		pass "ppcpv-run --family 440 --native: the ELF from PREFIX/share/ppcpv" ;;
	*) fail "ppcpv-run --family 440 --native: the ELF not from PREFIX/share/ppcpv: $out" ;;
	esac
	out=$("$inst/bin/ppcpv-run" --json --quiet --timeout 30 2>&1)
	check_eq "ppcpv-run: the installed guest boots with PV and passes its checks" \
		"0 true" "$(json_value "$out" exit) $(json_value "$out" pv)"
}

# Every program has a page that groff reads without a warning, and the page
# names every option the program's --help lists.
check_man() {
	local p page opt text missing
	for p in $programs; do
		page=$inst/share/man/man1/$p.1
		if [ ! -f "$page" ]; then fail "man: no page for $p"; continue; fi
		check_eq "man: $p.1 formats without warnings" "" \
			"$(groff -man -Tutf8 -ww -z "$page" 2>&1)"
		text=$(<"$page") missing=""
		for opt in $("$inst/bin/$p" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
			[[ $text == *"${opt//-/\\-}"* ]] || missing+=" $opt"	# roff writes \-\-name
		done
		check_eq "man: $p.1 describes every option of $p --help" "" "$missing"
	done
}

# A freestanding "kernel" linked with -nostdlib against each flavour's
# installed guest library, with only what pkg-config gives.
check_guest_link() {
	local f=$1 t cc cflags elf=$work/guest-$f.elf undefined sym want
	t=$(pc --variable=triplet "ppcpv-guest-$f")
	cc=$t-gcc
	cflags="-std=gnu11 -O2 -Wall -Wextra -Wno-unused-parameter -Werror -ffreestanding -nostdinc"
	cflags+=" -isystem $("$cc" -print-file-name=include) $(pc --cflags "ppcpv-guest-$f")"
	# shellcheck disable=SC2086
	if ! "$cc" $cflags -c -o "$work/guest-$f.o" "$src/guest_link.c" 2>"$work/$f.err" ||
	   ! "$cc" $cflags -nostdlib -static -Wl,-e,guest_pv_start -o "$elf" "$work/guest-$f.o" \
		$(pc --libs "ppcpv-guest-$f") -lppcpv-crt -lgcc 2>>"$work/$f.err"; then
		fail "$f: freestanding link: $(head -n 5 "$work/$f.err")"
		return
	fi
	undefined=$("$t-nm" -u "$elf" | tr '\n' ' ')
	check_eq "$f: freestanding link with -nostdlib leaves nothing undefined" "" "$undefined"
	for sym in ppcpv_guest_pv_init ppcpv_patch_text ppcpv_fdt_path_offset ppcpv_hcall_stub; do
		"$t-nm" "$elf" | grep -q " T $sym$" || fail "$f: $sym not linked in"
	done
	want="${elf_class[$f]}, ${elf_data[$f]}, ${elf_machine[$f]}"
	check_eq "$f: linked image is $want" "$want" "$(elf_kinds "$elf")"
}

# Without the Cflags of ppcpv-guest-ppc64.pc the cross compiler's own
# default (ELFv1) cannot link with the ELFv2 libraries: the flags matter.
check_abi_flags_matter() {
	local t cc
	t=$(pc --variable=triplet ppcpv-guest-ppc64)
	cc=$t-gcc
	# shellcheck disable=SC2046
	if "$cc" -std=gnu11 -O2 -ffreestanding -nostdinc -isystem "$("$cc" -print-file-name=include)" \
		$(pc --cflags-only-I ppcpv-guest-ppc64) -c -o "$work/elfv1.o" "$src/guest_link.c" &&
	   ! "$cc" -nostdlib -static -Wl,-e,guest_pv_start -o "$work/elfv1.elf" "$work/elfv1.o" \
		$(pc --libs ppcpv-guest-ppc64) -lppcpv-crt -lgcc 2>"$work/elfv1.err" &&
	   grep -q "ABI version" "$work/elfv1.err"; then
		pass "ppc64: an object built without the .pc's Cflags is refused by the linker"
	else
		fail "ppc64: an ELFv1 object linked with the ELFv2 libraries"
	fi
}

check_layout
check_archives
check_pkgconfig
check_consumer
check_run
check_man
for f in $flavours; do check_guest_link "$f"; done
check_abi_flags_matter
summary
