# SPDX-License-Identifier: MIT
# tests/diff/: the differential test - PV changes nothing but speed
# (Documentation/differential.rst).
#
#   diff-gen, diff-compare    native: the seeded generator and the judge
#   t_diff.bin                the test guest (tests/host's runtime), per family
#                             (build/<flavour>/tests/diff/), and builds of it
#                             that are wrong on purpose:
#   t_diff-sabotage-spr.bin   the rule table with SRR0's field pointing at SRR1's
#   t_diff-sabotage-msr.bin   the mtmsr trampoline taking ME for a safe bit
#   t_diff-sabotage-critical.bin  trampolines leaving the critical section early
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

# The guest, one per byte order: the test-guest runtime, the PV component
# and what it links, built for ppc64 (book3s64; book3s32 too, entered with
# MSR[SF]=0) and ppc64le (book3s64le), and the sabotage builds.  The blob
# names the family.
DIFF_GUEST_SRCS := tests/diff/guest/t_diff.c tests/diff/guest/sweep.c tests/diff/guest/enter.S
DIFF_SABOTAGE_SRCS := tests/diff/guest/sabotage_spr.c tests/diff/guest/sabotage_msr.c \
	tests/diff/guest/sabotage_critical.c
DIFF_HOST_GUEST_LIBS = $(foreach l,ppcpv-fdt ppcpv-fmt ppcpv-hcall ppcpv-papr ppcpv-crt,$(call libpath,$(l),$(1)))

# $(call DIFF_GUEST,flavour,name,extra objects first in the link)
define DIFF_GUEST_BODY
$(BUILD)/$(1)/tests/diff/$(2).elf: $(3) $(call objs,$(1),$(DIFF_GUEST_SRCS) $(HOST_GUEST_RUNTIME)) \
		$(foreach l,$(GUEST_PV_LINK_LIBS),$(call libpath,$(l),$(1))) $(call DIFF_HOST_GUEST_LIBS,$(1)) \
		tests/host/guest/guest.ld
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [$(1)] $$@")
	$$(Q)$$(call PPC_RAW_LINK,$(1),$$@,tests/host/guest/guest.ld,$(3) \
		$(call objs,$(1),$(DIFF_GUEST_SRCS) $(HOST_GUEST_RUNTIME)) \
		$(foreach l,$(GUEST_PV_LINK_LIBS),$(call libpath,$(l),$(1))) $(call DIFF_HOST_GUEST_LIBS,$(1)))
$(BUILD)/$(1)/tests/diff/$(2).bin: $(BUILD)/$(1)/tests/diff/$(2).elf
	@$$(if $$(Q),echo "  BIN [$(1)] $$@")
	$$(Q)$$(OBJCOPY_$(1)) -O binary $$< $$@
ALL_TARGETS += $(BUILD)/$(1)/tests/diff/$(2).bin
endef
DIFF_GUEST = $(eval $(call DIFF_GUEST_BODY,$(1),$(2),$(3)))

# $(call DIFF_FAMILY_GUESTS,flavour): the good image and the three
# sabotage builds; DIFF_IMAGES_<flavour> names them.
define DIFF_FAMILY_GUESTS_BODY
# The msr and critical sabotages compile the generated template table in.
$(call objs,$(1),tests/diff/guest/sabotage_msr.c tests/diff/guest/sabotage_critical.c): $(EMUL_GEN_C)
$(call objs,$(1),tests/diff/guest/sabotage_msr.c tests/diff/guest/sabotage_critical.c): \
	CPPFLAGS += -I$(dir $(EMUL_GEN_C))
$$(call DIFF_GUEST,$(1),t_diff,)
$$(call DIFF_GUEST,$(1),t_diff-sabotage-spr,$(call objs,$(1),tests/diff/guest/sabotage_spr.c))
$$(call DIFF_GUEST,$(1),t_diff-sabotage-msr,$(call objs,$(1),tests/diff/guest/sabotage_msr.c))
$$(call DIFF_GUEST,$(1),t_diff-sabotage-critical,$(call objs,$(1),tests/diff/guest/sabotage_critical.c))
DIFF_IMAGES_$(1) := $(addprefix $(BUILD)/$(1)/tests/diff/,t_diff.bin t_diff-sabotage-spr.bin \
	t_diff-sabotage-msr.bin t_diff-sabotage-critical.bin)
endef
DIFF_FAMILY_GUESTS = $(eval $(call DIFF_FAMILY_GUESTS_BODY,$(1)))
$(call DIFF_FAMILY_GUESTS,ppc64)
$(call DIFF_FAMILY_GUESTS,ppc64le)

DIFF_TOOLS := $(DIFF_GEN) $(DIFF_COMPARE) $(BUILD)/native/bin/ppcpv-hostcfg
DIFF_PREREQS := $(DIFF_IMAGES_ppc64) $(DIFF_TOOLS) $(HOST_PSERIES_BIN)
DIFF_PREREQS_LE := $(DIFF_IMAGES_ppc64le) $(DIFF_TOOLS) $(HOST_PSERIES_BIN)

$(call CHECK_STEP,diff,$(DIFF_PREREQS),tests/diff/check.sh $(BUILD))
$(call CHECK_STEP,diff-sweep,$(DIFF_PREREQS),tests/diff/sweep.sh $(BUILD))
$(call CHECK_STEP,diff-book3s32,$(DIFF_PREREQS),tests/diff/check.sh $(BUILD) book3s32)
$(call CHECK_STEP,diff-book3s64le,$(DIFF_PREREQS_LE),tests/diff/check.sh $(BUILD) book3s64le)
$(call CHECK_STEP,diff-sweep-book3s64le,$(DIFF_PREREQS_LE),tests/diff/sweep.sh $(BUILD) book3s64le)
$(call CHECK_STEP,diff-sweep-book3s32,$(DIFF_PREREQS),tests/diff/sweep.sh $(BUILD) book3s32)
$(call CHECK_STEP,diff-tools,$(DIFF_GEN) $(DIFF_COMPARE),tests/diff/tools.sh $(BUILD))

# make soak SOAK_PROGRAMS=N [SOAK_FAMILY=F]: opt-in, N programs (default
# 100000) of family F (default book3s64).
SOAK_PROGRAMS ?= 100000
SOAK_FAMILY ?= book3s64
soak: all
	@DIFF_FAMILY=$(SOAK_FAMILY) tests/diff/soak.sh $(BUILD) $(SOAK_PROGRAMS)
.PHONY: soak
