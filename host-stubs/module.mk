# SPDX-License-Identifier: MIT
# host-stubs/: the host stub that runs a guest kernel at MSR[PR]=1.
#   core/          family-neutral: vCPU, hypercalls, shared page, stats, MMIO
#                  device, the exit loop (every flavour; the native build is
#                  what the unit tests link)
#   arch/<family>/ book3s, booke: MSR rules, interrupt delivery, decrementer,
#                  privileged instructions (every flavour)
#   pseries/       platform glue for qemu-system-ppc64 -M pseries (ppc64 only)
#   e500/          platform glue for qemu-system-ppc -M ppce500 (ppc32 only)
#   b440/          platform glue for qemu-system-ppc -M bamboo (ppc32 only;
#                  shares e500/main.c, start.S, config.c)
#   tools/         ppcpv-hostcfg: writes the host-config and guest device trees

HOST_ARCHS := book3s booke
INCLUDES += host-stubs/core/include $(foreach a,$(HOST_ARCHS),host-stubs/arch/$(a)/include)

HOST_CORE_SRCS := $(sort $(wildcard host-stubs/core/*.c))
$(call LIBRARY,ppcpv-host-core,$(HOST_CORE_SRCS),$(FLAVOURS))
$(foreach a,$(HOST_ARCHS),$(call LIBRARY,ppcpv-host-$(a),$(sort $(wildcard host-stubs/arch/$(a)/*.c)),$(FLAVOURS)))
UNIT_LIBS += $(foreach a,$(HOST_ARCHS),$(call libpath,ppcpv-host-$(a),native)) \
	$(call libpath,ppcpv-host-core,native)

# The native tool that writes the host-config and guest device trees; its
# blob writers are a library so that the unit tests can check them against
# the core's parser.
$(call LIBRARY,ppcpv-hostcfg-blobs,host-stubs/tools/hostcfg_blobs.c host-stubs/tools/hostcfg_files.c,native)
UNIT_LIBS += $(call libpath,ppcpv-hostcfg-blobs,native)
$(call NATIVE_PROGRAM,ppcpv-hostcfg,host-stubs/tools/hostcfg_main.c,\
	$(call libpath,ppcpv-hostcfg-blobs,native) $(call libpath,ppcpv-abi,native),-lfdt)
INSTALL_BINS += $(BUILD)/native/bin/ppcpv-hostcfg
INSTALL_MAN1 += man/ppcpv-hostcfg.1
$(call CHECK_STEP,hostcfg,$(BUILD)/native/bin/ppcpv-hostcfg,tests/host/hostcfg.sh $(BUILD))

# The pseries host stub: a raw ppc64 BE image for qemu-system-ppc64 -bios.
HOST_PSERIES_SRCS := $(filter-out host-stubs/pseries/asm-offsets.c,\
	$(sort $(wildcard host-stubs/pseries/*.c host-stubs/pseries/*.S)))
HOST_PSERIES_LIBS := $(call libpath,ppcpv-host-mmu64,ppc64) $(call libpath,ppcpv-host-book3s,ppc64) $(call libpath,ppcpv-host-core,ppc64) \
	$(call libpath,ppcpv-fdt,ppc64) \
	$(call libpath,ppcpv-fmt,ppc64) $(call libpath,ppcpv-papr,ppc64) $(call libpath,ppcpv-crt,ppc64) \
	$(call libpath,ppcpv-abi,ppc64)
HOST_PSERIES_ELF := $(BUILD)/ppc64/host-stubs/ppcpv-host-pseries.elf
HOST_PSERIES_BIN := $(BUILD)/ppc64/host-stubs/ppcpv-host-pseries.bin

$(HOST_PSERIES_ELF): $(call objs,ppc64,$(HOST_PSERIES_SRCS)) $(HOST_PSERIES_LIBS) host-stubs/pseries/host.ld
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc64] $@")
	$(Q)$(call PPC64_RAW_LINK,$@,host-stubs/pseries/host.ld,$(call objs,ppc64,$(HOST_PSERIES_SRCS)) $(HOST_PSERIES_LIBS))

$(HOST_PSERIES_BIN): $(HOST_PSERIES_ELF)
	@$(if $(Q),echo "  BIN [ppc64] $@")
	$(Q)$(OBJCOPY_ppc64) -O binary $< $@

ALL_TARGETS += $(HOST_PSERIES_BIN)

# The same host with one deliberate defect in its byte-reversed fast path
# (start.S, PPCPV_SABOTAGE_FAST_LE): step fast-same shows that it is caught.
HOST_PSERIES_SABOTAGE_START := $(BUILD)/ppc64/host-stubs/pseries/sabotage/start-fast-le.o
HOST_PSERIES_SABOTAGE_OBJS := $(filter-out $(call objs,ppc64,host-stubs/pseries/start.S),\
	$(call objs,ppc64,$(HOST_PSERIES_SRCS))) $(HOST_PSERIES_SABOTAGE_START)
HOST_PSERIES_SABOTAGE_ELF := $(BUILD)/ppc64/host-stubs/ppcpv-host-pseries-sabotage-fast-le.elf
HOST_PSERIES_SABOTAGE_BIN := $(BUILD)/ppc64/host-stubs/ppcpv-host-pseries-sabotage-fast-le.bin

$(HOST_PSERIES_SABOTAGE_START): host-stubs/pseries/start.S $(call asm_offsets_h,ppc64,pseries)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AS [ppc64] $@")
	$(Q)$(CC_ppc64) $(CFLAGS_ppc64) $(CPPFLAGS) -I$(dir $(call asm_offsets_h,ppc64,pseries)) \
		$(addprefix -I,$(INCLUDES)) -DPPCPV_SABOTAGE_FAST_LE -c -o $@ $<

$(HOST_PSERIES_SABOTAGE_ELF): $(HOST_PSERIES_SABOTAGE_OBJS) $(HOST_PSERIES_LIBS) host-stubs/pseries/host.ld
	@$(if $(Q),echo "  LD [ppc64] $@")
	$(Q)$(call PPC64_RAW_LINK,$@,host-stubs/pseries/host.ld,$(HOST_PSERIES_SABOTAGE_OBJS) $(HOST_PSERIES_LIBS))

$(HOST_PSERIES_SABOTAGE_BIN): $(HOST_PSERIES_SABOTAGE_ELF)
	@$(if $(Q),echo "  BIN [ppc64] $@")
	$(Q)$(OBJCOPY_ppc64) -O binary $< $@

ALL_TARGETS += $(HOST_PSERIES_SABOTAGE_BIN)

# A platform's start.S structure offsets (and masks) from the C definitions:
# asm-offsets.c compiled to assembly, each "->NAME value" line made a
# #define (the file is never linked).  Written whole or not at all.
# $(call HOST_ASM_OFFSETS_RULE,flavour,platform directory)
asm_offsets_h = $(BUILD)/$(1)/host-stubs/$(2)/generated/asm-offsets.h
define HOST_ASM_OFFSETS_RULE
$(call asm_offsets_h,$(1),$(2)): host-stubs/$(2)/asm-offsets.c
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  GEN [$(1)] $$@")
	$$(Q)$$(CC_$(1)) $$(CFLAGS_$(1)) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) -MMD -MP -MT $$@ -MF $$@.d \
		-S -o $$@.s $$<
	$$(Q){ echo "/* Generated from host-stubs/$(2)/asm-offsets.c: do not edit. */"; \
	  sed -n 's/^[[:space:]]*->\([A-Z0-9_]*\) \(-\{0,1\}[0-9][0-9]*\)$$$$/#define \1 \2/p' $$@.s; } >$$@.tmp
	$$(Q)test "$$$$(grep -c '^#define' $$@.tmp)" = "$$$$(grep -c '^[[:space:]]*->' $$@.s)" || \
		{ echo "asm-offsets: a value the compiler did not print as a number" >&2; rm -f $$@.tmp; exit 1; }
	$$(Q)mv $$@.tmp $$@
$(call objs,$(1),host-stubs/$(2)/start.S): $(call asm_offsets_h,$(1),$(2))
$(call objs,$(1),host-stubs/$(2)/start.S): CPPFLAGS += -I$(dir $(call asm_offsets_h,$(1),$(2)))
endef
$(eval $(call HOST_ASM_OFFSETS_RULE,ppc64,pseries))

# The e500 host stub: an ELF for qemu-system-ppc -M ppce500 -kernel (QEMU's
# e500 machine loads ELF or uImage payloads only).  32-bit BookE, soft-float:
# the ppc32 flavour's libraries, its own objects tuned for e500v2.
HOST_E500_SRCS := $(filter-out host-stubs/e500/asm-offsets.c,\
	$(sort $(wildcard host-stubs/e500/*.c host-stubs/e500/*.S)))
HOST_E500_LIBS := $(call libpath,ppcpv-host-booke,ppc32) $(call libpath,ppcpv-host-core,ppc32) \
	$(call libpath,ppcpv-fdt,ppc32) $(call libpath,ppcpv-fmt,ppc32) $(call libpath,ppcpv-crt,ppc32) \
	$(call libpath,ppcpv-abi,ppc32)
HOST_E500_ELF := $(BUILD)/ppc32/host-stubs/ppcpv-host-e500.elf

$(HOST_E500_ELF): $(call objs,ppc32,$(HOST_E500_SRCS)) $(HOST_E500_LIBS) host-stubs/e500/host.ld
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc32] $@")
	$(Q)$(call PPC_RAW_LINK,ppc32,$@,host-stubs/e500/host.ld,$(call objs,ppc32,$(HOST_E500_SRCS)) $(HOST_E500_LIBS))
$(call objs,ppc32,$(HOST_E500_SRCS)): CFLAGS_ppc32 += -mcpu=8548

ALL_TARGETS += $(HOST_E500_ELF)
$(eval $(call HOST_ASM_OFFSETS_RULE,ppc32,e500))
INCLUDES += host-stubs/tools

# The 440 host stub: an ELF for qemu-system-ppc -M bamboo -kernel.  Its
# boot, exit loop and guest switch are e500's (host-stubs/b440 includes
# them), built for the 440 (no e500 instructions such as isel).
HOST_B440_SRCS := $(filter-out host-stubs/b440/asm-offsets.c,\
	$(sort $(wildcard host-stubs/b440/*.c host-stubs/b440/*.S)))
HOST_B440_ELF := $(BUILD)/ppc32/host-stubs/ppcpv-host-b440.elf

$(HOST_B440_ELF): $(call objs,ppc32,$(HOST_B440_SRCS)) $(HOST_E500_LIBS) host-stubs/e500/host.ld
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc32] $@")
	$(Q)$(call PPC_RAW_LINK,ppc32,$@,host-stubs/e500/host.ld,$(call objs,ppc32,$(HOST_B440_SRCS)) $(HOST_E500_LIBS))
$(call objs,ppc32,$(HOST_B440_SRCS)): CFLAGS_ppc32 += -mcpu=440

ALL_TARGETS += $(HOST_B440_ELF)
$(eval $(call HOST_ASM_OFFSETS_RULE,ppc32,b440))
