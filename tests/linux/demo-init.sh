# SPDX-License-Identifier: MIT
# The init script of `make linux-demo` (run by /init, tests/linux/init.sh):
# what the guest is, and a few commands.  The RESULT-DIGEST covers what
# every mode must print the same.
echo "== uname -a"
uname -a
echo "== /proc/cpuinfo"
cat /proc/cpuinfo
echo "== a few commands"
echo "processes running: $(ls -d /proc/[0-9]* | wc -l)"
echo "memory (kB): $(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo) total"
echo "mounts: $(awk '{ printf "%s%s", sep, $2; sep = " " }' /proc/mounts)"
echo "busybox applets installed: $(ls /bin /sbin /usr/bin /usr/sbin | wc -l)"
echo "0.1 + 0.2 in awk (IEEE doubles): $(awk 'BEGIN { printf "%.17g", 0.1 + 0.2 }')"
echo "sha256 of 'ppcpv': $(printf ppcpv | sha256sum | cut -d ' ' -f 1)"
echo "RESULT-DIGEST: $( (uname -a; cat /proc/cpuinfo) | md5sum | cut -d ' ' -f 1)"
