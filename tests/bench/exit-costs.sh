#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# exit-costs (bench/exit_costs.c) on a small hand-written QEMU log of the
# shape qemu-exit-trace.sh makes: each exit kind it names, its host
# instructions counted from the vector to the guest's next instruction, a
# fault taken again right after the host's rfid counted as a second exit;
# its refusals.
#   tests/bench/exit-costs.sh BUILD HOST-ELF
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
host_elf=${2:?the host stub ELF}
TEST_NAME=exit-costs
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tool=$build/native/bin/exit-costs

# guest PC [WORD MNEMONIC]: one guest instruction (MSR[PR]=1), translated
# first when it has a word; host PC N: N host instructions, PC and then
# the host's C (as from a vector).
guest() {
	[ $# -eq 3 ] && printf -- '----------------\nIN: \n0x%08x:  %s  %s\n\n' "$1" "$2" "$3"
	printf 'Trace 0: 0x7f0000000000 [0000000000000000/%016x/00004014/ff020201] \n' "$1"
}
host() {
	local i pc=$1
	for ((i = 0; i < $2; i++)); do
		printf 'Trace 0: 0x7f0000000000 [0000000000000000/%016x/6c000004/ff020201] \n' $pc
		pc=$((0x8000 + 4 * i))
	done
}
{
	host 0x100 4				# the host's boot: no exit
	guest 0x2000 4c000024 rfid; host 0x700 3	# rfid emulated: 3
	guest 0x3000 44000002 sc; host 0xc00 5	# reflected to 0xc00: 5
	guest 0xc00 7d410164 mtmsrd; host 0x700 2	# mtmsrd L=1: 2
	guest 0xc04 44000002 sc; host 0xc00 4	# back after the sc: a hypercall, 4
	guest 0xc08 7c0002a6 mfspr; host 0x480 2; host 0x400 3	# two shadow faults, 2 and 3
	guest 0x5000 e8610000 ld; host 0x300 6	# reflected to the guest's 0x300: 6
	guest 0x300 7c0004ac sync; host 0x300 7	# a device access, resumed after it: 7
	guest 0x304 7c0002a6 mfspr; host 0x700 9	# reflected to the guest's 0x700: 9
	guest 0x700
} >"$tmp/log"

"$tool" --host-elf "$host_elf" "$tmp/log" >"$tmp/out" 2>"$tmp/err"
check_eq "runs" 0 $?
exit_line() { grep "^exit $1 " "$tmp/out"; }
check_eq "rfid: 1 exit, 3 host instructions" "exit rfid 1.00 3.0" "$(exit_line rfid)"
check_eq "sc reflected: 5" "exit sc 1.00 5.0" "$(exit_line sc)"
check_eq "mtmsrd L=1 by its word: 2" "exit mtmsrd_l1 1.00 2.0" "$(exit_line mtmsrd_l1)"
check_eq "hypercall (resumed after the sc): 4" "exit hypercall 1.00 4.0" "$(exit_line hypercall)"
check_eq "a fault taken again after the host's rfid: two shadow faults, 2.5 each" \
	"exit shadow_fault 2.00 2.5" "$(exit_line shadow_fault)"
check_eq "a fault reflected to the guest: 6" "exit guest_fault 1.00 6.0" "$(exit_line guest_fault)"
check_eq "MMIO (resumed after the access): 7" "exit mmio 1.00 7.0" "$(exit_line mmio)"
check_eq "a program interrupt reflected: 9" "exit program_reflected 1.00 9.0" "$(exit_line program_reflected)"
check_eq "host instructions: every exit's, not the boot's" "host_insns 41.0" "$(grep ^host_insns "$tmp/out")"
check_eq "guest instructions" "guest_insns 9.0" "$(grep ^guest_insns "$tmp/out")"

"$tool" --host-elf "$host_elf" --iterations 2 "$tmp/log" >"$tmp/out" 2>&1
check_eq "--iterations divides the counts per iteration" "exit rfid 0.50 3.0" "$(exit_line rfid)"

"$tool" --host-elf "$host_elf" --marks "$tmp/log" >"$tmp/out" 2>"$tmp/err"
check_eq "--marks without three marks: exit status 1" 1 $?
check_eq "  with one error line" 1 "$(wc -l <"$tmp/err")"
check_eq "  and nothing on stdout" 0 "$(wc -c <"$tmp/out")"

printf 'nothing\n' | "$tool" --host-elf "$host_elf" >"$tmp/out" 2>"$tmp/err"
check_eq "a log with no exit: exit status 1" 1 $?
check_eq "  with one error line" 1 "$(wc -l <"$tmp/err")"

"$tool" "$tmp/log" >/dev/null 2>&1
check_eq "no --host-elf: usage, exit status 2" 2 $?
summary
