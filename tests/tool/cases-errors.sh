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

# ---- Crafted restore records: the CRC is recomputed, every field checked ----
record_edit="$build/native/bin/ppcpv-record-edit"

# bad_record WHAT PATTERN PATCHED FIELD VALUE: --unpatch of PATCHED with one
# field changed (and the record's CRC made right again) must refuse.
bad_record() {
	local what=$1 pattern=$2 patched=$3
	cp "$patched" "$work/crafted" &&
	"$record_edit" "$work/crafted" set "$4" "$5" &&
	expect_refusal "crafted record: $what" 1 "$pattern" "$work/crafted.out" \
		--unpatch --apply "$work/crafted.out" "$work/crafted"
}

# first_site PATCHED ACTION: the index of the record's first site of ACTION (0-3).
first_site() {
	local i=0 n
	n=$("$record_edit" "$1" get n_sites)
	while [ "$i" -lt "$n" ]; do
		[ "$("$record_edit" "$1" get "site$i.action")" = "$2" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
}

p="$b64.patched"
far=$(section_index "$b64" .far.text) data=$(section_index "$b64" .data)
code=$(symbol_addr "$b64" code)
branch=$(first_site "$p" 3) load=$(first_site "$p" 0)
tmp_addr=$("$record_edit" "$p" get tmp_addr)
n_sites=$("$record_edit" "$p" get n_sites)
bad_record "unknown family" "unknown family 7" "$p" family 7
bad_record "family of the other width" "does not fit this ELF64" "$p" family 1
bad_record "byte order not 0 or 1" "byte order 2" "$p" big_endian 2
bad_record "the other byte order" "does not fit" "$p" big_endian 0
bad_record "word size" "32-bit .* does not fit" "$p" word_bits 32
bad_record "unknown feature bits" "unknown feature bits 0x10" "$p" features 0x13
bad_record "unusable magic page" "magic page address 100" "$p" magic_ea 100
bad_record "reserved header word" "reserved header" "$p" reserved60 1
bad_record "more sites than the record holds" "inconsistent" "$p" n_sites $((n_sites + 1))
bad_record "a site count of 2^32 - 1" "inconsistent" "$p" n_sites 0xffffffff
bad_record "original size" "inconsistent" "$p" original_size 5
bad_record "kvm_tmp in another code section" "not a word-aligned part of section .far.text" \
	"$p" tmp_section "$far"
bad_record "kvm_tmp in a data section" "not a code section" "$p" tmp_section "$data"
bad_record "kvm_tmp section that does not exist" "section 9999, which is not" "$p" tmp_section 9999
bad_record "kvm_tmp address near 2^64" "kvm_tmp area 0xfffffffffffffff0" "$p" tmp_addr 0xfffffffffffffff0
bad_record "kvm_tmp address not aligned" "not a word-aligned part" "$p" tmp_addr $((tmp_addr + 2))
bad_record "site address near 2^64" "address 0xfffffffffffffffc is not a word" \
	"$p" "site$load.addr" 0xfffffffffffffffc
bad_record "site address not aligned" "is not a word of section" "$p" "site$load.addr" $((code + 2))
bad_record "site in another code section" "is not a word of section .far.text" \
	"$p" "site$load.section" "$far"
bad_record "site in a data section" "not a code section" "$p" "site$load.section" "$data"
bad_record "site section that does not exist" "section 4294967295, which is not" \
	"$p" "site$load.section" 0xffffffff
bad_record "site action 'skip'" "do not agree" "$p" "site$load.action" 4
bad_record "unknown site action" "do not agree" "$p" "site$load.action" 200
bad_record "rule index past the table" "rule 65535" "$p" "site$load.rule" 65535
bad_record "original word that no rule matches" "do not agree" "$p" "site$load.orig" 0x60000000
bad_record "new word the patcher never writes" "new word 0x48000000" "$p" "site$load.new" 0x48000000
bad_record "trampoline address on a load site" "trampoline address 0x4 " "$p" "site$load.target" 4
bad_record "trampoline outside kvm_tmp" "trampoline address" "$p" "site$branch.target" "$code"
bad_record "site reserved byte" "reserved byte" "$p" "site$load.reserved" 1
bad_record "object file: a branch from another section" "in another section of an object file" \
	"$work/le64.o.patched" "site$(first_site "$work/le64.o.patched" 3).section" \
	"$(section_index "$work/le64.o" .far.text)"

# ---- Corrupt ELF files and ranges near 2^64 ----
cp "$b64" "$work/wrapping-section"
shoff=$(powerpc64-linux-gnu-readelf -h "$b64" | awk '/Start of section headers/ { print $5 }')
put_bytes "$work/wrapping-section" $((shoff + far * 64 + 16)) ffffffffffffff00	# sh_addr, BE
expect_refusal "a code section whose addresses wrap past 2^64" 1 \
	"corrupt section .far.text" "$work/x" --apply "$work/x" "$work/wrapping-section"
expect_refusal "--start/--end in the last word below 2^64" 2 "no executable text" "$work/x" \
	--start 0xfffffffffffffffe --end 0xffffffffffffffff --apply "$work/x" "$b64"
expect_refusal "--start SYM+OFF past 2^64" 2 "offset runs past the top" "$work/x" \
	--start code+0xffffffffffffffff --end spare --apply "$work/x" "$b64"

# ---- --kvm-tmp over live code or data: refused unless --force-kvm-tmp ----
expect_refusal "--kvm-tmp over code" 2 \
	"code:64: the region holds code or data (a non-zero word at $(symbol_addr "$le64" code))" \
	"$work/live.out" --kvm-tmp code:64 --apply "$work/live.out" "$le64"
expect_refusal "--kvm-tmp over a zero-filled object" 2 "overlaps object zero_table" \
	"$work/live.out" --kvm-tmp zero_table:512 --apply "$work/live.out" "$le64"
expect_refusal "--kvm-tmp running from spare room into an object" 2 "overlaps object zero_table" \
	"$work/live.out" --kvm-tmp spare:1024 --apply "$work/live.out" "$le64"
expect_fail "--kvm-tmp over code, in a report" 2 "holds code or data" --json --kvm-tmp code+4:64 "$le64"
expect_fail "--force-kvm-tmp alone" 2 "goes with --kvm-tmp" --force-kvm-tmp "$le64"

# ---- --apply OUT writes a regular file only ----
ln -sf "$work/symlink-target" "$work/symlink.out"
rm -f "$work/symlink-target"
expect_fail "--apply to a symbolic link" 1 "symlink.out: a symbolic link, not a regular file" \
	--apply "$work/symlink.out" "$b64"
if [ -e "$work/symlink-target" ] || [ ! -L "$work/symlink.out" ]; then
	fail "--apply to a symbolic link: the link or its target was written"
else pass "--apply to a symbolic link: link and target left alone"; fi
expect_fail "--apply to a device" 1 "/dev/null: a character device, not a regular file" \
	--apply /dev/null "$b64"
mkfifo "$work/fifo.out"
expect_fail "--apply to a FIFO" 1 "a FIFO, not a regular file" --apply "$work/fifo.out" "$b64"
expect_fail "--unpatch to a symbolic link" 1 "a symbolic link, not a regular file" \
	--unpatch --apply "$work/symlink.out" "$b64.patched"
leftovers=$(find "$work" -maxdepth 1 -name '.*.out.*' | wc -l)
check_eq "refused or failed outputs leave no temporary file" 0 "$leftovers"

# ---- A patched file without its record: a second --apply is refused ----
# expect_double WHAT FILE ARGS...: --apply on FILE must be refused as patched.
expect_double() {
	local what=$1 file=$2
	shift 2
	expect_refusal "patched, record $what" 1 "looks patched already but has no restore record" \
		"$work/double.out" "$@" --apply "$work/double.out" "$file"
}
for spec in b64: le64: "b32:--family book3s32" "e500:--family e500"; do
	IFS=: read -r name opts <<<"$spec"
	f="$work/$name"
	head -c "$(stat -c %s "$f")" "$f.patched" >"$work/$name.no-record"
	head -c $(($(stat -c %s "$f.patched") - 1)) "$f.patched" >"$work/$name.cut-record"
	expect_double "dropped ($name: kvm_tmp holds trampolines)" "$work/$name.no-record" $opts
	expect_double "cut short ($name)" "$work/$name.cut-record" $opts
done
powerpc64-linux-gnu-strip -o "$work/b64.stripped" "$b64.patched"
expect_double "and symbols stripped (b64: a branch to a trampoline)" "$work/b64.stripped"
check_eq "stripped: the word found is a branch to a trampoline" 1 \
	"$("$tool" --json "$work/b64.stripped" 2>&1 >/dev/null | grep -c 'branches to a ppcpv trampoline')"
# kvm_tmp wiped: the text still branches into it.
cp "$work/b64.no-record" "$work/b64.wiped"
dd if=/dev/zero of="$work/b64.wiped" bs=1 seek="$(file_offset "$b64" .text "$(symbol_addr "$b64" kvm_tmp)")" \
	count=4096 conv=notrunc 2>/dev/null
expect_refusal "patched, record dropped, kvm_tmp wiped" 1 "branches into kvm_tmp" \
	"$work/double.out" --apply "$work/double.out" "$work/b64.wiped"
# Trampolines in --kvm-tmp, then the image's own (empty) kvm_tmp: found by shape.
head -c "$(stat -c %s "$le64")" "$work/le64.spare" >"$work/le64.spare.no-record"
expect_refusal "patched into --kvm-tmp, record dropped, own kvm_tmp next" 1 \
	"branches to a ppcpv trampoline at $(symbol_addr "$le64" spare)" \
	"$work/double.out" --apply "$work/double.out" "$work/le64.spare.no-record"
expect_refusal "patched into --kvm-tmp, record dropped, the same region forced" 1 \
	"branches to a ppcpv trampoline" "$work/double.out" \
	--force-kvm-tmp --kvm-tmp spare:512 --apply "$work/double.out" "$work/le64.spare.no-record"
if "$tool" --json "$work/le64.no-record" >/dev/null 2>"$work/warn.txt" &&
   grep -q "warning: .*looks patched already" "$work/warn.txt"; then
	pass "a report on a patched file without record warns and succeeds"
else
	fail "a report on a patched file without record: $(cat "$work/warn.txt")"
fi
