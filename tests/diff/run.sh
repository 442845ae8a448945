#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh BUILD MODE IMAGE BLOB LOG [HOST-OPTIONS...]: one boot of a
# differential test guest over a batch blob, its console to LOG; the exit
# status is QEMU's (124 on a timeout).  HOST-OPTIONS go to ppcpv-hostcfg
# (the sweep's --irq-sweep and --bootargs).  MODE is native (the guest alone at PR=0 as QEMU's firmware),
# no-pv or pv (under the host stub, entered with the MSR the native CPU has
# once the guest set SF, so that ME starts equal).  The family (DIFF_FAMILY,
# book3s64 by default) decides that MSR.
set -u
build=$1 mode=$2 image=$3 blob=$4 log=$5
host_options=("${@:6}")
here=$(cd "$(dirname "$0")/../.." && pwd)
gen=$build/native/bin/diff-gen
timeout_s=${DIFF_BOOT_TIMEOUT:-120}

case $mode in
native)
	if [ "${DIFF_FAMILY:-book3s64}" = book3s32 ]; then
		echo "run.sh: book3s32 has no native run (QEMU pseries has only 64-bit CPUs)" >&2
		exit 2
	fi
	where=$("$gen" --loader-addr native) || exit 2
	set -- --native ;;
no-pv|pv)
	where=$("$gen" --loader-addr hosted) || exit 2
	set -- --mode "$mode" --guest-msr "$("$gen" --family "${DIFF_FAMILY:-book3s64}" --guest-msr)" "${host_options[@]}" ;;
*)
	echo "run.sh: mode must be native, no-pv or pv, not '$mode'" >&2
	exit 2 ;;
esac
exec "$here/tests/host/run-guest.sh" --build "$build" --timeout "$timeout_s" "$@" "$image" \
	-- -device "loader,file=$blob,addr=$where,force-raw=on" >"$log" 2>&1
