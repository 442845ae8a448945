#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The echo-loop benchmark's behaviour and counts (never its speed): the
# small benchmark image (N iterations) booted twice each natively (the
# kernel's own hash MMU), in no-pv and in pv mode, with the host's shadow
# MMU (the default) and with its flat mapping, through the driver, which
# fails on any difference between the two boots; the little-endian,
# Book3S-32, e500 and 440 kernels' images the same way (the 32-bit ones
# hosted only, but the 440's natively on bamboo too); then what each
# iteration did, from bench-echo's results.
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

# run_driver MMU [FAMILY IMAGE [MODES]]: the modes (default all three), two
# boots each, the hosted ones with ppcpv-run --mmu MMU (and --family
# FAMILY, the benchmark image IMAGE); $json and mode_line read its results.
run_driver() {
	local mmu=$1 family=(${2:+--family "$2"}) image=${3:-guest-bench-check.bin}
	local modes=${4:-native,no-pv,pv}
	rm -f "$tmp/results.json"	# a failed run must not be judged on the last one's
	"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/$image" "${family[@]}" \
		--modes "$modes" --runs 2 --timeout 60 --mmu "$mmu" --json "$tmp/results.json" \
		>"$tmp/out" 2>&1
	status=$?
	sed 's/^/    | /' "$tmp/out"
	check_eq "$mmu${2:+ $2}: driver: the modes $modes ran, two boots each with identical counts" 0 "$status"
	json=$(cat "$tmp/results.json" 2>/dev/null)
	check_eq "$mmu${2:+ $2}: iterations" "$iterations" "$(json_value "$json" iterations)"
	check_eq "$mmu${2:+ $2}: deterministic" true "$(json_value "$json" deterministic)"
}

# mode_line MODE: the line of results.json with that mode's object
mode_line() { grep "^\"$1\":" "$tmp/results.json"; }

# pv_fewer_instructions LABEL: PV saves guest instructions per iteration.
pv_fewer_instructions() {
	local off_insns on_insns
	off_insns=$(json_value "$(mode_line no_pv)" instructions_per_iter)
	on_insns=$(json_value "$(mode_line pv)" instructions_per_iter)
	[ "${on_insns%.*}" -lt "${off_insns%.*}" ] 2>/dev/null &&
		pass "$1: pv: fewer instructions per iteration than no-pv ($on_insns < $off_insns)" ||
		fail "$1: pv: $on_insns instructions per iteration, no-pv $off_insns"
}

# expect_traps LABEL MODE TOTAL KIND=N...: MODE's traps per iteration, in
# all and of each KIND (a HOST-STATS key without its emul_ prefix).
expect_traps() {
	local label=$1 mode=$2 total=$3 line kv
	line=$(mode_line "$mode")
	check_eq "$label: ${mode/_/-}: traps per iteration" "$total" "$(json_count "$line" traps_per_iter total)"
	shift 3
	for kv in "$@"; do
		check_eq "$label: ${mode/_/-}: ${kv%=*} per iteration" "${kv#*=}" \
			"$(json_count "$line" traps_per_iter "emul_${kv%=*}")"
	done
}

# flat_modes LABEL RETURN: the hosted modes on the host's flat map: nothing
# faults or maps, one system-call entry per call and one RETURN (the
# emulation key of rfid or rfi) per return to user mode.
flat_modes() {
	local label=$1 return_key=$2 mode line
	for mode in no_pv pv; do
		line=$(mode_line "$mode")
		check_eq "$label: $mode: no guest page fault" 0 "$(json_value "$line" guest_faults_per_iter)"
		check_eq "$label: $mode: no hash-table hypercall" 0 "$(json_value "$line" hcalls_per_iter)"
		check_eq "$label: $mode: one system-call entry per call" 8 \
			"$(json_count "$line" traps_per_iter syscall_reflected)"
		check_eq "$label: $mode: one ${return_key#emul_} per return to user mode" 8 \
			"$(json_count "$line" traps_per_iter "$return_key")"
	done
}

# common MMU: what every mode does per iteration, and the kernel's own MMU
# natively: the forked child and echo each fault in their program page (ISI)
# and stack page (DSI), one H_ENTER per fault, and exec and exit each
# remove two entries in one H_BULK_REMOVE.
common() {
	local mmu=$1 mode line
	for mode in native no_pv pv; do
		line=$(mode_line "$mode")
		check_eq "$mmu: $mode: 8 system calls per iteration" 8 "$(json_value "$line" syscalls_per_iter)"
		check_eq "$mmu: $mode: 2 context switches per iteration" 2 "$(json_value "$line" switches_per_iter)"
	done
	line=$(mode_line native)
	check_eq "$mmu: native: 4 guest page faults per iteration" 4 "$(json_value "$line" guest_faults_per_iter)"
	check_eq "$mmu: native: 6 hash-table hypercalls per iteration (4 H_ENTER, 2 H_BULK_REMOVE)" 6 \
		"$(json_value "$line" hcalls_per_iter)"
	check_eq "$mmu: native: no shadow fault" 0 "$(json_value "$line" shadow_faults_per_iter)"
}

# --- the host's shadow MMU (the default): the hosted kernel runs its own
# MMU as natively, so its faults and hypercalls are the native ones, and
# each reaches the host; its 12 kernel entries (8 system calls, 4 faults)
# turn translation on with mtmsrd L=0 and leave with rfid, and 3 address-
# space changes load user segments (2 slbie + 2 slbmte each): none of
# these can be patched, so PV leaves them and removes every mfspr, mtspr
# and mtmsrd L=1.
# shadow_checks LABEL: the shadow-MMU counts of the results just run.
shadow_checks() {
	local label=$1 mode line sf on off kind
	for mode in no_pv pv; do
		line=$(mode_line "$mode")
		check_eq "$label: $mode: 4 guest page faults per iteration" 4 "$(json_value "$line" guest_faults_per_iter)"
		check_eq "$label: $mode: 6 hash-table hypercalls per iteration" 6 "$(json_value "$line" hcalls_per_iter)"
		check_eq "$label: $mode: the host served them (4 H_ENTER)" 4 "$(json_count "$line" traps_per_iter papr_h_enter)"
		check_eq "$label: $mode: the host served them (2 H_BULK_REMOVE)" 2 \
			"$(json_count "$line" traps_per_iter papr_h_bulk_remove)"
		check_eq "$label: $mode: the faults reflected by the host's walk" 4 "$(json_count "$line" traps_per_iter guest_faults)"
		check_eq "$label: $mode: one system-call entry per call" 8 "$(json_count "$line" traps_per_iter syscall_reflected)"
		check_eq "$label: $mode: one rfid per kernel exit (8 calls, 4 faults)" 12 \
			"$(json_count "$line" traps_per_iter emul_rfid)"
		check_eq "$label: $mode: translation turned on at each kernel entry" 12 \
			"$(json_count "$line" traps_per_iter emul_mtmsrd)"
		check_eq "$label: $mode: SLB instructions (3 user-segment loads)" 12 \
			"$(json_count "$line" traps_per_iter emul_mmu)"
		sf=$(json_value "$line" shadow_faults_per_iter)
		[ "${sf%.*}" -gt 0 ] 2>/dev/null && pass "$label: $mode: shadow faults served ($sf per iteration)" ||
			fail "$label: $mode: no shadow fault served ($sf)"
	done
	on=$(mode_line pv)
	for kind in emul_mfspr emul_mtspr emul_mtmsrd_l1 emul_mfmsr; do
		check_eq "$label: pv: no $kind left" "" "$(json_count "$on" traps_per_iter "$kind")"
	done
	off=$(mode_line no_pv)
	check_eq "$label: no-pv: mfspr per iteration (entry and exit of 8 calls and 4 faults)" 64 \
		"$(json_count "$off" traps_per_iter emul_mfspr)"
	pv_fewer_instructions "$label"
}
run_driver shadow
common shadow
shadow_checks shadow

# --- the same kernel built little-endian (--family book3s64le): the same
# work per iteration, the same traps, each through the host's
# little-endian interrupt delivery and shared page.
run_driver shadow book3s64le guest-bench64le-check.bin
common "shadow book3s64le"
shadow_checks "shadow book3s64le"
check_eq "shadow book3s64le: results.json names the family" book3s64le "$(json_value "$json" family)"
cp "$tmp/results.json" "$tmp/le.json"

# --- the flat mapping (--mmu flat): the hosted kernel keeps real mode, so
# nothing faults or maps; without PV every privileged instruction of the
# paths traps (the mix is in Documentation/benchmarks.rst); with PV only sc
# and rfid are left.
run_driver flat
common flat
flat_modes flat emul_rfid
for mode in no_pv pv; do
	check_eq "flat: $mode: no shadow fault" 0 "$(json_value "$(mode_line "$mode")" shadow_faults_per_iter)"
done
expect_traps flat no_pv 100 mfspr=40 mtspr=24 mtmsrd_l1=20
expect_traps flat pv 16 rfid=8
check_eq "flat: pv: only system-call entries and rfids left" true "$(json_value "$json" pv_traps_only_sc_rfid)"
pv_fewer_instructions flat

# hosted_common LABEL FAMILY: what a hosted-only family (no native mode)
# does per iteration in no-pv and pv on the host's flat map (returning to
# user mode with rfi, never rfid), and that PV saves instructions.
hosted_common() {
	local label=$1 mode line
	for mode in no_pv pv; do
		line=$(mode_line "$mode")
		check_eq "$label: $mode: 8 system calls per iteration" 8 "$(json_value "$line" syscalls_per_iter)"
		check_eq "$label: $mode: 2 context switches per iteration" 2 "$(json_value "$line" switches_per_iter)"
		check_eq "$label: $mode: never rfid" "" "$(json_count "$line" traps_per_iter emul_rfid)"
	done
	flat_modes "$label" emul_rfi
	check_eq "$label: results.json names the family" "$2" "$(json_value "$json" family)"
	pv_fewer_instructions "$label"
}

# --- Book3S-32 (--family book3s32): the same loop in the 32-bit kernel,
# hosted only, its processes in real mode on the host's flat map.  Per
# system call without PV: entry mtspr SPRG1, mfspr SPRG0/SRR1/SPRG1/SRR0/
# SRR1 (5), EE on for the call and off on the way out (each an mfmsr and
# an mtmsr: Book3S-32 has no mtmsrd L=1), mtspr SRR0/SRR1, rfi; and each
# context switch turns EE off and on again (2 mfmsr, 2 mtmsr).  So 40
# mfspr, 24 mtspr, 20 mfmsr, 20 mtmsr, 8 sc, 8 rfi: 120 traps (the 64-bit
# kernel's 100, each mtmsrd L=1 there being a pair here); PV patches all
# but sc and rfi.
run_driver flat book3s32 guest-bench32-check.bin no-pv,pv
hosted_common "flat book3s32" book3s32
expect_traps "flat book3s32" no_pv 120 mfspr=40 mtspr=24 mfmsr=20 mtmsr=20
expect_traps "flat book3s32" pv 16 rfi=8
check_eq "flat book3s32: no-pv: no shadow fault" 0 "$(json_value "$(mode_line no_pv)" shadow_faults_per_iter)"
check_eq "flat book3s32: pv: only system-call entries and rfis left" true \
	"$(json_value "$json" pv_traps_only_sc_rfid)"

# --- e500 (--family e500): the 32-bit BookE kernel, its processes in
# address space 0 through its own 1:1 TLB1 entries (user permissions
# there), hosted only.  Per system call without PV: entry mtspr SPRG1,
# mfspr SPRG0/SRR1/SPRG1/SRR0/SRR1/DEAR/ESR (7), wrteei 1 for the call and
# wrteei 0 on the way out, mtspr SRR0/SRR1, rfi; each context switch
# wrteei 0 and 1.  So 56 mfspr, 24 mtspr, 20 wrtee, 8 sc, 8 rfi.  And the
# host's shadow of the guest's TLB depends on the guest's privilege: each
# kernel entry and each return to user mode drops it, and the next access
# refills it with one real TLB miss (all of guest memory is one guest
# entry; instructions and data share it): 16 shadow faults, with or
# without PV.  132 traps without PV, 32 with.
run_driver flat e500 guest-bench-e500-check.bin no-pv,pv
hosted_common "flat e500" e500
expect_traps "flat e500" no_pv 132 mfspr=56 mtspr=24 wrtee=20
expect_traps "flat e500" pv 32 rfi=8
on=$(mode_line pv)
for mode in no_pv pv; do
	check_eq "flat e500: $mode: shadow TLB refills per iteration (one per privilege change)" 16 \
		"$(json_value "$(mode_line "$mode")" shadow_faults_per_iter)"
done
for kind in emul_mfspr emul_mtspr emul_wrtee; do
	check_eq "flat e500: pv: no $kind left" "" "$(json_count "$on" traps_per_iter "$kind")"
done

# --- the 440 (--family 440): the same BookE kernel on the 440's TLB, its
# processes in address space 0 through its own 1:1 TLB entries (user
# permissions there).  Natively on bamboo (which loads the image's ELF),
# and hosted without PV only: the 440's hosts offer no magic page
# (ppcpv-run serves --pv as no-pv), so there is no pv mode to measure.
# Hosted, the e500 kernel's traps: per system call entry mtspr SPRG1,
# mfspr SPRG0/SRR1/SPRG1/SRR0/SRR1/DEAR/ESR (7), wrteei 1 and 0, mtspr
# SRR0/SRR1, rfi; each context switch wrteei 0 and 1: 56 mfspr, 24 mtspr,
# 20 wrtee, 8 sc, 8 rfi, 132 in all; and the host's shadow of the guest's
# TLB, dropped at each privilege change, refilled by one real TLB miss
# each time (guest memory is one guest entry): 16 shadow faults.  Natively
# the kernel's entries cover memory: no fault at all.
rm -f "$tmp/results.json"
"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/guest-bench-440-check.bin" \
	--native-guest "$build/images/guest-bench-440-check.elf" --family 440 --modes native,no-pv \
	--runs 2 --timeout 60 --mmu flat --json "$tmp/results.json" >"$tmp/out" 2>&1
check_eq "flat 440: driver: native and no-pv ran, two boots each with identical counts" 0 "$?"
sed 's/^/    | /' "$tmp/out"
json=$(cat "$tmp/results.json" 2>/dev/null)
check_eq "flat 440: iterations" "$iterations" "$(json_value "$json" iterations)"
check_eq "flat 440: results.json names the family" 440 "$(json_value "$json" family)"
for mode in native no_pv; do
	line=$(mode_line "$mode")
	check_eq "flat 440: $mode: 8 system calls per iteration" 8 "$(json_value "$line" syscalls_per_iter)"
	check_eq "flat 440: $mode: 2 context switches per iteration" 2 "$(json_value "$line" switches_per_iter)"
	check_eq "flat 440: $mode: no guest page fault" 0 "$(json_value "$line" guest_faults_per_iter)"
done
check_eq "flat 440: native: no shadow fault" 0 "$(json_value "$(mode_line native)" shadow_faults_per_iter)"
expect_traps "flat 440" no_pv 132 mfspr=56 mtspr=24 wrtee=20 rfi=8
check_eq "flat 440: no_pv: one system-call entry per call" 8 \
	"$(json_count "$(mode_line no_pv)" traps_per_iter syscall_reflected)"
check_eq "flat 440: no_pv: shadow TLB refills per iteration (one per privilege change)" 16 \
	"$(json_value "$(mode_line no_pv)" shadow_faults_per_iter)"
check_eq "flat 440: no pv mode measured (no magic page)" "" "$(mode_line pv)"

# Other families' results under "families" (make bench): this run's own
# repeated under its name, another family's file embedded whole, an
# absent family with its reason; a file that is not bench-echo's refused.
"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/guest-bench-check.bin" \
	--family book3s64 --modes pv --runs 1 --timeout 60 --json "$tmp/all.json" \
	--family-json "book3s64le=$tmp/le.json" --family-absent "e5500=not a family ppcpv boots" >/dev/null 2>&1
check_eq "families: the driver wrote them" 0 "$?"
all=$(cat "$tmp/all.json" 2>/dev/null)
check_eq "families: this run's own results repeated under its name" 1 \
	"$(grep -c '"families":{"book3s64":{"benchmark":"echo-loop","family":"book3s64",' <<<"$all")"
check_eq "families: the other family's file embedded whole" 1 \
	"$(grep -c '^"book3s64le":{"benchmark":"echo-loop","family":"book3s64le",' <<<"$all")"
check_eq "families: the absent family with its reason" 1 \
	"$(grep -c '^"e5500":{"benchmark":"echo-loop","family":"e5500","available":false,"reason":"not a family ppcpv boots"}' <<<"$all")"
check_eq "families: as many closing braces as opening ones" "$(tr -cd '{' <<<"$all" | wc -c)" \
	"$(tr -cd '}' <<<"$all" | wc -c)"
check_eq "families: the top level is the run's own family" book3s64 "$(json_value "$(cat "$tmp/all.json")" family)"
echo '{"broken":' >"$tmp/bad.json"
"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/guest-bench-check.bin" \
	--modes pv --runs 1 --timeout 60 --json "$tmp/none.json" --family-json "x=$tmp/bad.json" >"$tmp/err" 2>&1
check_eq "families: a file that is not one JSON object fails the run" 1 "$?"
check_eq "families: ... and leaves no results.json behind" no "$([ -e "$tmp/none.json" ] && echo yes || echo no)"
check_eq "families: ... saying which file" 1 "$(grep -c "bad.json: not one JSON object" "$tmp/err")"
"$driver" --family-absent 'e5500=a "quoted" reason' >/dev/null 2>&1
check_eq "families: a reason JSON would need to escape is a usage error" 2 "$?"
"$driver" --family-json noequals >/dev/null 2>&1
check_eq "families: NAME=FILE without = is a usage error" 2 "$?"

# The driver refuses what it cannot measure.
"$driver" --run "$build/native/bin/ppcpv-run" --guest "$build/images/guest-ref.bin" \
	--modes pv --runs 1 >"$tmp/bad" 2>&1
check_eq "driver: an image without the benchmark fails" 1 "$?"
"$driver" --modes nonsense >/dev/null 2>&1
check_eq "driver: unknown mode is a usage error" 2 "$?"

summary
