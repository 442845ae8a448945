# SPDX-License-Identifier: MIT
# What the boot tests of ppcpv-run share (boots.sh, boots32.sh): one --json
# boot, its console, a clean boot, an unpatched one.  Source it after
# tests/lib.sh with $run (ppcpv-run) and $tmp set; BOOT_FAMILY is the
# --family every boot gets (default book3s64), and its JSON must say so.
BOOT_FAMILY=${BOOT_FAMILY:-book3s64}

# boot NAME ARGS...: one --json boot; sets $json and $status; the console
# (and any error) is in $tmp/NAME.err.
boot() {
	local name=$1; shift
	json=$("$run" --family "$BOOT_FAMILY" --json --timeout 60 "$@" 2>"$tmp/$name.err")
	status=$?
}

# console_count NAME PATTERN: lines of boot NAME's console that match
console_count() { grep -c -- "$2" "$tmp/$1.err"; }

# a boot that must pass all its checks
expect_clean() {
	local what=$1
	check_eq "$what: exit status" 0 "$status"
	check_eq "$what: family in the JSON" "$BOOT_FAMILY" "$(json_value "$json" family)"
	check_eq "$what: no failed check" 0 "$(json_value "$json" checks_failed)"
	[ "$(json_value "$json" checks_passed)" -gt 0 ] 2>/dev/null &&
		pass "$what: checks passed" || fail "$what: no check passed"
}

# a bad input: clean boot, unpatched, and the PV line names the reason
expect_unpatched() {
	local what=$1 reason=$2
	expect_clean "$what"
	check_eq "$what: not patched" false "$(json_value "$json" pv)"
	check_eq "$what: 0 sites patched" 0 "$(json_value "$json" patched)"
	case "$(json_value "$json" pv_line)" in
	*"PV off: $reason"*) pass "$what: logs \"$reason\"" ;;
	*) fail "$what: PV line is '$(json_value "$json" pv_line)', wanted '$reason'" ;;
	esac
}
