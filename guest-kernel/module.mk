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
# The process layer, the same sources in every family's kernel.
REF_PROC_SRCS := $(addprefix guest-kernel/ref/,vm.c proc.c switch.S syscall.c file.c exec.c user.S)
REF_KERNEL_SRCS := $(addprefix guest-kernel/ref/,head.S console.c platform.c irq.c pv.c mmu.c) \
	$(REF_PROC_SRCS)
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
# (mmu32.c: real mode; mmu32_checks.c: segment-register checks).  Hosted
# only (the host's flat MMU): a 64-bit CPU cannot run it natively (no rfi,
# 64-bit interrupts).  The kernel the benchmark image adds its process
# layer to (bench.mk): REF32_KERNEL_SRCS.
REF32_KERNEL_SRCS := $(addprefix guest-kernel/ref/,head.S console.c platform.c irq.c pv.c mmu32.c)
REF32_SRCS := $(REF32_KERNEL_SRCS) $(addprefix guest-kernel/ref/,main.c checks.c mmu32_checks.c)
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

# ref/ for BookE: the same kernel as 32-bit Book III-E (REF_BOOKE: head.S's
# IVOR stubs, ESR/DEAR, wrteei) with the CPU's own TLB code, which it
# programs itself; mmu_booke.c and mmu_booke_checks.c are what both CPUs
# share of the MMU side and of its checks.  Objects of their own (under
# ppc32/<cpu>/): the same sources as the Book3S-32 build, compiled
# differently.
#   $(call REF_BOOKE_IMAGE,cpu,image name,-mcpu and -D flags,kernel TLB sources,checks' sources)
# sets REF_BOOKE_KERNEL_SRCS_<cpu> (what a benchmark image links too) and
# REF_BOOKE_CFLAGS_<cpu>.
REF_BOOKE_KERNEL_SRCS = $(addprefix guest-kernel/ref/,head.S console.c platform.c irq.c pv.c \
	mmu_booke.c $(1))
define REF_BOOKE_IMAGE_BODY
REF_BOOKE_KERNEL_SRCS_$(1) := $(call REF_BOOKE_KERNEL_SRCS,$(4))
REF_BOOKE_OBJS_$(1) := $(call objs,ppc32/$(1),$(call REF_BOOKE_KERNEL_SRCS,$(4)) \
	$(addprefix guest-kernel/ref/,main.c checks.c mmu_booke_checks.c $(5)))
REF_BOOKE_CFLAGS_$(1) = $$(CFLAGS_ppc32) $(3)

$(BUILD)/ppc32/$(1)/%.o: %.c
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  CC [$(1)] $$<")
	$$(Q)$$(CC_ppc32) $$(REF_BOOKE_CFLAGS_$(1)) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) -MMD -MP -c -o $$@ $$<
$(BUILD)/ppc32/$(1)/%.o: %.S
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  AS [$(1)] $$<")
	$$(Q)$$(CC_ppc32) $$(REF_BOOKE_CFLAGS_$(1)) $$(CPPFLAGS) $$(addprefix -I,$$(INCLUDES)) -MMD -MP -c -o $$@ $$<

$(BUILD)/images/$(2).elf: $$(REF_BOOKE_OBJS_$(1)) $(call REF_LIBS_OF,ppc32) $(REF_LDS)
	@mkdir -p $$(@D)
	@$$(if $$(Q),echo "  LD [$(1)] $$@")
	$$(Q)$$(call PPC_RAW_LINK,ppc32,$$@,$(REF_LDS),$$(REF_BOOKE_OBJS_$(1)) $(call REF_LIBS_OF,ppc32))

$(BUILD)/images/$(2).bin: $(BUILD)/images/$(2).elf
	$$(Q)$$(OBJCOPY_ppc32) -O binary $$< $$@

ALL_TARGETS += $(BUILD)/images/$(2).elf $(BUILD)/images/$(2).bin
endef
REF_BOOKE_IMAGE = $(eval $(call REF_BOOKE_IMAGE_BODY,$(1),$(2),$(3),$(4),$(5)))

# e500 (-mcpu=8548): mmu_e500.c programs its own TLB1 through the MAS
# registers and tlbwe (helpers shared with mmu_e500_checks.c through
# mmu_e500.h); the benchmark image (bench.mk) links its kernel too.
$(call REF_BOOKE_IMAGE,e500,guest-ref-e500,-mcpu=8548 -DREF_E500,mmu_e500.c,mmu_e500_checks.c)
REFE500_KERNEL_SRCS := $(REF_BOOKE_KERNEL_SRCS_e500)
REFE500_CFLAGS = $(REF_BOOKE_CFLAGS_e500)
GUEST_REFE500_ELF := $(BUILD)/images/guest-ref-e500.elf
GUEST_REFE500_BIN := $(BUILD)/images/guest-ref-e500.bin

# The PowerPC 440 (-mcpu=440): mmu_440.c programs its 64-entry TLB word by
# word with tlbwe RS,RA,WS, mmu_440_checks.c checks it.
$(call REF_BOOKE_IMAGE,440,guest-ref-440,-mcpu=440 -DREF_440,mmu_440.c,mmu_440_checks.c)
GUEST_REF440_ELF := $(BUILD)/images/guest-ref-440.elf
GUEST_REF440_BIN := $(BUILD)/images/guest-ref-440.bin
