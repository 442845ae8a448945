#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Host instructions per exit by kind for a hosted Linux guest: the echo
# loop of `make linux-bench` (bench/linux-echo-init.sh) booted once under
# bench/qemu-window-trace.sh; the execution log is switched on through
# QEMU's monitor when the guest prints BENCH-MARK 1 and off at BENCH-MARK 2
# (the translations are logged from the start, so every trapping
# instruction's word is known), and exit-costs reads it as it is written.
# Slow: every instruction of the boot runs as its own translation block
# (about 10 minutes for Debian's kernel on the build machine).  The window follows the
# console in real time, so it holds most of the loop, not exactly it: the
# exits per iteration are not measured here, the host instructions per
# exit of each kind are.
#   bench/linux-exit-trace.sh BUILD VMLINUX-DIR ITERATIONS FAST-EXITS [PPCPV-RUN OPTIONS...]
# e.g. bench/linux-exit-trace.sh build build/vmlinux 50 on --no-pv
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 4 ] || { echo "usage: linux-exit-trace.sh BUILD VMLINUX-DIR ITERATIONS FAST-EXITS [PPCPV-RUN OPTIONS...]" >&2; exit 2; }
build=$1 dir=$2 iterations=$3 fast=$4
shift 4
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
{ echo "ITERATIONS=$iterations"; cat "$here/bench/linux-echo-init.sh"; } >"$tmp/init.sh"
"$here/tests/linux/initramfs.sh" "$dir/busybox" "$build/ppc64le/tests/linux/ppcpv-timebase" \
	"$tmp/init.sh" "$tmp/initrd.cpio.gz" || exit 1
mkfifo "$tmp/trace" "$tmp/monitor.in" "$tmp/monitor.out"
"$build/native/bin/exit-costs" --host-elf "$build/ppc64/host-stubs/ppcpv-host-pseries.elf" \
	"$tmp/trace" >"$tmp/costs" &
reader=$!
cat "$tmp/monitor.out" >/dev/null &
exec 3<>"$tmp/monitor.in"
PPCPV_TRACE_LOG=$tmp/trace PPCPV_TRACE_MONITOR=$tmp/monitor \
	"$build/native/bin/ppcpv-run" --linux "$dir/vmlinux" --initrd "$tmp/initrd.cpio.gz" \
	--fast-exits "$fast" --qemu "$here/bench/qemu-window-trace.sh" --timeout 3600 "$@" 2>&1 |
while IFS= read -r line; do
	case $line in
	*"BENCH-MARK 1 "*) echo "log exec,nochain,in_asm" >&3 ;;
	*"BENCH-MARK 2 "*) echo "log none" >&3 ;;
	esac
done
exec 3>&-
wait $reader || { echo "linux-exit-trace.sh: no trace analysed" >&2; exit 1; }
cat "$tmp/costs"
