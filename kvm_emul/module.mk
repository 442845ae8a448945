# SPDX-License-Identifier: MIT
# kvm_emul/: the trampoline templates in PowerPC assembly, turned into C
# tables at build time (see kvm_emul/README.md).
#
#   kvm_emul.S      -> $(BUILD)/<ppc flavour>/kvm_emul/kvm_emul.o
#                      (inputs of the generator only, never linked)
#   gen/emul-gen.c  -> $(BUILD)/native/bin/emul-gen (libelf)
#   emul-gen        -> $(BUILD)/gen/kvm_emul/templates.c
#   templates.c     -> libppcpv-emul.a for every flavour (ppcpv/emul.h)

# Added only once: patcher/module.mk may name them too.
INCLUDES += $(filter-out $(INCLUDES),kvm_emul/include)
INSTALL_HEADERS += $(filter-out $(INSTALL_HEADERS),kvm_emul/include/ppcpv/emul.h)

EMUL_ASM_OBJS := $(foreach f,$(PPC_FLAVOURS),$(call objs,$(f),kvm_emul/kvm_emul.S))
EMUL_GEN := $(BUILD)/native/bin/emul-gen
EMUL_GEN_C := $(BUILD)/gen/kvm_emul/templates.c
# The generated source as LIBRARY sees it: objs() puts it at
# $(BUILD)/<flavour>/gen/kvm_emul/templates.o, built by the rules below.
EMUL_LIB_SRC := gen/kvm_emul/templates.c

$(call NATIVE_PROGRAM,emul-gen,kvm_emul/gen/emul-gen.c,,-lelf)

# The argument order (ppc32, ppc64, ppc64le) is what emul-gen expects.
$(EMUL_GEN_C): $(EMUL_GEN) $(EMUL_ASM_OBJS)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  GEN $@")
	$(Q)$(EMUL_GEN) $@ $(EMUL_ASM_OBJS)
ALL_TARGETS += $(EMUL_GEN_C)

# The pattern rules of mk/build.mk only see sources in the tree, so the
# generated one gets an explicit compile rule per flavour.
define EMUL_GEN_COMPILE
$(call objs,$(1),$(EMUL_LIB_SRC)): $(EMUL_GEN_C)
	@mkdir -p $$(@D)
	@$(if $(Q),echo "  CC [$(1)] $$<")
	$(Q)$$(CC_$(1)) $$(CFLAGS_$(1)) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) -MMD -MP -c -o $$@ $$<
endef
$(foreach f,$(FLAVOURS),$(eval $(call EMUL_GEN_COMPILE,$(f))))

$(call LIBRARY,ppcpv-emul,$(EMUL_LIB_SRC),$(FLAVOURS))

# test_emul.c decodes every template word with libopcodes.
UNIT_LIBS += $(call libpath,ppcpv-emul,native) $(call libpath,ppcpv-disasm,native)
UNIT_LDLIBS += $(DISASM_LDLIBS)

# The listing oracle: libopcodes' view of the tables, and GNU binutils' view
# of the objects, against listings written by hand (tests/emul/).
$(call NATIVE_PROGRAM,emul-listing,tests/emul/emul-listing.c,\
	$(call libpath,ppcpv-emul,native) $(call libpath,ppcpv-disasm,native),$(DISASM_LDLIBS))
$(call CHECK_STEP,emul-listing,$(BUILD)/native/bin/emul-listing $(EMUL_ASM_OBJS),\
	tests/emul/listing.sh $(BUILD))
# emul-gen must stop the build on every defect it is meant to catch.
$(call CHECK_STEP,emul-gen-sabotage,$(EMUL_GEN) $(EMUL_GEN_C),tests/emul/gen-sabotage.sh $(BUILD))
