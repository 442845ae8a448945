#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fetch-vmlinux.sh DIR: put Debian bookworm's current ppc64el kernel image
# at DIR/vmlinux (and "PACKAGE VERSION" in DIR/package), unless already there.
#
# apt runs with a private state: its own package lists, cache and an empty
# dpkg status under DIR/apt, and the architecture list set to ppc64el for
# this invocation only.  The machine's dpkg architectures and apt state are
# never touched (no dpkg --add-architecture).  The sources are the machine's.
set -euo pipefail
dir=${1:?usage: fetch-vmlinux.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

if [ -s "$dir/vmlinux" ] && [ -s "$dir/package" ]; then
	echo "fetch-vmlinux: using $dir/vmlinux ($(cat "$dir/package"))"
	exit 0
fi
for cmd in apt-get apt-cache dpkg-deb tar; do
	command -v "$cmd" >/dev/null || { echo "fetch-vmlinux: error: $cmd is needed" >&2; exit 1; }
done

state="$dir/apt"
rm -rf "$state"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
: >"$state/status"
apt_opts=(-q -o APT::Architecture=ppc64el -o APT::Architectures::=ppc64el
	-o Dir::State::Lists="$state/lists" -o Dir::State::Status="$state/status"
	-o Dir::Cache="$state/cache" -o Debug::NoLocking=1 -o Acquire::Languages=none)
# As root apt drops to the _apt user for downloads, which cannot write here.
[ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)

# A list that fails (a mirror in the middle of a sync) is not fatal as long
# as the kernel can still be found in the others.
if ! apt-get "${apt_opts[@]}" update >"$state/update.log" 2>&1; then
	echo "fetch-vmlinux: warning: apt-get update reported errors (see $state/update.log):" >&2
	grep -E '^(E|W):' "$state/update.log" | head -n 5 >&2 || true
fi

# The metapackage names the current kernel package.
pkg=$(apt-cache "${apt_opts[@]}" depends linux-image-powerpc64le 2>/dev/null |
	awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9].*-powerpc64le$/ { print $2; exit }')
if [ -z "$pkg" ]; then
	echo "fetch-vmlinux: error: no linux-image-powerpc64le in the package lists" >&2
	exit 1
fi
version=$(apt-cache "${apt_opts[@]}" policy "$pkg" | awk '$1 == "Candidate:" { print $2 }')
echo "fetch-vmlinux: downloading $pkg $version (ppc64el)"
(cd "$state" && apt-get "${apt_opts[@]}" download "$pkg:ppc64el" >/dev/null)

deb=$(ls "$state"/"$pkg"_*_ppc64el.deb)
mkdir -p "$state/extract"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$state/extract" --wildcards './boot/vmlinux-*'
mv "$state"/extract/boot/vmlinux-* "$dir/vmlinux"
echo "$pkg $version" >"$dir/package"
rm -rf "$state"
echo "fetch-vmlinux: $dir/vmlinux ($pkg $version)"
