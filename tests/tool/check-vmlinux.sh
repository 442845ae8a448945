#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make check-vmlinux`: ppcpv-patch on a real kernel, Debian bookworm's
# ppc64el vmlinux (little-endian, Book3S-64), fetched on demand.
#   tests/tool/check-vmlinux.sh BUILD VMLINUX_DIR
# Checks:
#  - every site's new word, through ppcpv-site-oracle (libopcodes and the
#    documented shared-page layout), branch targets inside kvm_tmp;
#  - the per-kind counts against an independent count: objdump -M raw of
#    _stext.._etext minus the kernel's own template area;
#  - --apply then --unpatch gives back the file byte for byte, and the
#    patched file has no patchable site left.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
dir=${2:-$build/vmlinux}
TEST_NAME=check-vmlinux
. "$here/tests/lib.sh"
. "$here/tests/tool/helpers.sh"
tool="$build/native/bin/ppcpv-patch"
oracle="$build/native/bin/ppcpv-site-oracle"
opts=(--family book3s64 --features 0x3)

"$here/tests/tool/fetch-ppc64el.sh" "$dir" vmlinux || { fail "cannot fetch the kernel"; summary; exit 1; }
vmlinux="$dir/vmlinux"
work="$dir/work"
rm -rf "$work" && mkdir -p "$work"

run_ok "--json" "${opts[@]}" --json "$vmlinux" || { summary; exit 1; }
json=$out
echo "$json" >"$work/summary.json"
check_eq "little-endian" little "$(json_value "$json" endianness)"
check_eq "scan range" "_stext.._etext" "$(json_value "$json" range)"
total=$(json_value "$json" sites)
patched=$(json_value "$json" patched)
skipped=$(json_value "$json" skipped)
check_eq "patched + skipped = sites" "$total" "$((patched + skipped))"
check_eq "no branch site lacks kvm_tmp space" 0 "$(json_count "$json" skipped_by_reason kvm-tmp-full)"

run_ok "--sites" "${opts[@]}" --sites "$vmlinux" || { summary; exit 1; }
echo "$out" >"$work/sites.jsonl"
check_eq "one --sites line per site" "$total" "$(grep -c . "$work/sites.jsonl")"
if res=$("$oracle" --family book3s64 --min-sites 1 --tmp-start "$(json_value "$json" start)" \
	--tmp-end "$(json_value "$json" end)" <"$work/sites.jsonl"); then
	pass "every new word is the intended instruction: $res"
else
	fail "site oracle: $res"
fi

# The independent count.  Canonical (raw) mnemonics; the SPRs whose
# mfspr/mtspr the shared page covers on Book3S-64 (pv-abi section 8).
stext=$(symbol_addr "$vmlinux" _stext) etext=$(symbol_addr "$vmlinux" _etext)
tstart=$(printf '%016x' "$(symbol_addr "$vmlinux" kvm_template_start)")
tend=$(printf '%016x' "$(symbol_addr "$vmlinux" kvm_template_end)")
powerpc64le-linux-gnu-objdump -d --no-show-raw-insn -M raw --start-address="$stext" \
	--stop-address="$etext" "$vmlinux" >"$work/text.dis"
objdump_counts=$(awk -F'\t' -v ts="$tstart" -v te="$tend" '
	BEGIN { split("272 273 274 275 26 27 19 18 276 277 278 279", s, " "); for (i in s) mt[s[i]] = 1
		for (i in s) mf[s[i]] = 1; mf[1023] = 1 }
	/^[0-9a-f]+:\t/ {
		a = $1; sub(/:$/, "", a); a = sprintf("%016s", a); gsub(/ /, "0", a)
		if (a >= ts && a < te) next
		split($2, w, " "); m = w[1]; arg = w[2]
		if (m == "mfmsr") n["mfmsr"]++
		else if (m == "mfspr") { split(arg, x, ","); if (x[2] in mf) n["mfspr"]++ }
		else if (m == "mtspr") { split(arg, x, ","); if (x[1] in mt) n["mtspr"]++ }
		else if (m == "tlbsync") n["tlbsync"]++
		else if (m == "mtmsrd") n[arg ~ /,1$/ ? "mtmsrd_l1" : "mtmsrd_l0"]++
		else if (m == "mtmsr" && arg !~ /,1$/) n["mtmsr"]++
	}
	END { printf "mfmsr=%d mfspr=%d mtspr=%d tlbsync=%d mtmsrd_l1=%d mtmsr=%d mtmsrd_l0=%d\n",
		n["mfmsr"], n["mfspr"], n["mtspr"], n["tlbsync"], n["mtmsrd_l1"], n["mtmsr"], n["mtmsrd_l0"] }
' "$work/text.dis")
suffixes=$(json_count "$json" skipped_by_reason prefixed-suffix)
if [ "$suffixes" = 0 ]; then
	check_counts "objdump agrees" "$json" found_by_kind "$objdump_counts"
else
	pass "objdump count skipped: $suffixes prefixed suffixes make word and instruction counts differ"
fi

# Apply, check the result, restore.
if run_ok "--apply" "${opts[@]}" --apply "$work/vmlinux.patched" "$vmlinux"; then
	run_ok "--json on the patched kernel" "${opts[@]}" --json "$work/vmlinux.patched" &&
	check_eq "the patched kernel has only its skipped sites left" "$skipped" "$(json_value "$out" sites)"
	run_ok "--unpatch" --unpatch --apply "$work/vmlinux.restored" "$work/vmlinux.patched" &&
	if cmp -s "$vmlinux" "$work/vmlinux.restored"; then pass "--unpatch gives back the kernel byte for byte"
	else fail "--unpatch output differs from the kernel"; fi
fi
rm -f "$work/vmlinux.patched" "$work/vmlinux.restored" "$work/text.dis"

echo "kernel:  $(cat "$dir/vmlinux.package")"
echo "found:   $(grep -o '"found_by_kind":{[^}]*}' <<<"$json")"
echo "actions: $(grep -o '"patched_by_action":{[^}]*}' <<<"$json")"
echo "skipped: $(grep -o '"skipped_by_reason":{[^}]*}' <<<"$json")"
echo "kvm_tmp: $(grep -o '"kvm_tmp":{[^}]*}' <<<"$json")"
summary
