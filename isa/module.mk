# SPDX-License-Identifier: MIT
# isa/: the PowerPC ISA layer at the bottom of the tree - opcode numbers,
# instruction fields and encoders, SPR numbers, MSR bits, interrupt vectors
# and the hash MMU's formats, per family (see isa/README.md).  Headers only,
# usable from C (hosted or freestanding) and from assembly; depends on
# nothing.

INCLUDES += isa/include
ISA_HEADERS := $(sort $(wildcard isa/include/ppcpv/isa/*.h))

# They keep their ppcpv/isa/ directory when installed (the other public
# headers go flat into ppcpv/).
.PHONY: install-isa-headers
install: install-isa-headers
install-isa-headers: all
	install -d $(DESTDIR)$(PREFIX)/include/ppcpv/isa
	install -m 644 $(ISA_HEADERS) $(DESTDIR)$(PREFIX)/include/ppcpv/isa

# Nothing above this layer types an ISA number again (and the search can fail).
$(call CHECK_STEP,isa-numbers,,tests/isa/numbers.sh)
