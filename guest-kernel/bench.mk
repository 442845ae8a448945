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
# of its main and checks.
BENCH_KERNEL_OBJS := $(REF_KERNEL_OBJS) $(call objs,ppc64,guest-kernel/ref/bench.c)
BENCH_MAIN_OBJ = $(BUILD)/ppc64/guest-kernel/ref/bench_main-$(1).o

# bench_main.c once per iteration count.
$(BUILD)/ppc64/guest-kernel/ref/bench_main-%.o: guest-kernel/ref/bench_main.c guest-kernel/bench.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC [ppc64] $< (N=$*)")
	$(Q)$(CC_ppc64) $(CFLAGS_ppc64) $(CPPFLAGS) $(addprefix -I,$(INCLUDES)) \
		-DBENCH_ITERATIONS=$* -MMD -MP -c -o $@ $<

# $(call BENCH_IMAGE,name,iterations): $(BUILD)/images/name.elf and .bin
define BENCH_IMAGE_BODY
$(BUILD)/images/$(1).elf: $(BENCH_KERNEL_OBJS) $(call BENCH_MAIN_OBJ,$(2)) $(REF_LIBS) $(REF_LDS)
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [ppc64] $$@")
	$$(Q)$$(call PPC64_RAW_LINK,$$@,$(REF_LDS),$(BENCH_KERNEL_OBJS) $(call BENCH_MAIN_OBJ,$(2)) $(REF_LIBS))

$(BUILD)/images/$(1).bin: $(BUILD)/images/$(1).elf
	$$(Q)$$(OBJCOPY_ppc64) -O binary $$< $$@

ALL_TARGETS += $(BUILD)/images/$(1).elf $(BUILD)/images/$(1).bin
endef
BENCH_IMAGE = $(eval $(call BENCH_IMAGE_BODY,$(1),$(2)))

$(call BENCH_IMAGE,guest-bench,$(BENCH_ITERATIONS))
$(call BENCH_IMAGE,guest-bench-check,$(BENCH_CHECK_ITERATIONS))

# The small image built little-endian (ppc64le; ppcpv-run --family
# book3s64le): what the fast exits' byte-reversed side costs, traced with
# bench/exit-trace.sh (Documentation/benchmarks.rst, "Little-endian guests").
BENCH_LE_OBJS := $(call objs,ppc64le,$(REF_KERNEL_SRCS) guest-kernel/ref/bench.c) \
	$(BUILD)/ppc64le/guest-kernel/ref/bench_main-$(BENCH_CHECK_ITERATIONS).o
$(BUILD)/ppc64le/guest-kernel/ref/bench_main-%.o: guest-kernel/ref/bench_main.c guest-kernel/bench.mk
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC [ppc64le] $< (N=$*)")
	$(Q)$(CC_ppc64le) $(CFLAGS_ppc64le) $(CPPFLAGS) $(addprefix -I,$(INCLUDES)) \
		-DBENCH_ITERATIONS=$* -MMD -MP -c -o $@ $<
$(BUILD)/images/guest-bench-check-le.elf: $(BENCH_LE_OBJS) $(call REF_LIBS_OF,ppc64le) $(REF_LDS)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc64le] $@")
	$(Q)$(call PPC_RAW_LINK,ppc64le,$@,$(REF_LDS),$(BENCH_LE_OBJS) $(call REF_LIBS_OF,ppc64le))
$(BUILD)/images/guest-bench-check-le.bin: $(BUILD)/images/guest-bench-check-le.elf
	$(Q)$(OBJCOPY_ppc64le) -O binary $< $@
ALL_TARGETS += $(BUILD)/images/guest-bench-check-le.elf $(BUILD)/images/guest-bench-check-le.bin

BENCH_ECHO := $(BUILD)/native/bin/bench-echo
$(call NATIVE_PROGRAM,bench-echo,$(addprefix bench/,bench_echo.c echo_boot.c echo_report.c echo_costs.c),,)
EXIT_COSTS := $(BUILD)/native/bin/exit-costs
$(call NATIVE_PROGRAM,exit-costs,bench/exit_costs.c,,-lelf)
BENCH_RUN_DEPS := $(BENCH_ECHO) $(BUILD)/native/bin/ppcpv-run $(HOST_PSERIES_BIN)

# Host instructions per exit by kind: each hosted mode booted once more,
# the small image under an instruction trace (bench/exit-trace.sh), into
# $(BENCH_COSTS)/<mode key>.txt for bench-echo --exit-costs.
BENCH_COSTS := $(BUILD)/bench/exit-costs
BENCH_TRACE = bench/exit-trace.sh $(BUILD) $(HOST_PSERIES_ELF) $(BUILD)/images/guest-bench-check.bin \
	$(BENCH_CHECK_ITERATIONS) $(1) shadow on $(BENCH_COSTS)/$(2).txt

.PHONY: bench
bench: $(BENCH_RUN_DEPS) $(EXIT_COSTS) $(HOST_PSERIES_ELF) $(BUILD)/images/guest-bench.bin \
		$(BUILD)/images/guest-bench-check.bin
	@mkdir -p $(BENCH_COSTS)
	@echo "bench: tracing the hosted modes' exits (bench/exit-trace.sh)" >&2
	@$(call BENCH_TRACE,no-pv,no_pv)
	@$(call BENCH_TRACE,pv,pv)
	@$(BENCH_ECHO) --run $(BUILD)/native/bin/ppcpv-run --guest $(BUILD)/images/guest-bench.bin \
		--exit-costs $(BENCH_COSTS) --json bench/results.json

$(call CHECK_STEP,bench-echo,$(BENCH_RUN_DEPS) $(BUILD)/images/guest-bench-check.bin,\
	tests/bench/echo-loop.sh $(BUILD) $(BENCH_CHECK_ITERATIONS))

$(call CHECK_STEP,exit-costs,$(EXIT_COSTS) $(HOST_PSERIES_ELF),\
	tests/bench/exit-costs.sh $(BUILD) $(HOST_PSERIES_ELF))
