# SPDX-License-Identifier: MIT
# patcher/: the portable binary patcher (native and freestanding).

INCLUDES += patcher/include kvm_emul/include
INSTALL_HEADERS += patcher/include/ppcpv/patcher.h patcher/include/ppcpv/range.h \
	kvm_emul/include/ppcpv/emul.h

PATCHER_SRCS := $(sort $(wildcard patcher/*.c))
$(call LIBRARY,ppcpv-patcher,$(PATCHER_SRCS),$(FLAVOURS))
UNIT_LIBS += $(call libpath,ppcpv-patcher,native)
