#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh BUILD MODE IMAGE BLOB LOG [HOST-OPTIONS...]: one boot of a
# differential test guest over a batch blob, its console to LOG; the exit
# status is QEMU's (124 on a timeout).  HOST-OPTIONS go to ppcpv-hostcfg
# (the sweep's --irq-sweep and --bootargs).  MODE is native (the guest alone at PR=0 as QEMU's firmware),
# no-pv or pv (under the host stub, entered with the MSR the native CPU has
# once the guest set SF, so that ME starts equal).  The family (DIFF_FAMILY,
# book3s64 by default) decides that MSR, whether there is a native run
# (diff-gen --native-run) and the runner: tests/host/run-guest.sh (QEMU
# pseries) or, for e500, tests/host/e500/run-guest.sh (QEMU ppce500), which
# adds its guest region's base to the blob's guest-physical address.
set -u
build=$1 mode=$2 image=$3 blob=$4 log=$5
host_options=("${@:6}")
here=$(cd "$(dirname "$0")/../.." && pwd)
gen=$build/native/bin/diff-gen
family=${DIFF_FAMILY:-book3s64}
timeout_s=${DIFF_BOOT_TIMEOUT:-120}

case $mode in
native|no-pv|pv) ;;
*)
	echo "run.sh: mode must be native, no-pv or pv, not '$mode'" >&2
	exit 2 ;;
esac
native=$("$gen" --family "$family" --native-run) || exit 2
if [ "$mode" = native ] && [ "$native" != 1 ]; then
	echo "run.sh: $family has no native run (Documentation/differential.rst says why)" >&2
	exit 2
fi
if [ "$mode" = native ]; then
	set -- --native
else
	set -- --mode "$mode" --guest-msr "$("$gen" --family "$family" --guest-msr)" "${host_options[@]}"
fi
case $family in
e500)
	runner=$here/tests/host/e500/run-guest.sh
	set -- "$@" --guest-load "$blob@$("$gen" --family "$family" --loader-addr guest)" "$image" ;;
*)
	runner=$here/tests/host/run-guest.sh
	where=$("$gen" --loader-addr "$([ "$mode" = native ] && echo native || echo hosted)") || exit 2
	set -- "$@" "$image" -- -device "loader,file=$blob,addr=$where,force-raw=on" ;;
esac
exec "$runner" --build "$build" --timeout "$timeout_s" "$@" >"$log" 2>&1
