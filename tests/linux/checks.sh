# SPDX-License-Identifier: MIT
# The checks `make check-linux` runs inside the Linux guest (busybox sh).
# tests/linux/check-linux.sh puts a header before this file that sets the
# sizes (SUM_N, PIPE_LINES, FP_N, MEM_LINES), the expected values it
# computed on the build machine (EXPECT_*) and FP_PROGRAM (fp.awk).
# Every check prints one PASS:/FAIL: line; the values every mode must
# share go into the closing RESULT-DIGEST line.

results=
# check WHAT EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then
		echo "PASS: $1"
	else
		echo "FAIL: $1 (expected '$2', got '$3')"
	fi
}
# keep VALUE: one line of the digest
keep() {
	results="$results$1
"
}

check "the shell computes" 42 "$((6 * 7))"
check "the kernel got its command line" yes "$(grep -q mitigations=off /proc/cmdline && echo yes)"
check "/proc/cpuinfo names the CPU" POWER8 "$(awk '$1 == "cpu" { print $3; exit }' /proc/cpuinfo)"

# fork and exec, exit statuses
check "fork and exec of /bin/echo" hello "$(/bin/echo hello)"
sh -c 'exit 7'
check "a child's exit status reaches its parent" 7 "$?"

# pipes
sum=$(seq 1 "$SUM_N" | awk '{ s += $1 } END { print s }')
check "a pipe of two processes (seq | awk)" "$EXPECT_SUM" "$sum"
keep "$sum"
lines=$(yes ppcpv | head -n "$PIPE_LINES" | wc -l)
check "a pipe of three processes (yes | head | wc)" "$PIPE_LINES" "$lines"
keep "$lines"

# Floating point in two processes at once: each is preempted many times
# by the other with its FP registers live, so a context switch that lost
# or mixed FP state would change the sums.
# After its sum each process notes, from its own /proc status, how often it
# was switched out against its will (a second BEGIN block, guest only).
switches='
BEGIN {
	while ((getline line < "/proc/self/status") > 0)
		if (split(line, f) == 2 && f[1] == "nonvoluntary_ctxt_switches:")
			print f[2] > ("/tmp/fp." kind ".switches")
}'
awk -v n="$FP_N" -v kind=harmonic "$FP_PROGRAM$switches" >/tmp/fp.harmonic &
harmonic=$!
awk -v n="$FP_N" -v kind=leibniz "$FP_PROGRAM$switches" >/tmp/fp.leibniz &
leibniz=$!
wait "$harmonic"
check "FP process 1 exits 0" 0 "$?"
wait "$leibniz"
check "FP process 2 exits 0" 0 "$?"
check "FP: harmonic sum of $FP_N terms" "$EXPECT_HARMONIC" "$(cat /tmp/fp.harmonic)"
check "FP: Leibniz series of $FP_N terms" "$EXPECT_LEIBNIZ" "$(cat /tmp/fp.leibniz)"
keep "$(cat /tmp/fp.harmonic)"
keep "$(cat /tmp/fp.leibniz)"
switches_a=$(cat /tmp/fp.harmonic.switches)
switches_b=$(cat /tmp/fp.leibniz.switches)
if [ "${switches_a:-0}" -gt 0 ] && [ "${switches_b:-0}" -gt 0 ]; then
	echo "PASS: both FP processes were preempted ($switches_a and $switches_b times)"
else
	echo "FAIL: the FP processes did not preempt each other ('$switches_a', '$switches_b')"
fi

# memory: a few MB through tmpfs and back
seq 1 "$MEM_LINES" >/tmp/mem.a
md5=$(md5sum </tmp/mem.a | cut -d ' ' -f 1)
check "$(wc -c </tmp/mem.a) bytes written to tmpfs read back (md5)" "$EXPECT_MD5" "$md5"
keep "$md5"
dd if=/tmp/mem.a of=/tmp/mem.b bs=64k 2>/dev/null
check "dd copies them exactly (cmp)" 0 "$(cmp /tmp/mem.a /tmp/mem.b >/dev/null; echo $?)"
rm -f /tmp/mem.a /tmp/mem.b

echo "RESULT-DIGEST: $(printf '%s' "$results" | md5sum | cut -d ' ' -f 1)"

# A kernel with ppcpv's guest component: what it exposes to user space, for
# check-linux to compare with its boot line and with ppcpv-patch.
if [ -r /sys/kernel/ppcpv/counts ]; then
	sed 's/^/PPCPV-COUNT: /' /sys/kernel/ppcpv/counts
	echo "PPCPV-LINE: $(cat /sys/kernel/ppcpv/line)"
	sed 's/^/PPCPV-SITE: /' /sys/kernel/ppcpv/sites
fi
# The running text's words at the offsets (in words from _stext)
# check-linux asks for, when it does (PPCPV_WORD_OFFSETS).
for offset in ${PPCPV_WORD_OFFSETS:-}; do
	echo "PPCPV-WORD: $offset 0x$(dd if=/sys/kernel/ppcpv/text bs=4 skip="$offset" count=1 2>/dev/null |
		od -An -tx4 | tr -d ' ')"
done
