#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the reference guest built for the PowerPC 440
# (build/images/guest-ref-440.bin) through ppcpv-run --family 440: the 440
# host in qemu-system-ppc -M bamboo, by trap and emulate only, and natively
# on bamboo.  Native, no-pv, and pv served as no-pv (the 440 host has no
# magic page, as KVM's never had): the guest runs with PV off and says
# why, every check passes - its own TLB's among them, hosted through the
# host's model of the 440's TLB; the bad inputs that apply (the magic-page
# ones are refused), --all, the family's command lines and refusals, and
# boots that end at the last EXIT line (bamboo cannot exit non-zero: the
# host, or natively the kernel, halts).
#   tests/launcher/boots-440.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=boots-440
BOOT_FAMILY=440
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched,
					# expect_no_book3s, expect_print, expect_refused

# The reference kernel's checks on the 440, PV off: 18 of the kernel and
# 13 of its TLB (guest-kernel/ref/mmu_440.c, mmu_booke.c) pass; the
# critical-section check needs PV and is skipped.
CHECKS=31
TLB_CHECKS=13

# Every check of the kernel and of its TLB passed, on a TLB of its own
# (memory and, hosted, the host device's page; natively the UART's).
expect_440_checks() {
	local name=$1 device=$2
	check_eq "$name: the kernel's own TLB" 1 \
		"$(console_count "$name" "^mmu: 440 TLB: 2 entries of its own (memory 0x[0-9a-f]*, device page $device)$")"
	check_eq "$name: checks passed" "$CHECKS" "$(json_value "$json" checks_passed)"
	check_eq "$name: TLB checks passed" "$TLB_CHECKS" "$(console_count "$name" '^PASS: mmu:')"
	check_eq "$name: no TLB check failed" 0 "$(console_count "$name" '^FAIL: mmu:')"
	check_eq "$name: one check skipped" 1 "$(json_value "$json" checks_skipped)"
	check_eq "$name: the PV-only check skipped, with the reason" 1 \
		"$(console_count "$name" "^SKIP: no interrupt inside a trampoline's critical section (PV off)")"
}

# What makes it a 440 boot under the host: rfi, wrtee, the guest's own TLB
# through tlbwe/tlbre/tlbsx. and MMUCR (no tlbivax: the 440 has none), no
# Book3S instruction, and every check passed.
expect_440() {
	local name=$1 key
	expect_no_book3s "$name"
	for key in emul_mmu emul_wrtee; do
		[ "$(json_count "$json" traps "$key")" -gt 0 ] 2>/dev/null &&
			pass "$name: $key emulated by the host" || fail "$name: no $key reached the host"
	done
	check_eq "$name: no tlbivax emulated" 0 "$(json_count "$json" traps emul_tlb_invalidate)"
	check_eq "$name: no MAP_MAGIC_PAGE" 0 "$(json_count "$json" traps hcall_map_magic_page)"
	expect_440_checks "$name" 0xf0000000
}

# the command line: bamboo's machine (no -cpu), 256 MiB, the host image
# (-kernel) and the guest base
expect_print "qemu-system-ppc -M bamboo -m 256M " \
	" -kernel $(cd "$build" && pwd -P)/native/bin/../../ppc32/host-stubs/ppcpv-host-b440.elf -device loader,file=$tmp/print/host-config.dtb,addr=0xf00000," \
	"/images/guest-ref-440.bin,addr=0x2000000,"
expect_print_lacks "pseries or ppce500" qemu-system-ppc64 pseries -bios -cpu pvpanic

# natively: bamboo's -kernel takes the ELF; the kernel's console is the
# board's UART, its exit a system reset
line=$("$run" --family 440 --native --print)
check_eq "--native --print: exit status" 0 "$?"
case "$line" in
*"qemu-system-ppc -M bamboo -m 256M "*" -kernel "*"/images/guest-ref-440.elf") pass "--native --print: the ELF alone" ;;
*) fail "--native --print: $line" ;;
esac
boot native --native
expect_unpatched native "no /hypervisor node in the device tree"
check_eq "native: no host traps" 0 "$(json_count "$json" traps total)"
check_eq "native: no host" 0 "$(console_count native '^host: ')"
check_eq "native: the kernel knows it" 1 "$(console_count native '^ppcpv reference guest: native (MSR\[PR\]=0)')"
expect_440_checks native 0xef600000
native_insns=$(json_value "$json" guest_instructions)

boot no-pv --no-pv
expect_unpatched no-pv "FEATURES lacks the magic-page bit"
expect_440 no-pv
no_pv_traps=$(json_count "$json" traps total)
[ "$(json_value "$json" guest_instructions)" -gt "$native_insns" ] 2>/dev/null &&
	pass "no-pv: more instructions than native (trap and emulate)" ||
	fail "no-pv: $(json_value "$json" guest_instructions) instructions, native $native_insns"

# --pv: the host serves it as no-pv and says so once; the same boot
boot pv --pv
expect_unpatched pv "FEATURES lacks the magic-page bit"
expect_440 pv
check_eq "pv: the mode in the JSON" pv "$(json_value "$json" mode)"
check_eq "pv: the host says why it serves no magic page" 1 \
	"$(console_count pv "^host: mode pv served as no-pv: the 440 host offers no magic page (KVM's 440 host never did)$")"
check_eq "pv: the same traps as no-pv" "$no_pv_traps" "$(json_count "$json" traps total)"

boot no-hypervisor --inject no-hypervisor
expect_unpatched no-hypervisor "no /hypervisor node in the device tree"
expect_hcall_lengths_refused 6
for inject in map-fails stale-magic-page absent-magic-page; do
	expect_refused "--inject $inject" \
		"ppcpv-run: --family 440: no magic-page --inject (the 440 host offers no magic page" \
		--inject "$inject"
done

# --all: native, no-pv and pv side by side, all PV off
"$run" --family 440 --all --timeout 60 >"$tmp/all.out" 2>&1
check_eq "--all: exit status" 0 "$?"
check_eq "--all: native, no-pv and pv boots summarized" 3 \
	"$(grep -c "^ppcpv-run: \(native\|no-pv \|pv    \): exit 0, $CHECKS checks passed, 0 failed" "$tmp/all.out")"
check_eq "--all: all PV off" 3 "$(grep -c '^  \(native\|no-pv\|pv\) .*ppcpv: PV off: ' "$tmp/all.out")"
check_eq "--all: nothing skipped" 0 "$(grep -c '^SKIP: ' "$tmp/all.out")"

# the family's refusals: one line each, usage status
expect_refused "--mmu shadow" "no --mmu shadow (the 440 host shadows the guest's TLB" --mmu shadow
"$run" --family 440 --linux /nonexistent --no-pv 2>"$tmp/err"
check_eq "--linux refused with --family 440" 2 "$?"

# A failing run halts on bamboo: the boot ends at the last EXIT line (the
# host's, after HOST-STATS; natively the kernel's) with its status, not at
# the deadline.  Fake QEMUs that say so and sleep; the guest's own EXIT
# line (before HOST-STATS) is not the end of a hosted boot; the e500
# family, whose QEMU ends itself, waits.
fake_qemu() {
	local name=$1
	shift
	{ echo '#!/usr/bin/env bash'; printf 'echo %q\n' "$@"; echo 'exec sleep 30'; } >"$tmp/$name"
	chmod +x "$tmp/$name"
}
fake_qemu halting-host 'EXIT: 1' 'HOST-STATS: {"exits":1}' 'EXIT: 3'
fake_qemu halting-guest 'EXIT: 4'
"$run" --family 440 --no-pv --quiet --timeout 20 --qemu "$tmp/halting-host" 2>"$tmp/err"
check_eq "a halting 440 host: the boot ends with its EXIT status" 3 "$?"
"$run" --family 440 --native --quiet --timeout 20 --qemu "$tmp/halting-guest" 2>"$tmp/err"
check_eq "a halting native 440 kernel: the boot ends with its EXIT status" 4 "$?"
"$run" --family 440 --no-pv --quiet --timeout 1 --qemu "$tmp/halting-guest" 2>"$tmp/err"
check_eq "hosted, the guest's EXIT line alone waits for the deadline" 124 "$?"
"$run" --family e500 --no-pv --quiet --timeout 1 --qemu "$tmp/halting-host" 2>"$tmp/err"
check_eq "the same output under --family e500 waits for the deadline" 124 "$?"
summary
