# SPDX-License-Identifier: MIT
# tests/host/: test guests for the pseries host stub (raw ppc64 BE binaries
# for the guest region) and the check step that boots each under QEMU.

HOST_GUEST_RUNTIME := tests/host/guest/head.S tests/host/guest/trap.S tests/host/guest/lib.c
HOST_GUEST_TESTS := $(sort $(wildcard tests/host/t_*.c))
HOST_GUEST_LIBS_OF = $(foreach l,ppcpv-fdt ppcpv-fmt ppcpv-hcall ppcpv-papr ppcpv-crt,$(call libpath,$(l),$(1)))
HOST_GUEST_LIBS := $(call HOST_GUEST_LIBS_OF,ppc64)
HOST_GUEST_DIR := $(BUILD)/ppc64/tests/host

# guest_image(test source[, flavour]): the raw binary it becomes
guest_image = $(BUILD)/$(or $(2),ppc64)/tests/host/$(basename $(notdir $(1))).bin

# $(call HOST_GUEST_BODY,test source,flavour)
define HOST_GUEST_BODY
$(BUILD)/$(2)/tests/host/$(basename $(notdir $(1))).elf: $(call objs,$(2),$(1) $(HOST_GUEST_RUNTIME)) $(call HOST_GUEST_LIBS_OF,$(2)) tests/host/guest/guest.ld
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [$(2)] $$@")
	$$(Q)$$(call PPC_RAW_LINK,$(2),$$@,tests/host/guest/guest.ld,$(call objs,$(2),$(1) $(HOST_GUEST_RUNTIME)) $(call HOST_GUEST_LIBS_OF,$(2)))
$(call guest_image,$(1),$(2)): $(BUILD)/$(2)/tests/host/$(basename $(notdir $(1))).elf
	@$$(if $$(Q),echo "  BIN [$(2)] $$@")
	$$(Q)$$(OBJCOPY_$(2)) -O binary $$< $$@
ALL_TARGETS += $(call guest_image,$(1),$(2))
endef
$(foreach t,$(HOST_GUEST_TESTS),$(eval $(call HOST_GUEST_BODY,$(t),ppc64)))

# The same runtime built little-endian (ppc64le) for the guests whose exits
# the fast path serves in either byte order (step fast-same): entered with
# guest-msr LE, interrupts little-endian, the magic page little-endian.
LE_GUEST_TESTS := tests/host/t_fast.c tests/host/t_cost.c
$(foreach t,$(LE_GUEST_TESTS),$(eval $(call HOST_GUEST_BODY,$(t),ppc64le)))
LE_GUEST_IMAGES := $(foreach t,$(LE_GUEST_TESTS),$(call guest_image,$(t),ppc64le))

HOST_GUEST_IMAGES := $(foreach t,$(HOST_GUEST_TESTS),$(call guest_image,$(t)))

$(call CHECK_STEP,host-pseries,$(HOST_PSERIES_BIN) $(HOST_GUEST_IMAGES) $(BUILD)/native/bin/ppcpv-hostcfg,\
	tests/host/check.sh $(BUILD))
$(call CHECK_STEP,fast-same,$(HOST_PSERIES_BIN) $(HOST_PSERIES_SABOTAGE_BIN) $(HOST_GUEST_IMAGES) $(LE_GUEST_IMAGES) \
	$(BUILD)/native/bin/ppcpv-hostcfg $(BUILD)/native/bin/ppcpv-run,\
	tests/host/fast-same.sh $(BUILD))
