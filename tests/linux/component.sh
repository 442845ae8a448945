# SPDX-License-Identifier: MIT
# Part of `make check-linux` (sourced by check-linux.sh, after the stock
# kernel's checks, with its helpers): the kernel built here with ppcpv's
# guest component (make linux-guest-src), when it has been built.
#   --pv       the component patches at boot: its line, its
#              /sys/kernel/ppcpv/counts and `ppcpv-patch --json` on the same
#              vmlinux agree (skips exactly, bytes scanned within 1 %;
#              sites, patched and kvm_tmp at most 2 % fewer at run time,
#              where Linux's feature fixups have nopped a few; no kind
#              more);
#              the guest's checks pass; fewer traps than --no-pv
#   --no-pv, --native, and --pv with each --inject: PV off with the reason,
#              nothing patched, the guest's checks pass
component=$build/linux-obj/vmlinux
if [ ! -f "$component" ]; then
	echo "SKIP: the component kernel ($component) is not built: make linux-guest-src"
	return 0
fi
stock_vmlinux=$vmlinux
vmlinux=$component

# pv_line NAME: the component's boot line in that boot's console
pv_line() {
	grep -o 'ppcpv: PV o[nf][nf]*: .*' "$tmp/$1.console" | head -n 1 | tr -d '\r'
}

# count NAME KEY: a value of the guest's /sys/kernel/ppcpv/counts
count() {
	sed -n "s/^PPCPV-COUNT: $2 //p" "$tmp/$1.console" | tr -d '\r'
}

boot_checks component-pv --pv
line=$(pv_line component-pv)
echo "    $line"
patch_json=$("$build/native/bin/ppcpv-patch" --json "$component")
check_eq "component --pv: /sys/kernel/ppcpv/line is the boot line" "$line" \
	"$(sed -n 's/^PPCPV-LINE: //p' "$tmp/component-pv.console" | tr -d '\r')"
# The same range, _stext.._etext: the tool reads the words of its text
# section, the kernel the whole range less its own trampoline area.
scan_rt=$(count component-pv bytes_scanned) scan_elf=$(json_value "$patch_json" bytes_scanned)
if [ -n "$scan_rt" ] && [ $(((scan_rt - scan_elf) * 100)) -le "$scan_elf" ] &&
	[ $(((scan_elf - scan_rt) * 100)) -le "$scan_elf" ]; then
	pass "component --pv: bytes scanned within 1 % of ppcpv-patch's ($scan_rt, $scan_elf)"
else
	fail "component --pv: bytes scanned $scan_rt, ppcpv-patch $scan_elf"
fi
# Linux rewrites some of its own text before any initcall (CPU and MMU
# feature sections turn instructions it does not need into nops), so the
# running text holds a few fewer sites than the ELF ppcpv-patch reads:
# never more of any kind, and every site found is patched as the tool
# decides (the same skips).  Measured: 675 at run time of 686 in the ELF.
# within NAME RUNTIME ELF: RUNTIME <= ELF, and at most 2 % fewer
within() {
	if [ "${2:-x}" -le "${3:-0}" ] 2>/dev/null && [ $((($3 - $2) * 50)) -le "$3" ]; then
		pass "component --pv: $1: $2 at run time, $3 in the ELF"
	else
		fail "component --pv: $1: $2 at run time, $3 in the ELF"
	fi
}
within sites "$(count component-pv sites)" "$(json_value "$patch_json" sites)"
within patched "$(count component-pv patched)" "$(json_value "$patch_json" patched)"
check_eq "component --pv: skipped as ppcpv-patch skips them" \
	"$(json_value "$patch_json" skipped)" "$(count component-pv skipped)"
within "kvm_tmp bytes" "$(count component-pv kvm_tmp_used)" "$(json_count "$patch_json" kvm_tmp used)"
# per kind never more (the fixups touch few kinds, so a kind may lose more
# than 2 % of its few sites)
for kind in mfmsr mfspr mtspr tlbsync mtmsrd_l1 mtmsr mtmsrd_l0; do
	rt=$(count component-pv "patched_$kind") elf=$(json_count "$patch_json" patched_by_kind "$kind")
	if [ -n "$rt" ] && [ "$rt" -le "$elf" ] 2>/dev/null; then
		pass "component --pv: patched $kind: $rt at run time, $elf in the ELF"
	else
		fail "component --pv: patched $kind: $rt at run time, $elf in the ELF"
	fi
done
# What patching at boot cost, reported (a figure for benchmarks.rst, not a
# test: under icount shift=0 a timebase tick is 1000/512 instructions)
copy=$(count component-pv copy_ticks) init=$(count component-pv init_ticks)
hz=$(count component-pv timebase_hz) scanned=$(count component-pv bytes_scanned)
if [ -n "$init" ] && [ -n "$hz" ] && [ "${scanned:-0}" -gt 0 ]; then
	awk -v c="$copy" -v i="$init" -v hz="$hz" -v b="$scanned" 'BEGIN {
		ci = c * 1e9 / hz; ii = i * 1e9 / hz
		printf "    component --pv: boot-time cost: copying the text %.0f instructions, " \
		       "bring-up (discovery to the last word written) %.0f, " \
		       "%.2f per scanned word (%d words)\n", ci, ii, ii / (b / 4), b / 4 }'
	pass "component --pv: /sys/kernel/ppcpv/counts has the boot-time costs"
else
	fail "component --pv: no copy_ticks/init_ticks/timebase_hz in /sys/kernel/ppcpv/counts"
fi
check_eq "component --pv: MAP_MAGIC_PAGE issued once" 1 \
	"$(json_value "$(cat "$tmp/component-pv.json")" map_magic_page_calls)"

boot_checks component-no-pv --no-pv
check_eq "component --no-pv: PV off, no magic-page feature" \
	"ppcpv: PV off: FEATURES lacks the magic-page bit" \
	"$(pv_line component-no-pv | sed 's/ (features .*//')"
on=$(traps component-pv emulated) off=$(traps component-no-pv emulated)
if [ "${on:-0}" -lt "${off:-0}" ]; then
	pass "component: fewer emulated instructions with PV on ($on < $off)"
else
	fail "component: $on emulated instructions with PV on, $off with PV off"
fi

boot_checks component-native --native
check_eq "component --native: PV off, no /hypervisor" \
	"ppcpv: PV off: no /hypervisor node in the device tree" "$(pv_line component-native)"

# inject_check NAME WANT_REASON_PREFIX: --pv with that --inject boots
# unpatched, saying why, and the guest's checks pass.
inject_check() {
	boot_checks "component-$1" --pv --inject "$1"
	local got
	got=$(pv_line "component-$1")
	case $got in
	"ppcpv: PV off: $2"*) pass "component --inject $1: '$got'" ;;
	*) fail "component --inject $1: '$got', want 'ppcpv: PV off: $2...'" ;;
	esac
	check_eq "component --inject $1: nothing patched (/sys/kernel/ppcpv/counts)" 0 \
		"$(count "component-$1" patched)"
}
inject_check no-hypervisor "no /hypervisor node"
inject_check hcall-length=6 "hcall-instructions is 6 bytes"
inject_check map-fails "MAP_MAGIC_PAGE failed"
inject_check absent-magic-page "self-test: magic page not readable"
inject_check stale-magic-page "self-test:"

vmlinux=$stock_vmlinux
