# SPDX-License-Identifier: MIT
# lib/papr/: PAPR hypercalls, vty and RTAS for code at MSR[PR]=0 on QEMU
# pseries (the host stub; the reference guest when native).  ppc64 only.
INCLUDES += lib/papr/include isa/include
$(call LIBRARY,ppcpv-papr,lib/papr/papr.c,ppc64)
