# SPDX-License-Identifier: MIT
# Part of `make check-linux` (sourced by check-linux.sh, after the stock
# kernel's checks, with its helpers): the kernel built here with ppcpv's
# guest component (make linux-guest), when it has been built.
#   --pv       the component patches at boot: its line, its
#              /sys/kernel/ppcpv/counts (bytes scanned within 1 % of
#              `ppcpv-patch --json` on the same vmlinux) and its
#              /sys/kernel/ppcpv/sites against `ppcpv-patch --sites`: the
#              same sites and decisions, every difference on a word Linux's
#              feature fixups changed (read back in the --no-pv boot), and
#              two sabotages of the comparison caught;
#              the guest's checks pass; fewer traps than --no-pv
#   --no-pv, --native, and --pv with each --inject: PV off with the reason,
#              nothing patched, the guest's checks pass
component=$build/linux-obj/vmlinux
if [ ! -f "$component" ]; then
	echo "SKIP: the component kernel ($component) is not built: make linux-guest"
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
# The same sites, the same decisions: /sys/kernel/ppcpv/sites against
# `ppcpv-patch --sites` on the same file.  Linux rewrites some of its own
# text before any initcall (its CPU and MMU feature fixups turn
# instructions into nops or into their alternatives), so some sites of the
# ELF are gone at run time and a few appear: each such address is proved
# changed by its words - the ELF's (objdump) and the running, unpatched
# text's (/sys/kernel/ppcpv/text, read in the --no-pv boot below).
sed -n 's/^PPCPV-SITE: //p' "$tmp/component-pv.console" | tr -d '\r' >"$tmp/rt.sites"
"$build/native/bin/ppcpv-patch" --sites "$component" | awk -f "$here/tests/linux/sites.awk" \
	>"$tmp/elf.sites"
check_eq "component --pv: /sys/kernel/ppcpv/sites lists every site it counts" \
	"$(count component-pv sites)" "$(wc -l <"$tmp/rt.sites")"
# the addresses where the lists differ, and their offsets in words from _stext
awk 'FILENAME == ARGV[1] { e[$1] = $2; next } { r[$1] = $2 }
	END { for (a in e) if (!(a in r) || r[a] != e[a]) print a
	      for (a in r) if (!(a in e)) print a }' "$tmp/elf.sites" "$tmp/rt.sites" |
	sort >"$tmp/differ"
stext=$(awk '$3 == "_stext" { print $1 }' "$build/linux-obj/System.map")
offsets=$(while read -r a; do echo $(((a - 0x$stext) / 4)); done <"$tmp/differ")
# elf_word ADDR: the word at ADDR in the vmlinux (little-endian)
elf_word() {
	powerpc64le-linux-gnu-objdump -s --start-address="$1" --stop-address=$(($1 + 4)) "$component" |
		awk 'END { w = $2; printf "0x%s%s%s%s\n", substr(w, 7, 2), substr(w, 5, 2),
			substr(w, 3, 2), substr(w, 1, 2) }'
}

# What patching at boot cost, reported (a figure for benchmarks.rst, not a
# test): the scan (the patcher's pass over the text) and the whole bring-up
# (the private copies, discovery, self-test, scan, write-back), in timebase
# ticks; under icount shift=0 a tick is 1e9/timebase_hz instructions.
scan=$(count component-pv scan_ticks) bringup=$(count component-pv bringup_ticks)
hz=$(count component-pv timebase_hz) scanned=$(count component-pv bytes_scanned)
if [ "${scan:-0}" -gt 0 ] && [ "${bringup:-0}" -ge "$scan" ] && [ "${hz:-0}" -gt 0 ] &&
	[ "${scanned:-0}" -gt 0 ]; then
	awk -v s="$scan" -v b="$bringup" -v hz="$hz" -v bytes="$scanned" 'BEGIN {
		si = s * 1e9 / hz; bi = b * 1e9 / hz; w = bytes / 4
		printf "    component --pv: boot-time cost: scan %.0f instructions (%.2f per scanned " \
		       "word), whole bring-up %.0f (%.2f per word), %d words\n", si, si / w, bi, bi / w, w }'
	pass "component --pv: /sys/kernel/ppcpv/counts has the boot-time costs (scan within bring-up)"
else
	fail "component --pv: no scan_ticks/bringup_ticks/timebase_hz in /sys/kernel/ppcpv/counts"
fi
check_eq "component --pv: MAP_MAGIC_PAGE issued once" 1 \
	"$(json_value "$(cat "$tmp/component-pv.json")" map_magic_page_calls)"

# PV off, with the running text's words read at the addresses above
{ echo "PPCPV_WORD_OFFSETS='$offsets'"; cat "$tmp/checks.sh"; } >"$tmp/component-checks.sh"
"$here/tests/linux/initramfs.sh" "$dir/busybox" "$timebase" "$tmp/component-checks.sh" 	"$tmp/component-checks.cpio.gz" || fail "cannot build the component's initramfs"
checks_initrd=$tmp/component-checks.cpio.gz boot_checks component-no-pv --no-pv
while read -r a; do
	word=$(sed -n "s/^PPCPV-WORD: $(((a - 0x$stext) / 4)) //p" "$tmp/component-no-pv.console" |
		tr -d '
')
	echo "$a $(elf_word "$a") ${word:-none}"
done <"$tmp/differ" >"$tmp/words"
# sites_compare LABEL ELF RUNTIME WORDS: the comparison's verdict lines in
# $tmp/LABEL.verdict; its status
sites_compare() {
	awk -f "$here/tests/linux/sites-compare.awk" "$2" "$3" "$4" >"$tmp/$1.verdict"
}
if sites_compare real "$tmp/elf.sites" "$tmp/rt.sites" "$tmp/words"; then
	pass "component: the same sites, the same decisions as ppcpv-patch: $(sed -n 's/^same //p' 		"$tmp/real.verdict") alike, $(grep -c '^fixup ' "$tmp/real.verdict") on words Linux's fixups changed"
else
	fail "component: the sites differ from ppcpv-patch's:"
fi
grep -v '^same ' "$tmp/real.verdict" | sort | sed 's/^/    /'
# The comparison can fail: a decision changed, and a missing site whose
# word is claimed unchanged.
awk 'NR == 1 { $4 = "skip"; $6 = "feature" } { print }' "$tmp/rt.sites" >"$tmp/sabotage.sites"
if sites_compare sabotage-decision "$tmp/elf.sites" "$tmp/sabotage.sites" "$tmp/words"; then
	fail "component: sabotage: a changed decision was not caught"
else
	pass "component: sabotage: a changed decision is caught ($(grep -m 1 '^mismatch' 		"$tmp/sabotage-decision.verdict"))"
fi
awk '$2 != $3 && !done { $3 = $2; done = 1 } { print }' "$tmp/words" >"$tmp/sabotage.words"
if sites_compare sabotage-word "$tmp/elf.sites" "$tmp/rt.sites" "$tmp/sabotage.words"; then
	fail "component: sabotage: a site missing on an unchanged word was not caught"
else
	pass "component: sabotage: a site missing on an unchanged word is caught"
fi
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
