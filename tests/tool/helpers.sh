# SPDX-License-Identifier: MIT
# Shell helpers of the ppcpv-patch tests: checking JSON counts,
# disassembling with the cross objdump, and checking exits.
# Needs $tool, $work and tests/lib.sh.

# check_counts WHAT JSON OBJECT "key=value ..."
check_counts() {
	local what=$1 json=$2 obj=$3 kv got want key
	for kv in $4; do
		key=${kv%%=*} want=${kv#*=}
		got=$(json_count "$json" "$obj" "$key")
		check_eq "$what: $obj.$key" "$want" "$got"
	done
}

# disasm FILE SYMBOL [OBJDUMP-OPTIONS]: the instructions of SYMBOL, one per
# line, blanks folded, branches to kvm_tmp (or ppcpv_kvm_tmp) as "b SYM".
disasm() {
	local file=$1 sym=$2; shift 2
	powerpc64-linux-gnu-objdump -d --no-show-raw-insn "$@" --disassemble="$sym" "$file" |
		awk -F'\t' '/^ *[0-9a-f]+:\t/ { $1 = ""; sub(/^[ \t]+/, ""); gsub(/[ \t]+/, " "); print }' |
		sed -E 's/^b [0-9a-f]+ <((ppcpv_)?kvm_tmp)(\+0x[0-9a-f]+)?>$/b \1/'
}

# disasm_range FILE START END: the instructions of [START, END) of an
# executable, as "ADDR TEXT" lines.
disasm_range() {
	powerpc64-linux-gnu-objdump -d --no-show-raw-insn --start-address="$2" --stop-address="$3" "$1" |
		awk -F'\t' '/^ *[0-9a-f]+:\t/ { a = $1; sub(/:$/, "", a); gsub(/ /, "", a); $1 = "";
			sub(/^[ \t]+/, ""); gsub(/[ \t]+/, " "); print a " " $0 }'
}

# expect_fail WHAT STATUS PATTERN ARGS...: the tool exits STATUS and says PATTERN.
expect_fail() {
	local what=$1 status=$2 pattern=$3 rc out
	shift 3
	out=$("$tool" "$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" != "$status" ]; then
		fail "$what: exit $rc, expected $status ($out)"
	elif ! grep -q -- "$pattern" <<<"$out"; then
		fail "$what: message '$out' lacks '$pattern'"
	else
		pass "$what: exit $status, '$(head -n 1 <<<"$out")'"
	fi
}

# expect_refusal WHAT STATUS PATTERN OUT ARGS...: the tool exits STATUS with
# exactly one line on stderr saying PATTERN, and OUT does not exist after.
expect_refusal() {
	local what=$1 status=$2 pattern=$3 output=$4 rc msg
	shift 4
	rm -f "$output"
	msg=$("$tool" "$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" != "$status" ]; then
		fail "$what: exit $rc, expected $status ($msg)"
	elif [ "$(grep -c . <<<"$msg")" != 1 ] || ! grep -q -- "$pattern" <<<"$msg"; then
		fail "$what: expected one line saying '$pattern', got '$msg'"
	elif [ -e "$output" ] || [ -L "$output" ]; then
		fail "$what: $output was written"
	else
		pass "$what: exit $status, nothing written, '$msg'"
	fi
}

# run_ok WHAT ARGS...: the tool succeeds; its stdout goes to $out.
run_ok() {
	local what=$1 err
	shift
	err=$(mktemp)
	if out=$("$tool" "$@" 2>"$err"); then
		rm -f "$err"
		return 0
	fi
	fail "$what: ppcpv-patch $* failed: $(cat "$err")"
	rm -f "$err"
	return 1
}

# symbol_addr FILE SYMBOL: 0x-prefixed value of a symbol.
symbol_addr() {
	powerpc64-linux-gnu-nm "$1" | awk -v s="$2" '$3 == s { sub(/^0+/, "", $1); print "0x" $1; exit }'
}

# section_index FILE SECTION: the section header index of a section.
section_index() {
	powerpc64-linux-gnu-readelf -SW "$1" |
		awk -v s="$2" '/^ *\[ *[0-9]+\]/ { i = $0; sub(/^ *\[ */, "", i); sub(/\].*/, "", i);
			sub(/^ *\[ *[0-9]+\] */, ""); if ($1 == s) { print i; exit } }'
}

# put_bytes FILE OFFSET HEX: overwrite bytes at OFFSET (decimal) with HEX
# ("ffff0000..."), in place.
put_bytes() {
	printf "$(sed 's/../\\x&/g' <<<"$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# file_offset FILE SECTION ADDR: the file offset of ADDR in SECTION, in decimal.
file_offset() {
	local fields
	fields=$(powerpc64-linux-gnu-readelf -SW "$1" |
		awk -v s="$2" '{ sub(/^ *\[ *[0-9]+\] */, "") } $1 == s { print $3, $4; exit }')
	[ -n "$fields" ] && echo $((0x${fields#* } + $3 - 0x${fields% *}))
}

# section_offset FILE SECTION: the file offset of a section, in decimal.
section_offset() {
	local hex
	hex=$(powerpc64-linux-gnu-readelf -SW "$1" |
		awk -v s="$2" '{ sub(/^ *\[ *[0-9]+\] */, "") } $1 == s { print $4; exit }')
	[ -n "$hex" ] && echo $((0x$hex))
}
