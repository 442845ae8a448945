# SPDX-License-Identifier: MIT
# host-stubs/arch/book3s/mmu/: the portable half of the host's Book3S-64
# MMU virtualisation (guest SLB, guest hash table and PAPR hypercalls,
# guest walk, shadow SLB/PTEs, reverse map).  Built like core/: native for
# the unit tests, freestanding for the 64-bit PowerPC flavours.

INCLUDES += isa/include host-stubs/arch/book3s/mmu/include

HOST_MMU64_SRCS := $(sort $(wildcard host-stubs/arch/book3s/mmu/*.c))
$(call LIBRARY,ppcpv-host-mmu64,$(HOST_MMU64_SRCS),native ppc64 ppc64le)
UNIT_LIBS += $(call libpath,ppcpv-host-mmu64,native)
