# SPDX-License-Identifier: MIT
# guest-kernel/: the guest side of PV.
#   pv/  - portable PV bring-up (discovery, hypercalls, self-test, patch),
#          native for unit tests and freestanding for the guests.

INCLUDES += guest-kernel/include
INSTALL_HEADERS += guest-kernel/include/ppcpv/guest_pv.h

GUEST_PV_SRCS := guest-kernel/pv/discover.c guest-kernel/pv/pv_init.c guest-kernel/pv/report.c
$(call LIBRARY,ppcpv-guest-pv,$(GUEST_PV_SRCS),$(FLAVOURS))
UNIT_LIBS += $(call libpath,ppcpv-guest-pv,native)
# What a PowerPC kernel links for the whole PV bring-up, in link order (each
# before the libraries it uses): the reference guest below, and the
# per-flavour libraries and pkg-config files `make install` writes.
GUEST_PV_LINK_LIBS := ppcpv-guest-pv ppcpv-patcher ppcpv-emul ppcpv-fdt ppcpv-fmt \
	ppcpv-hcall ppcpv-abi

# ref/ - the reference guest kernel (Book3S-64 big-endian), a raw image for
# QEMU pseries (-bios, entry 0x100) that also runs hosted by the host stub.
# The kernel both images share (the checks image here, the benchmark image
# in bench.mk): boot, console, interrupts, PV glue, its MMU, the process layer.
REF_KERNEL_SRCS := $(addprefix guest-kernel/ref/,head.S console.c platform.c irq.c pv.c \
	mmu.c vm.c proc.c switch.S syscall.c file.c exec.c user.S)
REF_KERNEL_OBJS := $(call objs,ppc64,$(REF_KERNEL_SRCS))
REF_SRCS := $(REF_KERNEL_SRCS) $(addprefix guest-kernel/ref/,main.c checks.c mmu_checks.c)
REF_OBJS := $(call objs,ppc64,$(REF_SRCS))
REF_LDS := guest-kernel/ref/ref.lds
REF_LIBS := $(foreach l,$(GUEST_PV_LINK_LIBS) ppcpv-papr ppcpv-crt,$(call libpath,$(l),ppc64))
GUEST_REF_ELF := $(BUILD)/images/guest-ref.elf
GUEST_REF_BIN := $(BUILD)/images/guest-ref.bin

$(GUEST_REF_ELF): $(REF_OBJS) $(REF_LIBS) $(REF_LDS)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc64] $@")
	$(Q)$(call PPC64_RAW_LINK,$@,$(REF_LDS),$(REF_OBJS) $(REF_LIBS))

$(GUEST_REF_BIN): $(GUEST_REF_ELF)
	$(Q)$(OBJCOPY_ppc64) -O binary $< $@

ALL_TARGETS += $(GUEST_REF_ELF) $(GUEST_REF_BIN)

# $(call REF_IMAGE,flavour,name,sources): build/images/<name>.elf and .bin,
# the reference kernel's sources built for another flavour and linked with
# that flavour's libraries (the Book3S-64 big-endian image above has the
# benchmark's variants too, so it keeps its own rules).
define REF_IMAGE_BODY
$(BUILD)/images/$(2).elf: $(call objs,$(1),$(3)) $(call REF_LIBS_OF,$(1)) $(REF_LDS)
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [$(1)] $$@")
	$$(Q)$$(call PPC_RAW_LINK,$(1),$$@,$(REF_LDS),$(call objs,$(1),$(3)) $(call REF_LIBS_OF,$(1)))

$(BUILD)/images/$(2).bin: $(BUILD)/images/$(2).elf
	$$(Q)$$(OBJCOPY_$(1)) -O binary $$< $$@

ALL_TARGETS += $(BUILD)/images/$(2).elf $(BUILD)/images/$(2).bin
endef
REF_LIBS_OF = $(foreach l,$(GUEST_PV_LINK_LIBS) ppcpv-papr ppcpv-crt,$(call libpath,$(l),$(1)))
REF_IMAGE = $(eval $(call REF_IMAGE_BODY,$(1),$(2),$(3)))

# ref/ for Book3S-32: the same kernel built ppc32 (MSR[SF]=0; head.S's
# 32-bit paths: mtmsr, rfi, no segment interrupts) with its own MMU side
# (mmu32.c: real mode, segment-register checks); no process layer.  Hosted only (the host's
# flat MMU): a 64-bit CPU cannot run it natively (no rfi, 64-bit interrupts).
REF32_SRCS := $(addprefix guest-kernel/ref/,head.S console.c platform.c irq.c pv.c main.c \
	checks.c mmu32.c)
GUEST_REF32_ELF := $(BUILD)/images/guest-ref32.elf
GUEST_REF32_BIN := $(BUILD)/images/guest-ref32.bin
$(call REF_IMAGE,ppc32,guest-ref32,$(REF32_SRCS))

# ref/ for Book3S-64 little-endian: the same sources as the big-endian
# kernel (its MMU and process layer included) built ppc64le.  Entered
# little-endian by the host (guest-msr with LE); natively head.S switches a
# big-endian entry to little-endian and platform.c asks for little-endian
# interrupts (H_SET_MODE).
GUEST_REF64LE_ELF := $(BUILD)/images/guest-ref64le.elf
GUEST_REF64LE_BIN := $(BUILD)/images/guest-ref64le.bin
$(call REF_IMAGE,ppc64le,guest-ref64le,$(REF_SRCS))
# step fast-same boots these two with the host's fast exits on and off
check-step-fast-same: $(GUEST_REF64LE_BIN) $(GUEST_REF32_BIN)

# ref/ for e500: the same kernel as 32-bit BookE (REF_E500, -mcpu=8548):
# head.S's IVOR stubs, ESR/DEAR, wrteei; mmu_e500.c programs its own TLB1
# through tlbwe and checks it.  Objects of its own (under ppc32/e500/):
# the same sources as the Book3S-32 build, compiled differently.
REFE500_SRCS := $(addprefix guest-kernel/ref/,head.S console.c platform.c irq.c pv.c main.c \
	checks.c mmu_e500.c)
REFE500_OBJS := $(call objs,ppc32/e500,$(REFE500_SRCS))
REFE500_CFLAGS = $(CFLAGS_ppc32) -mcpu=8548 -DREF_E500
GUEST_REFE500_ELF := $(BUILD)/images/guest-ref-e500.elf
GUEST_REFE500_BIN := $(BUILD)/images/guest-ref-e500.bin

$(BUILD)/ppc32/e500/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC [e500] $<")
	$(Q)$(CC_ppc32) $(REFE500_CFLAGS) $(CPPFLAGS) $(addprefix -I,$(INCLUDES)) -MMD -MP -c -o $@ $<
$(BUILD)/ppc32/e500/%.o: %.S
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AS [e500] $<")
	$(Q)$(CC_ppc32) $(REFE500_CFLAGS) $(CPPFLAGS) $(addprefix -I,$(INCLUDES)) -MMD -MP -c -o $@ $<

$(GUEST_REFE500_ELF): $(REFE500_OBJS) $(call REF_LIBS_OF,ppc32) $(REF_LDS)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [e500] $@")
	$(Q)$(call PPC_RAW_LINK,ppc32,$@,$(REF_LDS),$(REFE500_OBJS) $(call REF_LIBS_OF,ppc32))

$(GUEST_REFE500_BIN): $(GUEST_REFE500_ELF)
	$(Q)$(OBJCOPY_ppc32) -O binary $< $@

ALL_TARGETS += $(GUEST_REFE500_ELF) $(GUEST_REFE500_BIN)
