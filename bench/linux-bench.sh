#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make linux-bench`: the 2010 seed's loop, 1000 x `/bin/echo hello >
# /dev/null`, in busybox sh on Debian's ppc64el Linux 6.1, booted by
# ppcpv-run --linux under -icount shift=0,sleep=off in four configurations:
#   native    the kernel alone on QEMU pseries (MSR[PR]=0, no host)
#   no_pv     under the ppcpv host at PR=1, no magic page
#   pv_linux  under the host with the magic page offered: the stock
#             kernel's own PV code (which, in 6.1, patches nothing)
#   pv_ppcpv  the kernel patched by ppcpv before boot (--pv --prepatch)
# and, when `make linux-guest` has built it, the kernel with ppcpv's
# guest component (a smaller kernel: compare it with itself):
#   component_no_pv, pv_component   under the host, PV off and on
# Instructions: the guest marks the timebase before and after the loop
# (bench/linux-echo-init.sh); under icount shift=0 a tick is 1000/512
# nanoseconds of virtual time and a nanosecond one instruction - guest and
# host alike, so the hosted figures include the host's work.  Traps: the
# host's counters at power-off after the loop, less those of a boot whose
# loop runs 0 times (boots repeat instruction for instruction), per
# iteration.  Every configuration boots twice with the loop and must give
# the same marks and counters, or nothing is written.
# Results: the table, and OUT (bench/linux-results.json).
#   bench/linux-bench.sh BUILD DOWNLOAD_DIR OUT
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
dir=${2:-$build/vmlinux}
out=${3:-$here/bench/linux-results.json}
ITERATIONS=1000
RUNS=2
CONFIGS=(native no_pv pv_linux pv_ppcpv)
declare -A ARGS=([native]="--native" [no_pv]="--no-pv" [pv_linux]="--pv" [pv_ppcpv]="--pv --prepatch"
	[component_no_pv]="--no-pv" [pv_component]="--pv")
component=$build/linux-obj/vmlinux
if [ -f "$component" ]; then
	CONFIGS+=(component_no_pv pv_component)
else
	echo "linux-bench: no component kernel ($component): make linux-guest adds two columns"
fi
# kernel CONFIG: the vmlinux that configuration boots
kernel() {
	case $1 in
	component_no_pv | pv_component) echo "$component" ;;
	*) echo "$dir/vmlinux" ;;
	esac
}
# The trap kinds reported per iteration (host counter names).
KINDS=(total emulated emul_mfmsr emul_mtmsrd emul_mtmsrd_l1 emul_mfspr emul_mtspr emul_rfid emul_mmu
	syscall_reflected papr_hcalls papr_h_enter papr_h_remove papr_h_bulk_remove papr_h_protect
	shadow_faults guest_faults dec_injected)
# QEMU pseries' timebase: 512 MHz, i.e. 512 ticks per 1000 ns.
TB_TICKS=512 TB_NS=1000

"$here/tests/tool/fetch-ppc64el.sh" "$dir" vmlinux busybox
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "$ITERATIONS" 0; do
	{ echo "ITERATIONS=$n"; cat "$here/bench/linux-echo-init.sh"; } >"$tmp/init.$n.sh"
	"$here/tests/linux/initramfs.sh" "$dir/busybox" "$build/ppc64le/tests/linux/ppcpv-timebase" \
		"$tmp/init.$n.sh" "$tmp/bench.$n.cpio.gz"
done

# boot CONFIG RUN ITERATIONS: one boot; its three marks to
# $tmp/CONFIG.RUN.marks, its trap counters to $tmp/CONFIG.RUN.traps
boot() {
	local config=$1 run=$2 n=$3
	# shellcheck disable=SC2086
	if ! "$build/native/bin/ppcpv-run" --linux "$(kernel "$config")" --initrd "$tmp/bench.$n.cpio.gz" \
		${ARGS[$config]} --json --quiet --timeout 1800 >"$tmp/$config.$run.json" \
		2>"$tmp/$config.$run.err"; then
		echo "linux-bench: $config boot $run failed:" >&2
		grep -v '^host: trap ' "$tmp/$config.$run.err" | tail -n 20 >&2
		return 1
	fi
	grep -o 'BENCH-MARK [0-9] [0-9]*' "$tmp/$config.$run.json" | cut -d ' ' -f 3 >"$tmp/$config.$run.marks"
	if [ "$(grep -c . "$tmp/$config.$run.marks")" != 3 ]; then
		echo "linux-bench: $config boot $run: the guest printed no three BENCH-MARK lines" >&2
		return 1
	fi
	grep -o '"traps":{[^}]*}' "$tmp/$config.$run.json" | sed -e 's/^"traps":{//' -e 's/}$//' |
		tr ',' '\n' | tr -d '"' >"$tmp/$config.$run.traps"
}

# count CONFIG RUN KIND
count() {
	local v
	v=$(grep "^$3:" "$tmp/$1.$2.traps" | cut -d : -f 2)
	echo "${v:-0}"
}

declare -A per_iter wall traps
for config in "${CONFIGS[@]}"; do
	for run in $(seq "$RUNS"); do
		boot "$config" "$run" "$ITERATIONS"
		wall[$config]="${wall[$config]:-}${wall[$config]:+ }$(grep -o '"wall_seconds":[0-9.]*' \
			"$tmp/$config.$run.json" | cut -d : -f 2)"
		if ! cmp -s "$tmp/$config.1.marks" "$tmp/$config.$run.marks" ||
			! cmp -s "$tmp/$config.1.traps" "$tmp/$config.$run.traps"; then
			echo "linux-bench: $config: boot $run differs from boot 1:" >&2
			paste "$tmp/$config.1.marks" "$tmp/$config.$run.marks" >&2
			diff "$tmp/$config.1.traps" "$tmp/$config.$run.traps" >&2 || true
			exit 1
		fi
	done
	boot "$config" empty 0
	{ read -r m0; read -r m1; read -r m2; } <"$tmp/$config.1.marks"
	loop_ticks=$(((m2 - m1) - (m1 - m0)))
	per_iter[$config]=$(awk -v t="$loop_ticks" -v n="$ITERATIONS" -v tk="$TB_TICKS" -v ns="$TB_NS" \
		'BEGIN { printf "%.1f", t * ns / tk / n }')
	for kind in "${KINDS[@]}"; do
		traps[$config.$kind]=$(awk -v a="$(count "$config" 1 "$kind")" \
			-v b="$(count "$config" empty "$kind")" -v n="$ITERATIONS" \
			'BEGIN { printf "%.1f", (a - b) / n }')
	done
done

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "null" }'
}

printf 'linux-bench: %d x /bin/echo hello > /dev/null in busybox sh, %s\n' "$ITERATIONS" \
	"$(cat "$dir/vmlinux.package")"
printf '  %-34s' ""
printf ' %14s' "${CONFIGS[@]}"
printf '\n  %-34s' "instructions per iteration"
for config in "${CONFIGS[@]}"; do printf ' %14s' "${per_iter[$config]}"; done
for kind in "${KINDS[@]}"; do
	printf '\n  %-34s' "traps/iter: $kind"
	for config in "${CONFIGS[@]}"; do printf ' %14s' "${traps[$config.$kind]}"; done
done
printf '\n  %-34s' "wall seconds per boot ($RUNS boots)"
for config in "${CONFIGS[@]}"; do printf ' %14s' "${wall[$config]// /,}"; done
printf '\n  no_pv / pv_ppcpv: %s in instructions, %s in traps\n' \
	"$(ratio "${per_iter[no_pv]}" "${per_iter[pv_ppcpv]}")" \
	"$(ratio "${traps[no_pv.total]}" "${traps[pv_ppcpv.total]}")"
printf '  no_pv / pv_linux: %s in instructions; pv_ppcpv / native: %s\n' \
	"$(ratio "${per_iter[no_pv]}" "${per_iter[pv_linux]}")" \
	"$(ratio "${per_iter[pv_ppcpv]}" "${per_iter[native]}")"
if [ -n "${per_iter[pv_component]:-}" ]; then
	printf '  component_no_pv / pv_component: %s in instructions, %s in traps\n' \
		"$(ratio "${per_iter[component_no_pv]}" "${per_iter[pv_component]}")" \
		"$(ratio "${traps[component_no_pv.total]}" "${traps[pv_component.total]}")"
fi
# The component's boot-time patching cost (pv_component, boot 1): the scan
# (the patcher's pass over the text) and the whole bring-up (copies,
# discovery, self-test, scan, write-back), from its /sys/kernel/ppcpv/counts
# in timebase ticks, as instructions (icount shift=0) and per scanned word.
patching=
if [ -n "${per_iter[pv_component]:-}" ]; then
	pv_count() {
		grep -o "PPCPV-COUNT: $1 [0-9]*" "$tmp/pv_component.1.json" | head -n 1 | cut -d ' ' -f 3
	}
	patching=$(awk -v s="$(pv_count scan_ticks)" -v b="$(pv_count bringup_ticks)" \
		-v bytes="$(pv_count bytes_scanned)" -v tk="$TB_TICKS" -v ns="$TB_NS" 'BEGIN {
		if (s == "" || b == "" || bytes <= 0) exit 1
		si = s * ns / tk; bi = b * ns / tk; w = bytes / 4
		printf "{\"words_scanned\":%d,\"scan_instructions\":%.0f,\"scan_per_word\":%.2f,", w, si, si / w
		printf "\"bringup_instructions\":%.0f,\"bringup_per_word\":%.2f}", bi, bi / w }') ||
		{ echo "linux-bench: pv_component printed no /sys/kernel/ppcpv/counts" >&2; exit 1; }
	printf '  pv_component boot-time patching: %s\n' "$patching"
fi
printf '  (the same marks and counters in every boot of a configuration: deterministic)\n'

{
	printf '{"iterations":%d,"runs":%d,"deterministic":true,"package":"%s"' "$ITERATIONS" "$RUNS" \
		"$(cat "$dir/vmlinux.package")"
	for config in "${CONFIGS[@]}"; do
		printf ',\n"%s":{"instructions_per_iter":%s,"traps_per_iter":{' "$config" "${per_iter[$config]}"
		sep=
		for kind in "${KINDS[@]}"; do
			printf '%s"%s":%s' "$sep" "$kind" "${traps[$config.$kind]}"
			sep=,
		done
		printf '}}'
	done
	printf ',\n"ratio_off_on":%s,"ratio_off_on_traps":%s,"ratio_linux_pv_off":%s,"ratio_on_native":%s' \
		"$(ratio "${per_iter[no_pv]}" "${per_iter[pv_ppcpv]}")" \
		"$(ratio "${traps[no_pv.total]}" "${traps[pv_ppcpv.total]}")" \
		"$(ratio "${per_iter[no_pv]}" "${per_iter[pv_linux]}")" \
		"$(ratio "${per_iter[pv_ppcpv]}" "${per_iter[native]}")"
	if [ -n "${per_iter[pv_component]:-}" ]; then
		printf ',"ratio_component_off_on":%s,"ratio_component_off_on_traps":%s' \
			"$(ratio "${per_iter[component_no_pv]}" "${per_iter[pv_component]}")" \
			"$(ratio "${traps[component_no_pv.total]}" "${traps[pv_component.total]}")"
		printf ',\n"pv_component_boot_patching":%s' "$patching"
	fi
	printf '\n}\n'
} >"$tmp/results.json"
mv "$tmp/results.json" "$out"
echo "linux-bench: wrote $out"
