// SPDX-License-Identifier: MIT
/*
 * The e500 test guest's runtime: the host device's UART and exit register
 * (found in the device tree), TAP-like checks, the hypercall sequence from
 * /hypervisor, IVPR and the IVORs, and interrupt dispatch by IVOR.  Booted
 * natively (QEMU ppce500 alone, no host device in its tree: real PR=0) it
 * maps RAM and the SoC's UART in TLB1 itself, prints its own "EXIT:" line
 * and stops the machine (native_*, at the end).
 */
#include <stdarg.h>
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/fmt.h>
#include <ppcpv/hcall.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/isa/booke-mmu.h>
#include <ppcpv/isa/insn.h>
#include <ppcpv/isa/msr.h>
#include <ppcpv/isa/spr.h>
#include <ppcpv/isa/vectors.h>
#include "../guest/bootargs.h"
#include "../guest/bytechannel.h"
#include "guest.h"
#include "t_guest.h"

/* QEMU ppce500's own tree (natively) says 1 MiB: it is not packed. */
#define FDT_MAX_SIZE	0x100000
#define EXIT_UNHANDLED	90

static uintptr_t hostdev;
/* The console's transmitter: the host device's, or natively the SoC's
 * 16550 (the host device copies the 16550's THR and LSR). */
static uintptr_t console_uart;
static char console_how = 'm';	/* guest_console_use() */
static const char *bootargs = "";	/* /chosen/bootargs, for guest_bootarg_is() */
static int failures;
static guest_handler handlers[PPC_BOOKE_IVOR_COUNT];

static int native_init(const void *fdt, size_t size);
static void native_exit(int status) __attribute__((noreturn));

static void console_write(const char *s, size_t n)
{
	volatile uint8_t *uart = (volatile uint8_t *)console_uart;

	if (console_how == 'b') {
		guest_byte_channel_write(s, n);
		return;
	}
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
	if (!hostdev)
		native_exit(status);
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

void guest_console_use(char how)
{
	console_how = how;
}

uintptr_t guest_hostdev(void)
{
	return hostdev;
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
	if (node < 0) {
		if (native_init(fdt, (size_t)size))
			for (;;)
				;	/* no console: QEMU's timeout tells */
	} else {
		if (ppcpv_fdt_get_cells(fdt, (size_t)size, node, "reg", 0, 2, &dev))
			for (;;)
				;
		hostdev = (uintptr_t)dev;
		console_uart = hostdev;
	}
	bootargs = guest_fdt_bootargs(fdt, (size_t)size);
	guest_printf("guest: e500 test guest started, fdt at %p (%ld bytes)\n", fdt, size);
	set_vectors();
	guest_exit(guest_test_main(fdt, (size_t)size));
}

/* ---- Natively: QEMU ppce500 alone -----------------------------------------
 *
 * QEMU enters the image at 0x100 with MSR = 0, r3 = its device tree (24 MiB
 * up) and one TLB1 entry of its own (entry 0: EA 0 -> PA 0, 64 MiB, TS 0,
 * every permission).  The runtime rewrites that entry in place to cover
 * 256 MiB - the same translation for everything the old one covered, so
 * there is never a second entry matching the same address - and maps the
 * UART's page (above 4 GiB) in entry 1 at EA = the low word of its address.
 * Then IVPR and the IVORs (set_vectors) are the real ones; MSR[ME] is set
 * (through an rfi: see native_set_msr) as a hosted guest is entered with
 * it.  The exit is DBCR0[RST], a system reset, which QEMU under -no-reboot
 * turns into its exit 0; the status is the "EXIT:" line (run-guest.sh
 * --native turns it into its own).  Nothing here runs hosted.
 */
#define NATIVE_RAM_ESEL		0	/* QEMU's initial entry */
#define NATIVE_RAM_LOG2		28	/* 256 MiB: image, test areas, QEMU's tree */
#define NATIVE_UART_ESEL	1
#define NATIVE_PAGE_LOG2	12
#define NATIVE_PATH_MAX		64

static void native_tlb1_write(unsigned int esel, unsigned int log2, uint32_t ea, uint32_t wimge,
			      uint64_t pa, uint32_t perms)
{
	MTSPR(PPC_BOOKE_SPR_MAS0, PPC_BOOKE_MAS0_TLBSEL(PPC_BOOKE_TLB1_SEL) | PPC_BOOKE_MAS0_ESEL(esel));
	MTSPR(PPC_BOOKE_SPR_MAS1, PPC_BOOKE_MAS1_V | PPC_BOOKE_MAS1_IPROT |
				  PPC_BOOKE_MAS1_TSIZE(PPC_BOOKE_TSIZE_OF_LOG2(log2)));
	MTSPR(PPC_BOOKE_SPR_MAS2, (ea & PPC_BOOKE_PAGE_MASK) | wimge);
	MTSPR(PPC_BOOKE_SPR_MAS3, ((uint32_t)pa & PPC_BOOKE_PAGE_MASK) | perms);
	MTSPR(PPC_BOOKE_SPR_MAS7, (uint32_t)(pa >> 32) & PPC_BOOKE_MAS7_RPN_HIGH);
	/* tlbwe as a word: the 440 build (b440/lib.c) assembles this file too */
	__asm__ __volatile__("isync; .long %0; isync" : : "i"(PPC_ENC_X(PPC_X_TLBWE, 0, 0, 0))
			     : "memory");
}

/* MSR := msr through an rfi: QEMU 7.2's mtmsr never changes ME (it keeps
 * Book III-S's rule that mtmsr leaves ME alone, on BookE too). */
static void native_set_msr(uint32_t msr)
{
	uint32_t at;

	__asm__ __volatile__("	bl	1f\n"
			     "1:	mflr	%0\n"
			     "	addi	%0,%0,2f-1b\n"
			     "	mtspr	%1,%0\n"
			     "	mtspr	%2,%3\n"
			     "	rfi\n"
			     "2:\n"
			     : "=&b"(at) : "i"(PPC_SPR_SRR0), "i"(PPC_SPR_SRR1), "r"(msr) : "lr", "memory");
}

/* A cell-count property of node, or the devicetree spec's default. */
static unsigned int native_cells(const void *fdt, size_t size, int node, const char *name,
				 unsigned int dflt)
{
	uint32_t v;

	return ppcpv_fdt_get_u32(fdt, size, node, name, &v) ? dflt : v;
}

/*
 * The physical address of the first "reg" entry of the node at path, a
 * child of the root or of a root child whose "ranges" translate it (QEMU's
 * UART is /soc@fe0000000/serial@4500: reg 0x4500 in a bus whose ranges put
 * 0 at 0xf_e000_0000).  0 or -1.
 */
static int native_reg_pa(const void *fdt, size_t size, const char *path, uint64_t *pa)
{
	char node_path[NATIVE_PATH_MAX], parent_path[NATIVE_PATH_MAX];
	size_t i, cut = 0;
	int node, bus, len;
	unsigned int ac, sc, pac, entry, n;
	const uint8_t *ranges;
	uint64_t addr, child, parent, bytes;

	/* stdout-path may end in ":options" */
	for (i = 0; path[i] && path[i] != ':'; i++) {
		if (i + 1 >= sizeof(node_path))
			return -1;
		node_path[i] = parent_path[i] = path[i];
		if (path[i] == '/')
			cut = i;
	}
	node_path[i] = '\0';
	parent_path[cut ? cut : 1] = '\0';
	node = ppcpv_fdt_path_offset(fdt, size, node_path);
	bus = ppcpv_fdt_path_offset(fdt, size, parent_path);
	if (node < 0 || bus < 0)
		return -1;
	ac = native_cells(fdt, size, bus, "#address-cells", 2);
	sc = native_cells(fdt, size, bus, "#size-cells", 1);
	if (ac < 1 || ac > 2 || sc > 2 || ppcpv_fdt_get_cells(fdt, size, node, "reg", 0, ac, &addr))
		return -1;
	if (bus == 0) {
		*pa = addr;
		return 0;
	}
	pac = native_cells(fdt, size, 0, "#address-cells", 2);
	len = ppcpv_fdt_getprop(fdt, size, bus, "ranges", (const void **)&ranges);
	if (len == 0) {
		*pa = addr;	/* an empty "ranges": the same addresses */
		return 0;
	}
	entry = ac + pac + sc;
	if (len < 0 || pac < 1 || pac > 2 || sc < 1)
		return -1;
	for (n = 0; (n + 1) * entry * 4 <= (unsigned int)len; n++) {
		if (ppcpv_fdt_get_cells(fdt, size, bus, "ranges", n * entry, ac, &child) ||
		    ppcpv_fdt_get_cells(fdt, size, bus, "ranges", n * entry + ac, pac, &parent) ||
		    ppcpv_fdt_get_cells(fdt, size, bus, "ranges", n * entry + ac + pac, sc, &bytes))
			return -1;
		if (addr >= child && addr - child < bytes) {
			*pa = parent + (addr - child);
			return 0;
		}
	}
	return -1;
}

/* The map, the console (QEMU's /chosen stdout-path) and MSR[ME]; 0 or -1
 * (then there is no console to say why). */
static int native_init(const void *fdt, size_t size)
{
	const uint64_t ram_bytes = UINT64_C(1) << NATIVE_RAM_LOG2;
	const uint32_t page = (1u << NATIVE_PAGE_LOG2) - 1;
	int chosen = ppcpv_fdt_path_offset(fdt, size, "/chosen");
	const char *stdout_path;
	uint64_t uart_pa;
	uint32_t uart_ea;

	if (chosen < 0 || ppcpv_fdt_get_string(fdt, size, chosen, "stdout-path", &stdout_path) < 0 ||
	    native_reg_pa(fdt, size, stdout_path, &uart_pa))
		return -1;
	uart_ea = (uint32_t)uart_pa;
	if (uart_ea < ram_bytes || uart_ea > (uint32_t)-1 - page)
		return -1;	/* its page would overlap the RAM map or wrap */
	native_tlb1_write(NATIVE_RAM_ESEL, NATIVE_RAM_LOG2, 0, 0, 0, PPC_BOOKE_MAS3_PERMS);
	native_tlb1_write(NATIVE_UART_ESEL, NATIVE_PAGE_LOG2, uart_ea & ~page,
			  PPC_BOOKE_MAS2_I | PPC_BOOKE_MAS2_G, uart_pa & ~(uint64_t)page,
			  PPC_BOOKE_MAS3_SR | PPC_BOOKE_MAS3_SW);
	/* the MAS registers as QEMU's reset left them, as a hosted guest finds
	 * them (MAS4 and MAS6 were not written) */
	MTSPR(PPC_BOOKE_SPR_MAS0, 0);
	MTSPR(PPC_BOOKE_SPR_MAS1, 0);
	MTSPR(PPC_BOOKE_SPR_MAS2, 0);
	MTSPR(PPC_BOOKE_SPR_MAS3, 0);
	MTSPR(PPC_BOOKE_SPR_MAS7, 0);
	console_uart = uart_ea;
	native_set_msr(mfmsr() | PPC_MSR_ME);
	guest_printf("guest: native: RAM 0..%u MiB in TLB1[%u], UART 0x%llx at 0x%x in TLB1[%u]\n",
		     (unsigned int)(ram_bytes >> 20), NATIVE_RAM_ESEL, (unsigned long long)uart_pa,
		     uart_ea, NATIVE_UART_ESEL);
	return 0;
}

static void native_exit(int status)
{
	volatile uint8_t *uart = (volatile uint8_t *)console_uart;

	guest_printf("EXIT: %d\n", status);
	while (!(uart[PPCPV_HOSTDEV_UART_LSR] & PPCPV_HOSTDEV_LSR_TEMT))
		;	/* the line out before the reset */
	MTSPR(PPC_BOOKE_SPR_DBCR0, PPC_BOOKE_DBCR0_RST_SYSTEM);
	__asm__ __volatile__("isync");
	for (;;)
		;
}

/* Does /chosen/bootargs contain word? */
int guest_bootarg_is(const char *word)
{
	return guest_words_contain(bootargs, word);
}
