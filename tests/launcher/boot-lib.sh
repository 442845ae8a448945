# SPDX-License-Identifier: MIT
# What the boot tests of ppcpv-run share (boots.sh, boots32.sh,
# boots64le.sh, boots-e500.sh, boots-440.sh): their set-up, one --json
# boot, its console, a clean boot, an unpatched one (bad hcall lengths
# among them), fewer traps with PV, no Book3S trap in a BookE boot, the
# 64-bit kernel's MMU checks, the patched-site counts against ppcpv-patch,
# a family's command line, --all without native, the family's refusals.
# Source it with $here (the repository), $build and TEST_NAME set: it loads
# tests/lib.sh and sets $run (ppcpv-run), $patch (ppcpv-patch) and $tmp (a
# scratch directory, removed at exit).  BOOT_FAMILY is the --family every
# boot gets (default book3s64), and its JSON must say so.
. "$here/tests/lib.sh"
run=$build/native/bin/ppcpv-run
patch=$build/native/bin/ppcpv-patch
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
BOOT_FAMILY=${BOOT_FAMILY:-book3s64}

# boot NAME ARGS...: one --json boot; sets $json and $status; the console
# (and any error) is in $tmp/NAME.err.
boot() {
	local name=$1; shift
	json=$("$run" --family "$BOOT_FAMILY" --json --timeout 60 "$@" 2>"$tmp/$name.err")
	status=$?
}

# console_count NAME PATTERN: lines of boot NAME's console that match
console_count() { grep -c -- "$2" "$tmp/$1.err"; }

# a boot that must pass all its checks
expect_clean() {
	local what=$1
	check_eq "$what: exit status" 0 "$status"
	check_eq "$what: family in the JSON" "$BOOT_FAMILY" "$(json_value "$json" family)"
	check_eq "$what: no failed check" 0 "$(json_value "$json" checks_failed)"
	[ "$(json_value "$json" checks_passed)" -gt 0 ] 2>/dev/null &&
		pass "$what: checks passed" || fail "$what: no check passed"
}

# a bad input: clean boot, unpatched, and the PV line names the reason
expect_unpatched() {
	local what=$1 reason=$2
	expect_clean "$what"
	check_eq "$what: not patched" false "$(json_value "$json" pv)"
	check_eq "$what: 0 sites patched" 0 "$(json_value "$json" patched)"
	case "$(json_value "$json" pv_line)" in
	*"PV off: $reason"*) pass "$what: logs \"$reason\"" ;;
	*) fail "$what: PV line is '$(json_value "$json" pv_line)', wanted '$reason'" ;;
	esac
}

# expect_hcall_lengths_refused LEN...: an hcall-instructions of each length
# (none of them 4 to 16 and a multiple of 4) leaves the guest unpatched,
# naming the length
expect_hcall_lengths_refused() {
	local len
	for len in "$@"; do
		boot "hcall-$len" --inject "hcall-length=$len"
		expect_unpatched "hcall-instructions of $len bytes" "hcall-instructions is $len bytes"
	done
}

# remember_no_pv after a no-pv boot, expect_fewer_than_no_pv after the pv
# boot of the same kernel: PV must save traps and guest instructions.
remember_no_pv() {
	off_traps=$(json_count "$json" traps total)
	off_insns=$(json_value "$json" guest_instructions)
}
expect_fewer_than_no_pv() {
	local on_traps on_insns
	on_traps=$(json_count "$json" traps total)
	on_insns=$(json_value "$json" guest_instructions)
	[ "$on_traps" -lt "$off_traps" ] && pass "pv: fewer traps than no-pv ($on_traps < $off_traps)" ||
		fail "pv: $on_traps traps, no-pv $off_traps"
	[ "$on_insns" -lt "$off_insns" ] && pass "pv: fewer instructions than no-pv ($on_insns < $off_insns)" ||
		fail "pv: $on_insns instructions, no-pv $off_insns"
}

# The reference kernel's MMU checks (guest-kernel/ref/mmu_checks.c).
MMU_CHECKS=9
# natively and hosted (the host's shadow MMU, the default): its own hash
# MMU; every check passes, the magic page's only with PV (magic=1)
expect_own_mmu() {
	local name=$1 magic=${2:-0}
	check_eq "$name: the kernel's own MMU is on" 1 "$(console_count "$name" '^mmu: hash page table of 2^')"
	check_eq "$name: MMU checks passed" $((MMU_CHECKS - 1 + magic)) "$(console_count "$name" '^PASS: mmu: ')"
	check_eq "$name: no MMU check failed" 0 "$(console_count "$name" '^FAIL: mmu: ')"
	check_eq "$name: the magic page check is skipped only without PV" $((1 - magic)) \
		"$(console_count "$name" '^SKIP: mmu: the magic page is invisible to user mode (no magic page: PV off)')"
}
# hosted, the guest's page-table hypercalls and faults reached the host
expect_shadow_host() {
	local name=$1
	[ "$(json_count "$json" traps papr_h_enter)" -gt 0 ] 2>/dev/null &&
		pass "$name: the host served the guest's H_ENTER calls" || fail "$name: no H_ENTER reached the host"
	[ "$(json_count "$json" traps shadow_faults)" -gt 0 ] 2>/dev/null &&
		pass "$name: the host served shadow faults" || fail "$name: no shadow fault served"
	check_eq "$name: no unknown PAPR hypercall" 0 "$(json_count "$json" traps papr_unknown)"
}
# hosted with --mmu flat: no hcall-pft, so the host's flat mapping and SKIP lines
expect_flat_mmu() {
	local name=$1
	check_eq "$name: the kernel says why it keeps the flat mapping" 1 \
		"$(console_count "$name" "^mmu: no hcall-pft: running on the host's flat mapping")"
	check_eq "$name: every MMU check skipped, with the reason" "$MMU_CHECKS" \
		"$(console_count "$name" '^SKIP: mmu: .* (flat mapping: no hcall-pft)$')"
	check_eq "$name: no MMU check ran" 0 "$(console_count "$name" '^\(PASS\|FAIL\): mmu: ')"
}

# expect_tool_counts OBJCOPY ELF FAMILY KIND...: the last boot's (a pv
# boot's) patched sites - total, found, kvm_tmp bytes and each KIND -
# equal what ppcpv-patch --family FAMILY finds in the same ELF.  The
# kernel's kvm_tmp is NOLOAD, so the copy given to the tool gets file
# contents there (zeros) for it to place trampolines into.  Sets $tool
# (ppcpv-patch's JSON).
expect_tool_counts() {
	local objcopy=$1 elf=$2 family=$3 kind n line
	shift 3
	"$objcopy" --set-section-flags .kvm_tmp=alloc,load,contents,code,readonly "$elf" "$tmp/tool.elf"
	tool=$("$patch" --family "$family" --start _stext+0x100 --end _etext --json "$tmp/tool.elf" \
		2>"$tmp/tool.err")
	check_eq "ppcpv-patch on the image: exit status" 0 "$?"
	check_eq "pv: sites found at runtime = ppcpv-patch's" "$(json_value "$tool" sites)" \
		"$(json_value "$json" sites)"
	check_eq "pv: sites patched at runtime = ppcpv-patch's" "$(json_value "$tool" patched)" \
		"$(json_value "$json" patched)"
	check_eq "pv: kvm_tmp bytes at runtime = ppcpv-patch's" "$(json_count "$tool" kvm_tmp used)" \
		"$(json_value "$json" kvm_tmp_used)"
	line=$(json_value "$json" pv_line)
	for kind in "$@"; do
		n=$(json_count "$tool" patched_by_kind "$kind")
		case "$line" in
		*"$kind $n,"* | *"$kind $n)"*) pass "pv: $kind sites at runtime = ppcpv-patch's ($n)" ;;
		*) fail "pv: ppcpv-patch patches $n $kind sites; the guest says '$line'" ;;
		esac
	done
}

# expect_no_book3s NAME: a BookE boot: rfi, never a Book3S instruction,
# PAPR hypercall or unexpected program interrupt.
expect_no_book3s() {
	local name=$1 key
	[ "$(json_count "$json" traps emul_rfi)" -gt 0 ] 2>/dev/null &&
		pass "$name: emul_rfi emulated by the host" || fail "$name: no emul_rfi reached the host"
	for key in emul_rfid emul_mtmsrd emul_mtsr emul_mfsr papr_hcalls program_reflected; do
		check_eq "$name: no $key" 0 "$(json_count "$json" traps "$key")"
	done
}

# expect_print WANT...: the family's --print command line (left in $line)
# has every WANT.
expect_print() {
	local want
	line=$("$run" --family "$BOOT_FAMILY" --print --keep "$tmp/print")
	check_eq "--print: exit status" 0 "$?"
	for want in "$@"; do
		case "$line" in
		*"$want"*) pass "--print has '$want'" ;;
		*) fail "--print lacks '$want': $line" ;;
		esac
	done
}

# expect_print_lacks WHAT WORD...: ... and none of the WORDs (WHAT's)
expect_print_lacks() {
	local what=$1 word
	shift
	for word in "$@"; do
		case "$line" in
		*"$word"*) fail "--print has $what in it ('$word'): $line"; return ;;
		esac
	done
	pass "--print: nothing of $what"
}

# expect_all_hosted CHECKS: --all for a family QEMU cannot run natively:
# exit 0, native a SKIP line with the --native refusal's reason, the no-pv
# and pv boots summarized with CHECKS (a grep pattern) checks passed; the
# output is left in $tmp/all.out.
expect_all_hosted() {
	local checks=$1 reason
	"$run" --family "$BOOT_FAMILY" --all --timeout 60 >"$tmp/all.out" 2>&1
	check_eq "--all: exit status" 0 "$?"
	reason=$("$run" --family "$BOOT_FAMILY" --native 2>&1 | sed -n 's/.*no --native (\(.*\))$/\1/p')
	check_eq "--all: native skipped with the --native refusal's reason" 1 \
		"$(grep -cxF "SKIP: native: $reason" "$tmp/all.out")"
	check_eq "--all: no-pv and pv boots summarized" 2 \
		"$(grep -c "^ppcpv-run: \(no-pv\|pv   \) : exit 0, $checks checks passed, 0 failed" "$tmp/all.out")"
}

# expect_refused WHAT WHY ARGS...: ppcpv-run --family BOOT_FAMILY ARGS is
# refused with the usage status and one line that says WHY.
expect_refused() {
	local what=$1 why=$2
	shift 2
	"$run" --family "$BOOT_FAMILY" "$@" 2>"$tmp/err"
	check_eq "$what refused: usage status" 2 "$?"
	check_eq "$what refused: one line" 1 "$(wc -l <"$tmp/err")"
	grep -qF -- "$why" "$tmp/err" && pass "$what refused: says why" || fail "$what: $(cat "$tmp/err")"
}
