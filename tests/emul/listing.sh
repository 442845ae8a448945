#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The listing oracle of the trampoline templates:
#  - libopcodes' disassembly of every word of the generated tables
#    (emul-listing) must equal the hand-written listings expected-32.txt and
#    expected-64.txt, template by template (instructions and slot positions);
#  - the words of the tables must be the bytes GNU binutils finds between
#    each template's start and end symbols in the ppc32, ppc64 and ppc64le
#    objects (nm + objcopy + od), so emul-gen neither lost nor reordered
#    anything, and the little-endian object holds the same instructions.
# usage: listing.sh [BUILD]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=emul-listing
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

listing="$build/native/bin/emul-listing"
templates="mtmsrd_l1 mtmsr wrtee wrteei0 mtsrin"

# The expected file in emul-listing's format: comments and blank lines
# dropped, blanks folded, each word line prefixed with its template's name.
normalize_expected() {
	sed -e 's/#.*//' -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//' "$1" |
		awk 'NF == 0 { next }
		     $2 == "words" { name = $1; print; next }
		     { print name " " $0 }'
}

# Lines of template $1 (its header and its words) from a listing on stdin.
template_lines() {
	awk -v t="$1" '$1 == t'
}

compare_listing() {
	local bits=$1 t
	if ! "$listing" "$bits" >"$tmp/actual-$bits" 2>"$tmp/err"; then
		fail "$bits-bit: emul-listing failed: $(cat "$tmp/err")"
		return
	fi
	normalize_expected "$here/tests/emul/expected-$bits.txt" >"$tmp/expected-$bits"
	for t in $templates; do
		template_lines "$t" <"$tmp/expected-$bits" >"$tmp/e"
		template_lines "$t" <"$tmp/actual-$bits" >"$tmp/a"
		if [ ! -s "$tmp/e" ]; then
			fail "$bits-bit $t: no expected listing"
		elif diff -u "$tmp/e" "$tmp/a" >"$tmp/diff"; then
			pass "$bits-bit $t: $(head -n 1 "$tmp/a" | cut -d' ' -f3) words as listed"
		else
			fail "$bits-bit $t: differs from expected-$bits.txt:"
			sed 's/^/    /' "$tmp/diff"
		fi
	done
	check_eq "$bits-bit: no template beyond the listed ones" \
		"$(awk '$2 == "words"' "$tmp/expected-$bits" | wc -l)" \
		"$(awk '$2 == "words"' "$tmp/actual-$bits" | wc -l)"
}

# Address of symbol $2 in object $1 (hex, no prefix).
symbol_address() {
	"$nm" "$1" | awk -v s="$2" '$3 == s { print $1 }'
}

# Words of template $2 in object $1, one "0x%08x" a line, in the object's
# byte order $3 (big/little).
object_words() {
	local obj=$1 t=$2 endian=$3 start end
	start=$(symbol_address "$obj" "ppcpv_emul_${t}_start")
	end=$(symbol_address "$obj" "ppcpv_emul_${t}_end")
	[ -n "$start" ] && [ -n "$end" ] || return 1
	od -An -v -tx4 --endian="$endian" -j $((16#$start)) -N $((16#$end - 16#$start)) \
		"$tmp/section.bin" | tr -s ' \n' '\n' | sed '/^$/d; s/^/0x/'
}

compare_words() {
	local flavour=$1 bits=$2 endian=$3 t
	local obj="$build/$flavour/kvm_emul/kvm_emul.o" triplet=${triplets[$flavour]}
	nm=$triplet-nm
	if ! "$triplet-objcopy" -O binary -j .text.ppcpv_emul "$obj" "$tmp/section.bin" 2>"$tmp/err"; then
		fail "$flavour: objcopy failed: $(cat "$tmp/err")"
		return
	fi
	"$listing" --words "$bits" >"$tmp/table-$bits"
	for t in $templates; do
		local from_object from_table
		from_object=$(object_words "$obj" "$t" "$endian" | tr '\n' ' ')
		from_table=$(awk -v t="$t" '$1 == t { print $3 }' "$tmp/table-$bits" | tr '\n' ' ')
		check_eq "$flavour $t: table words = object bytes" "$from_object" "$from_table"
	done
}

declare -A triplets=([ppc32]=powerpc-linux-gnu [ppc64]=powerpc64-linux-gnu [ppc64le]=powerpc64le-linux-gnu)

compare_listing 32
compare_listing 64
compare_words ppc32 32 big
compare_words ppc64 64 big
compare_words ppc64le 64 little
summary
