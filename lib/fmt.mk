# SPDX-License-Identifier: MIT
# lib/fmt/: a small snprintf for freestanding code (host stub and guests).

INCLUDES += lib/fmt/include
$(call LIBRARY,ppcpv-fmt,lib/fmt/fmt.c,$(FLAVOURS))
UNIT_LIBS += $(call libpath,ppcpv-fmt,native)
