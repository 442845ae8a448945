# SPDX-License-Identifier: MIT
# sites-compare.awk ELF_SITES RUNTIME_SITES WORDS: the component's sites
# (/sys/kernel/ppcpv/sites) against ppcpv-patch's on the same vmlinux
# (tests/linux/sites.awk), both "ADDR ORIG KIND ACTION NEW SKIP-REASON".
# WORDS: "ADDR ELF_WORD RUNTIME_WORD" for every address where the two lists
# differ (the word in the file, the word in the running, unpatched text).
# A site in both lists must have the same word, kind, action and skip
# reason, and the same new word unless it branches (trampoline places
# follow the sites before it); a site in one list only must sit on a word
# that Linux changed at boot (its feature fixups) - else it is a mismatch.
# Prints "same N", "fixup ADDR ELF_WORD RUNTIME_WORD WHERE" lines and
# "mismatch ADDR: why" lines; exits 1 on any mismatch.
FILENAME == ARGV[1] { elf[$1] = $0; next }
FILENAME == ARGV[2] { rt[$1] = $0; next }
{ elf_word[$1] = $2; rt_word[$1] = $3 }
function changed(a, where) {
	if (!(a in elf_word) || rt_word[a] !~ /^0x[0-9a-f]+$/) {
		printf "mismatch %s: %s, and no run-time word read there\n", a, where
		bad++
	} else if (elf_word[a] == rt_word[a]) {
		printf "mismatch %s: %s, but the word is %s in both\n", a, where, elf_word[a]
		bad++
	} else {
		printf "fixup %s %s %s %s\n", a, elf_word[a], rt_word[a], where
	}
}
END {
	for (a in elf) {
		if (!(a in rt)) {
			changed(a, "only in the ELF")
			continue
		}
		split(elf[a], e, " ")
		split(rt[a], r, " ")
		if (e[2] != r[2]) {
			changed(a, "word differs")
			continue
		}
		if (e[3] != r[3] || e[4] != r[4] || e[6] != r[6] || (e[4] != "branch" && e[5] != r[5])) {
			printf "mismatch %s: ELF '%s', run time '%s'\n", a, elf[a], rt[a]
			bad++
			continue
		}
		same++
	}
	for (a in rt)
		if (!(a in elf))
			changed(a, "only at run time")
	printf "same %d\n", same
	exit bad > 0
}
