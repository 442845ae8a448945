#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# initramfs.sh BUSYBOX TIMEBASE SCRIPT OUT: a gzip'd newc initramfs whose
# /init (tests/linux/init.sh) installs busybox's applets, mounts proc, sysfs,
# devtmpfs and a tmpfs on /tmp, runs SCRIPT with busybox sh, prints the
# timebase (TIMEBASE: the ppcpv-timebase program) and powers off.
#   BUSYBOX  a static ppc64el busybox (tests/tool/fetch-ppc64el.sh DIR busybox)
# The same inputs give the same bytes (sorted names, fixed times and owner).
# OUT appears only when complete.
set -euo pipefail
me=initramfs
[ $# -eq 4 ] || { echo "usage: initramfs.sh BUSYBOX TIMEBASE SCRIPT OUT" >&2; exit 2; }
busybox=$1 timebase=$2 script=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
for f in "$busybox" "$timebase" "$script"; do
	[ -f "$f" ] && [ -r "$f" ] || { echo "$me: error: $f: no such readable file" >&2; exit 1; }
done
for cmd in cpio gzip; do
	command -v "$cmd" >/dev/null || { echo "$me: error: $cmd is needed (make deps)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,etc/ppcpv}
install -m 755 "$busybox" "$root/bin/busybox"
install -m 755 "$timebase" "$root/bin/ppcpv-timebase"
install -m 755 "$here/init.sh" "$root/init"
install -m 644 "$script" "$root/etc/ppcpv/script"
find "$root" -exec touch -h -d @0 {} +
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --reproducible --quiet) >"$tmp/initramfs.cpio"

# newc_entry NAME MODE RDEV_MAJOR RDEV_MINOR: one header + name of an empty
# file (here a device node: cpio cannot make one without root and mknod).
newc_entry() {
	local name=$1 namesize=$((${#1} + 1)) pad
	printf '070701%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x' \
		1 "$2" 0 0 1 0 0 0 0 "$3" "$4" "$namesize" 0
	printf '%s\0' "$name"
	# header (110 bytes) + name padded to a multiple of 4
	pad=$(((4 - (110 + namesize) % 4) % 4))
	[ "$pad" -eq 0 ] || head -c "$pad" /dev/zero
}
# /dev/console (character device 5:1), so that init starts with its
# stdin/stdout/stderr open; the kernel unpacks concatenated archives.
{
	newc_entry dev/console $((8#020600)) 5 1
	newc_entry TRAILER!!! 0 0 0
} >>"$tmp/initramfs.cpio"
gzip -n -9 <"$tmp/initramfs.cpio" >"$tmp/initramfs.cpio.gz"
mv "$tmp/initramfs.cpio.gz" "$out"
