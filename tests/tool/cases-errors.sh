# SPDX-License-Identifier: MIT
# Every way ppcpv-patch must refuse, with its exit status and message:
# 1 = unusable input or unwritable output, 2 = bad usage, 3 = does not fit.
# Sourced by tests/tool/run.sh after cases-images.sh (uses its outputs).

b64="$work/b64" le64="$work/le64" b32="$work/b32"

# ---- Inputs that are not usable PowerPC ELF files ----
printf 'just text\n' >"$work/text.txt"
: >"$work/empty"
head -c 40 "$b64" >"$work/trunc-header"
head -c 2000 "$b64" >"$work/trunc-body"
printf '\t.data\n\t.long 1\n' >"$work/data.s"
powerpc64-linux-gnu-as -o "$work/data-only.o" "$work/data.s"

expect_fail "not an ELF" 1 "not an ELF file" "$work/text.txt"
expect_fail "empty file" 1 "not an ELF file (empty)" "$work/empty"
expect_fail "missing file" 1 "cannot open" "$work/no-such-file"
expect_fail "not PowerPC (the tool itself)" 1 "not a PowerPC ELF file" "$tool"
expect_fail "no executable text" 1 "no executable text" "$work/data-only.o"
expect_fail "truncated inside the ELF header" 1 "truncated" "$work/trunc-header"
expect_fail "truncated before the section headers" 1 "truncated" "$work/trunc-body"
powerpc64-linux-gnu-objcopy --change-section-address .far.text=0xc000000000000010 "$b64" "$work/overlap"
expect_fail "executable sections sharing addresses" 1 \
	"executable sections .text and .far.text overlap" "$work/overlap"
# Found by fuzzing: .head.text and .text sharing file bytes at other addresses.
expect_fail "executable sections sharing file bytes" 1 \
	"executable sections .head.text and .text overlap" --family book3s32 \
	"$here/fuzz/regressions/patch/code-sections-overlapping-in-file"

# ---- Symbols and regions ----
expect_fail "unknown --start symbol" 2 "unknown symbol 'nosuch'" --start nosuch --end _etext "$b64"
expect_fail "unknown --kvm-tmp symbol" 2 "unknown symbol 'nosuch'" --kvm-tmp nosuch:64 "$b64"
expect_fail "empty --start/--end range" 2 "empty scan range" --start _etext --end _stext "$b64"
expect_fail "--kvm-tmp outside any executable section" 2 "not inside one executable section" \
	--kvm-tmp 0x10:64 "$b64"
expect_fail "--kvm-tmp not word aligned" 2 "not word aligned" --kvm-tmp spare+2:32 "$b64"
expect_fail "--kvm-tmp running past its section" 2 "not inside one executable section" \
	--kvm-tmp far_tmp:4096 "$b64"

# ---- kvm_tmp too small or missing: exit 3, nothing written ----
run_ok "le64 needs" --json "$le64" && needed=$(json_count "$out" kvm_tmp needed)
rm -f "$work/small.out"
expect_fail "kvm_tmp too small" 3 "kvm_tmp too small: $needed bytes needed, 64 available" \
	--kvm-tmp spare:64 --apply "$work/small.out" "$le64"
if [ -e "$work/small.out" ]; then fail "kvm_tmp too small: an output was written"
else pass "kvm_tmp too small: no output written"; fi
powerpc64-linux-gnu-objcopy -N kvm_tmp -N kvm_tmp_end -N kvm_template_start -N kvm_template_end \
	"$le64" "$work/no-tmp"
expect_fail "no kvm_tmp region" 3 "has no kvm_tmp region.*$needed bytes" --apply "$work/no-tmp.out" "$work/no-tmp"
run_ok "report without kvm_tmp" --json "$work/no-tmp" &&
check_eq "no kvm_tmp: dry run reports the branch sites as kvm-tmp-full" 4 \
	"$(json_count "$out" skipped_by_reason kvm-tmp-full)"

# ---- Outputs that cannot be written ----
expect_fail "output in a missing directory" 1 "cannot write" --apply "$work/no-dir/out" "$b64"
mkdir -p "$work/a-directory"
expect_fail "output is a directory" 1 "cannot write" --apply "$work/a-directory" "$b64"

# ---- Bad options and values ----
expect_fail "unknown family" 2 "unknown family" --family power4 "$b64"
expect_fail "family of the wrong width" 2 "does not fit" --family e500 "$b64"
expect_fail "ELF32 without --family" 2 "give --family book3s32 or --family e500" "$b32"
expect_fail "features not a number" 2 "not a number" --features zz "$b64"
expect_fail "unknown feature bits" 2 "unknown feature bits 0x10" --features 0x13 "$b64"
expect_fail "magic EA not a number" 2 "not a number" --magic-ea page "$b64"
expect_fail "magic EA misaligned" 2 "misaligned" --magic-ea 100 "$b64"
expect_fail "magic EA out of reach" 2 "out of range" --magic-ea 0x10000 "$b64"
expect_fail "--kvm-tmp without size" 2 "expected ADDR:SIZE" --kvm-tmp spare "$b64"
expect_fail "--kvm-tmp of size 0" 2 "expected ADDR:SIZE" --kvm-tmp spare:0 "$b64"
expect_fail "--start without --end" 2 "go together" --start _stext "$b64"
expect_fail "--start with a bad offset" 2 "bad offset" --start code+x --end spare "$b64"
expect_fail "unknown option" 2 "unrecognized option" --frobnicate "$b64"
expect_fail "no input" 2 "no input file"
expect_fail "two inputs" 2 "one input file only" "$b64" "$le64"
expect_fail "--json with --sites" 2 "choose one" --json --sites "$b64"
expect_fail "--unpatch without --apply" 2 "needs --apply" --unpatch "$b64"
expect_fail "--unpatch with patch options" 2 "only --apply and --json" --unpatch --family book3s64 \
	--apply "$work/x" "$b64.patched"

# ---- Restore records ----
expect_fail "--unpatch of a file never patched" 1 "no ppcpv restore record" --unpatch --apply "$work/x" "$b64"
expect_fail "--apply on a patched file" 1 "already patched" --apply "$work/x" "$b64.patched"
cp "$b64.patched" "$work/tampered"
printf '\x60\x00\x00\x00' | dd of="$work/tampered" bs=1 seek="$(section_offset "$b64" .text)" conv=notrunc 2>/dev/null
rm -f "$work/tampered.out"
expect_fail "--unpatch after a patched word changed" 1 "mismatch" --unpatch --apply "$work/tampered.out" "$work/tampered"
if [ -e "$work/tampered.out" ]; then fail "tampered: an output was written"
else pass "tampered: no output written"; fi
cp "$b64.patched" "$work/bad-record"
printf 'X' | dd of="$work/bad-record" bs=1 seek=$(($(stat -c %s "$work/bad-record") - 30)) conv=notrunc 2>/dev/null
expect_fail "--unpatch with a damaged record" 1 "CRC" --unpatch --apply "$work/x" "$work/bad-record"
expect_fail "a bare address in an object with several code sections" 2 "ambiguous" \
	--start 0 --end 8 "$work/le64.o"
