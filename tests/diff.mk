# SPDX-License-Identifier: MIT
# tests/diff/: the differential test - PV changes nothing but speed
# (Documentation/differential.rst).
#
#   diff-gen, diff-compare    native: the seeded generator and the judge
#   t_diff.bin                the test guest (tests/host's runtime), and two
#                             builds of it that are wrong on purpose:
#   t_diff-sabotage-spr.bin   the rule table with SRR0's field pointing at SRR1's
#   t_diff-sabotage-msr.bin   the mtmsr trampoline taking ME for a safe bit
#   make soak SOAK_PROGRAMS=N N programs in every mode, one JSON line

DIFF_LIB_SRCS := tests/diff/gen.c tests/diff/blob.c tests/diff/listing.c
$(call LIBRARY,ppcpv-diff,$(DIFF_LIB_SRCS),native)
DIFF_LIBS := $(call libpath,ppcpv-diff,native) $(call libpath,ppcpv-disasm,native)
$(call NATIVE_PROGRAM,diff-gen,tests/diff/diff-gen.c,$(DIFF_LIBS),$(DISASM_LDLIBS))
$(call NATIVE_PROGRAM,diff-compare,tests/diff/diff-compare.c,$(DIFF_LIBS),$(DISASM_LDLIBS))
DIFF_GEN := $(BUILD)/native/bin/diff-gen
DIFF_COMPARE := $(BUILD)/native/bin/diff-compare

# The generator's own tests run in the unit-test runner (test_diff_gen.c).
UNIT_LIBS += $(call libpath,ppcpv-diff,native)
$(BUILD)/native/bin/unit-tests: $(call libpath,ppcpv-diff,native)

# The guest: the test-guest runtime, the PV component and what it links.
DIFF_GUEST_DIR := $(BUILD)/ppc64/tests/diff
DIFF_GUEST_OBJS := $(call objs,ppc64,tests/diff/guest/t_diff.c tests/diff/guest/sweep.c tests/diff/guest/enter.S \
	$(HOST_GUEST_RUNTIME))
DIFF_GUEST_LIBS := $(foreach l,$(GUEST_PV_LINK_LIBS),$(call libpath,$(l),ppc64)) $(HOST_GUEST_LIBS)

# The msr and critical sabotages compile the generated template table in.
DIFF_TEMPLATE_SABOTAGES := $(call objs,ppc64,tests/diff/guest/sabotage_msr.c tests/diff/guest/sabotage_critical.c)
$(DIFF_TEMPLATE_SABOTAGES): $(EMUL_GEN_C)
$(DIFF_TEMPLATE_SABOTAGES): CPPFLAGS += -I$(dir $(EMUL_GEN_C))

# $(call DIFF_GUEST,name,extra objects first in the link)
define DIFF_GUEST_BODY
$(DIFF_GUEST_DIR)/$(1).elf: $(2) $(DIFF_GUEST_OBJS) $(DIFF_GUEST_LIBS) tests/host/guest/guest.ld
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [ppc64] $$@")
	$$(Q)$$(call PPC64_RAW_LINK,$$@,tests/host/guest/guest.ld,$(2) $(DIFF_GUEST_OBJS) $(DIFF_GUEST_LIBS))
$(DIFF_GUEST_DIR)/$(1).bin: $(DIFF_GUEST_DIR)/$(1).elf
	@$$(if $$(Q),echo "  BIN [ppc64] $$@")
	$$(Q)$$(OBJCOPY_ppc64) -O binary $$< $$@
ALL_TARGETS += $(DIFF_GUEST_DIR)/$(1).bin
endef
DIFF_GUEST = $(eval $(call DIFF_GUEST_BODY,$(1),$(2)))
$(call DIFF_GUEST,t_diff,)
$(call DIFF_GUEST,t_diff-sabotage-spr,$(call objs,ppc64,tests/diff/guest/sabotage_spr.c))
$(call DIFF_GUEST,t_diff-sabotage-msr,$(call objs,ppc64,tests/diff/guest/sabotage_msr.c))
$(call DIFF_GUEST,t_diff-sabotage-critical,$(call objs,ppc64,tests/diff/guest/sabotage_critical.c))

DIFF_IMAGES := $(addprefix $(DIFF_GUEST_DIR)/,t_diff.bin t_diff-sabotage-spr.bin t_diff-sabotage-msr.bin \
	t_diff-sabotage-critical.bin)
DIFF_PREREQS := $(DIFF_IMAGES) $(DIFF_GEN) $(DIFF_COMPARE) $(HOST_PSERIES_BIN) \
	$(BUILD)/native/bin/ppcpv-hostcfg

$(call CHECK_STEP,diff,$(DIFF_PREREQS),tests/diff/check.sh $(BUILD))
$(call CHECK_STEP,diff-sweep,$(DIFF_PREREQS),tests/diff/sweep.sh $(BUILD))
$(call CHECK_STEP,diff-tools,$(DIFF_GEN) $(DIFF_COMPARE),tests/diff/tools.sh $(BUILD))

# make soak SOAK_PROGRAMS=N: opt-in, N programs (default 100000).
SOAK_PROGRAMS ?= 100000
soak: all
	@tests/diff/soak.sh $(BUILD) $(SOAK_PROGRAMS)
.PHONY: soak
