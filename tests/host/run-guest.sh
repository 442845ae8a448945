#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run-guest.sh [options] GUEST.bin [-- QEMU-ARGS...]
#
# Boot a raw guest binary under the ppcpv pseries host stub in
# qemu-system-ppc64 (TCG).  The one place that builds the QEMU command line;
# a launcher can mirror it (print it with --print).
#
#   --build DIR      build directory (default: build, next to this script's repo)
#   --host FILE      host image (default: DIR/ppc64/host-stubs/ppcpv-host-pseries.bin)
#   --timeout SEC    kill QEMU after SEC seconds (default 20; exit status 124)
#   --native         boot the guest alone as QEMU's firmware (MSR[PR]=0, no
#                    host, no host config; its console is the pseries vty)
#   --print          print the command line instead of running it (the two
#                    device trees it names are kept, in --out-dir or a new
#                    temporary directory)
#   --out-dir DIR    write the host-config and guest device trees here
#   any other option is passed to ppcpv-hostcfg (e.g. --mode no-pv,
#   --bootargs "...", --verbose, --guest-size 0x2000000, --selftest host-fault)
#
# Output: the host's and the guest's console.  The host ends with
# "HOST-STATS: {...}" and "EXIT: <n>"; QEMU exits 0 when n = 0, else 1.
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
build=$here/build
host=
timeout_s=20
print=0
native=0
out_dir=
cfg_args=()
guest=

while [ $# -gt 0 ]; do
	case $1 in
	--build) build=$2; shift 2 ;;
	--host) host=$2; shift 2 ;;
	--timeout) timeout_s=$2; shift 2 ;;
	--print) print=1; shift ;;
	--native) native=1; shift ;;
	--out-dir) out_dir=$2; shift 2 ;;
	--verbose) cfg_args+=("$1"); shift ;;
	--) shift; break ;;
	--*) cfg_args+=("$1" "$2"); shift 2 ;;
	*) guest=$1; shift ;;
	esac
done
[ -n "$guest" ] || { echo "usage: run-guest.sh [options] GUEST.bin [-- QEMU-ARGS]" >&2; exit 2; }
host=${host:-$build/ppc64/host-stubs/ppcpv-host-pseries.bin}
hostcfg=$build/native/bin/ppcpv-hostcfg

cmd=(qemu-system-ppc64
	-M pseries,cap-cfpc=broken,cap-sbbc=broken,cap-ibs=broken,cap-ccf-assist=off
	-m 512M -nographic -nodefaults -serial stdio
	-icount shift=0,sleep=off
	-action panic=exit-failure -no-reboot)

if [ "$native" = 1 ]; then
	[ ${#cfg_args[@]} -eq 0 ] || { echo "run-guest.sh: --native takes no host options (${cfg_args[*]})" >&2; exit 2; }
	cmd+=(-bios "$guest")
else
	if [ -n "$out_dir" ]; then
		mkdir -p "$out_dir"
		tmp=$out_dir
	else
		tmp=$(mktemp -d)
		[ "$print" = 1 ] || trap 'rm -rf "$tmp"' EXIT
	fi
	mapfile -t loaders < <("$hostcfg" --host-config "$tmp/host-config.dtb" --guest-fdt "$tmp/guest.dtb" \
		--guest-image "$guest" --loader-args "${cfg_args[@]}")
	[ ${#loaders[@]} -gt 0 ] || exit 2
	cmd+=(-bios "$host")
	for l in "${loaders[@]}"; do
		read -r -a words <<<"$l"
		cmd+=("${words[@]}")
	done
fi
cmd+=("$@")

if [ "$print" = 1 ]; then
	printf '%q ' timeout "$timeout_s" "${cmd[@]}"
	echo
	exit 0
fi
exec timeout "$timeout_s" "${cmd[@]}" </dev/null
