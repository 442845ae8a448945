#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run-guest.sh [options] GUEST.bin [-- QEMU-ARGS...]
#
# Boot a raw 32-bit BookE guest under the ppcpv e500 host stub in
# qemu-system-ppc -M ppce500 -cpu e500v2 (TCG), or under the 440 host stub
# in qemu-system-ppc -M bamboo.  The one place that builds those command
# lines (--print shows it).
#
#   --machine M      ppce500 (default) or bamboo
#   --build DIR      build directory (default: build, next to this script's repo)
#   --timeout SEC    kill QEMU after SEC seconds (default 20; exit status 124)
#   --print          print the command line instead of running it
#   --guest-load FILE@ADDR  QEMU also loads FILE (raw) at guest-physical ADDR
#                    (the guest region's base added here; tests/diff's blob)
#   any other option is passed to ppcpv-hostcfg (e.g. --mode no-pv, --verbose,
#   --selftest host-fault)
#
# The guest region starts at 32 MiB: QEMU puts its own device tree near
# 25 MiB, above the host image at 1 MiB.  Guest MSR at entry: ME (32-bit
# supervisor, EE off); the guest's tree says QEMU's 400 MHz timebase.
# Output: the host's and the guest's console, ending with
# "HOST-STATS: {...}" and "EXIT: <n>"; QEMU exits 0 when n = 0, else 1
# (ppce500: pvpanic) or is killed by the timeout (bamboo: 124, no way to
# fail).  Bamboo takes at most 256 MiB (its SDRAM banks); QEMU puts its
# device tree at 24 MiB there.
set -euo pipefail

here=$(cd "$(dirname "$0")/../../.." && pwd)
build=$here/build
timeout_s=20
print=0
machine=ppce500
cfg_args=()
guest=
guest_base=0x2000000
guest_loads=()

while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift 2 ;;
	--timeout) timeout_s=$2; shift 2 ;;
	--print) print=1; shift ;;
	--machine) machine=$2; shift 2 ;;
	--guest-load) guest_loads+=("$2"); shift 2 ;;
	--verbose) cfg_args+=("$1"); shift ;;
	--) shift; break ;;
	--*) cfg_args+=("$1" "$2"); shift 2 ;;
	*) guest=$1; shift ;;
	esac
done
[ -n "$guest" ] || { echo "usage: run-guest.sh [options] GUEST.bin [-- QEMU-ARGS]" >&2; exit 2; }
case $machine in
ppce500)
	host=$build/ppc32/host-stubs/ppcpv-host-e500.elf
	ram=512M ram_bytes=0x20000000
	machine_args=(-M ppce500 -cpu e500v2 -nic none -device pvpanic-pci -action panic=exit-failure) ;;
bamboo)
	host=$build/ppc32/host-stubs/ppcpv-host-b440.elf
	ram=256M ram_bytes=0x10000000
	machine_args=(-M bamboo -nic none) ;;
*) echo "run-guest.sh: unknown --machine '$machine' (ppce500 or bamboo)" >&2; exit 2 ;;
esac
hostcfg=$build/native/bin/ppcpv-hostcfg
msr_me=0x1000

tmp=$(mktemp -d)
[ "$print" = 1 ] || trap 'rm -rf "$tmp"' EXIT
mapfile -t loaders < <("$hostcfg" --host-config "$tmp/host-config.dtb" --guest-fdt "$tmp/guest.dtb" \
	--guest-image "$guest" --guest-base "$guest_base" --guest-msr "$msr_me" \
	--timebase-hz 400000000 --host-ram "$ram_bytes" --loader-args "${cfg_args[@]}")
[ ${#loaders[@]} -gt 0 ] || exit 2

cmd=(qemu-system-ppc "${machine_args[@]}" -m "$ram" -nographic -monitor none -serial stdio
	-no-reboot -icount shift=0,sleep=off -kernel "$host")
for l in "${loaders[@]}"; do
	read -r -a words <<<"$l"
	cmd+=("${words[@]}")
done
for l in "${guest_loads[@]}"; do
	case $l in
	?*@?*) ;;
	*) echo "run-guest.sh: --guest-load wants FILE@ADDR, not '$l'" >&2; exit 2 ;;
	esac
	cmd+=(-device "loader,file=${l%@*},addr=$(printf '0x%x' $((guest_base + ${l##*@}))),force-raw=on")
done
cmd+=("$@")

if [ "$print" = 1 ]; then
	printf '%q ' timeout "$timeout_s" "${cmd[@]}"
	echo
	exit 0
fi
exec timeout "$timeout_s" "${cmd[@]}" </dev/null
