# SPDX-License-Identifier: MIT
# tests/: the native CUnit runner and the check steps of `make check`.
# Modules add their native libraries to UNIT_LIBS and their link flags to
# UNIT_LDLIBS; every tests/unit/test_*.c is linked into one runner.

UNIT_LIBS += $(call libpath,ppcpv-abi,native)
UNIT_SRCS := tests/unit/main.c $(sort $(wildcard tests/unit/test_*.c))

$(call NATIVE_PROGRAM,unit-tests,$(UNIT_SRCS),$$(UNIT_LIBS),-lcunit $$(UNIT_LDLIBS))

$(call CHECK_STEP,unit,$(BUILD)/native/bin/unit-tests,$(BUILD)/native/bin/unit-tests)
