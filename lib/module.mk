# SPDX-License-Identifier: MIT
# lib/: support code shared by several components.
#   host/  - host-side (native) helpers: the libopcodes disassembler wrapper.

INCLUDES += lib/host/include

DISASM_LDLIBS := -lopcodes-multiarch -lbfd-multiarch
$(call LIBRARY,ppcpv-disasm,lib/host/ppc_disasm.c,native)
