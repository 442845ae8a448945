#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No ISA number is written above the ISA layer: every C, header and
# assembly source git tracks outside isa/ is searched for the shapes an ISA
# number takes when someone types it again - an SPR/opcode/MSR macro
# defined with a number, an instruction word literal, an mfspr/mtspr with a
# numeric SPR, a vector written as a number.  The independent oracles (the
# unit tests' expected words, the patcher's expectation model, the tool's
# test images, the ABI proof) are allowed to, on purpose.  The step then
# proves each pattern can fail, on a line planted in a scratch file.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
TEST_NAME=isa-numbers
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name|extended regex: one line of a source matching it re-types a number.
patterns=(
	'SPR, opcode or field macro|^[[:space:]]*#[[:space:]]*define[[:space:]]+(SPRN?_|PPC_|[A-Z0-9_]*SPR_)[A-Z0-9_]*[[:space:]]+\(?-?[0-9]'
	'extended-opcode macro|^[[:space:]]*#[[:space:]]*define[[:space:]]+[A-Z0-9_]*XO_[A-Z0-9_]*[[:space:]]+\(?-?[0-9]'
	'MSR bit as a number|^[[:space:]]*#[[:space:]]*define[[:space:]]+[A-Z0-9_]*MSR_[A-Z0-9_]*[[:space:]]+\(?(0x[0-9a-fA-F]+|[0-9]+)[uUlL]*\)?[[:space:]]*(/\*.*)?$'
	'nop, blr or sc word|\b0x(60000000|4e800020|44000002)[uUlL]*\b'
	'X/XL-form instruction word|\b0x(7c|4c)[0-9a-fA-F]{6}[uUlL]*\b'
	'numeric SPR in mfspr/mtspr|\bmfspr[[:space:]]+%?r?[0-9]+[[:space:]]*,[[:space:]]*[0-9]+\b|\bmtspr[[:space:]]+[0-9]+[[:space:]]*,'
	'vector as a number|\b(VECTOR|vector|case|guest_set_handler\(|trap[[:space:]]*=|cmpdi[[:space:]]+r12,)[[:space:]]*0x[0-9a-f]+0{2}\b'
)

# Allowed to type numbers: the ISA layer itself, and the oracles.
allowed() {
	case $1 in
	isa/*) return 0 ;;
	tests/unit/*|tests/patcher/*|tests/tool/*|tests/emul/*) return 0 ;;	# independent expectations
	hcall-abi/check/*) return 0 ;;		# pins the ABI's values
	esac
	return 1
}

# scan PATH FILE: print "PATH:line: what" for every offending line of FILE
# (read as if it were at PATH).  Comments are not code: /* ... */ on one
# line, the " * ..." lines of a longer one and // ... are dropped before
# matching.
scan() {
	local path=$1 file=$2 p name re
	allowed "$path" && return 0
	for p in "${patterns[@]}"; do
		name=${p%%|*} re=${p#*|}
		sed -E -e 's://.*$::' -e 's:/\*.*\*/::g' -e 's:^[[:space:]]*\*.*$::' "$file" |
			grep -nE -- "$re" |
			sed "s|^|$path:|; s|\$| [$name]|"
	done
}

cd "$here" || exit 1
found=$(git ls-files '*.c' '*.h' '*.S' | while read -r f; do scan "$f" "$f"; done)
if [ -z "$found" ]; then
	pass "no ISA number typed above isa/ ($(git ls-files '*.c' '*.h' '*.S' | wc -l) sources searched)"
else
	fail "ISA numbers typed above isa/:"; echo "$found"
fi

# Every pattern must catch its planted line, in core code but not in isa/.
plant() {
	local what=$1 line=$2
	printf '%s\n' "$line" >"$tmp/planted"
	if [ -n "$(scan host-stubs/core/planted.c "$tmp/planted")" ] &&
	   [ -z "$(scan isa/include/ppcpv/isa/planted.h "$tmp/planted")" ]; then
		pass "planted $what is caught above isa/ and allowed in it"
	else
		fail "planted $what: '$line' not caught (or not allowed in isa/)"
	fi
}
plant "SPR macro" '#define SPRN_SRR0	0x01a'
plant "opcode macro" '#define PPC_X_MFMSR 83'
plant "shifted-bit macro" '#define PPC_MSR_EE (1 << 15)'
plant "extended-opcode macro" '#define MY_XO_RFID 18'
plant "MSR bit" '#define GUEST_MSR_EE	0x8000'
plant "nop word" '	out = 0x60000000;'
plant "mfmsr word" '	{ "mfmsr", 0x7c0000a6u },'
plant "numeric mtspr in assembly" '	mtspr	272, r3'
plant "numeric mfspr in assembly" '	mfspr	r0, 26'
plant "numeric mfspr in inline assembly" '	__asm__("mfspr %0, 26" : "=r"(v));'
plant "vector number" '	VECTOR 0x700'
plant "vector case" '	case 0x900:'
# ... but a macro defined from other names is not a number typed again,
printf '%s\n' '#define PPCPV_SHARED_SPR_ALL	PPCPV_FAMILIES_ALL' >"$tmp/planted"
check_eq "a macro of names is not a hit" "" "$(scan host-stubs/core/planted.c "$tmp/planted")"
# and a comment that names a number is not code.
printf '%s\n' '/* mtspr 272 and 0x60000000 */' >"$tmp/planted"
check_eq "a comment is not a hit" "" "$(scan host-stubs/core/planted.c "$tmp/planted")"
summary
