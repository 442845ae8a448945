# SPDX-License-Identifier: MIT
# Shell helpers for check steps: kvm-unit-tests style PASS/FAIL lines, a
# SUMMARY, and the closing "name: N passed, N failed" line tests/tally reads;
# reading the project's flat JSON without jq.
# Source it, set TEST_NAME, call pass/fail/check_eq, end with `summary`.

TEST_PASSED=0
TEST_FAILED=0
TEST_NAME=${TEST_NAME:-test}

pass() { TEST_PASSED=$((TEST_PASSED + 1)); echo "PASS: $TEST_NAME: $*"; }
fail() { TEST_FAILED=$((TEST_FAILED + 1)); echo "FAIL: $TEST_NAME: $*"; }

# check_eq WHAT EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1 (expected '$2', got '$3')"; fi
}

# json_value JSON KEY: the value of a top-level or unique KEY (strings unquoted).
json_value() {
	grep -o "\"$2\":\(\"[^\"]*\"\|[^,}]*\)" <<<"$1" | head -n 1 | sed -e "s/^\"$2\"://" -e 's/^"//' -e 's/"$//'
}

# json_count JSON OBJECT KEY: a number inside the object named OBJECT.
json_count() {
	local obj
	obj=$(grep -o "\"$2\":{[^}]*}" <<<"$1" | head -n 1)
	json_value "$obj" "$3"
}

summary() {
	echo "SUMMARY: $((TEST_PASSED + TEST_FAILED)) tests, $TEST_FAILED unexpected failures"
	echo "$TEST_NAME: $TEST_PASSED passed, $TEST_FAILED failed"
	[ "$TEST_FAILED" -eq 0 ] && [ "$TEST_PASSED" -gt 0 ]
}
