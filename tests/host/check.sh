#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check.sh [BUILD]: boot every test guest under the pseries host stub in
# QEMU and check what the guest reports ("ok -"/"not ok -" lines), the
# host's HOST-STATS counters, the EXIT line and QEMU's exit status.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=host-pseries
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guests=$build/ppc64/tests/host

# run_case NAME GUEST [run-guest options]: output in $tmp/NAME.out, QEMU's
# status in $tmp/NAME.rc; the guest's own checks become PASS/FAIL lines.
run_case() {
	local name=$1 guest=$2 rc
	shift 2
	"$here/tests/host/run-guest.sh" --build "$build" --timeout 20 "$@" "$guests/$guest.bin" \
		>"$tmp/$name.out" 2>&1
	rc=$?
	echo "$rc" >"$tmp/$name.rc"
	sed 's/^/    | /' "$tmp/$name.out" | grep -v 'HOST-STATS' | head -n 60
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "$name: ${line#ok - }" ;;
		"not ok - "*) fail "$name: ${line#not ok - }" ;;
		esac
	done <"$tmp/$name.out"
}

exit_line() { sed -n 's/^EXIT: //p' "$tmp/$1.out" | tail -n 1; }
qemu_rc() { cat "$tmp/$1.rc"; }
stat() { sed -n 's/^HOST-STATS: //p' "$tmp/$1.out" | grep -o "\"$2\":[0-9]*" | cut -d: -f2; }

# check_stat CASE FIELD OP VALUE (OP: -eq, -ge, ...)
check_stat() {
	local v
	v=$(stat "$1" "$2")
	if [ -n "$v" ] && [ "$v" "$3" "$4" ]; then
		pass "$1: HOST-STATS $2 = $v ($3 $4)"
	else
		fail "$1: HOST-STATS $2 = '${v}' (want $3 $4)"
	fi
}

check_passes() {
	check_eq "$1: EXIT line" 0 "$(exit_line "$1")"
	check_eq "$1: QEMU exit status" 0 "$(qemu_rc "$1")"
}

start=$(date +%s%N)

run_case priv t_priv --bootargs mode=pv
check_passes priv
check_stat priv emul_mfmsr -ge 3
check_stat priv emul_rfid -ge 1
check_stat priv program_reflected -eq 2

run_case priv-nopv t_priv --mode no-pv --bootargs mode=no-pv
check_passes priv-nopv
check_stat priv-nopv hcall_features -eq 1

run_case hcall t_hcall
check_passes hcall
check_stat hcall hcall_map_magic_page -eq 3
check_stat hcall hcall_unknown -eq 1
check_stat hcall hcall_byte_channel_send -ge 1
if grep -q '^guest: this line went through EV_BYTE_CHANNEL_SEND$' "$tmp/hcall.out"; then
	pass "hcall: byte-channel output reached the console"
else
	fail "hcall: byte-channel output missing"
fi

run_case dec t_dec
check_passes dec
check_stat dec dec_injected -ge 4
check_stat dec dec_deferred -ge 3
check_stat dec idle -eq 1
run_case dec-again t_dec
check_eq "dec: -icount makes the run deterministic (HOST-STATS)" \
	"$(grep '^HOST-STATS' "$tmp/dec.out")" "$(grep '^HOST-STATS' "$tmp/dec-again.out")"

run_case user t_user
check_passes user
check_stat user syscall_reflected -eq 3
check_stat user dsi_reflected -eq 2
check_stat user program_reflected -eq 1

# The guest's own MMU, shadowed (--mmu shadow): translated mode, faults,
# PAPR hypercalls through rewritten sc 1 words, a 64 KiB page, hostile
# calls.  The 64 KiB page alone takes 6 shadow faults (its segment, four
# 4 KiB loads, one store) and 4 reflected DSIs after its H_REMOVE.  Its
# H_REMOVEs: the data page, the rfid page remapped, the 64 KiB page, and
# one hostile.
run_case mmu t_mmu --mmu shadow
check_passes mmu
check_stat mmu papr_h_enter -ge 256
check_stat mmu papr_h_remove -eq 4
check_stat mmu papr_unknown -eq 1
check_stat mmu shadow_faults -ge 10
check_stat mmu guest_faults -eq 12
check_stat mmu emul_mmu -eq 4
if grep -q '^host: sc 1 -> sc 0 at [1-9][0-9]* sites' "$tmp/mmu.out"; then
	pass "mmu: the host lists the sc 1 sites it rewrote"
else
	fail "mmu: no list of rewritten sc 1 sites"
fi
# Without it the same guest is told of no hash MMU and gets QEMU's answer
# to sc 1 at best: it must fail (its own "not ok" lines are expected here).
"$here/tests/host/run-guest.sh" --build "$build" --timeout 20 "$guests/t_mmu.bin" \
	>"$tmp/mmu-flat.out" 2>&1
if [ "$(exit_line mmu-flat)" != 0 ] && [ "$(stat mmu-flat papr_hcalls)" = 0 ]; then
	pass "mmu-flat: without --mmu shadow no PAPR hypercall reaches the host"
else
	fail "mmu-flat: the flat host served PAPR hypercalls or the guest passed"
fi
# Real-mode guests are unchanged on the shadow host (the flat map is its
# real-mode context).
run_case hcall-shadow t_hcall --mmu shadow
check_passes hcall-shadow
check_stat hcall-shadow shadow_faults -eq 0
run_case dec-shadow t_dec --mmu shadow
check_passes dec-shadow

run_case cost t_cost
check_passes cost

run_case exit-fail t_exit
check_eq "exit-fail: EXIT line carries the guest status" 3 "$(exit_line exit-fail)"
if [ "$(qemu_rc exit-fail)" != 0 ]; then
	pass "exit-fail: QEMU exit status is non-zero ($(qemu_rc exit-fail))"
else
	fail "exit-fail: QEMU exit status is 0"
fi
run_case exit-pass t_exit --bootargs status=0
check_passes exit-pass

run_case host-fault t_exit --selftest host-fault
check_eq "host-fault: EXIT line" 99 "$(exit_line host-fault)"
if grep -q '^host: FATAL: interrupt 0x700 taken in host mode' "$tmp/host-fault.out" &&
   [ "$(qemu_rc host-fault)" != 0 ]; then
	pass "host-fault: an interrupt in host mode is FATAL and fails the run"
else
	fail "host-fault: no FATAL report or QEMU exited 0"
fi

elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "host-pseries: 11 QEMU boots in ${elapsed_ms} ms"
summary
