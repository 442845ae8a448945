# SPDX-License-Identifier: MIT
# lib/fdt/: the portable read-only flattened-device-tree reader (native and
# freestanding).  Its unit tests use the real libfdt as the oracle.

INCLUDES += lib/fdt/include
INSTALL_HEADERS += lib/fdt/include/ppcpv/fdt.h

FDT_SRCS := lib/fdt/fdt_blob.c lib/fdt/fdt_read.c
$(call LIBRARY,ppcpv-fdt,$(FDT_SRCS),$(FLAVOURS))

UNIT_LIBS += $(call libpath,ppcpv-fdt,native)
UNIT_LDLIBS += -lfdt
