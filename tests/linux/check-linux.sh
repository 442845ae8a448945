#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make check-linux`: Debian's ppc64el Linux 6.1 booted through ppcpv-run
# --linux (fetched first if absent) natively, under the host with PV off,
# with PV on (the stock kernel's own PV code) and patched by ppcpv before
# boot (--pv --prepatch), each with an init that checks in
# the guest: the shell, fork/exec, pipes, floating point in two concurrent
# processes, a few MB through tmpfs (tests/linux/checks.sh; the expected
# values are computed here, on the build machine).  The guest's PASS/FAIL
# lines are counted here as this step's own, and its RESULT-DIGEST must be
# the digest of the expected values.  Then the bad inputs: a non-PowerPC
# ELF, a truncated ELF, a file that is no ELF, an initrd that does not fit,
# a kernel that panics, a guest that never powers off, --linux hosted with
# the flat MMU, --prepatch without --pv: each one clear line and its exit
# status, no file left behind.
#   tests/linux/check-linux.sh BUILD DOWNLOAD_DIR
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
dir=${2:-$build/vmlinux}
TEST_NAME=check-linux
. "$here/tests/lib.sh"
run="$build/native/bin/ppcpv-run"
timebase="$build/ppc64le/tests/linux/ppcpv-timebase"
start=$(date +%s.%N)

# The sizes of the guest's checks.
SUM_N=1000 PIPE_LINES=5000 FP_N=50000 MEM_LINES=1000000

"$here/tests/tool/fetch-ppc64el.sh" "$dir" vmlinux busybox ||
	{ fail "cannot fetch the guest"; summary; exit 1; }
vmlinux="$dir/vmlinux"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# every ppcpv-run here keeps its temporary files under $runs (checked empty)
runs="$tmp/runs"
mkdir -p "$runs"
export TMPDIR="$runs"

# ---- the guest's checks ------------------------------------------------
expect_sum=$((SUM_N * (SUM_N + 1) / 2))
expect_harmonic=$(awk -v n="$FP_N" -v kind=harmonic -f "$here/tests/linux/fp.awk")
expect_leibniz=$(awk -v n="$FP_N" -v kind=leibniz -f "$here/tests/linux/fp.awk")
expect_md5=$(seq 1 "$MEM_LINES" | md5sum | cut -d ' ' -f 1)
# the same values in the same order as the guest's `keep` lines
expect_digest=$(printf '%s\n' "$expect_sum" "$PIPE_LINES" "$expect_harmonic" "$expect_leibniz" \
	"$expect_md5" | md5sum | cut -d ' ' -f 1)
{
	echo "SUM_N=$SUM_N PIPE_LINES=$PIPE_LINES FP_N=$FP_N MEM_LINES=$MEM_LINES"
	echo "EXPECT_SUM=$expect_sum EXPECT_MD5=$expect_md5"
	echo "EXPECT_HARMONIC=$expect_harmonic EXPECT_LEIBNIZ=$expect_leibniz"
	printf "FP_PROGRAM=\$(cat <<'AWK'\n%s\nAWK\n)\n" "$(cat "$here/tests/linux/fp.awk")"
	cat "$here/tests/linux/checks.sh"
} >"$tmp/checks.sh"
"$here/tests/linux/initramfs.sh" "$dir/busybox" "$timebase" "$tmp/checks.sh" "$tmp/checks.cpio.gz" ||
	{ fail "cannot build the initramfs"; summary; exit 1; }

# boot_checks NAME ARGS...: one configuration with the checks' init; its
# report in $tmp/NAME.json, its console in $tmp/NAME.console.
boot_checks() {
	local name=$1 status json guest_checks insns
	shift
	echo "    ---- $name: ppcpv-run --linux vmlinux $*"
	"$run" --linux "$vmlinux" --initrd "${checks_initrd:-$tmp/checks.cpio.gz}" "$@" --json --timeout 900 \
		>"$tmp/$name.json" 2>"$tmp/$name.console"
	status=$?
	json=$(cat "$tmp/$name.json")
	echo "    guest console (its init's part):"
	sed -n '/Run \/init as init process/,$p' "$tmp/$name.console" | grep -v '^host: trap ' |
		sed 's/^/    | /'
	check_eq "$name: the guest powered off normally (exit 0)" 0 "$status"
	check_eq "$name: the report says so" "powered off" "$(json_value "$json" reason)"
	# the guest's own checks, counted as ours
	while IFS= read -r line; do
		case $line in
		PASS:*) pass "$name: guest: ${line#PASS: }" ;;
		FAIL:*) fail "$name: guest: ${line#FAIL: }" ;;
		esac
	done <"$tmp/$name.console"
	guest_checks=$(grep -c '^PASS: \|^FAIL: ' "$tmp/$name.console")
	check_eq "$name: the guest ran its 14 checks" 14 "$guest_checks"
	check_eq "$name: the report counts the same passes" "$(grep -c '^PASS: ' "$tmp/$name.console")" \
		"$(json_value "$json" checks_passed)"
	check_eq "$name: the result digest is that of the expected values" "$expect_digest" \
		"$(json_value "$json" digest)"
	insns=$(json_value "$json" instructions)
	if [ "${insns:-0}" -gt 0 ] 2>/dev/null; then
		pass "$name: an instruction count ($insns)"
	else
		fail "$name: no instruction count ('$insns')"
	fi
	grep -q '"console":".*Run /init as init process' <<<"$json" &&
		pass "$name: the report carries the console" || fail "$name: the report has no console text"
}

# traps NAME [KEY]: a count of the boot's traps (default: the total)
traps() {
	json_count "$(cat "$tmp/$1.json")" traps "${2:-total}"
}

boot_checks native --native
check_eq "native: nothing patched, no magic page, no traps" "0 0 {}" \
	"$(json_value "$(cat "$tmp/native.json")" patched) $(json_value "$(cat "$tmp/native.json")" map_magic_page_calls) $(grep -o '"traps":{[^}]*}' "$tmp/native.json" | cut -d : -f 2)"

# Hosted: Debian's kernel at MSR[PR]=1 under the host (shadow MMU).
boot_checks no-pv --no-pv
check_eq "no-pv: no magic page" 0 "$(json_value "$(cat "$tmp/no-pv.json")" map_magic_page_calls)"
check_eq "no-pv: its PAPR hypercalls were served (no unknown one but the two named)" \
	"yes" "$([ "$(traps no-pv papr_h_enter)" -gt 1000 ] && [ "$(traps no-pv papr_unknown)" -le 2 ] && echo yes)"

# The stock kernel's own PV code: it maps the page; our reading of 6.1 says
# its self-test then fails silently and it patches nothing, so it takes as
# many privileged-instruction traps as without the magic page.
boot_checks pv --pv
check_eq "pv (stock kernel): it issued MAP_MAGIC_PAGE once" 1 \
	"$(json_value "$(cat "$tmp/pv.json")" map_magic_page_calls)"
stock=$(traps pv emulated) off=$(traps no-pv emulated)
if [ "$stock" -ge $((off * 99 / 100)) ]; then
	pass "pv (stock kernel): nothing patched: $stock emulated instructions, no-pv $off"
else
	fail "pv (stock kernel): $stock emulated instructions against no-pv's $off: it patched something"
fi
grep -q 'Live patching' "$tmp/pv.console" &&
	fail "pv (stock kernel): it printed '$(grep -o 'Live patching.*' "$tmp/pv.console")'" ||
	pass "pv (stock kernel): no 'Live patching' line"

# ppcpv's patcher before boot, the magic page mapped from the first
# instruction.
boot_checks pv-prepatch --pv --prepatch
patched=$(json_value "$(cat "$tmp/pv-prepatch.json")" patched)
check_eq "pv --prepatch: the report says prepatch" true "$(json_value "$(cat "$tmp/pv-prepatch.json")" prepatch)"
if [ "${patched:-0}" -ge 1000 ] 2>/dev/null; then
	pass "pv --prepatch: $patched sites patched (at least 1000)"
else
	fail "pv --prepatch: $patched sites patched, want at least 1000"
fi
on=$(traps pv-prepatch) off=$(traps no-pv)
if [ "$on" -lt "$off" ]; then
	pass "pv --prepatch: fewer traps than no-pv ($on < $off)"
else
	fail "pv --prepatch: $on traps, no-pv $off"
fi

# ---- bad inputs ----------------------------------------------------------
# bad NAME WANT_STATUS WANT_TEXT ARGS...: one line on stderr naming the
# problem (a usage error, status 2, is that line and then the usage)
bad() {
	local name=$1 want=$2 text=$3 got lines
	shift 3
	"$run" "$@" >"$tmp/bad.out" 2>"$tmp/bad.err"
	got=$?
	lines=$(grep -c . "$tmp/bad.err")
	[ "$want" = 2 ] && grep -q '^usage: ' "$tmp/bad.err" && lines=$(sed -n '1,/^usage: /p' "$tmp/bad.err" | grep -vc '^usage: ')
	if [ "$got" = "$want" ] && [ "$lines" = 1 ] && head -n 1 "$tmp/bad.err" | grep -q -- "$text"; then
		pass "$name: exit $got, '$(head -n 1 "$tmp/bad.err")'"
	else
		fail "$name: exit $got (want $want), $lines lines on stderr (want 1 with '$text'):"
		sed 's/^/    | /' "$tmp/bad.err" | head -n 5
	fi
}
bad "an x86 ELF" 125 "not a PowerPC64 ELF" --linux "$(command -v bash)" --native
head -c 4000000 "$vmlinux" >"$tmp/truncated"
bad "a truncated ELF" 125 "truncated" --linux "$tmp/truncated" --native
bad "a file that is no ELF" 125 "not an ELF file" --linux "$tmp/checks.cpio.gz" --native
truncate -s 480M "$tmp/huge.cpio.gz"
bad "an initrd that does not fit" 125 "does not fit" --linux "$vmlinux" --initrd "$tmp/huge.cpio.gz" --native
bad "--linux in a hosted mode with --mmu flat" 2 "needs --mmu shadow" --linux "$vmlinux" --no-pv --mmu flat
bad "--prepatch without --pv" 2 "goes with --pv" --linux "$vmlinux" --no-pv --prepatch
bad "--initrd without --linux" 2 "go with --linux" --initrd "$tmp/checks.cpio.gz" --native

# A kernel that panics: no init it may run (rdinit= too, since the
# initramfs's /init would otherwise be used whatever init= says), natively
# and under the host; either way its os-term RTAS call ends the boot.
# panic_boot NAME MODE
panic_boot() {
	local name=$1 mode=$2 status json
	"$run" --linux "$vmlinux" --initrd "$tmp/checks.cpio.gz" \
		--append "rdinit=/nonexistent init=/nonexistent" "$mode" --json --quiet --timeout 300 \
		>"$tmp/$name.json" 2>"$tmp/$name.err"
	status=$?
	json=$(cat "$tmp/$name.json")
	check_eq "$name: exit 120" 120 "$status"
	check_eq "$name: reason" "kernel panic" "$(json_value "$json" reason)"
	check_eq "$name: ended by itself (os-term), not by the timeout" false \
		"$(json_value "$json" timed_out)"
	grep -q 'panicked: "Kernel panic - not syncing: ' "$tmp/$name.err" &&
		pass "$name: the panic line is named ($(grep -o 'not syncing: .*' "$tmp/$name.err"))" ||
		fail "$name: no panic line on stderr: $(grep -v '^host: ' "$tmp/$name.err" | tail -n 3)"
}
panic_boot "a panicking kernel" --native
panic_boot "a panicking kernel under the host" --no-pv

# A guest that never powers off: the timeout ends it.
printf 'echo looping\nwhile :; do :; done\n' >"$tmp/loop.sh"
"$here/tests/linux/initramfs.sh" "$dir/busybox" "$timebase" "$tmp/loop.sh" "$tmp/loop.cpio.gz"
"$run" --linux "$vmlinux" --initrd "$tmp/loop.cpio.gz" --native --json --quiet --timeout 10 \
	>"$tmp/loop.json" 2>"$tmp/loop.err"
status=$?
check_eq "a looping guest: exit 124" 124 "$status"
check_eq "a looping guest: reason" "timeout (hang or loop)" "$(json_value "$(cat "$tmp/loop.json")" reason)"

# ---- the kernel built here with ppcpv's guest component ---------------------
. "$here/tests/linux/component.sh"

check_eq "no temporary file left behind" "" "$(ls -A "$runs")"
echo "check-linux: wall time $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
summary
