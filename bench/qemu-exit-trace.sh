#!/bin/sh
# SPDX-License-Identifier: MIT
# qemu-system-ppc64 with one instruction per translation block and its
# execution log (each executed instruction, with the TB flags that tell
# the host's from the guest's, and each translated instruction's word and
# mnemonic) written to $PPCPV_TRACE_LOG: what exit-costs reads.  Given to
# ppcpv-run as --qemu by bench/exit-trace.sh.
: "${PPCPV_TRACE_LOG:?PPCPV_TRACE_LOG: where the trace goes}"
exec "${PPCPV_TRACE_QEMU:-qemu-system-ppc64}" "$@" -singlestep -d exec,nochain,in_asm \
	-D "$PPCPV_TRACE_LOG"
