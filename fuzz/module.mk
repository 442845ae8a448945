# SPDX-License-Identifier: MIT
# fuzz/: libFuzzer targets (fuzz/README.md), each a harness with libFuzzer's
# entry point LLVMFuzzerTestOneInput():
#   patch    ppcpv-patch on an ELF file: reader, plan, scan, --apply, --unpatch
#   fdt      the FDT reader (lib/fdt/), libfdt as the oracle
#   hostcfg  the host-config parser (host-stubs/core/hostcfg.c)
#
#   make fuzz [FUZZ_SECONDS=N]   build them with clang (flavour `fuzz`:
#                                $(BUILD)/fuzz/), run each N seconds
# `make check` builds the same harnesses with the ordinary compiler and a
# small main() (fuzz/replay.c: $(BUILD)/native/bin/fuzz-replay-<target>) and
# replays the seeds and fuzz/regressions/<target>/ through them.
# Must come after patcher/, kvm_emul/, hcall-abi/, lib/ and host-stubs/.

FUZZ_TARGETS := patch fdt hostcfg
FUZZ_SECONDS ?= 10

FUZZ_SRCS_patch := fuzz/fuzz_patch.c fuzz/patch_main.c \
	$(filter-out patcher/tool/ppcpv-patch.c,$(PATCH_TOOL_SRCS)) $(PATCHER_SRCS) \
	$(EMUL_LIB_SRC) $(ABI_SRCS) lib/host/ppc_disasm.c
FUZZ_LDLIBS_patch := -lelf $(DISASM_LDLIBS)
FUZZ_SRCS_fdt := fuzz/fuzz_fdt.c $(FDT_SRCS)
FUZZ_LDLIBS_fdt := -lfdt
FUZZ_SRCS_hostcfg := fuzz/fuzz_hostcfg.c host-stubs/core/hostcfg.c $(FDT_SRCS)
FUZZ_LDLIBS_hostcfg :=
FUZZ_COMMON_SRCS := fuzz/fuzz_fail.c

# The seeds, made at build time (fuzz/make-seeds.sh) from the tree.
FUZZ_SEEDS := $(BUILD)/fuzz/seeds
FUZZ_SEEDS_STAMP := $(FUZZ_SEEDS)/.made
$(FUZZ_SEEDS_STAMP): fuzz/make-seeds.sh $(wildcard fuzz/corpus/*/*.dts) $(wildcard tests/tool/*.S) \
		tests/tool/image.lds $(PATCH_TOOL) $(BUILD)/native/bin/ppcpv-hostcfg
	@$(if $(Q),echo "  SEEDS $(FUZZ_SEEDS)")
	$(Q)fuzz/make-seeds.sh $(BUILD) $(FUZZ_SEEDS) && touch $@

# The replay programs (ordinary compiler; sanitized with SANITIZE=1).
$(foreach t,$(FUZZ_TARGETS),$(call NATIVE_PROGRAM,fuzz-replay-$(t),\
	fuzz/replay.c $(FUZZ_COMMON_SRCS) $(FUZZ_SRCS_$(t)),,$(FUZZ_LDLIBS_$(t))))
FUZZ_REPLAYS := $(foreach t,$(FUZZ_TARGETS),$(BUILD)/native/bin/fuzz-replay-$(t))
$(call CHECK_STEP,fuzz-replay,$(FUZZ_REPLAYS) $(FUZZ_SEEDS_STAMP),\
	fuzz/replay.sh $(BUILD) $(FUZZ_TARGETS))

# The fuzz flavour: clang, libFuzzer's coverage, ASan and UBSan.
CC_fuzz := clang
CFLAGS_fuzz := -std=gnu11 $(OPT) $(WARN) $(SANITIZE_FLAGS) -fsanitize=fuzzer-no-link
$(eval $(call FLAVOUR_RULES,fuzz))
$(eval $(call EMUL_GEN_COMPILE,fuzz))

define FUZZER_BODY
$(BUILD)/fuzz/bin/fuzz-$(1): $(call objs,fuzz,$(FUZZ_COMMON_SRCS) $(FUZZ_SRCS_$(1)))
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [fuzz] $$@")
	$$(Q)$$(CC_fuzz) $$(CFLAGS_fuzz) -fsanitize=fuzzer -o $$@ $$^ $(FUZZ_LDLIBS_$(1))
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call FUZZER_BODY,$(t))))
FUZZERS := $(foreach t,$(FUZZ_TARGETS),$(BUILD)/fuzz/bin/fuzz-$(t))

# Like check: install what is missing (clang), then build in a fresh make.
.PHONY: fuzz fuzz-build
fuzz: deps
	@$(MAKE) --no-print-directory fuzz-build
	@fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-build: $(FUZZERS) $(FUZZ_SEEDS_STAMP)
