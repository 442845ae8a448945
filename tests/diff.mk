# SPDX-License-Identifier: MIT
# tests/diff/: the differential test - PV changes nothing but speed
# (Documentation/differential.rst).
#
#   diff-gen, diff-compare    native: the seeded generator and the judge
#   t_diff.bin                the test guest (tests/host's runtime; e500:
#                             tests/host/e500's), per family
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

# The guest: the test-guest runtime, the PV component and what it links,
# built for ppc64 (book3s64; book3s32 too, entered with MSR[SF]=0), ppc64le
# (book3s64le) and ppc32 on the e500 runtime (e500: 32-bit BookE,
# -mcpu=8548, DIFF_RUNTIME_E500), and the sabotage builds.  The
# blob names the family.  Per flavour: DIFF_SRCS_<f> (the guest's sources
# and its runtime), DIFF_LDS_<f> (link script), DIFF_RTLIBS_<f>.
DIFF_GUEST_SRCS := tests/diff/guest/t_diff.c tests/diff/guest/sweep.c tests/diff/guest/enter.S
DIFF_SABOTAGE_SRCS := tests/diff/guest/sabotage_spr.c tests/diff/guest/sabotage_msr.c \
	tests/diff/guest/sabotage_critical.c
DIFF_HOST_GUEST_LIBS = $(foreach l,ppcpv-fdt ppcpv-fmt ppcpv-hcall ppcpv-papr ppcpv-crt,$(call libpath,$(l),$(1)))
DIFF_SRCS_ppc64 := $(DIFF_GUEST_SRCS) $(HOST_GUEST_RUNTIME)
DIFF_SRCS_ppc64le := $(DIFF_SRCS_ppc64)
DIFF_SRCS_ppc32 := $(DIFF_GUEST_SRCS) $(E500_GUEST_RUNTIME)
DIFF_LDS_ppc64 := tests/host/guest/guest.ld
DIFF_LDS_ppc64le := $(DIFF_LDS_ppc64)
DIFF_LDS_ppc32 := tests/host/e500/guest.ld
DIFF_RTLIBS_ppc64 := $(call DIFF_HOST_GUEST_LIBS,ppc64)
DIFF_RTLIBS_ppc64le := $(call DIFF_HOST_GUEST_LIBS,ppc64le)
DIFF_RTLIBS_ppc32 := $(E500_GUEST_LIBS)
$(call objs,ppc32,$(DIFF_GUEST_SRCS) $(DIFF_SABOTAGE_SRCS)): \
	CFLAGS_ppc32 += -mcpu=8548 -DDIFF_RUNTIME_E500

# $(call DIFF_GUEST,flavour,name,extra objects first in the link)
define DIFF_GUEST_BODY
$(BUILD)/$(1)/tests/diff/$(2).elf: $(3) $(call objs,$(1),$(DIFF_SRCS_$(1))) \
		$(foreach l,$(GUEST_PV_LINK_LIBS),$(call libpath,$(l),$(1))) $(DIFF_RTLIBS_$(1)) $(DIFF_LDS_$(1))
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [$(1)] $$@")
	$$(Q)$$(call PPC_RAW_LINK,$(1),$$@,$(DIFF_LDS_$(1)),$(3) $(call objs,$(1),$(DIFF_SRCS_$(1))) \
		$(foreach l,$(GUEST_PV_LINK_LIBS),$(call libpath,$(l),$(1))) $(DIFF_RTLIBS_$(1)))
$(BUILD)/$(1)/tests/diff/$(2).bin: $(BUILD)/$(1)/tests/diff/$(2).elf
	@$$(if $$(Q),echo "  BIN [$(1)] $$@")
	$$(Q)$$(OBJCOPY_$(1)) -O binary $$< $$@
ALL_TARGETS += $(BUILD)/$(1)/tests/diff/$(2).bin
endef
DIFF_GUEST = $(eval $(call DIFF_GUEST_BODY,$(1),$(2),$(3)))

# $(call DIFF_FAMILY_GUESTS,flavour,sabotages): the good image and the
# sabotage builds (spr msr critical: t_diff-sabotage-<name>, from
# guest/sabotage_<name>.c); DIFF_IMAGES_<flavour> names them.
define DIFF_FAMILY_GUESTS_BODY
# The msr and critical sabotages compile the generated template table in.
$(call objs,$(1),tests/diff/guest/sabotage_msr.c tests/diff/guest/sabotage_critical.c): $(EMUL_GEN_C)
$(call objs,$(1),tests/diff/guest/sabotage_msr.c tests/diff/guest/sabotage_critical.c): \
	CPPFLAGS += -I$(dir $(EMUL_GEN_C))
$$(call DIFF_GUEST,$(1),t_diff,)
$(foreach n,$(2),$$(call DIFF_GUEST,$(1),t_diff-sabotage-$(n),$(call objs,$(1),tests/diff/guest/sabotage_$(n).c)))
DIFF_IMAGES_$(1) := $(addprefix $(BUILD)/$(1)/tests/diff/,t_diff.bin $(foreach n,$(2),t_diff-sabotage-$(n).bin))
endef
DIFF_FAMILY_GUESTS = $(eval $(call DIFF_FAMILY_GUESTS_BODY,$(1),$(2)))
$(call DIFF_FAMILY_GUESTS,ppc64,spr msr critical)
$(call DIFF_FAMILY_GUESTS,ppc64le,spr msr critical)
$(call DIFF_FAMILY_GUESTS,ppc32,spr msr critical)

DIFF_TOOLS := $(DIFF_GEN) $(DIFF_COMPARE) $(BUILD)/native/bin/ppcpv-hostcfg
DIFF_PREREQS := $(DIFF_IMAGES_ppc64) $(DIFF_TOOLS) $(HOST_PSERIES_BIN)
DIFF_PREREQS_LE := $(DIFF_IMAGES_ppc64le) $(DIFF_TOOLS) $(HOST_PSERIES_BIN)
DIFF_PREREQS_E500 := $(DIFF_IMAGES_ppc32) $(DIFF_TOOLS) $(HOST_E500_ELF)

$(call CHECK_STEP,diff,$(DIFF_PREREQS),tests/diff/check.sh $(BUILD))
$(call CHECK_STEP,diff-sweep,$(DIFF_PREREQS),tests/diff/sweep.sh $(BUILD))
$(call CHECK_STEP,diff-book3s32,$(DIFF_PREREQS),tests/diff/check.sh $(BUILD) book3s32)
$(call CHECK_STEP,diff-book3s64le,$(DIFF_PREREQS_LE),tests/diff/check.sh $(BUILD) book3s64le)
$(call CHECK_STEP,diff-e500,$(DIFF_PREREQS_E500),tests/diff/check.sh $(BUILD) e500)
$(call CHECK_STEP,diff-sweep-book3s64le,$(DIFF_PREREQS_LE),tests/diff/sweep.sh $(BUILD) book3s64le)
$(call CHECK_STEP,diff-sweep-book3s32,$(DIFF_PREREQS),tests/diff/sweep.sh $(BUILD) book3s32)
$(call CHECK_STEP,diff-sweep-e500,$(DIFF_PREREQS_E500),tests/diff/sweep.sh $(BUILD) e500)
$(call CHECK_STEP,diff-tools,$(DIFF_GEN) $(DIFF_COMPARE),tests/diff/tools.sh $(BUILD))

# make soak SOAK_PROGRAMS=N [SOAK_FAMILY=F]: opt-in, N programs (default
# 100000) of family F (default book3s64).
SOAK_PROGRAMS ?= 100000
SOAK_FAMILY ?= book3s64
soak: all
	@DIFF_FAMILY=$(SOAK_FAMILY) tests/diff/soak.sh $(BUILD) $(SOAK_PROGRAMS)
.PHONY: soak
