# SPDX-License-Identifier: MIT
# The init script of `make linux-bench` (after a header setting
# ITERATIONS): the seed's loop, `/bin/echo hello > /dev/null` in the shell,
# between timebase marks.  Each mark forks ppcpv-timebase, which reads the
# timebase in the child; so between two marks lies one mark's own cost,
# and between the second and third the loop plus that same cost: the loop
# alone is (m2 - m1) - (m1 - m0).
list=$(seq "$ITERATIONS")
echo "BENCH-MARK 0 $(ppcpv-timebase)"
echo "BENCH-MARK 1 $(ppcpv-timebase)"
for i in $list; do
	/bin/echo hello >/dev/null
done
echo "BENCH-MARK 2 $(ppcpv-timebase)"
# A kernel with ppcpv's guest component: what patching at boot cost
# (linux-bench reports it for pv_component).
if [ -r /sys/kernel/ppcpv/counts ]; then
	sed 's/^/PPCPV-COUNT: /' /sys/kernel/ppcpv/counts
fi
