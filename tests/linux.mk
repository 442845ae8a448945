# SPDX-License-Identifier: MIT
# Debian's ppc64el Linux 6.1 as a guest (tests/linux/README.md).  The
# kernel and busybox-static come from the Debian mirror on demand into
# $(VMLINUX_DIR) (shared with make check-vmlinux); nothing here is part of
# `make check`.
#   make linux-vmlinux  fetch the kernel and busybox
#   make linux-demo     boot it, show what its init prints, the table
#   make check-linux    the guest's checks and the bad inputs
#   make linux-bench    the echo loop in the guest: instructions per iteration
#   make linux-guest    Linux 6.1 built here from Debian's linux-source-6.1
#                       with ppcpv's guest component (guest-kernel/linux):
#                       $(LINUX_COMPONENT_VMLINUX); check-linux boots it too

# ppcpv-timebase: the guest's instruction counter (a static ppc64le program).
LINUX_TIMEBASE := $(BUILD)/ppc64le/tests/linux/ppcpv-timebase
$(LINUX_TIMEBASE): $(call objs,ppc64le,tests/linux/timebase.c)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD [ppc64le] $@")
	$(Q)$(CC_ppc64le) $(CFLAGS_ppc64le) -nostdlib -static -no-pie -Wl,--build-id=none \
		-o $@ $< -lgcc
ALL_TARGETS += $(LINUX_TIMEBASE)

LINUX_RUN_DEPS := $(BUILD)/native/bin/ppcpv-run $(LINUX_ENTRY_BIN) $(LINUX_TIMEBASE)

.PHONY: linux-vmlinux linux-guest linux-demo check-linux linux-bench
linux-vmlinux:
	@tests/tool/fetch-ppc64el.sh $(VMLINUX_DIR) vmlinux busybox

# The kernel of our own: scripts/build-linux-guest unpacks, hooks the
# component in, configures and builds it under $(BUILD) (cached).
LINUX_COMPONENT_VMLINUX := $(BUILD)/linux-obj/vmlinux
linux-guest: deps
	@$(MAKE) --no-print-directory $(EMUL_GEN_C)
	@scripts/build-linux-guest $(BUILD) 2

# Like demo: dependencies first, then a fresh make builds what is missing.
linux-demo: deps
	@$(MAKE) --no-print-directory $(LINUX_RUN_DEPS)
	@tests/linux/demo.sh $(BUILD) $(VMLINUX_DIR)

check-linux: deps
	@$(MAKE) --no-print-directory $(LINUX_RUN_DEPS) $(BUILD)/native/bin/ppcpv-patch
	@tests/linux/check-linux.sh $(BUILD) $(VMLINUX_DIR)

linux-bench: deps
	@$(MAKE) --no-print-directory $(LINUX_RUN_DEPS)
	@bench/linux-bench.sh $(BUILD) $(VMLINUX_DIR) bench/linux-results.json
