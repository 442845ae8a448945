# SPDX-License-Identifier: MIT
# lib/papr/: PAPR hypercalls, vty and RTAS for code at MSR[PR]=0 on QEMU
# pseries (the host stub; the reference guest when native).  Also built for
# ppc64le (the little-endian reference guest, natively too) and ppc32: the
# Book3S-32 reference guest links the same console and exit code (it runs
# hosted only, so never calls it).
INCLUDES += lib/papr/include isa/include
$(call LIBRARY,ppcpv-papr,lib/papr/papr.c,ppc64 ppc64le ppc32)
