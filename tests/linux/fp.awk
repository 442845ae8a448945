# SPDX-License-Identifier: MIT
# A floating-point sum that awk evaluates in IEEE double arithmetic (awk has
# no other number type): kind=harmonic sums 1/i, kind=leibniz the series
# 4/1 - 4/3 + 4/5 ..., for i = 1..n.  Only + - * / are used, which IEEE
# rounds exactly, so every machine prints the same 17 digits.
BEGIN {
	s = 0
	for (i = 1; i <= n; i++)
		s += kind == "harmonic" ? 1 / i : (i % 2 ? 4 : -4) / (2 * i - 1)
	printf "%.17g\n", s
}
