# SPDX-License-Identifier: MIT
# tests/host/e500/: test guests for the e500 host stub (32-bit BookE raw
# binaries for the guest region) and the check step that boots each under
# qemu-system-ppc -M ppce500.

E500_GUEST_RUNTIME := tests/host/e500/head.S tests/host/e500/lib.c
E500_GUEST_TESTS := $(sort $(wildcard tests/host/e500/t_*.c))
E500_GUEST_LIBS := $(call libpath,ppcpv-fdt,ppc32) $(call libpath,ppcpv-fmt,ppc32) \
	$(call libpath,ppcpv-hcall,ppc32) $(call libpath,ppcpv-crt,ppc32)
E500_GUEST_DIR := $(BUILD)/ppc32/tests/host/e500

e500_guest_image = $(E500_GUEST_DIR)/$(basename $(notdir $(1))).bin

define E500_GUEST_BODY
$(E500_GUEST_DIR)/$(basename $(notdir $(1))).elf: $(call objs,ppc32,$(1) $(E500_GUEST_RUNTIME)) $(E500_GUEST_LIBS) tests/host/e500/guest.ld
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [ppc32] $$@")
	$$(Q)$$(call PPC_RAW_LINK,ppc32,$$@,tests/host/e500/guest.ld,$(call objs,ppc32,$(1) $(E500_GUEST_RUNTIME)) $(E500_GUEST_LIBS))
$(call e500_guest_image,$(1)): $(E500_GUEST_DIR)/$(basename $(notdir $(1))).elf
	@$$(if $$(Q),echo "  BIN [ppc32] $$@")
	$$(Q)$$(OBJCOPY_ppc32) -O binary $$< $$@
ALL_TARGETS += $(call e500_guest_image,$(1))
endef
$(foreach t,$(E500_GUEST_TESTS),$(eval $(call E500_GUEST_BODY,$(t))))
$(call objs,ppc32,$(E500_GUEST_TESTS) $(E500_GUEST_RUNTIME)): CFLAGS_ppc32 += -mcpu=8548

E500_GUEST_IMAGES := $(foreach t,$(E500_GUEST_TESTS),$(call e500_guest_image,$(t)))

$(call CHECK_STEP,host-e500,$(HOST_E500_ELF) $(E500_GUEST_IMAGES) $(BUILD)/native/bin/ppcpv-hostcfg,\
	tests/host/e500/check.sh $(BUILD))

# The reference guest kernel built for e500 (guest-kernel/module.mk) under
# the e500 host: no-pv and pv, its own TLB1, site counts against ppcpv-patch.
$(call CHECK_STEP,ref-e500,$(HOST_E500_ELF) $(GUEST_REFE500_BIN) $(BUILD)/native/bin/ppcpv-hostcfg \
	$(BUILD)/native/bin/ppcpv-patch,tests/host/e500/ref-guest.sh $(BUILD))

# The interrupt-placement sweep's host side on BookE (tests/host/e500/t_sweep.c
# under irq-sweep; the 440 host's build of it too, which shares the glue).
$(call CHECK_STEP,sweep-e500,$(HOST_E500_ELF) $(HOST_B440_ELF) $(call e500_guest_image,tests/host/e500/t_sweep.c) \
	$(BUILD)/ppc32/tests/host/b440/t_sweep.bin $(BUILD)/native/bin/ppcpv-hostcfg,\
	tests/host/e500/sweep.sh $(BUILD))
