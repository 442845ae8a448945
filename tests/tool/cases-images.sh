# SPDX-License-Identifier: MIT
# ppcpv-patch on the test images: counts (--json), every site (--sites,
# through ppcpv-site-oracle), --apply (objdump of the result, trampolines),
# --unpatch (byte-identical), --disasm.  Sourced by tests/tool/run.sh.
#
# The expectations are written from the .S sources and the shared-page
# layout (D = -4096 + offset; a u64 field is ld/std at D on 64-bit and lwz/stw
# at D+4 on 32-bit); they do not come from the library.

# What `code` must become, per image (see the .S files line by line).
expect_code_64='ld r5,-4008(0)
ld r6,-4032(0)
ld r7,-4024(0)
ld r8,-4016(0)
lwz r9,-4000(0)
ld r10,-3888(0)
lwz r12,-3892(0)
std r3,-4064(0)
std r4,-4032(0)
std r5,-4016(0)
stw r6,-4000(0)
std r11,-3880(0)
nop
b kvm_tmp
b kvm_tmp
b kvm_tmp
b kvm_tmp
mflr r0
mtlr r0
blr
ld r3,-4008(0)
.long 0x4000000
mfmsr r4'
expect_head_64='ld r3,-4008(0)
mtmsrd r3,1
ld r4,-4056(0)'
expect_code_b32='lwz r5,-4004(0)
lwz r6,-4060(0)
lwz r7,-4020(0)
lwz r8,-4012(0)
lwz r9,-4000(0)
lwz r10,-3892(0)
stw r3,-4036(0)
stw r4,-4028(0)
stw r6,-4000(0)
nop
b kvm_tmp
b kvm_tmp
b kvm_tmp
blr
lwz r3,-4004(0)'
expect_head_b32='lwz r3,-4004(0)
mtmsr r3'
expect_code_e500='lwz r3,-4004(0)
lwz r4,-4012(0)
lwz r5,-3896(0)
lwz r6,-3884(0)
lwz r7,-3928(0)
lwz r8,-3920(0)
mfdar r9
stw r9,-3916(0)
stw r10,-4012(0)
stw r11,-4052(0)
b ppcpv_kvm_tmp
b ppcpv_kvm_tmp
b ppcpv_kvm_tmp
nop
.long 0x7c6021e4
blr'
expect_head_e500='b ppcpv_kvm_tmp'

# Counts: found_by_kind, patched_by_action, skipped_by_reason.
found_64="mfmsr=4 mfspr=7 mtspr=5 tlbsync=1 mtmsrd_l1=3 mtmsr=1 mtmsrd_l0=1 wrtee=0 mtsrin=0"
action_64="load=10 store=5 nop=1 branch=4"
skip_64="feature=0 no-branch-zone=1 branch-range=0 kvm-tmp-full=0 prefixed-suffix=1"
found_b32="mfmsr=3 mfspr=5 mtspr=3 tlbsync=1 mtmsrd_l1=0 mtmsr=2 mtsrin=2 wrtee=0"
action_b32="load=8 store=3 nop=1 branch=3"
skip_b32="feature=0 no-branch-zone=1 branch-range=0 kvm-tmp-full=0 prefixed-suffix=0"
found_e500="mfmsr=1 mfspr=5 mtspr=3 tlbsync=1 mtmsr=1 wrtee=1 wrteei_1=1 wrteei_0=1 mtsrin=0"
action_e500="load=6 store=3 nop=1 branch=4"
skip_e500="feature=0 no-branch-zone=0 branch-range=0 kvm-tmp-full=0 prefixed-suffix=0"

# oracle_check WHAT FAMILY JSON SITES [EA]: every site line, independently.
oracle_check() {
	local what=$1 family=$2 json=$3 sites=$4 ea=${5:--4096} be= res
	[ "$(json_value "$json" endianness)" = big ] && be=--big-endian
	if res=$("$oracle" --family "$family" --magic-ea "$ea" $be --min-sites 1 \
		--tmp-start "$(json_value "$json" start)" --tmp-end "$(json_value "$json" end)" <<<"$sites"); then
		pass "$what: site oracle: $res"
	else
		fail "$what: site oracle: $res"
	fi
}

# Every branch site's trampoline must lie in kvm_tmp and branch back to
# the instruction after the site.
check_trampolines() {
	local what=$1 file=$2 sites=$3 line addr target bytes ret n=0 bad=0
	while read -r line; do
		[ "$(json_value "$line" action)" = branch ] || continue
		addr=$(json_value "$line" addr) target=$(json_value "$line" target)
		bytes=$(json_value "$line" tramp_bytes)
		ret=$(printf '%x' $((addr + 4)))
		n=$((n + 1))
		if ! disasm_range "$file" "$target" "$(printf '0x%x' $((target + bytes)))" |
			grep -Eq "^[0-9a-f]+ b $ret( |$)"; then
			bad=$((bad + 1))
			fail "$what: trampoline at $target does not branch back to 0x$ret"
		fi
	done <<<"$sites"
	[ "$bad" = 0 ] && pass "$what: $n trampolines branch back to their site + 4"
}

# check_image NAME FAMILY "OPTIONS" SUFFIX [OBJDUMP-OPTIONS]: the full cycle
# on a linked image; SUFFIX picks the expectations above.
check_image() {
	local name=$1 family=$2 opts=$3 sfx=$4 dumpopt=${5:-} f="$work/$1" json sites
	run_ok "$name --json" $opts --json "$f" || return
	json=$out
	check_eq "$name: family" "$family" "$(json_value "$json" family)"
	check_eq "$name: scan range" "_stext.._etext" "$(json_value "$json" range)"
	local -n found=found_$sfx action=action_$sfx skip=skip_$sfx
	check_counts "$name" "$json" found_by_kind "$found"
	check_counts "$name" "$json" patched_by_action "$action"
	check_counts "$name" "$json" skipped_by_reason "$skip"
	check_eq "$name: kvm_tmp used = needed" "$(json_count "$json" kvm_tmp needed)" \
		"$(json_count "$json" kvm_tmp used)"

	run_ok "$name --sites" $opts --sites "$f" || return
	sites=$out
	check_eq "$name: one --sites line per site" "$(json_value "$json" sites)" "$(grep -c . <<<"$sites")"
	oracle_check "$name" "$family" "$json" "$sites"

	run_ok "$name --apply" $opts --apply "$f.patched" "$f" || return
	local -n want_code=expect_code_$sfx want_head=expect_head_$sfx
	check_eq "$name: patched code disassembles as expected" "$want_code" "$(disasm "$f.patched" code $dumpopt)"
	check_eq "$name: patched vectors disassemble as expected" "$want_head" "$(disasm "$f.patched" _stext $dumpopt)"
	check_trampolines "$name" "$f.patched" "$sites"
	run_ok "$name --unpatch" --apply "$f.restored" --unpatch "$f.patched" &&
	if cmp -s "$f" "$f.restored"; then pass "$name: --unpatch restores the original bytes"
	else fail "$name: --unpatch output differs from the original"; fi

	run_ok "$name --disasm" $opts --disasm "$f" &&
	check_eq "$name: --disasm shows every trampoline" "$(json_count "$json" patched_by_action branch)" \
		"$(grep -c 'trampoline at' <<<"$out")"
}

check_image b64 book3s64 "" 64
check_image le64 book3s64 "--family book3s64 --features 0x3" 64
check_image b32 book3s32 "--family book3s32" b32
check_image e500 e500 "--family e500" e500 -Me500

# Feature bits: the gated sites are skipped, not rewritten.
for spec in "le64::0:3" "b32:--family book3s32:0:3" "b32:--family book3s32:0x1:1" \
	    "e500:--family e500:0:5" "e500:--family e500:2:0"; do
	IFS=: read -r name opts feat want <<<"$spec"
	run_ok "$name --features $feat" $opts --features "$feat" --json "$work/$name" &&
	check_eq "$name --features $feat: feature skips" "$want" "$(json_count "$out" skipped_by_reason feature)"
done

# Another magic page: the displacements move with it.
run_ok "le64 --magic-ea -8192" --magic-ea -8192 --json "$work/le64" && json=$out &&
run_ok "le64 --magic-ea -8192 --sites" --magic-ea -8192 --sites "$work/le64" &&
oracle_check "le64 --magic-ea -8192" book3s64 "$json" "$out" -8192

# Trampolines out of branch reach: sites stay unpatched, for that reason.
run_ok "b64 --kvm-tmp far_tmp:1024" --kvm-tmp far_tmp:1024 --json "$work/b64" &&
check_eq "b64: kvm_tmp 64 MiB away: branch-range skips" 4 "$(json_count "$out" skipped_by_reason branch-range)"

# --kvm-tmp wins over the image's own kvm_tmp.
run_ok "le64 --kvm-tmp spare:512" --kvm-tmp spare:512 --apply "$work/le64.spare" --sites "$work/le64" &&
check_eq "le64: trampolines placed in --kvm-tmp" "$(symbol_addr "$work/le64" spare)" \
	"$(json_value "$(grep -m1 '"branch"' <<<"$out")" target)"

# --start/--end: only [code, spare) is scanned.
run_ok "le64 --start/--end" --start code --end spare --json "$work/le64" &&
check_eq "le64 --start code --end spare: sites" 19 "$(json_value "$out" sites)"
run_ok "le64 --start code+4" --start code+4 --end spare --json "$work/le64" &&
check_eq "le64 --start code+4: sites" 18 "$(json_value "$out" sites)"

# A relocatable object: sections are apart until linked, so only the
# kvm_tmp section branches; everything after _etext counts too (no range).
o="$work/le64.o"
run_ok "le64.o --json" --json "$o" && json=$out &&
check_counts le64.o "$json" found_by_kind "mfmsr=5 mfspr=7 mtspr=5 mtmsrd_l1=3 mtmsr=1 mtmsrd_l0=1" &&
check_counts le64.o "$json" skipped_by_reason "no-branch-zone=1 prefixed-suffix=1" &&
run_ok "le64.o --sites" --sites "$o" && oracle_check le64.o book3s64 "$json" "$out"
if run_ok "le64.o --apply" --apply "$o.patched" "$o" &&
   powerpc64le-linux-gnu-gcc -nostdlib -static -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
	-Wl,-T,"$src/image.lds" -Wl,--defsym,image_base=0xc000000000000000 \
	-o "$work/le64.linked" "$o.patched" 2>"$work/link.err"; then
	check_eq "le64.o: patched object, once linked, disassembles as expected" \
		"$expect_code_64" "$(disasm "$work/le64.linked" code)"
else
	fail "le64.o: cannot link the patched object: $(cat "$work/link.err" 2>/dev/null)"
fi
run_ok "le64.o --unpatch" --apply "$o.restored" --unpatch "$o.patched" &&
if cmp -s "$o" "$o.restored"; then pass "le64.o: --unpatch restores the original bytes"
else fail "le64.o: --unpatch output differs from the original"; fi

# Patching in place and back.
cp "$work/b32" "$work/b32.inplace"
run_ok "b32 in place" --family book3s32 --apply "$work/b32.inplace" "$work/b32.inplace" &&
run_ok "b32 unpatch in place" --unpatch --apply "$work/b32.inplace" "$work/b32.inplace" &&
if cmp -s "$work/b32" "$work/b32.inplace"; then pass "b32: patched and restored in place"
else fail "b32: in-place round trip differs"; fi

# A patched file can still be reported on; its trampolines are not scanned.
run_ok "report on a patched file" --json "$work/b64.patched" &&
check_eq "b64.patched: only the unpatched sites remain" 2 "$(json_value "$out" sites)"

# The human report names what it did.
run_ok "b64 text report" "$work/b64" &&
if grep -q '^sites *22 (mfmsr 4' <<<"$out" && grep -q '^kvm_tmp *kvm_tmp at' <<<"$out"; then
	pass "b64: human report"
else
	fail "b64: human report: $out"
fi

# --force-kvm-tmp: trampolines over an object (zero-filled here), and back.
run_ok "le64 --force-kvm-tmp" --force-kvm-tmp --kvm-tmp zero_table:512 --apply "$work/le64.forced" \
	--sites "$work/le64" &&
check_eq "le64 --force-kvm-tmp: trampolines placed over zero_table" \
	"$(symbol_addr "$work/le64" zero_table)" "$(json_value "$(grep -m1 '"branch"' <<<"$out")" target)" &&
run_ok "le64 --force-kvm-tmp --unpatch" --unpatch --apply "$work/le64.forced.restored" "$work/le64.forced" &&
if cmp -s "$work/le64" "$work/le64.forced.restored"; then pass "le64 --force-kvm-tmp: --unpatch restores the original"
else fail "le64 --force-kvm-tmp: --unpatch output differs from the original"; fi
# The image's own area is free even where an object symbol names it.
run_ok "e500 --kvm-tmp over its own kvm_tmp object" --family e500 --kvm-tmp kvm_tmp:256 --json "$work/e500" &&
check_eq "e500 --kvm-tmp kvm_tmp:256: the region is used" --kvm-tmp "$(json_value "$out" source)"
