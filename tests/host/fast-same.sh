#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# fast-same.sh [BUILD]: step fast-same of `make check`.  The pseries host's
# fast exits (system call reflection, rfid emulation in start.S) must
# change nothing but the host's instruction count: each guest below boots
# with fast-exits on and off, and the two consoles - the guest's own
# checks and state lines, and every HOST-STATS counter - must be the same
# but for the host's line naming the setting.  t_fast holds the edge cases
# (HV in SRR1, user round trips with the magic page, a decrementer pending
# at the rfid, an rfid into a critical section); t_cost shows that the
# fast path ran (its emulated rfid costs under half as much with it on).
# Under the shadow MMU (--mmu shadow) the same for t_mmu (an rfid in
# translated supervisor state taken again at its EA, then that EA remapped
# to another privileged instruction), t_dec and t_hcall, and t_cost's
# rfid in supervisor real mode.
#
# Little-endian: t_fast and t_cost built ppc64le (entered with MSR[LE],
# interrupts and the magic page little-endian: the fast path's
# byte-reversed side), the same checks; a host whose byte-reversed path
# stores SRR1 unreversed (PPCPV_SABOTAGE_FAST_LE) must be caught by t_fast.
# The reference guest kernel as book3s64le (both MMUs, no-pv and pv) and
# as book3s32 (flat, no-pv and pv; its rfi is never fast, its system calls
# may be): the same verdicts and console, and the same counters but for
# those its timing moves - its EE-toggle check counts decrementer
# interrupts, which a faster host sees fewer of, each bringing the same
# whole number of emulated instructions (see ref_same).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
TEST_NAME=fast-same
. "$here/tests/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guests=$build/ppc64/tests/host

# boot GUEST SETTING [run-guest options]: the console in $tmp/GUEST-SETTING.out
# without what may differ: the host's line naming the setting, and the
# measured values in parentheses after a check's name (t_dec's timebase
# deltas shrink with the host's instructions; the verdicts must not).
# A little-endian test guest (GUEST "le/t_fast"): ppc64le, MSR SF|ME|LE.
le_msr=0x8000000000001001
boot() {
	local guest=$1 setting=$2 mmu=${3:-flat} host=${4:-} args=()
	case $guest in
	le/*) args=(--guest-msr "$le_msr") image=$build/ppc64le/tests/host/${guest#le/}.bin ;;
	*) image=$guests/$guest.bin ;;
	esac
	[ -z "$host" ] || args+=(--host "$host")
	mkdir -p "$tmp/le"
	"$here/tests/host/run-guest.sh" --build "$build" --timeout 20 --fast-exits "$setting" \
		--mmu "$mmu" "${args[@]}" "$image" 2>&1 | sed -e 's/ fast-exits \(on\|off\)$//' \
		-e 's/^\(\(not \)\{0,1\}ok - .*\) (.*)$/\1/' >"$tmp/$guest-$setting-$mmu.out"
}

# same GUEST MMU [HOST]: booted with fast exits on and off, the same console.
same() {
	local guest=$1 mmu=$2 on off
	boot "$guest" on "$mmu" "${3:-}"
	boot "$guest" off "$mmu" "${3:-}"
	on=$tmp/$guest-on-$mmu.out off=$tmp/$guest-off-$mmu.out
	if cmp -s "$on" "$off"; then
		pass "$guest ($mmu): console and host counters the same with fast exits on and off"
	else
		fail "$guest ($mmu): fast exits on and off differ:"
		diff "$off" "$on" | head -n 20 | sed 's/^/    | /'
	fi
	check_eq "$guest ($mmu): HOST-STATS present" 1 "$(grep -c '^HOST-STATS: ' "$on")"
	check_eq "$guest ($mmu): EXIT" 0 "$(sed -n 's/^EXIT: //p' "$on")"
}

for guest in t_fast t_user t_priv t_dec t_hcall le/t_fast; do
	same "$guest" flat
done
for guest in t_mmu t_dec t_hcall; do
	same "$guest" shadow
done
# t_fast's own checks, with the fast path on, in either byte order.
for guest in t_fast le/t_fast; do
	while IFS= read -r line; do
		case $line in
		"ok - "*) pass "$guest: ${line#ok - }" ;;
		"not ok - "*) fail "$guest: ${line#not ok - }" ;;
		esac
	done <"$tmp/$guest-on-flat.out"
done

# The byte-reversed path can fail: one field stored in the host's order.
sabotaged=$build/ppc64/host-stubs/ppcpv-host-pseries-sabotage-fast-le.bin
boot le/t_fast on flat "$sabotaged"
if cmp -s "$tmp/le/t_fast-on-flat.out" "$tmp/le/t_fast-off-flat.out"; then
	fail "le/t_fast: a host storing SRR1 unreversed in its fast path is not caught"
else
	pass "le/t_fast: a host storing SRR1 unreversed in its fast path is caught" \
		"($(grep -c '^not ok' "$tmp/le/t_fast-on-flat.out") checks fail, EXIT" \
		"'$(sed -n 's/^EXIT: //p' "$tmp/le/t_fast-on-flat.out")')"
fi
# t_mmu's fast-rfid checks, under the shadow MMU with the fast path on.
for what in "rfid in translated supervisor state" "emulated as itself"; do
	check_eq "t_mmu (shadow): ok - ...$what..." 1 \
		"$(grep -c "^ok - .*$what" "$tmp/t_mmu-on-shadow.out")"
done

# The fast path ran: an emulated rfid costs under half as many instructions.
rfid_cost() { sed -n 's/^guest: cost in instructions: .* rfid \([0-9]*\),.*/\1/p' "$tmp/$1.out"; }
for guest in t_cost le/t_cost; do
	for mmu in flat shadow; do
		boot "$guest" on "$mmu"
		boot "$guest" off "$mmu"
		on=$(rfid_cost "$guest-on-$mmu") off=$(rfid_cost "$guest-off-$mmu")
		if [ -n "$on" ] && [ -n "$off" ] && [ $((2 * on)) -lt "$off" ]; then
			pass "$guest ($mmu): emulated rfid $on instructions with fast exits, $off without"
		else
			fail "$guest ($mmu): emulated rfid '$on' with fast exits is not under half of '$off' without"
		fi
	done
done
# The little-endian budgets (step host-pseries checks the big-endian ones).
while IFS= read -r line; do
	case $line in
	"ok - "*) pass "le/t_cost: ${line#ok - }" ;;
	"not ok - "*) fail "le/t_cost: ${line#not ok - }" ;;
	esac
done <"$tmp/le/t_cost-on-flat.out"

# ref_boot FAMILY MODE MMU SETTING: the reference kernel's console in
# $tmp/ref-...out, without the host's line naming the setting and with the
# decrementer interrupts its EE-toggle check counted, and the timebase,
# made N (they depend on the host's speed); its counters in ....stats.
ref_boot() {
	local out=$tmp/ref-$1-$2-$3-$4
	"$build/native/bin/ppcpv-run" --family "$1" "--$2" --mmu "$3" --fast-exits "$4" \
		--timeout 60 >"$out.raw" 2>&1
	echo "ppcpv-run exit status $?" >>"$out.raw"
	sed -n 's/^HOST-STATS: {\(.*\)}$/\1/p' "$out.raw" | tr ',' '\n' |
		sed -n 's/^"\([a-z0-9_]*\)":\([0-9]*\)$/\1 \2/p' >"$out.stats"
	sed -e 's/ fast-exits \(on\|off\)$//' \
		-e 's/^INFO: [0-9]* \(decrementer interrupts during [0-9]* EE toggles\), [0-9]*/INFO: N \1, N/' \
		-e 's/"timebase":[0-9]*/"timebase":N/' -e '/^HOST-STATS: /d' \
		-e 's/^\(ppcpv-run: .*\); [0-9]* traps;/\1; N traps;/' "$out.raw" >"$out.out"
}

# ref_same FAMILY MODE MMU: booted with fast exits on and off, the same
# verdicts and console, and the same counters except that each decrementer
# interrupt more or fewer (dec_injected) brings a whole number of each
# emulated instruction kind and exit.  Not compared: the host's own timer
# exits (dec_real, its polls while an interrupt is held) and the
# decrementer's deferrals (dec_deferred: whether it fell due while the
# guest had EE off), which the host's speed moves.
ref_same() {
	local on=$tmp/ref-$1-$2-$3-on off=$tmp/ref-$1-$2-$3-off what="$1 --$2 --mmu $3" bad
	ref_boot "$@" on
	ref_boot "$@" off
	check_eq "$what: guest exits 0 with fast exits on" "ppcpv-run exit status 0" "$(tail -n 1 "$on.out")"
	if cmp -s "$on.out" "$off.out"; then
		pass "$what: verdicts and console the same with fast exits on and off" \
			"($(grep -c '^PASS: ' "$on.out") checks pass)"
	else
		fail "$what: fast exits on and off differ:"
		diff "$off.out" "$on.out" | head -n 20 | sed 's/^/    | /'
	fi
	bad=$(awk 'NR == FNR { on[$1] = $2; next } { off[$1] = $2 }
		END {
			d = on["dec_injected"] - off["dec_injected"]
			on["exits"] -= on["dec_real"]; off["exits"] -= off["dec_real"]
			n = 0
			for (k in off) {
				if (k == "dec_real" || k == "dec_deferred") continue
				delta = on[k] - off[k]
				driven = k ~ /^emul/ || k == "exits" || k == "dec_injected"
				if (delta != 0 && (!driven || d == 0 || delta % d != 0))
					printf "%s %d/%d ", k, on[k], off[k]
				n++
			}
			if (n < 40) printf "only %d counters", n
		}' "$on.stats" "$off.stats")
	if [ -z "$bad" ]; then
		pass "$what: host counters the same (decrementer interrupts $(awk '$1 == "dec_injected" { print $2 }' \
			"$on.stats") on, $(awk '$1 == "dec_injected" { print $2 }' "$off.stats") off)"
	else
		fail "$what: host counters differ (on/off): $bad"
	fi
}
for mmu in shadow flat; do
	for mode in no-pv pv; do
		ref_same book3s64le "$mode" "$mmu"
	done
done
# Book3S-32: rfi is no rfid (and a 32-bit target is refused anyway), so
# only its system calls could be fast; the same all the same.
for mode in no-pv pv; do
	ref_same book3s32 "$mode" flat
done
summary
