#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ppcpv-run keeps its deadline and cleans up, whatever QEMU does: with a
# fake QEMU (--qemu) that closes its stdout and sleeps, leaves a child
# behind, ignores SIGTERM, or is running when the launcher gets SIGTERM or
# SIGINT.  Each time the launcher must end in time with the right status and
# leave no process (all carry a marker in their argv) and no temporary
# directory (TMPDIR is a private one).  No QEMU is needed.
#   tests/launcher/deadline.sh BUILD
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
run=$build/native/bin/ppcpv-run
TEST_NAME=deadline
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
marker="ppcpv-fake-qemu-$$-${tmp##*/}"
trap 'pkill -KILL -f "$marker"; rm -rf "$tmp"' EXIT
export TMPDIR=$tmp/tmpdir
mkdir "$TMPDIR"
head -c 4096 /dev/zero >"$tmp/image.bin"

TIMEOUT_S=1
# what the launcher may take beyond its deadline (QEMU killed, files removed)
MARGIN_MS=1000
# the fake ignoring SIGTERM costs the launcher's grace (0.5 s) on top
GRACE_MS=500
# a run that must not wait for its deadline: given a long one, it ends early
LONG_TIMEOUT_S=5
PROMPT_MS=2500

# fake NAME BODY: a fake QEMU whose path carries the marker; BODY runs after
# it says hello on its stdout.  What it starts runs as "exec -a MARKER-...".
fake() {
	cat >"$tmp/$marker.$1" <<-EOF
	#!/usr/bin/env bash
	echo "fake QEMU $1 up"
	echo \$\$ >"$tmp/$1.started"
	$2
	EOF
	chmod +x "$tmp/$marker.$1"
}
fake closes-stdout "exec >&-; exec -a $marker-closed sleep 30"
fake child-outlives-it "( exec -a $marker-child sleep 30 ) & exec -a $marker-parent sleep 30"
fake exits-leaving-child "( exec -a $marker-orphan sleep 30 ) & exit 0"
fake exits-cleanly "( exec -a $marker-orphan sleep 30 ) & echo 'EXIT: 0'; exit 0"
fake ignores-sigterm "trap '' TERM; exec -a $marker-deaf sleep 30"
fake sleeps "exec -a $marker-sleeper sleep 30"

ms() { echo $(($(date +%s%N) / 1000000)); }

# launch NAME: run the launcher on fake NAME in the background, in hosted
# mode (it writes its device trees to a temporary directory); sets $pid.
launch() {
	fake_name=$1
	rm -f "$tmp/$fake_name.started"
	start_ms=$(ms)
	timeout -s KILL 10 "$run" --quiet --timeout "$TIMEOUT_S" --qemu "$tmp/$marker.$fake_name" \
		--guest "$tmp/image.bin" --host "$tmp/image.bin" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
}

# finish WHAT STATUS LIMIT_MS: wait for the launcher; its status, its time,
# and nothing of the fake's left, nor any temporary file
finish() {
	local what=$1 want=$2 limit=$3 status took
	wait "$pid"
	status=$?
	took=$(($(ms) - start_ms))
	check_eq "$what: exit status" "$want" "$status"
	[ "$took" -le "$limit" ] && pass "$what: ended after $took ms (at most $limit)" ||
		fail "$what: took $took ms, more than $limit"
	if [ -e "$tmp/$fake_name.started" ]; then
		pass "$what: the fake ran"
	else
		fail "$what: the fake never ran: $(cat "$tmp/err")"
	fi
	if pgrep -f "$marker" >/dev/null; then
		fail "$what: left behind: $(pgrep -a -f "$marker" | tr '\n' ';')"
		pkill -KILL -f "$marker"
	else
		pass "$what: no process left behind"
	fi
	if [ -z "$(ls -A "$TMPDIR")" ]; then
		pass "$what: no temporary files left"
	else
		fail "$what: left in TMPDIR: $(ls -A "$TMPDIR")"
		rm -rf "${TMPDIR:?}"/*
	fi
}

deadline_ms=$((TIMEOUT_S * 1000))
for name in closes-stdout child-outlives-it; do
	launch "$name"
	finish "$name" 124 $((deadline_ms + MARGIN_MS))
	grep -q "timeout after $TIMEOUT_S s" "$tmp/err" && pass "$name: timeout reported" ||
		fail "$name: no timeout message: $(cat "$tmp/err")"
done

launch ignores-sigterm
finish ignores-sigterm 124 $((deadline_ms + GRACE_MS + MARGIN_MS))

# QEMU gone, a child of it still holding the console: no waiting for it
TIMEOUT_S=$LONG_TIMEOUT_S launch exits-leaving-child
finish exits-leaving-child 126 "$PROMPT_MS"
TIMEOUT_S=$LONG_TIMEOUT_S launch exits-cleanly
finish exits-cleanly 0 "$PROMPT_MS"

# A signal to the launcher.  Job control on, or the background launcher
# would start with SIGINT ignored (and rightly keep it so).
set -m
for sig in TERM INT; do
	TIMEOUT_S=$LONG_TIMEOUT_S launch sleeps
	for _ in $(seq 100); do
		[ -e "$tmp/sleeps.started" ] && break
		sleep 0.02
	done
	start_ms=$(ms)
	kill -s "$sig" "$(pgrep -P "$pid" -x ppcpv-run)"
	finish "SIG$sig while QEMU runs" $((128 + $(kill -l "$sig"))) "$MARGIN_MS"
	grep -q "stopped by signal $(kill -l "$sig")" "$tmp/err" && pass "SIG$sig: reported" ||
		fail "SIG$sig: no message: $(cat "$tmp/err")"
done
set +m
summary
