#!/bin/sh
# SPDX-License-Identifier: MIT
# qemu-system-ppc64 with one instruction per translation block, each
# translated instruction logged from the start (in_asm: its word and
# mnemonic) to $PPCPV_TRACE_LOG, and a monitor on the FIFOs
# $PPCPV_TRACE_MONITOR.in/.out, through which bench/linux-exit-trace.sh
# adds the execution log while the guest runs the loop.  Given to
# ppcpv-run as --qemu.
: "${PPCPV_TRACE_LOG:?PPCPV_TRACE_LOG: where the trace goes}"
: "${PPCPV_TRACE_MONITOR:?PPCPV_TRACE_MONITOR: the monitor FIFOs, without .in/.out}"
exec "${PPCPV_TRACE_QEMU:-qemu-system-ppc64}" "$@" -singlestep -d in_asm -D "$PPCPV_TRACE_LOG" \
	-chardev "pipe,id=ppcpv-trace-monitor,path=$PPCPV_TRACE_MONITOR" \
	-mon chardev=ppcpv-trace-monitor,mode=readline
