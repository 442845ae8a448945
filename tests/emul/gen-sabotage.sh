#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# emul-gen must refuse objects the patcher could not use.  Each case
# assembles a copy of kvm_emul/kvm_emul.S with one defect (for one or all
# flavours), runs emul-gen on the three objects and requires exit status 1,
# an error naming the problem, and no output file.  The unmodified source
# is the control: it must give exactly the build's generated tables.
# usage: gen-sabotage.sh [BUILD]
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=emul-gen-sabotage
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen="$build/native/bin/emul-gen"
src="$here/kvm_emul/kvm_emul.S"
flavours="ppc32 ppc64 ppc64le"
declare -A compiler=([ppc32]="powerpc-linux-gnu-gcc -m32"
	[ppc64]="powerpc64-linux-gnu-gcc -m64 -mbig-endian"
	[ppc64le]="powerpc64le-linux-gnu-gcc -m64 -mlittle-endian")

# assemble FLAVOUR SOURCE: $tmp/FLAVOUR.o, with the flags that matter here
assemble() {
	${compiler[$1]} -Wa,-mregnames -Wa,-many -I"$here/hcall-abi/include" -I"$here/isa/include" \
		-c -o "$tmp/$1.o" "$2" 2>>"$tmp/as.log"
}

# prepare PERL-EXPRESSION FLAVOURS: assemble the sabotaged source for
# FLAVOURS and the original for the others.
prepare() {
	local expr=$1 targets=$2 f
	perl -0pe "$expr" "$src" >"$tmp/bad.S"
	if cmp -s "$tmp/bad.S" "$src"; then
		echo "the sabotage did not change the source" >"$tmp/as.log"
		return 1
	fi
	: >"$tmp/as.log"
	for f in $flavours; do
		case " $targets " in
		*" $f "*) assemble "$f" "$tmp/bad.S" || return 1 ;;
		*) assemble "$f" "$src" || return 1 ;;
		esac
	done
}

run_gen() {
	rm -f "$tmp/out.c"
	"$gen" "$tmp/out.c" "$tmp/ppc32.o" "$tmp/ppc64.o" "$tmp/ppc64le.o" 2>"$tmp/gen.err"
}

# sabotage DESCRIPTION PERL-EXPRESSION FLAVOURS EXPECTED-MESSAGE-REGEX
sabotage() {
	local what=$1 expr=$2 targets=$3 message=$4 status
	if ! prepare "$expr" "$targets"; then
		fail "$what: could not build the sabotaged objects: $(head -c 300 "$tmp/as.log")"
		return
	fi
	run_gen
	status=$?
	if [ "$status" -ne 1 ]; then
		fail "$what: emul-gen exited with $status, expected 1"
	elif ! grep -Eq "$message" "$tmp/gen.err"; then
		fail "$what: unexpected message: $(cat "$tmp/gen.err")"
	elif [ -e "$tmp/out.c" ] || [ -e "$tmp/out.c.tmp" ]; then
		fail "$what: an output file was left behind"
	else
		pass "$what: $(cat "$tmp/gen.err")"
	fi
}

control() {
	if ! prepare 's/^/ /' ""; then
		fail "control: the original source does not assemble: $(cat "$tmp/as.log")"
		return
	fi
	if ! run_gen; then
		fail "control: emul-gen failed on the original source: $(cat "$tmp/gen.err")"
	elif ! cmp -s "$tmp/out.c" "$build/gen/kvm_emul/templates.c"; then
		fail "control: output differs from $build/gen/kvm_emul/templates.c"
	else
		pass "control: the original source gives the build's tables"
	fi
}

control

sabotage "missing value slot label" \
	's/\n\temul_slot mtmsr, value1\n/\n/' "$flavours" \
	'missing symbol ppcpv_emul_mtmsr_value1'
sabotage "missing end label" \
	's/\nemul_end wrtee\n/\n/' "ppc32" \
	'ppc32.o: missing symbol ppcpv_emul_wrtee_end'
sabotage "slot outside its template" \
	's/\temul_slot wrteei0, branch\n\tb\t\.\nemul_end wrteei0\n/\tb\t.\nemul_end wrteei0\n\temul_slot wrteei0, branch\n/' \
	"$flavours" 'ppcpv_emul_wrteei0_branch lies outside template wrteei0'
sabotage "unexpected slot label" \
	's/(\tPPCPV_LL64\(r31, PPCPV_SHARED_MSR\)\n\tori\tr31)/\temul_label wrteei0, value0\n$1/' \
	"ppc64" 'unexpected symbol ppcpv_emul_wrteei0_value0'
sabotage "wrong value placeholder" \
	's/(emul_slot mtmsr, value0\n\tori\tr30, r0, )0/${1}1/' "$flavours" \
	'ppcpv_emul_mtmsr_value0 .* expected placeholder 0x601e0000'
sabotage "wrong branch placeholder" \
	's/(emul_slot wrteei0, branch\n\tb\t)\./$1.+4/' "$flavours" \
	'ppcpv_emul_wrteei0_branch .* expected placeholder 0x48000000'
sabotage "wrong sr_index placeholder" \
	's/rlwinm\tr30, r0, 6, 26, 29/rlwinm\tr30, r0, 6, 26, 28/' "$flavours" \
	'ppcpv_emul_mtsrin_sr_index .* expected placeholder 0x541e36ba'
sabotage "wrong sr_store placeholder" \
	's/stw\tr0, \(PPCPV_MAGIC_PAGE_EA \+ PPCPV_SHARED_SR\)/stw\tr0, (PPCPV_MAGIC_PAGE_EA + PPCPV_SHARED_SR + 4)/' \
	"ppc32" 'ppcpv_emul_mtsrin_sr_store .* expected placeholder'
sabotage "wrong orig placeholder" \
	's/return_or_trap wrtee, wrtee r0/return_or_trap wrtee, wrtee r3/' "$flavours" \
	'ppcpv_emul_wrtee_orig .* expected placeholder 0x7c000106'
sabotage "little-endian words differ" \
	's/cmpwi\tr30, 0/cmpwi\tr30, 1/' "ppc64le" \
	'ppc64le.o: template wrtee word 12 is 0x2c1e0001, the big-endian ppc64 one 0x2c1e0000'
sabotage "too many magic-page accesses" \
	's/(\temul_slot mtmsr, value1\n)/\t.rept 40\n\tPPCPV_LW(r31, PPCPV_SHARED_INT_PENDING)\n\t.endr\n$1/' \
	"$flavours" 'template mtmsr has more than PPCPV_EMUL_MAX_MAGIC_SLOTS \(32\)'
sabotage "relocation in the templates" \
	's/(emul_begin wrteei0\n)/$1\tb\tsomewhere_else\n/' "ppc64" \
	'has relocations'

# The objects must come in the documented order.
prepare 's/^/ /' "" && mv "$tmp/ppc32.o" "$tmp/keep.o" && cp "$tmp/ppc64.o" "$tmp/ppc32.o"
run_gen
status=$?
if [ "$status" -eq 1 ] && grep -q 'ppc32.o: not a ppc32 object' "$tmp/gen.err"; then
	pass "objects in the wrong order: $(cat "$tmp/gen.err")"
else
	fail "objects in the wrong order: status $status, $(cat "$tmp/gen.err")"
fi

summary
