#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Boots of the reference guest built for the PowerPC 440
# (build/images/guest-ref-440.bin) through ppcpv-run --family 440: the 440
# host in qemu-system-ppc -M bamboo, by trap and emulate only.  No-pv, and
# pv served as no-pv (the 440 host has no magic page, as KVM's never had):
# the guest runs with PV off and says why, every check passes - its own
# TLB's among them, through the host's model of the 440's TLB; the bad
# inputs that apply (the magic-page ones are refused), --all with native
# skipped, the family's command line and refusals, and a boot that ends at
# the host's EXIT line (bamboo cannot exit non-zero: the host halts).
#   tests/launcher/boots-440.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=boots-440
BOOT_FAMILY=440
. "$here/tests/launcher/boot-lib.sh"	# boot, console_count, expect_clean, expect_unpatched,
					# expect_no_book3s, expect_print, expect_all_hosted,
					# expect_refused

# The reference kernel's checks on the 440, PV off: 18 of the kernel and
# 13 of its TLB (guest-kernel/ref/mmu_440.c) pass; the critical-section
# check needs PV and is skipped.
CHECKS=31
TLB_CHECKS=13

# What makes it a 440 boot: rfi, wrtee, the guest's own TLB through
# tlbwe/tlbre/tlbsx. and MMUCR (no tlbivax: the 440 has none), no Book3S
# instruction, every check of the kernel and of its TLB passed.
expect_440() {
	local name=$1 key
	expect_no_book3s "$name"
	for key in emul_mmu emul_wrtee; do
		[ "$(json_count "$json" traps "$key")" -gt 0 ] 2>/dev/null &&
			pass "$name: $key emulated by the host" || fail "$name: no $key reached the host"
	done
	check_eq "$name: no tlbivax emulated" 0 "$(json_count "$json" traps emul_tlb_invalidate)"
	check_eq "$name: no MAP_MAGIC_PAGE" 0 "$(json_count "$json" traps hcall_map_magic_page)"
	check_eq "$name: the kernel's own TLB" 1 "$(console_count "$name" '^mmu: 440 TLB: 2 entries of its own')"
	check_eq "$name: checks passed" "$CHECKS" "$(json_value "$json" checks_passed)"
	check_eq "$name: TLB checks passed" "$TLB_CHECKS" "$(console_count "$name" '^PASS: mmu:')"
	check_eq "$name: no TLB check failed" 0 "$(console_count "$name" '^FAIL: mmu:')"
	check_eq "$name: one check skipped" 1 "$(json_value "$json" checks_skipped)"
	check_eq "$name: the PV-only check skipped, with the reason" 1 \
		"$(console_count "$name" "^SKIP: no interrupt inside a trampoline's critical section (PV off)")"
}

# the command line: bamboo's machine (no -cpu), 256 MiB, the host image
# (-kernel) and the guest base
expect_print "qemu-system-ppc -M bamboo -m 256M " \
	" -kernel $(cd "$build" && pwd -P)/native/bin/../../ppc32/host-stubs/ppcpv-host-b440.elf -device loader,file=$tmp/print/host-config.dtb,addr=0xf00000," \
	"/images/guest-ref-440.bin,addr=0x2000000,"
expect_print_lacks "pseries or ppce500" qemu-system-ppc64 pseries -bios -cpu pvpanic

boot no-pv --no-pv
expect_unpatched no-pv "FEATURES lacks the magic-page bit"
expect_440 no-pv
no_pv_traps=$(json_count "$json" traps total)

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

# --all: native skipped with the reason, no-pv and pv side by side, both PV off
expect_all_hosted "$CHECKS"
check_eq "--all: both PV off" 2 "$(grep -c '^  \(no-pv\|pv\) .*ppcpv: PV off: FEATURES lacks the magic-page bit' "$tmp/all.out")"

# the family's refusals: one line each, usage status
expect_refused --native "no --native (the 440 reference guest's console and exit are the host's" --native
expect_refused "--mmu shadow" "no --mmu shadow (the 440 host shadows the guest's TLB" --mmu shadow
"$run" --family 440 --linux /nonexistent --no-pv 2>"$tmp/err"
check_eq "--linux refused with --family 440" 2 "$?"

# A failing host halts on bamboo: the boot ends at the host's EXIT line
# (after HOST-STATS) with its status, not at the deadline.  A fake QEMU
# that says so and sleeps; the e500 family, whose QEMU ends itself, waits.
cat >"$tmp/halting-qemu" <<'EOF'
#!/usr/bin/env bash
echo 'HOST-STATS: {"exits":1}'
echo 'EXIT: 3'
exec sleep 30
EOF
chmod +x "$tmp/halting-qemu"
"$run" --family 440 --no-pv --quiet --timeout 20 --qemu "$tmp/halting-qemu" 2>"$tmp/err"
check_eq "a halting 440 host: the boot ends with its EXIT status" 3 "$?"
"$run" --family e500 --no-pv --quiet --timeout 1 --qemu "$tmp/halting-qemu" 2>"$tmp/err"
check_eq "the same output under --family e500 waits for the deadline" 124 "$?"
summary
