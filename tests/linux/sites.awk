# SPDX-License-Identifier: MIT
# sites.awk: `ppcpv-patch --sites` (one JSON object a line) in the form of
# the component's /sys/kernel/ppcpv/sites:
#   ADDR ORIG KIND ACTION NEW SKIP-REASON     ("none" when patched)
function field(name,    m) {
	if (match($0, "\"" name "\":\"[^\"]*\"")) {
		m = substr($0, RSTART, RLENGTH)
		sub("^\"" name "\":\"", "", m)
		return substr(m, 1, length(m) - 1)
	}
	return "none"
}
{ print field("addr"), field("orig"), field("kind"), field("action"), field("new"), field("reason") }
