#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ppcpv-hostcfg refuses what the host stub would refuse (or a guest could
# not live with) with one error line and a non-zero exit, and never leaves
# an output half written: a failed run leaves the destinations as they were
# and no temporary file beside them.
#   tests/host/hostcfg.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
hostcfg=$build/native/bin/ppcpv-hostcfg
TEST_NAME=hostcfg
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out
mkdir "$out"
head -c 4096 /dev/zero >"$tmp/guest.bin"
# a destination that exists already must survive a failed run untouched
echo "the old host config" >"$out/hc.dtb"

# the output directory's entries on one line
listing() { ls -A "$out" | sort | tr '\n' ' ' | sed 's/ $//'; }

# one_line WHAT MESSAGE: stderr is exactly one line, and it has MESSAGE
one_line() {
	if grep -q -- "$2" "$tmp/err" && [ "$(wc -l <"$tmp/err")" = 1 ]; then
		pass "$1: one line: $(cat "$tmp/err")"
	else
		fail "$1: wanted one line with '$2', got: $(cat "$tmp/err")"
	fi
}

# refused WHAT MESSAGE ARGS...: exit 2, exactly one stderr line naming the
# problem, the outputs as they were, nothing else in the output directory
refused() {
	local what=$1 message=$2
	shift 2
	"$hostcfg" --host-config "$out/hc.dtb" --guest-fdt "$out/guest.dtb" "$@" >/dev/null 2>"$tmp/err"
	check_eq "$what: exit status" 2 "$?"
	one_line "$what" "$message"
	check_eq "$what: output directory" "hc.dtb" "$(listing)"
	check_eq "$what: the old host config kept" "the old host config" "$(cat "$out/hc.dtb")"
}

refused "base + size wrapping" "wraps past the top of the address space" \
	--guest-image "$tmp/guest.bin" --guest-base 0xfffffffffffff000
refused "guest region beyond RAM" "ends beyond the host's RAM (0x20000000 bytes)" \
	--guest-image "$tmp/guest.bin" --guest-base 0x1f800000
refused "guest region beyond a smaller --host-ram" "ends beyond the host's RAM (0x1800000 bytes)" \
	--guest-image "$tmp/guest.bin" --host-ram 0x1800000
refused "fast-exits neither on nor off" "--fast-exits must be on or off" \
	--guest-image "$tmp/guest.bin" --fast-exits fast
refused "zero timebase" "timebase-hz must not be 0" --guest-image "$tmp/guest.bin" --timebase-hz 0
refused "a directory as guest image" "guest image $tmp: is a directory" --guest-image "$tmp"
refused "a missing guest image" "guest image $tmp/none: No such file" --guest-image "$tmp/none"
refused "entry not word aligned" "not a multiple of 4" --guest-entry 0x102
refused "an unknown --irq-sweep" "--irq-sweep must be step or ignore-critical" --guest-image "$tmp/guest.bin" --irq-sweep always

# a region that fits the RAM --host-ram gives is accepted
"$hostcfg" --guest-base 0x1f800000 --host-ram 0x40000000 --guest-image "$tmp/guest.bin" 2>"$tmp/err"
check_eq "guest region inside a larger --host-ram" 0 "$?"

# write errors: the first tree is not renamed into place when the second fails
mkdir "$out/guest-dir.dtb"
"$hostcfg" --host-config "$out/hc.dtb" --guest-fdt "$out/guest-dir.dtb" 2>"$tmp/err"
check_eq "guest DTB onto a directory: exit status" 1 "$?"
one_line "guest DTB onto a directory" "cannot write $out/guest-dir.dtb: Is a directory"
check_eq "guest DTB onto a directory: the old host config kept" "the old host config" \
	"$(cat "$out/hc.dtb")"
check_eq "guest DTB onto a directory: no temporary file" "guest-dir.dtb hc.dtb" "$(listing)"
rmdir "$out/guest-dir.dtb"
"$hostcfg" --host-config "$out/hc.dtb" --guest-fdt "$tmp/no-such-dir/guest.dtb" 2>"$tmp/err"
check_eq "guest DTB in a missing directory: exit status" 1 "$?"
check_eq "guest DTB in a missing directory: the old host config kept" "the old host config" \
	"$(cat "$out/hc.dtb")"
one_line "guest DTB in a missing directory" "cannot write $tmp/no-such-dir/guest.dtb"
check_eq "guest DTB in a missing directory: no temporary file" "hc.dtb" "$(listing)"

# success: both trees in place, the mode a new file gets, nothing else
(umask 027 && "$hostcfg" --host-config "$out/hc.dtb" --guest-fdt "$out/guest.dtb" \
	--guest-image "$tmp/guest.bin") 2>"$tmp/err"
check_eq "good layout: exit status" 0 "$?"
check_eq "good layout: the two trees, nothing else" "guest.dtb hc.dtb" "$(listing)"
magic() { od -An -tx1 -N4 "$1" | tr -d ' '; }
check_eq "good layout: host config is a device tree" "d00dfeed" "$(magic "$out/hc.dtb")"
check_eq "good layout: guest DTB is a device tree" "d00dfeed" "$(magic "$out/guest.dtb")"
check_eq "good layout: mode 0666 less the umask" "640" "$(stat -c %a "$out/guest.dtb")"
summary
