# SPDX-License-Identifier: MIT
#
# ppcpv - the KVM PowerPC paravirtual ("magic page") framework.
#
#   make            build everything (native tools, PowerPC objects and images)
#   make check      run all tests (installs missing dependencies first)
#   make check SANITIZE=1  the same under ASan, LSan and UBSan (in build-san)
#   make demo       the main job (see README.md; installs missing dependencies first)
#   make deps       install the Debian packages the project needs
#   make install    PREFIX=/usr/local DESTDIR=  (layout: Documentation/building.rst)
#   make installcheck  install into a scratch DESTDIR and build against it
#   make bench      the echo-loop benchmark: native, no-pv, pv
#   make check-vmlinux  the patcher on Debian's ppc64el kernel (downloads ~50 MB)
#   make bench-patcher  scan speed on that kernel
#   make fuzz       libFuzzer targets (clang), each run FUZZ_SECONDS (fuzz/README.md)
#   make linux-demo     Debian's ppc64el Linux natively, under the host without
#                       and with PV, prepatched (tests/linux.mk; also
#                       linux-vmlinux, linux-guest, check-linux, linux-bench)
#   make soak       the differential test on SOAK_PROGRAMS programs (default
#                   100000; Documentation/differential.rst)
#   make clean
#
# Everything is built out of tree under $(BUILD).  V=1 shows full commands.
# SANITIZE=1 builds the native code with ASan+UBSan, in build-san by default.

ifeq ($(SANITIZE),1)
BUILD ?= build-san
endif
BUILD ?= build
PREFIX ?= /usr/local
DESTDIR ?=

.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

include mk/build.mk

MODULES := isa lib hcall-abi patcher kvm_emul host-stubs guest-kernel launcher tests fuzz
# Each module directory contributes module.mk (first) and any other *.mk.
include $(foreach m,$(MODULES),$(wildcard $(m)/module.mk) $(filter-out $(m)/module.mk,$(sort $(wildcard $(m)/*.mk))))
# install and installcheck (after the modules: it installs what they list).
include mk/install.mk

.PHONY: all check deps demo install installcheck clean

all: $(ALL_TARGETS)

deps:
	@scripts/install-deps

# Tests: build first (a build failure is a failure), then run every step and
# let tests/tally print the per-step results and the closing
# "N passed, N failed" line.
check: deps
	@rm -rf $(BUILD)/check
	@$(MAKE) --no-print-directory all
	@$(SANITIZER_RUN) $(MAKE) --no-print-directory -Otarget $(addprefix check-step-,$(CHECK_STEPS))
	@tests/tally $(BUILD)/check $(CHECK_STEPS)

clean:
	rm -rf $(BUILD) $(CLEAN_EXTRA)

# With SANITIZE=1 one more step, after all the others: any sanitizer report.
ifeq ($(SANITIZE),1)
$(call CHECK_STEP,sanitizer-reports,$(addprefix check-step-,$(CHECK_STEPS)),\
	tests/sanitizer-reports.sh $(SANITIZER_LOGS))
endif

# Header dependencies of everything compiled so far (not the Linux guest
# kernel's source and object trees: make linux-guest, tests/linux.mk).
-include $(shell find $(BUILD) \( -path '$(BUILD)/linux-src' -o -path '$(BUILD)/linux-obj' \) -prune \
	-o -name '*.d' -type f -print 2>/dev/null)

# The main job: the reference guest kernel booted natively (no host),
# hosted without PV and hosted with PV, each running its checks; the patch
# report and the host's trap counts side by side; then the same for every
# other family ppcpv-run knows (--list-families: the default first).
# Like check, it installs what is missing first and builds in a fresh make, so
# `make deps demo` (or `make -j demo`) never compiles before the toolchain is in.
demo: deps
	@$(MAKE) --no-print-directory all
	@run=$(BUILD)/native/bin/ppcpv-run; for f in $$($$run --list-families); do \
		echo "==== family $$f: the reference guest kernel ===="; \
		$$run --family $$f --all || exit 1; echo; done
	@echo
	@echo "==== Debian's ppc64el Linux 6.1 (fetched once from the Debian mirror) ===="
	@$(MAKE) --no-print-directory linux-demo

# The README's two commands on a freshly bootstrapped Debian 12 minbase root
# with only git and make (opt-in: needs root and the mirror; several minutes).
check-fresh:
	@scripts/check-fresh
.PHONY: check-fresh
