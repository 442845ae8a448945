#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make linux-demo`: Debian's ppc64el Linux 6.1 (fetched if absent) with a
# short init (tests/linux/demo-init.sh) in four configurations - native,
# under the host with PV off, with the stock kernel's PV, and patched by
# ppcpv before boot - its init's output from the first, then the results
# side by side, as `make demo` prints them for the reference guest.
#   tests/linux/demo.sh BUILD DOWNLOAD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
dir=${2:-$build/vmlinux}
. "$here/tests/lib.sh"
MODES=(native no-pv pv pv-prepatch)
declare -A ARGS=([native]="--native" [no-pv]="--no-pv" [pv]="--pv" [pv-prepatch]="--pv --prepatch")

"$here/tests/tool/fetch-ppc64el.sh" "$dir" vmlinux busybox
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/tests/linux/initramfs.sh" "$dir/busybox" "$build/ppc64le/tests/linux/ppcpv-timebase" \
	"$here/tests/linux/demo-init.sh" "$tmp/demo.cpio.gz"

status=0
for mode in "${MODES[@]}"; do
	# shellcheck disable=SC2086
	"$build/native/bin/ppcpv-run" --linux "$dir/vmlinux" --initrd "$tmp/demo.cpio.gz" \
		${ARGS[$mode]} --json --timeout 600 >"$tmp/$mode.json" 2>"$tmp/$mode.console" || status=$?
done

first=${MODES[0]}
echo "==== $first: the guest's init ===="
sed -n '/Run \/init as init process/,$p' "$tmp/$first.console" | sed 1d
echo

# row LABEL FIELD: one line of the table, FIELD read from each mode's report
row() {
	local label=$1 field=$2 mode v
	printf '  %-28s' "$label"
	for mode in "${MODES[@]}"; do
		json=$(cat "$tmp/$mode.json")
		case $field in
		traps) v=$(json_count "$json" traps total || true); v=${v:--} ;;
		emulated | papr_hcalls) v=$(json_count "$json" traps "$field" || true); v=${v:--} ;;
		*) v=$(json_value "$json" "$field" || true) ;;
		esac
		printf ' %16s' "${v:-?}"
	done
	printf '\n'
}
printf '  %-28s' ""
printf ' %16s' "${MODES[@]}"
printf '\n'
row "exit status" exit
row "how it ended" reason
row "sites patched" patched
row "MAP_MAGIC_PAGE calls" map_magic_page_calls
row "traps to the host" traps
row "  emulated instructions" emulated
row "  PAPR hypercalls" papr_hcalls
row "instructions (icount)" instructions
row "wall seconds" wall_seconds
row "result digest" digest
exit "$status"
