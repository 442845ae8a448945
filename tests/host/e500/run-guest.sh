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
#   --native         boot the guest alone on ppce500 (real MSR[PR]=0, no host,
#                    no host config): see below
#   --print          print the command line instead of running it (--native:
#                    the image it names is kept in a new temporary directory)
#   --guest-load FILE@ADDR  QEMU also loads FILE (raw) at guest-physical ADDR
#                    (the guest region's base added here, 0 with --native;
#                    tests/diff's blob)
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
#
# --native (ppce500 only): QEMU loads -kernel as an ELF or a U-Boot legacy
# image (hw/ppc/e500.c), never as raw bytes, so the raw image gets a 64-byte
# uImage header: load address 0, entry 0x100 (guest.ld), no compression.
# QEMU enters it with MSR = 0, r3 = its device tree (24 MiB up for an image
# under 1 MiB) and its TLB1[0] mapping 64 MiB at 0; the runtime (lib.c) does
# the rest.  Extra QEMU arguments pass through (a blob: -- -device
# loader,file=BLOB,addr=PA,force-raw=on, PA below 24 MiB; bootargs: --
# -append "...").  The guest prints "EXIT: <n>" and resets the machine
# (DBCR0), which -no-reboot turns into QEMU's exit 0; this script then
# exits 0 when n = 0, else 1, as a hosted run does (1 also when the guest
# stopped QEMU without an EXIT line; 124 on the timeout).
set -euo pipefail

here=$(cd "$(dirname "$0")/../../.." && pwd)
build=$here/build
timeout_s=20
print=0
native=0
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
	--native) native=1; shift ;;
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

# crc32 FILE: the CRC-32 a uImage header holds (gzip's trailer has it).
crc32() { gzip -c -n <"$1" | tail -c 8 | head -c 4 | od -An -tu4 --endian=little | tr -d ' '; }
be32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)); }
# uimage RAW OUT: RAW behind a U-Boot legacy header (magic 0x27051956,
# header CRC, time, size, load 0, entry 0x100, data CRC, OS 0, arch 7 =
# PowerPC, type 2 = kernel, compression 0, a 32-byte name).
uimage() {
	local size dcrc head=$2.head
	size=$(stat -c %s "$1")
	dcrc=$(crc32 "$1")
	header() {
		printf "$(be32 0x27051956)$(be32 "$1")$(be32 0)$(be32 "$size")$(be32 0)$(be32 0x100)"
		printf "$(be32 "$dcrc")\\x00\\x07\\x02\\x00"
		printf '%-32.32s' ppcpv-test-guest | tr ' ' '\0'
	}
	header 0 >"$head"
	{ header "$(crc32 "$head")"; cat "$1"; } >"$2"
	rm -f "$head"
}

# add_guest_loads BASE: a QEMU loader for each --guest-load, its guest-physical
# address moved by BASE (where guest-physical 0 lies in the machine's memory).
add_guest_loads() {
	local l
	for l in "${guest_loads[@]}"; do
		case $l in
		?*@?*) ;;
		*) echo "run-guest.sh: --guest-load wants FILE@ADDR, not '$l'" >&2; exit 2 ;;
		esac
		cmd+=(-device "loader,file=${l%@*},addr=$(printf '0x%x' $(($1 + ${l##*@}))),force-raw=on")
	done
}

if [ "$native" = 1 ]; then
	[ "$machine" = ppce500 ] || { echo "run-guest.sh: --native boots ppce500 only, not '$machine'" >&2; exit 2; }
	[ ${#cfg_args[@]} -eq 0 ] || { echo "run-guest.sh: --native takes no host options (${cfg_args[*]})" >&2; exit 2; }
	[ -r "$guest" ] || { echo "run-guest.sh: cannot read '$guest'" >&2; exit 2; }
	tmp=$(mktemp -d)
	[ "$print" = 1 ] || trap 'rm -rf "$tmp"' EXIT
	uimage "$guest" "$tmp/guest.uimg"
	cmd=(qemu-system-ppc -M ppce500 -cpu e500v2 -nic none -m "$ram" -nographic -monitor none
		-serial stdio -no-reboot -icount shift=0,sleep=off -kernel "$tmp/guest.uimg")
	add_guest_loads 0
	cmd+=("$@")
	if [ "$print" = 1 ]; then
		printf '%q ' timeout "$timeout_s" "${cmd[@]}"
		echo
		exit 0
	fi
	set +e
	# QEMU's stderr goes through the same pipe as the console: written
	# straight to the caller's file it could land inside a console line
	# tee has not copied yet (QEMU's "icount sleep disabled" warning, at
	# the very end of some runs, once split a line of a differential log).
	timeout "$timeout_s" "${cmd[@]}" </dev/null 2>&1 | tee "$tmp/console"
	rc=${PIPESTATUS[0]}
	[ "$rc" = 0 ] || exit "$rc"
	n=$(sed -n 's/^EXIT: \(-\{0,1\}[0-9]\{1,\}\)\r\{0,1\}$/\1/p' "$tmp/console" | tail -n 1)
	[ -n "$n" ] || { echo "run-guest.sh: the guest stopped QEMU without an EXIT line" >&2; exit 1; }
	[ "$n" = 0 ] && exit 0
	exit 1
fi

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
add_guest_loads "$guest_base"
cmd+=("$@")

if [ "$print" = 1 ]; then
	printf '%q ' timeout "$timeout_s" "${cmd[@]}"
	echo
	exit 0
fi
exec timeout "$timeout_s" "${cmd[@]}" </dev/null
