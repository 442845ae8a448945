# SPDX-License-Identifier: MIT
# guest-kernel/: the guest side of PV.
#   pv/  - portable PV bring-up (discovery, hypercalls, self-test, patch),
#          native for unit tests and freestanding for the guests.

INCLUDES += guest-kernel/include
INSTALL_HEADERS += guest-kernel/include/ppcpv/guest_pv.h

GUEST_PV_SRCS := guest-kernel/pv/discover.c guest-kernel/pv/pv_init.c guest-kernel/pv/report.c
$(call LIBRARY,ppcpv-guest-pv,$(GUEST_PV_SRCS),$(FLAVOURS))
UNIT_LIBS += $(call libpath,ppcpv-guest-pv,native)
