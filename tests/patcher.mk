# SPDX-License-Identifier: MIT
# Tests of the patcher (tests/unit/test_patcher*.c, tests/unit/test_insn.c)
# and its GNU as oracle (tests/patcher/).
#
# tests/patcher/model.c is the tests' own expectation model and run.c a
# multi-site patch run; both are linked into the unit-test runner and into
# patcher-as-cases, which prints every case of the model as
# "<bytes> <intended text>" for as-oracle.sh.

PATCHER_MODEL_LIB := $(call libpath,ppcpv-patcher-model,native)
$(call LIBRARY,ppcpv-patcher-model,tests/patcher/model.c tests/patcher/run.c,native)

# libopcodes decodes every rewritten word in the unit tests.  kvm_emul may
# have added the wrapper already (:= so that the filter sees the list now).
PATCHER_TEST_DISASM_LIB := $(filter-out $(UNIT_LIBS),$(call libpath,ppcpv-disasm,native))
PATCHER_TEST_DISASM_LDLIBS := $(filter-out $(UNIT_LDLIBS),$(DISASM_LDLIBS))
UNIT_LIBS += $(PATCHER_MODEL_LIB) $(PATCHER_TEST_DISASM_LIB)
UNIT_LDLIBS += $(PATCHER_TEST_DISASM_LDLIBS)
# tests/module.mk fixed the runner's prerequisites before this file was
# read; the link command itself sees the libraries added here.
$(BUILD)/native/bin/unit-tests: $(PATCHER_MODEL_LIB) $(call libpath,ppcpv-disasm,native)

PATCHER_AS_LIBS := $(PATCHER_MODEL_LIB) $(call libpath,ppcpv-patcher,native) \
	$(call libpath,ppcpv-emul,native) $(call libpath,ppcpv-disasm,native) \
	$(call libpath,ppcpv-abi,native)
$(call NATIVE_PROGRAM,patcher-as-cases,tests/patcher/as-cases.c,$(PATCHER_AS_LIBS),$(DISASM_LDLIBS))

$(call CHECK_STEP,patcher-as,$(BUILD)/native/bin/patcher-as-cases,\
	tests/patcher/as-oracle.sh $(BUILD))
