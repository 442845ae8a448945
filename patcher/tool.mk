# SPDX-License-Identifier: MIT
# patcher/tool/: the ppcpv-patch command-line tool, its tests, and the two
# targets that need a real kernel (downloaded on demand, never in `make check`):
#   make check-vmlinux   patch Debian's ppc64el vmlinux (dry run), check every site
#   make bench-patcher   scan speed of the library on that vmlinux

PATCH_TOOL := $(BUILD)/native/bin/ppcpv-patch
PATCH_TOOL_SRCS := $(sort $(wildcard patcher/tool/*.c))
PATCH_TOOL_LIBS := $(call libpath,ppcpv-patcher,native) $(call libpath,ppcpv-emul,native) \
	$(call libpath,ppcpv-abi,native) $(call libpath,ppcpv-disasm,native)

$(call NATIVE_PROGRAM,ppcpv-patch,$(PATCH_TOOL_SRCS),$(PATCH_TOOL_LIBS),-lelf $(DISASM_LDLIBS))
INSTALL_BINS += $(PATCH_TOOL)
INSTALL_MAN1 += man/ppcpv-patch.1

# The independent checker of rewritten words (libopcodes + the shared-page
# layout as documented), used by the tool tests and check-vmlinux.
SITE_ORACLE := $(BUILD)/native/bin/ppcpv-site-oracle
$(call NATIVE_PROGRAM,ppcpv-site-oracle,tests/tool/site_oracle.c,\
	$(call libpath,ppcpv-disasm,native) $(call libpath,ppcpv-abi,native),$(DISASM_LDLIBS))

# Crafts restore records with a correct CRC and hostile fields (zlib's
# CRC-32: zlib comes with libelf), for the --unpatch error cases.
RECORD_EDIT := $(BUILD)/native/bin/ppcpv-record-edit
$(call NATIVE_PROGRAM,ppcpv-record-edit,tests/tool/record_edit.c,,-lz)

# The benchmark reads the ELF with the tool's own loader.
BENCH_PATCHER := $(BUILD)/native/bin/bench-patcher
BENCH_PATCHER_SRCS := bench/bench_patcher.c patcher/tool/elf_image.c patcher/tool/diag.c
$(call objs,native,bench/bench_patcher.c): CPPFLAGS += -Ipatcher/tool
$(call NATIVE_PROGRAM,bench-patcher,$(BENCH_PATCHER_SRCS),$(PATCH_TOOL_LIBS),-lelf)

$(call CHECK_STEP,tool,$(PATCH_TOOL) $(SITE_ORACLE) $(RECORD_EDIT),tests/tool/run.sh $(BUILD))

# Debian's current bookworm ppc64el kernel, fetched with a private apt state.
VMLINUX_DIR := $(BUILD)/vmlinux

.PHONY: check-vmlinux bench-patcher
check-vmlinux: $(PATCH_TOOL) $(SITE_ORACLE)
	@tests/tool/check-vmlinux.sh $(BUILD) $(VMLINUX_DIR)

bench-patcher: $(BENCH_PATCHER)
	@bench/bench-patcher.sh $(BUILD) $(VMLINUX_DIR)
