# SPDX-License-Identifier: MIT
# launcher/: ppcpv-run, the x86 launcher that plays QEMU's part (pvinfo,
# device trees, qemu-system-ppc64 under a timeout, the report).

LAUNCHER_SRCS := $(addprefix launcher/,ppcpv-run.c qemu.c proc.c console.c report.c)
$(call NATIVE_PROGRAM,ppcpv-run,$(LAUNCHER_SRCS),\
	$(call libpath,ppcpv-hostcfg-blobs,native) $(call libpath,ppcpv-abi,native),-lfdt)
INSTALL_BINS += $(BUILD)/native/bin/ppcpv-run
INSTALL_MAN1 += man/ppcpv-run.1
# the images ppcpv-run boots by default (PREFIX/share/ppcpv)
INSTALL_DATA += $(GUEST_REF_BIN) $(HOST_PSERIES_BIN)

$(call CHECK_STEP,boots,$(BUILD)/native/bin/ppcpv-run $(GUEST_REF_BIN) $(HOST_PSERIES_BIN),\
	tests/launcher/boots.sh $(BUILD))
# no QEMU needed: a fake one that hangs, leaves children, meets signals
$(call CHECK_STEP,launcher-deadline,$(BUILD)/native/bin/ppcpv-run,tests/launcher/deadline.sh $(BUILD))
