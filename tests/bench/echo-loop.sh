#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The echo-loop benchmark's behaviour and counts (never its speed): the
# small benchmark image (N iterations) booted twice each natively (the
# kernel's own hash MMU), in no-pv and in pv mode (the host's flat mapping)
# through the driver, which fails on any difference between the two boots;
# then what each iteration did, from bench-echo's results.
#   tests/bench/echo-loop.sh BUILD N
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
iterations=${2:?iteration count of guest-bench-check.bin}
TEST_NAME=bench-echo
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
driver=$build/native/bin/bench-echo

"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/guest-bench-check.bin" \
	--modes native,no-pv,pv --runs 2 --timeout 60 --json "$tmp/results.json" >"$tmp/out" 2>&1
status=$?
sed 's/^/    | /' "$tmp/out"
check_eq "driver: all three modes ran, two boots each with identical counts" 0 "$status"
json=$(cat "$tmp/results.json" 2>/dev/null)
check_eq "iterations" "$iterations" "$(json_value "$json" iterations)"
check_eq "deterministic" true "$(json_value "$json" deterministic)"

# mode_line MODE: the line of results.json with that mode's object
mode_line() { grep "^\"$1\":" "$tmp/results.json"; }

for mode in native no_pv pv; do
	line=$(mode_line "$mode")
	check_eq "$mode: 8 system calls per iteration" 8 "$(json_value "$line" syscalls_per_iter)"
	check_eq "$mode: 2 context switches per iteration" 2 "$(json_value "$line" switches_per_iter)"
done

# Natively the kernel runs its own MMU: the forked child and echo each fault
# in their program page (ISI) and stack page (DSI), one H_ENTER per fault,
# and exec and exit each remove two entries in one H_BULK_REMOVE.  Hosted,
# the host's flat mapping leaves nothing to fault or to map.
native=$(mode_line native)
check_eq "native: 4 guest page faults per iteration" 4 "$(json_value "$native" guest_faults_per_iter)"
check_eq "native: 6 hash-table hypercalls per iteration (4 H_ENTER, 2 H_BULK_REMOVE)" 6 \
	"$(json_value "$native" hcalls_per_iter)"
for mode in no_pv pv; do
	line=$(mode_line "$mode")
	check_eq "$mode: no guest page fault (flat mapping)" 0 "$(json_value "$line" guest_faults_per_iter)"
	check_eq "$mode: no hash-table hypercall (flat mapping)" 0 "$(json_value "$line" hcalls_per_iter)"
	check_eq "$mode: one system-call entry per call" 8 \
		"$(json_count "$line" traps_per_iter syscall_reflected)"
	check_eq "$mode: one rfid per return to user mode" 8 \
		"$(json_count "$line" traps_per_iter emul_rfid)"
done

# Without PV every privileged instruction of the paths traps (the mix is
# in Documentation/benchmarks.rst); with PV only sc and rfid are left.
off=$(mode_line no_pv)
check_eq "no-pv: traps per iteration" 100 "$(json_count "$off" traps_per_iter total)"
check_eq "no-pv: mfspr per iteration" 40 "$(json_count "$off" traps_per_iter emul_mfspr)"
check_eq "no-pv: mtspr per iteration" 24 "$(json_count "$off" traps_per_iter emul_mtspr)"
check_eq "no-pv: mtmsrd L=1 per iteration" 20 "$(json_count "$off" traps_per_iter emul_mtmsrd_l1)"
on=$(mode_line pv)
check_eq "pv: traps per iteration (sc and rfid only)" 16 "$(json_count "$on" traps_per_iter total)"
check_eq "pv: only system-call entries and rfids left" true "$(json_value "$json" pv_traps_only_sc_rfid)"
off_insns=$(json_value "$off" instructions_per_iter)
on_insns=$(json_value "$on" instructions_per_iter)
if [ "${on_insns%.*}" -lt "${off_insns%.*}" ] 2>/dev/null; then
	pass "pv: fewer instructions per iteration than no-pv ($on_insns < $off_insns)"
else
	fail "pv: $on_insns instructions per iteration, no-pv $off_insns"
fi

# The driver refuses what it cannot measure.
"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/guest-ref.bin" \
	--modes pv --runs 1 >"$tmp/bad" 2>&1
check_eq "driver: an image without the benchmark fails" 1 "$?"
"$driver" --modes nonsense >/dev/null 2>&1
check_eq "driver: unknown mode is a usage error" 2 "$?"

summary
