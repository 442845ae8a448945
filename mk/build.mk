# SPDX-License-Identifier: MIT
#
# Generic, non-recursive build machinery.  Every source is compiled once per
# *flavour* into $(BUILD)/<flavour>/<same path>.o:
#   native  - the x86-64 host: tools, launcher, unit tests (hosted C)
#   ppc32   - 32-bit big-endian PowerPC, freestanding
#   ppc64   - 64-bit big-endian PowerPC (ELFv2), freestanding
#   ppc64le - 64-bit little-endian PowerPC (ELFv2), freestanding
# Modules (<dir>/module.mk) describe what they build with the macros below and
# append to ALL_TARGETS, CHECK_STEPS, INSTALL_BINS and friends.

PPC_FLAVOURS := ppc32 ppc64 ppc64le
FLAVOURS := native $(PPC_FLAVOURS)

TRIPLET_ppc32   := powerpc-linux-gnu
TRIPLET_ppc64   := powerpc64-linux-gnu
TRIPLET_ppc64le := powerpc64le-linux-gnu

CC_native := $(CC)
AR_native := $(AR)
$(foreach f,$(PPC_FLAVOURS),$(eval CC_$(f) := $(TRIPLET_$(f))-gcc))
$(foreach f,$(PPC_FLAVOURS),$(eval AR_$(f) := $(TRIPLET_$(f))-ar))
$(foreach f,$(PPC_FLAVOURS),$(eval OBJCOPY_$(f) := $(TRIPLET_$(f))-objcopy))

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
OPT ?= -O2 -g
CFLAGS_native := -std=gnu11 $(OPT) $(WARN) -fPIC
LDLIBS_native :=

# SANITIZE=1: the native flavour under AddressSanitizer (leak detection on)
# and UndefinedBehaviorSanitizer, every report fatal.  The PowerPC flavours
# are freestanding and keep their flags.  `make check` runs its steps under
# SANITIZER_RUN: every report goes to a file in SANITIZER_LOGS as well as
# failing its program, and the last step (tests/sanitizer-reports.sh) prints
# them, so that a report from a program whose failure a test expected (or
# whose stderr it hid) still fails the check.
# The fuzz targets (fuzz/module.mk) use the same SANITIZE_FLAGS.
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SANITIZER_RUN :=
ifeq ($(SANITIZE),1)
CFLAGS_native += $(SANITIZE_FLAGS)
SANITIZER_LOGS = $(abspath $(BUILD))/check/sanitizer
SANITIZER_RUN = mkdir -p $(SANITIZER_LOGS) && \
	ASAN_OPTIONS=detect_leaks=1:log_path=$(SANITIZER_LOGS)/asan \
	UBSAN_OPTIONS=print_stacktrace=1:log_path=$(SANITIZER_LOGS)/ubsan
endif

# The cross compiler's own header directory, asked of the compiler the first
# time a recipe needs it and then remembered.  Asking when make parses would
# freeze an empty answer on a machine whose cross compilers `make deps` is
# about to install in the same run.  An empty answer stops the build.
define TOOLCHAIN_INCLUDE_PROBE
TOOLCHAIN_INCLUDE_$(1) = $$(eval TOOLCHAIN_INCLUDE_$(1) := $$(call probe_cc_include,$(1)))$$(TOOLCHAIN_INCLUDE_$(1))
endef
probe_cc_include = $(or $(filter /%,$(shell $(CC_$(1)) -print-file-name=include 2>/dev/null)),\
	$(error $(CC_$(1)) is missing or gives no include directory: run 'make deps' (installs the cross compilers)))
$(foreach f,$(PPC_FLAVOURS),$(eval $(call TOOLCHAIN_INCLUDE_PROBE,$(f))))

# Freestanding PowerPC: only the compiler's own headers and the cross uapi
# headers are visible (never the build machine's /usr/include).  The flags
# are recursive variables so that the probe runs only when a recipe uses them.
define FREESTANDING_FLAGS
-std=gnu11 $(OPT) $(WARN) -ffreestanding -fno-builtin -nostdinc \
	-isystem $(TOOLCHAIN_INCLUDE_$(1)) \
	-isystem /usr/$(TRIPLET_$(1))/include \
	-fno-pic -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables \
	-mno-altivec -mno-vsx -Wa,-mregnames -Wa,-many
endef
# The flags that fix a flavour's object ABI (word size, byte order, calling
# convention, float ABI): code linked with the installed guest libraries
# must use them too, so the pkg-config files hand them out (mk/install.mk).
CFLAGS_ABI_ppc32   := -m32 -msoft-float
CFLAGS_ABI_ppc64   := -m64 -mbig-endian -mabi=elfv2 -msoft-float
CFLAGS_ABI_ppc64le := -m64 -mlittle-endian -mabi=elfv2 -msoft-float
CFLAGS_ppc32   = $(call FREESTANDING_FLAGS,ppc32) $(CFLAGS_ABI_ppc32) -mcpu=powerpc -msdata=none -G 0
CFLAGS_ppc64   = $(call FREESTANDING_FLAGS,ppc64) $(CFLAGS_ABI_ppc64) -mcpu=power8 -mcmodel=medium
CFLAGS_ppc64le = $(call FREESTANDING_FLAGS,ppc64le) $(CFLAGS_ABI_ppc64le) -mcpu=power8 -mcmodel=medium

# Include directories shared by every flavour; modules append.
INCLUDES :=

ALL_TARGETS :=
CHECK_STEPS :=
INSTALL_BINS :=
INSTALL_HEADERS :=
INSTALL_MAN1 :=
INSTALL_DATA :=
CLEAN_EXTRA :=

ifeq ($(V),1)
Q :=
else
Q := @
endif

define FLAVOUR_RULES
$(BUILD)/$(1)/%.o: %.c
	@mkdir -p $$(@D)
	@$(if $(Q),echo "  CC [$(1)] $$<")
	$(Q)$$(CC_$(1)) $$(CFLAGS_$(1)) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) -MMD -MP -c -o $$@ $$<
$(BUILD)/$(1)/%.o: %.S
	@mkdir -p $$(@D)
	@$(if $(Q),echo "  AS [$(1)] $$<")
	$(Q)$$(CC_$(1)) $$(CFLAGS_$(1)) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) -MMD -MP -c -o $$@ $$<
endef
$(foreach f,$(FLAVOURS),$(eval $(call FLAVOUR_RULES,$(f))))

# objs(flavour, sources)
objs = $(addprefix $(BUILD)/$(1)/,$(addsuffix .o,$(basename $(2))))

# $(call LIBRARY,name,sources,flavours): $(BUILD)/<flavour>/lib/libname.a
define LIBRARY_ONE
$(BUILD)/$(3)/lib/lib$(1).a: $(call objs,$(3),$(2))
	@mkdir -p $$(@D)
	@$(if $(Q),echo "  AR [$(3)] $$@")
	$(Q)rm -f $$@ && $$(AR_$(3)) rcs $$@ $$^
ALL_TARGETS += $(BUILD)/$(3)/lib/lib$(1).a
endef
LIBRARY = $(foreach f,$(3),$(eval $(call LIBRARY_ONE,$(1),$(2),$(f))))
libpath = $(BUILD)/$(2)/lib/lib$(1).a

# $(call NATIVE_PROGRAM,name,sources,libraries(paths),ldlibs)
define NATIVE_PROGRAM_BODY
$(BUILD)/native/bin/$(1): $(call objs,native,$(2)) $(3)
	@mkdir -p $$(@D)
	@$(if $(Q),echo "  LD [native] $$@")
	$(Q)$$(CC_native) $$(CFLAGS_native) -o $$@ $(call objs,native,$(2)) -Wl,--start-group $(3) -Wl,--end-group $(4) $$(LDLIBS_native)
ALL_TARGETS += $(BUILD)/native/bin/$(1)
endef
NATIVE_PROGRAM = $(eval $(call NATIVE_PROGRAM_BODY,$(1),$(2),$(3),$(4)))

# $(call PPC_RAW_LINK,flavour,elf,linker-script,objects-and-libraries): the
# freestanding link of a bare-metal image (host stub, guests);
# PPC64_RAW_LINK(elf,linker-script,objects-and-libraries) is the ppc64 one.
PPC_RAW_LINK = $(CC_$(1)) $(CFLAGS_$(1)) -nostdlib -static -no-pie \
	-Wl,--build-id=none,--no-warn-rwx-segments,-z,noexecstack -T $(3) -o $(2) \
	-Wl,--start-group $(4) -Wl,--end-group -lgcc
PPC64_RAW_LINK = $(call PPC_RAW_LINK,ppc64,$(1),$(2),$(3))

# $(call CHECK_STEP,name,prerequisites,command): one entry of `make check`.
# The command's output goes to $(BUILD)/check/<name>.log with its exit status;
# tests/tally reads the logs and prints the totals.
define CHECK_STEP_BODY
CHECK_STEPS += $(1)
check-step-$(1): $(2)
	@mkdir -p $(BUILD)/check
	@echo "== check: $(1)"
	@( $(3) ) > $(BUILD)/check/$(1).log 2>&1; echo "exit-status: $$$$?" >> $(BUILD)/check/$(1).log; cat $(BUILD)/check/$(1).log
.PHONY: check-step-$(1)
endef
CHECK_STEP = $(eval $(call CHECK_STEP_BODY,$(1),$(2),$(3)))
