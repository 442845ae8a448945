# SPDX-License-Identifier: MIT
# lib/crt/: memcpy, memmove, memset, memcmp, strlen for the bare-metal
# images (the native build has the C library).
INCLUDES += lib/crt/include
$(call LIBRARY,ppcpv-crt,lib/crt/string.c,$(PPC_FLAVOURS))
