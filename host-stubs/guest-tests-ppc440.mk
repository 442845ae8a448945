# SPDX-License-Identifier: MIT
# (Named to be read after guest-tests-e500.mk, whose E500_GUEST_LIBS it uses.)
# tests/host/b440/: the e500 test guests built for the 440 (one-line
# wrappers of tests/host/e500's sources, compiled -mcpu=440) and the check
# step that boots each, and the 440 reference kernel, under the 440 host in
# qemu-system-ppc -M bamboo.

B440_GUEST_RUNTIME := tests/host/b440/head.S tests/host/b440/lib.c
B440_GUEST_TESTS := $(sort $(wildcard tests/host/b440/t_*.c))
B440_GUEST_DIR := $(BUILD)/ppc32/tests/host/b440

b440_guest_image = $(B440_GUEST_DIR)/$(basename $(notdir $(1))).bin

define B440_GUEST_BODY
$(B440_GUEST_DIR)/$(basename $(notdir $(1))).elf: $(call objs,ppc32,$(1) $(B440_GUEST_RUNTIME)) $(E500_GUEST_LIBS) tests/host/e500/guest.ld
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [ppc32] $$@")
	$$(Q)$$(call PPC_RAW_LINK,ppc32,$$@,tests/host/e500/guest.ld,$(call objs,ppc32,$(1) $(B440_GUEST_RUNTIME)) $(E500_GUEST_LIBS))
$(call b440_guest_image,$(1)): $(B440_GUEST_DIR)/$(basename $(notdir $(1))).elf
	@$$(if $$(Q),echo "  BIN [ppc32] $$@")
	$$(Q)$$(OBJCOPY_ppc32) -O binary $$< $$@
ALL_TARGETS += $(call b440_guest_image,$(1))
endef
$(foreach t,$(B440_GUEST_TESTS),$(eval $(call B440_GUEST_BODY,$(t))))
$(call objs,ppc32,$(B440_GUEST_TESTS) $(B440_GUEST_RUNTIME)): CFLAGS_ppc32 += -mcpu=440

B440_GUEST_IMAGES := $(foreach t,$(B440_GUEST_TESTS),$(call b440_guest_image,$(t)))

$(call CHECK_STEP,host-b440,$(HOST_B440_ELF) $(B440_GUEST_IMAGES) $(GUEST_REF440_BIN) \
	$(BUILD)/native/bin/ppcpv-hostcfg,\
	tests/host/b440/check.sh $(BUILD))
