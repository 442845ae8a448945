# SPDX-License-Identifier: MIT
# tests/host/: test guests for the pseries host stub (raw ppc64 BE binaries
# for the guest region) and the check step that boots each under QEMU.

HOST_GUEST_RUNTIME := tests/host/guest/head.S tests/host/guest/trap.S tests/host/guest/lib.c
HOST_GUEST_TESTS := $(sort $(wildcard tests/host/t_*.c))
HOST_GUEST_LIBS := $(call libpath,ppcpv-fdt,ppc64) $(call libpath,ppcpv-fmt,ppc64) \
	$(call libpath,ppcpv-hcall,ppc64) $(call libpath,ppcpv-papr,ppc64) $(call libpath,ppcpv-crt,ppc64)
HOST_GUEST_DIR := $(BUILD)/ppc64/tests/host

# guest_image(test source): the raw binary it becomes
guest_image = $(HOST_GUEST_DIR)/$(basename $(notdir $(1))).bin

define HOST_GUEST_BODY
$(HOST_GUEST_DIR)/$(basename $(notdir $(1))).elf: $(call objs,ppc64,$(1) $(HOST_GUEST_RUNTIME)) $(HOST_GUEST_LIBS) tests/host/guest/guest.ld
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [ppc64] $$@")
	$$(Q)$$(call PPC64_RAW_LINK,$$@,tests/host/guest/guest.ld,$(call objs,ppc64,$(1) $(HOST_GUEST_RUNTIME)) $(HOST_GUEST_LIBS))
$(call guest_image,$(1)): $(HOST_GUEST_DIR)/$(basename $(notdir $(1))).elf
	@$$(if $$(Q),echo "  BIN [ppc64] $$@")
	$$(Q)$$(OBJCOPY_ppc64) -O binary $$< $$@
ALL_TARGETS += $(call guest_image,$(1))
endef
$(foreach t,$(HOST_GUEST_TESTS),$(eval $(call HOST_GUEST_BODY,$(t))))

HOST_GUEST_IMAGES := $(foreach t,$(HOST_GUEST_TESTS),$(call guest_image,$(t)))

$(call CHECK_STEP,host-pseries,$(HOST_PSERIES_BIN) $(HOST_GUEST_IMAGES) $(BUILD)/native/bin/ppcpv-hostcfg,\
	tests/host/check.sh $(BUILD))
$(call CHECK_STEP,fast-same,$(HOST_PSERIES_BIN) $(HOST_GUEST_IMAGES) $(BUILD)/native/bin/ppcpv-hostcfg,\
	tests/host/fast-same.sh $(BUILD))
