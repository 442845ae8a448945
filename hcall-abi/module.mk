# SPDX-License-Identifier: MIT
# hcall-abi/: the PV ABI header, its proof against the Linux uapi headers,
# KVM_PPC_GET_PVINFO semantics and the guest's hypercall entry.

INCLUDES += hcall-abi/include
INSTALL_HEADERS += hcall-abi/include/ppcpv/abi.h hcall-abi/include/ppcpv/abi-asm.h \
	hcall-abi/include/ppcpv/err.h hcall-abi/include/ppcpv/pvinfo.h \
	hcall-abi/include/ppcpv/hcall.h hcall-abi/include/ppcpv/shared-spr.h

ABI_SRCS := hcall-abi/err.c hcall-abi/pvinfo.c
HCALL_GUEST_SRCS := hcall-abi/guest/hcall_entry.S hcall-abi/guest/hcall.c

$(call LIBRARY,ppcpv-abi,$(ABI_SRCS),$(FLAVOURS))
$(call LIBRARY,ppcpv-hcall,$(HCALL_GUEST_SRCS),$(PPC_FLAVOURS))

# The build-time proof: compiling abi_check.c is the check (static asserts).
ABI_CHECK_OBJS := $(foreach f,$(FLAVOURS),$(call objs,$(f),hcall-abi/check/abi_check.c))
ALL_TARGETS += $(ABI_CHECK_OBJS)

$(call NATIVE_PROGRAM,ppcpv-pvinfo,hcall-abi/tools/ppcpv-pvinfo.c,\
	$(call libpath,ppcpv-abi,native) $(call libpath,ppcpv-disasm,native),$(DISASM_LDLIBS))
INSTALL_BINS += $(BUILD)/native/bin/ppcpv-pvinfo
INSTALL_MAN1 += man/ppcpv-pvinfo.1

# A wrong value in abi.h must break the build, on every flavour.
$(call CHECK_STEP,abi-sabotage,$(ABI_CHECK_OBJS),tests/abi/sabotage.sh)
# GNU as and libopcodes must agree with the hypercall words and the stub.
$(call CHECK_STEP,abi-oracles,$(BUILD)/native/bin/ppcpv-pvinfo $(foreach f,$(PPC_FLAVOURS),$(call libpath,ppcpv-hcall,$(f))),\
	tests/abi/oracles.sh $(BUILD))
