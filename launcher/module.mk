# SPDX-License-Identifier: MIT
# launcher/: ppcpv-run, the x86 launcher that plays QEMU's part (pvinfo,
# device trees, qemu-system-ppc64 under a timeout, the report).

# The Linux guest's ELF loader, layout and device tree: a library, so that
# the unit tests check the tree against the project's own FDT reader.
$(call LIBRARY,ppcpv-linux-boot,launcher/linux_elf.c launcher/linux_fdt.c,native)
UNIT_LIBS += $(call libpath,ppcpv-linux-boot,native)
UNIT_LDLIBS += -lfdt

LAUNCHER_SRCS := $(addprefix launcher/,ppcpv-run.c family.c qemu.c proc.c console.c report.c \
	linux_run.c)
$(call NATIVE_PROGRAM,ppcpv-run,$(LAUNCHER_SRCS),\
	$(call libpath,ppcpv-linux-boot,native) $(call libpath,ppcpv-hostcfg-blobs,native) \
	$(call libpath,ppcpv-abi,native),-lfdt)
INSTALL_BINS += $(BUILD)/native/bin/ppcpv-run
INSTALL_MAN1 += man/ppcpv-run.1

# The native Linux entry stub (linux_entry.h): QEMU's -bios for --linux --native.
LINUX_ENTRY_ELF := $(BUILD)/ppc64/launcher/linux-entry.elf
LINUX_ENTRY_BIN := $(BUILD)/ppc64/launcher/linux-entry.bin
$(LINUX_ENTRY_ELF): $(call objs,ppc64,launcher/linux_entry.S) launcher/linux_entry.ld
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc64] $@")
	$(Q)$(call PPC64_RAW_LINK,$@,launcher/linux_entry.ld,$(call objs,ppc64,launcher/linux_entry.S))
$(LINUX_ENTRY_BIN): $(LINUX_ENTRY_ELF)
	@$(if $(Q),echo "  BIN [ppc64] $@")
	$(Q)$(OBJCOPY_ppc64) -O binary $< $@
ALL_TARGETS += $(LINUX_ENTRY_BIN)

# the images ppcpv-run boots by default (PREFIX/share/ppcpv)
INSTALL_DATA += $(GUEST_REF_BIN) $(GUEST_REF32_BIN) $(GUEST_REF64LE_BIN) $(GUEST_REFE500_BIN) \
	$(GUEST_REF440_BIN) $(GUEST_REF440_ELF) $(HOST_B440_ELF) \
	$(HOST_PSERIES_BIN) $(HOST_E500_ELF) $(LINUX_ENTRY_BIN)

$(call CHECK_STEP,boots,$(BUILD)/native/bin/ppcpv-run $(GUEST_REF_BIN) $(HOST_PSERIES_BIN),\
	tests/launcher/boots.sh $(BUILD))
# the Book3S-32 guest (--family book3s32), its counts against ppcpv-patch
$(call CHECK_STEP,boots32,$(BUILD)/native/bin/ppcpv-run $(BUILD)/native/bin/ppcpv-patch \
	$(GUEST_REF32_BIN) $(GUEST_REF32_ELF) $(HOST_PSERIES_BIN),\
	OBJCOPY_PPC32=$(OBJCOPY_ppc32) tests/launcher/boots32.sh $(BUILD))
# the little-endian guest (--family book3s64le): native, hosted, its counts
$(call CHECK_STEP,boots64le,$(BUILD)/native/bin/ppcpv-run $(BUILD)/native/bin/ppcpv-patch \
	$(GUEST_REF64LE_BIN) $(GUEST_REF64LE_ELF) $(HOST_PSERIES_BIN),\
	OBJCOPY_PPC64LE=$(OBJCOPY_ppc64le) tests/launcher/boots64le.sh $(BUILD))
# the e500 guest (--family e500): qemu-system-ppc -M ppce500, its counts
$(call CHECK_STEP,boots-e500,$(BUILD)/native/bin/ppcpv-run $(BUILD)/native/bin/ppcpv-patch \
	$(GUEST_REFE500_BIN) $(GUEST_REFE500_ELF) $(HOST_E500_ELF),\
	OBJCOPY_PPC32=$(OBJCOPY_ppc32) tests/launcher/boots-e500.sh $(BUILD))
# the 440 guest (--family 440): qemu-system-ppc -M bamboo, PV off in both modes
$(call CHECK_STEP,boots-440,$(BUILD)/native/bin/ppcpv-run $(GUEST_REF440_BIN) $(GUEST_REF440_ELF) $(HOST_B440_ELF),\
	tests/launcher/boots-440.sh $(BUILD))
# no QEMU needed: a fake one that hangs, leaves children, meets signals
$(call CHECK_STEP,launcher-deadline,$(BUILD)/native/bin/ppcpv-run,tests/launcher/deadline.sh $(BUILD))
