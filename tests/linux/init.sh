#!/bin/busybox sh
# SPDX-License-Identifier: MIT
# /init of ppcpv's Linux guest initramfs (tests/linux/initramfs.sh): busybox
# applets, the usual file systems, then the script the initramfs was built
# with (/etc/ppcpv/script), its instruction count and power-off.
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
sh /etc/ppcpv/script
status=$?
[ "$status" -eq 0 ] || echo "FAIL: the init script exited $status"
# The timebase at the end: ppcpv-run reports it as the instruction count.
echo "GUEST-RESULT: {\"timebase\":$(ppcpv-timebase)}"
poweroff -f
