# SPDX-License-Identifier: MIT
#
# make install       copy programs, libraries, headers, pkg-config files, man
#                    pages, images and documentation to $(DESTDIR)$(PREFIX)
# make installcheck  install into a scratch DESTDIR and use what was installed
#                    (tests/install/check.sh); also the `install` step of
#                    `make check`
#
# PREFIX is where the files will live and the only path written into them;
# DESTDIR is a staging root put in front of every path at copy time (for
# packages and for installcheck), never written into a file.  The layout
# (Documentation/building.rst):
#   PREFIX/bin/                   INSTALL_BINS
#   PREFIX/include/ppcpv/         INSTALL_HEADERS (one set for every flavour)
#   PREFIX/lib/                   the native static libraries (ppcpv.pc)
#   PREFIX/lib/ppcpv/<flavour>/   the freestanding guest PV libraries of each
#                                 PowerPC flavour (ppcpv-guest-<flavour>.pc)
#   PREFIX/lib/pkgconfig/         ppcpv.pc, ppcpv-guest-<flavour>.pc
#   PREFIX/share/man/man1/        INSTALL_MAN1
#   PREFIX/share/ppcpv/           INSTALL_DATA (ppcpv-run finds it from bin/)
#   PREFIX/share/doc/ppcpv/       README.md, LICENSE, Documentation

# The version the pkg-config files report.
VERSION := 0.1

BINDIR := $(PREFIX)/bin
INCLUDEDIR := $(PREFIX)/include
LIBDIR := $(PREFIX)/lib
GUEST_LIBDIR := $(LIBDIR)/ppcpv
PKGCONFIGDIR := $(LIBDIR)/pkgconfig
MAN1DIR := $(PREFIX)/share/man/man1
DATADIR := $(PREFIX)/share/ppcpv
DOCDIR := $(PREFIX)/share/doc/ppcpv

# Native libraries, in link order (each before the libraries it uses).
NATIVE_INSTALL_LIBS := ppcpv-patcher ppcpv-emul ppcpv-fdt ppcpv-abi
# Per PowerPC flavour: the bring-up (GUEST_PV_LINK_LIBS, guest-kernel/module.mk)
# and the string functions for a kernel that has none (not in Libs).
GUEST_INSTALL_LIBS := $(GUEST_PV_LINK_LIBS) ppcpv-crt

# The pkg-config files, written for the PREFIX of this run.  Paths under
# PREFIX are given relative to ${prefix}, as pkg-config's users expect.
PC_DIR := $(BUILD)/pkgconfig
PC_FILES := $(PC_DIR)/ppcpv.pc $(foreach f,$(PPC_FLAVOURS),$(PC_DIR)/ppcpv-guest-$(f).pc)
under_prefix = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
PC_SED = sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@INCLUDEDIR@|$(call under_prefix,$(INCLUDEDIR))|' \
	-e 's|@VERSION@|$(VERSION)|'
# Fail (and so delete the file) when a placeholder was left unsubstituted.
PC_CHECK = if grep -n '@[A-Z_]*@' $@; then echo "$@: unsubstituted placeholder" >&2; exit 1; fi

# Always rewritten: they depend on PREFIX and on the library lists.
.PHONY: pkgconfig-always
$(PC_DIR)/ppcpv.pc: mk/ppcpv.pc.in pkgconfig-always
	@mkdir -p $(@D)
	$(Q)$(PC_SED) -e 's|@LIBDIR@|$(call under_prefix,$(LIBDIR))|' \
		-e 's|@LIBS@|$(addprefix -l,$(NATIVE_INSTALL_LIBS))|' $< > $@
	$(Q)$(PC_CHECK)

$(PC_DIR)/ppcpv-guest-%.pc: mk/ppcpv-guest.pc.in pkgconfig-always
	@mkdir -p $(@D)
	$(Q)$(PC_SED) -e 's|@FLAVOUR@|$*|g' -e 's|@TRIPLET@|$(TRIPLET_$*)|' \
		-e 's|@GUEST_LIBDIR@|$(call under_prefix,$(GUEST_LIBDIR))/$*|' \
		-e 's|@CFLAGS_ABI@|$(CFLAGS_ABI_$*)|' \
		-e 's|@LIBS@|$(addprefix -l,$(GUEST_PV_LINK_LIBS))|' $< > $@
	$(Q)$(PC_CHECK)

# One recipe line per PowerPC flavour.
define INSTALL_GUEST_LIBS_OF
install -m 644 $(foreach l,$(GUEST_INSTALL_LIBS),$(call libpath,$(l),$(1))) $(DESTDIR)$(GUEST_LIBDIR)/$(1)

endef

install: all $(PC_FILES)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR)/ppcpv $(DESTDIR)$(LIBDIR) \
		$(addprefix $(DESTDIR)$(GUEST_LIBDIR)/,$(PPC_FLAVOURS)) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(MAN1DIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(INSTALL_BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(INSTALL_HEADERS) $(DESTDIR)$(INCLUDEDIR)/ppcpv
	install -m 644 $(foreach l,$(NATIVE_INSTALL_LIBS),$(call libpath,$(l),native)) $(DESTDIR)$(LIBDIR)
	$(foreach f,$(PPC_FLAVOURS),$(call INSTALL_GUEST_LIBS_OF,$(f)))
	install -m 644 $(PC_FILES) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 $(INSTALL_MAN1) $(DESTDIR)$(MAN1DIR)
	install -m 644 $(INSTALL_DATA) $(DESTDIR)$(DATADIR)
	install -m 644 README.md LICENSE $(wildcard Documentation/*.rst) $(DESTDIR)$(DOCDIR)

# A prefix no real installation uses, so that nothing outside the scratch
# root can stand in for the installed files.
INSTALLCHECK_ROOT := $(abspath $(BUILD))/installcheck/root
INSTALLCHECK_PREFIX := /opt/ppcpv-installcheck

installcheck: all
	@rm -rf $(INSTALLCHECK_ROOT)
	@mkdir -p $(INSTALLCHECK_ROOT)
	@$(MAKE) --no-print-directory install DESTDIR=$(INSTALLCHECK_ROOT) PREFIX=$(INSTALLCHECK_PREFIX) \
		> $(INSTALLCHECK_ROOT).log 2>&1 || { cat $(INSTALLCHECK_ROOT).log; exit 1; }
	@CONSUMER_CFLAGS="$(if $(filter 1,$(SANITIZE)),$(SANITIZE_FLAGS))" \
		tests/install/check.sh $(BUILD) $(INSTALLCHECK_ROOT) $(INSTALLCHECK_PREFIX)

$(call CHECK_STEP,install,,$$(MAKE) --no-print-directory installcheck)
