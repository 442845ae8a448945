#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fetch-ppc64el.sh DIR ITEM...: put files from Debian's ppc64el packages
# into DIR, each unless already there.  ITEMs:
#   vmlinux  the current kernel image (linux-image-*-powerpc64le's
#            boot/vmlinux-*, the ELF), at DIR/vmlinux
#   busybox  busybox-static's bin/busybox (a static ppc64el ELF), at DIR/busybox
# DIR/ITEM.package holds "PACKAGE VERSION" of what is there.
#
# apt runs with a private state: its own package lists, cache and an empty
# dpkg status under DIR/apt, and the architecture list set to ppc64el for
# this invocation only.  The machine's dpkg architectures and apt state are
# never touched (no dpkg --add-architecture).  The sources are the machine's.
# One apt session (one `apt-get update`) serves all the missing items.
set -euo pipefail
me=fetch-ppc64el
dir=${1:?usage: fetch-ppc64el.sh DIR vmlinux|busybox...}
shift
[ $# -gt 0 ] || { echo "$me: error: name at least one of vmlinux, busybox" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

missing=()
for item in "$@"; do
	case $item in
	vmlinux | busybox) ;;
	*) echo "$me: error: unknown item '$item' (vmlinux, busybox)" >&2; exit 2 ;;
	esac
	if [ -s "$dir/$item" ] && [ -s "$dir/$item.package" ]; then
		echo "$me: using $dir/$item ($(cat "$dir/$item.package"))"
	else
		missing+=("$item")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
for cmd in apt-get apt-cache dpkg-deb tar; do
	command -v "$cmd" >/dev/null || { echo "$me: error: $cmd is needed" >&2; exit 1; }
done

state="$dir/apt"
rm -rf "$state"
trap 'rm -rf "$state"' EXIT
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/extract"
: >"$state/status"
apt_opts=(-q -o APT::Architecture=ppc64el -o APT::Architectures::=ppc64el
	-o Dir::State::Lists="$state/lists" -o Dir::State::Status="$state/status"
	-o Dir::Cache="$state/cache" -o Debug::NoLocking=1 -o Acquire::Languages=none)
# As root apt drops to the _apt user for downloads, which cannot write here.
[ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)

# A list that fails (a mirror in the middle of a sync) is not fatal as long
# as the packages can still be found in the others.
if ! apt-get "${apt_opts[@]}" update >"$state/update.log" 2>&1; then
	echo "$me: warning: apt-get update reported errors:" >&2
	grep -E '^(E|W):' "$state/update.log" | head -n 5 >&2 || true
fi

# package_of ITEM: the Debian package that holds it.
package_of() {
	local pkg
	case $1 in
	vmlinux)
		# The metapackage names the current kernel package.
		pkg=$(apt-cache "${apt_opts[@]}" depends linux-image-powerpc64le 2>/dev/null |
			awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9].*-powerpc64le$/ { print $2; exit }')
		;;
	busybox) pkg=busybox-static ;;
	esac
	[ -n "$pkg" ] && apt-cache "${apt_opts[@]}" show "$pkg:ppc64el" >/dev/null 2>&1 || return 1
	echo "$pkg"
}

# member_of ITEM: the path inside the package's data (a tar pattern).
member_of() {
	case $1 in
	vmlinux) echo './boot/vmlinux-*' ;;
	busybox) echo './bin/busybox' ;;
	esac
}

for item in "${missing[@]}"; do
	pkg=$(package_of "$item") || { echo "$me: error: no package for $item in the ppc64el lists" >&2; exit 1; }
	version=$(apt-cache "${apt_opts[@]}" policy "$pkg:ppc64el" | awk '$1 == "Candidate:" { print $2; exit }')
	echo "$me: downloading $pkg $version (ppc64el)"
	(cd "$state" && apt-get "${apt_opts[@]}" download "$pkg:ppc64el" >/dev/null)
	deb=$(ls "$state"/"$pkg"_*_ppc64el.deb)
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$state/extract" --wildcards "$(member_of "$item")"
	# the file first, its .package last: a cut-short run leaves no stale pair
	rm -f "$dir/$item.package"
	mv $state/extract/$(member_of "$item") "$dir/$item"
	echo "$pkg $version" >"$dir/$item.package"
	echo "$me: $dir/$item ($pkg $version)"
done
