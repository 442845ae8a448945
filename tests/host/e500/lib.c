// SPDX-License-Identifier: MIT
/*
 * The e500 test guest's runtime: the host device's UART and exit register
 * (found in the device tree), TAP-like checks, the hypercall sequence from
 * /hypervisor, IVPR and the IVORs, and interrupt dispatch by IVOR.
 */
#include <stdarg.h>
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/fmt.h>
#include <ppcpv/hcall.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include "../guest/bootargs.h"
#include "guest.h"
#include "t_guest.h"

#define FDT_MAX_SIZE	0x10000
#define EXIT_UNHANDLED	90

static uintptr_t hostdev;
static const char *bootargs = "";	/* /chosen/bootargs, for guest_bootarg_is() */
static int failures;
static guest_handler handlers[PPC_BOOKE_IVOR_COUNT];

static void console_write(const char *s, size_t n)
{
	volatile uint8_t *uart = (volatile uint8_t *)hostdev;

	while (n--) {
		while (!(uart[PPCPV_HOSTDEV_UART_LSR] & PPCPV_HOSTDEV_LSR_THRE))
			;
		uart[PPCPV_HOSTDEV_UART_THR] = (uint8_t)*s++;
	}
}

void guest_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ppcpv_vprint(console_write, fmt, ap);
	va_end(ap);
}

void guest_exit(int status)
{
	*(volatile uint32_t *)(hostdev + PPCPV_HOSTDEV_EXIT) = (uint32_t)status;
	for (;;)
		;
}

void guest_check(int cond, const char *name, const char *fmt, ...)
{
	char detail[160];
	va_list ap;

	va_start(ap, fmt);
	ppcpv_vfmt(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	if (!cond)
		failures++;
	guest_printf("%s - %s%s%s%s\n", cond ? "ok" : "not ok", name,
		     detail[0] ? " (" : "", detail, detail[0] ? ")" : "");
}

int guest_failures(void)
{
	return failures;
}

int guest_native(void)
{
	return hostdev == 0;
}

void guest_set_handler(unsigned int ivor, guest_handler h)
{
	if (ivor < PPC_BOOKE_IVOR_COUNT)
		handlers[ivor] = h;
}

void guest_trap(struct guest_frame *f)
{
	guest_handler h = f->ivor < PPC_BOOKE_IVOR_COUNT ? handlers[f->ivor] : NULL;

	if (h) {
		h(f);
		return;
	}
	guest_printf("not ok - unexpected interrupt IVOR%u at 0x%x srr1=0x%x esr=0x%x dear=0x%x\n",
		     f->ivor, f->srr0, f->srr1, f->esr, f->dear);
	guest_exit(EXIT_UNHANDLED);
}

int guest_install_hcalls(const void *fdt, size_t size)
{
	const uint8_t *words;
	uint32_t host_order[PPCPV_HCALL_INSN_COUNT];
	int node = ppcpv_fdt_path_offset(fdt, size, "/hypervisor");
	int len = node < 0 ? node : ppcpv_fdt_getprop(fdt, size, node, "hcall-instructions",
						       (const void **)&words);
	int i;

	if (len <= 0 || len % 4 || len > 4 * PPCPV_HCALL_INSN_COUNT)
		return -1;
	for (i = 0; i < len / 4; i++)
		host_order[i] = ppcpv_fdt_be32(words + 4 * i);
	return ppcpv_hcall_install(host_order, (size_t)len / 4);
}

/* IVPR = 0 (the image's base); IVORn = its stub.  Each mtspr traps. */
static void set_vectors(void)
{
	unsigned int i;

	MTSPR(PPC_BOOKE_SPR_IVPR, 0);
	for (i = 0; guest_vector_table[i][0] != UINT32_MAX; i++) {
		switch (guest_vector_table[i][0]) {
#define SET_IVOR(n) case n: MTSPR(PPC_BOOKE_SPR_IVOR(n), guest_vector_table[i][1]); break
		SET_IVOR(0); SET_IVOR(1); SET_IVOR(2); SET_IVOR(3); SET_IVOR(4); SET_IVOR(5);
		SET_IVOR(6); SET_IVOR(7); SET_IVOR(8); SET_IVOR(9); SET_IVOR(10); SET_IVOR(11);
		SET_IVOR(12); SET_IVOR(13); SET_IVOR(14); SET_IVOR(15);
#undef SET_IVOR
		}
	}
}

void guest_start(const void *fdt)
{
	long size = ppcpv_fdt_total_size(fdt, FDT_MAX_SIZE);
	uint64_t dev = 0;
	int node;

	if (size < 0)
		for (;;)
			;	/* no tree, no console: the host's timeout tells */
	node = ppcpv_fdt_find_compatible(fdt, (size_t)size, -1, PPCPV_HOSTDEV_COMPATIBLE);
	if (node < 0 || ppcpv_fdt_get_cells(fdt, (size_t)size, node, "reg", 0, 2, &dev))
		for (;;)
			;
	hostdev = (uintptr_t)dev;
	bootargs = guest_fdt_bootargs(fdt, (size_t)size);
	guest_printf("guest: e500 test guest started, fdt at %p (%ld bytes)\n", fdt, size);
	set_vectors();
	guest_exit(guest_test_main(fdt, (size_t)size));
}

/* Does /chosen/bootargs contain word? */
int guest_bootarg_is(const char *word)
{
	return guest_words_contain(bootargs, word);
}
