# SPDX-License-Identifier: MIT
# The echo-loop benchmark (Documentation/benchmarks.rst): the reference
# kernel with a process layer in place of its checks, running
# `for i in 1..N; do /bin/echo hello > /dev/null; done` in user mode.
#   build/images/guest-bench.bin        N = BENCH_ITERATIONS (make bench)
#   build/images/guest-bench-check.bin  N = BENCH_CHECK_ITERATIONS (make check)
#   build/native/bin/bench-echo         the driver (bench/bench_echo.c)
#   make bench    native, no-pv and pv, each twice; bench/results.json
# N is fixed at build time: a native -bios image gets no arguments.

BENCH_ITERATIONS := 1000
BENCH_CHECK_ITERATIONS := 16

# The kernel the checks image has (module.mk), with the benchmark in place
# of its main and checks, per family: book3s64 (ppc64), book3s64le
# (ppc64le), book3s32 (ppc32), e500 and the 440 (objects under ppc32/e500
# and ppc32/440, linked with the ppc32 libraries).  The 32-bit kernels add
# the process layer to theirs (REF_PROC_SRCS; the 64-bit one has it).
BENCH_KERNEL_SRCS_ppc64 = $(REF_KERNEL_SRCS)
BENCH_KERNEL_SRCS_ppc64le = $(REF_KERNEL_SRCS)
BENCH_KERNEL_SRCS_ppc32 = $(REF32_KERNEL_SRCS) $(REF_PROC_SRCS)
BENCH_KERNEL_SRCS_ppc32/e500 = $(REFE500_KERNEL_SRCS) $(REF_PROC_SRCS)
BENCH_KERNEL_SRCS_ppc32/440 = $(REF_BOOKE_KERNEL_SRCS_440) $(REF_PROC_SRCS)
BENCH_KERNEL_OBJS = $(call objs,$(1),$(BENCH_KERNEL_SRCS_$(1)) guest-kernel/ref/bench.c)
BENCH_MAIN_OBJ = $(BUILD)/$(1)/guest-kernel/ref/bench_main-$(2).o

# bench_main.c once per object directory and iteration count:
# $(call BENCH_MAIN_RULE,object directory,compiler,flags)
define BENCH_MAIN_RULE
$(BUILD)/$(1)/guest-kernel/ref/bench_main-%.o: guest-kernel/ref/bench_main.c guest-kernel/bench.mk
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  CC [$(1)] $$< (N=$$*)")
	$$(Q)$(2) $(3) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) \
		-DBENCH_ITERATIONS=$$* -MMD -MP -c -o $$@ $$<
endef
$(foreach f,ppc64 ppc64le ppc32,$(eval $(call BENCH_MAIN_RULE,$(f),$$(CC_$(f)),$$(CFLAGS_$(f)))))
$(eval $(call BENCH_MAIN_RULE,ppc32/e500,$$(CC_ppc32),$$(REFE500_CFLAGS)))
$(eval $(call BENCH_MAIN_RULE,ppc32/440,$$(CC_ppc32),$$(REF_BOOKE_CFLAGS_440)))

# $(call BENCH_IMAGE,object directory,library flavour,name,iterations):
# $(BUILD)/images/name.elf and .bin
define BENCH_IMAGE_BODY
$(BUILD)/images/$(3).elf: $(call BENCH_KERNEL_OBJS,$(1)) $(call BENCH_MAIN_OBJ,$(1),$(4)) \
		$(call REF_LIBS_OF,$(2)) $(REF_LDS)
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [$(1)] $$@")
	$$(Q)$$(call PPC_RAW_LINK,$(2),$$@,$(REF_LDS),$(call BENCH_KERNEL_OBJS,$(1)) \
		$(call BENCH_MAIN_OBJ,$(1),$(4)) $(call REF_LIBS_OF,$(2)))

$(BUILD)/images/$(3).bin: $(BUILD)/images/$(3).elf
	$$(Q)$$(OBJCOPY_$(2)) -O binary $$< $$@

ALL_TARGETS += $(BUILD)/images/$(3).elf $(BUILD)/images/$(3).bin
endef
BENCH_IMAGE = $(eval $(call BENCH_IMAGE_BODY,$(1),$(2),$(3),$(4)))

$(call BENCH_IMAGE,ppc64,ppc64,guest-bench,$(BENCH_ITERATIONS))
$(call BENCH_IMAGE,ppc64,ppc64,guest-bench-check,$(BENCH_CHECK_ITERATIONS))
$(call BENCH_IMAGE,ppc64le,ppc64le,guest-bench64le,$(BENCH_ITERATIONS))
$(call BENCH_IMAGE,ppc64le,ppc64le,guest-bench64le-check,$(BENCH_CHECK_ITERATIONS))
$(call BENCH_IMAGE,ppc32,ppc32,guest-bench32,$(BENCH_ITERATIONS))
$(call BENCH_IMAGE,ppc32,ppc32,guest-bench32-check,$(BENCH_CHECK_ITERATIONS))
$(call BENCH_IMAGE,ppc32/e500,ppc32,guest-bench-e500,$(BENCH_ITERATIONS))
$(call BENCH_IMAGE,ppc32/e500,ppc32,guest-bench-e500-check,$(BENCH_CHECK_ITERATIONS))
$(call BENCH_IMAGE,ppc32/440,ppc32,guest-bench-440,$(BENCH_ITERATIONS))
$(call BENCH_IMAGE,ppc32/440,ppc32,guest-bench-440-check,$(BENCH_CHECK_ITERATIONS))

BENCH_ECHO := $(BUILD)/native/bin/bench-echo
$(call NATIVE_PROGRAM,bench-echo,$(addprefix bench/,bench_echo.c echo_boot.c echo_report.c echo_costs.c),,)
EXIT_COSTS := $(BUILD)/native/bin/exit-costs
$(call NATIVE_PROGRAM,exit-costs,bench/exit_costs.c,,-lelf)
BENCH_RUN_DEPS := $(BENCH_ECHO) $(BUILD)/native/bin/ppcpv-run $(HOST_PSERIES_BIN)

# Host instructions per exit by kind: each hosted mode booted once more,
# the small image under an instruction trace (bench/exit-trace.sh), into
# $(BENCH_COSTS)/<family>/<mode key>.txt for bench-echo --exit-costs.
# The trace reads the pseries host's ELF: the Book3S families only.
BENCH_COSTS := $(BUILD)/bench/exit-costs
# $(call BENCH_TRACE,family,check image,mode,mode key,host mmu)
BENCH_TRACE = mkdir -p $(BENCH_COSTS)/$(1) && bench/exit-trace.sh $(BUILD) $(HOST_PSERIES_ELF) \
	$(BUILD)/images/$(2) $(BENCH_CHECK_ITERATIONS) $(3) $(5) on $(BENCH_COSTS)/$(1)/$(4).txt --family $(1)
# $(call BENCH_BOOTS,family,image,host mmu,modes,json): bench-echo's boots
BENCH_BOOTS = $(BENCH_ECHO) --run $(BUILD)/native/bin/ppcpv-run --family $(1) \
	--guest $(BUILD)/images/$(2) --mmu $(3) --modes $(4) --json $(5)
# $(call BENCH_FAMILY,family,image,check image,json,host mmu,modes): traces,
# then the boots
BENCH_FAMILY = $(call BENCH_TRACE,$(1),$(3),no-pv,no_pv,$(5)) && \
	$(call BENCH_TRACE,$(1),$(3),pv,pv,$(5)) && \
	$(call BENCH_BOOTS,$(1),$(2),$(5),$(6),$(4)) --exit-costs $(BENCH_COSTS)/$(1)
BENCH_FAMILY_JSON = $(BUILD)/bench/results-$(1).json
# bench-echo --modes (a variable each: call splits its arguments at commas
# before expanding them)
BENCH_MODES_ALL := native,no-pv,pv
BENCH_MODES_HOSTED := no-pv,pv
BENCH_MODES_440 := native,no-pv

# The book3s64 (big-endian) results stay at the top level of results.json
# and are repeated under families.<name> beside the other families'.  The
# 32-bit families run hosted only (ppcpv-run --list-families' reasons), on
# the host's flat map (their kernels have no page tables); e500's host is
# not the pseries ELF the exit trace reads, so it has no exit costs.  The
# 440 runs natively too (bamboo loads the image's ELF), but not with PV:
# its hosts offer no magic page (ppcpv-run serves --pv as no-pv); its host
# is not the pseries ELF either, so no exit costs.
.PHONY: bench
bench: $(BENCH_RUN_DEPS) $(EXIT_COSTS) $(HOST_PSERIES_ELF) $(HOST_E500_ELF) $(HOST_B440_ELF) \
		$(addprefix $(BUILD)/images/,guest-bench.bin guest-bench-check.bin \
		guest-bench64le.bin guest-bench64le-check.bin guest-bench32.bin \
		guest-bench32-check.bin guest-bench-e500.bin guest-bench-440.bin guest-bench-440.elf)
	@echo "bench: book3s64le (bench/exit-trace.sh, then the boots)" >&2
	@$(call BENCH_FAMILY,book3s64le,guest-bench64le.bin,guest-bench64le-check.bin,\
		$(call BENCH_FAMILY_JSON,book3s64le),shadow,$(BENCH_MODES_ALL))
	@echo "bench: book3s32 (bench/exit-trace.sh, then the boots)" >&2
	@$(call BENCH_FAMILY,book3s32,guest-bench32.bin,guest-bench32-check.bin,\
		$(call BENCH_FAMILY_JSON,book3s32),flat,$(BENCH_MODES_HOSTED))
	@echo "bench: e500 (the boots; no exit trace)" >&2
	@$(call BENCH_BOOTS,e500,guest-bench-e500.bin,flat,$(BENCH_MODES_HOSTED),$(call BENCH_FAMILY_JSON,e500))
	@echo "bench: 440 (the boots, native and no-pv; no exit trace)" >&2
	@$(call BENCH_BOOTS,440,guest-bench-440.bin,flat,$(BENCH_MODES_440),$(call BENCH_FAMILY_JSON,440)) \
		--native-guest $(BUILD)/images/guest-bench-440.elf
	@echo "bench: book3s64 (bench/exit-trace.sh, then the boots)" >&2
	@$(call BENCH_FAMILY,book3s64,guest-bench.bin,guest-bench-check.bin,bench/results.json,\
		shadow,$(BENCH_MODES_ALL)) \
		$(foreach f,book3s64le book3s32 e500 440,--family-json $(f)=$(call BENCH_FAMILY_JSON,$(f)))

$(call CHECK_STEP,bench-echo,$(BENCH_RUN_DEPS) $(HOST_E500_ELF) $(HOST_B440_ELF) \
	$(addprefix $(BUILD)/images/,guest-bench-check.bin guest-bench64le-check.bin \
	guest-bench32-check.bin guest-bench-e500-check.bin guest-bench-440-check.bin \
	guest-bench-440-check.elf),\
	tests/bench/echo-loop.sh $(BUILD) $(BENCH_CHECK_ITERATIONS))

$(call CHECK_STEP,exit-costs,$(EXIT_COSTS) $(HOST_PSERIES_ELF),\
	tests/bench/exit-costs.sh $(BUILD) $(HOST_PSERIES_ELF))
