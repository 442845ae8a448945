// SPDX-License-Identifier: MIT
/*
 * The test-guest runtime: console (the host's MMIO UART, or the ePAPR
 * byte channel), exit through the host device's exit register, TAP-like
 * checks, interrupt dispatch and the user-mode round trip.  A guest booted
 * natively (QEMU pseries alone, no host device in its tree) talks to the
 * pseries firmware instead: the vty for the console, RTAS to exit.
 */
#include <stdarg.h>
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/fmt.h>
#include <ppcpv/hcall.h>
#include <ppcpv/host/hostdev.h>
#include <ppcpv/papr.h>
#include "bootargs.h"
#include "bytechannel.h"
#include "guest.h"

#define MAX_VECTOR	PPC_BOOK3S_VEC_AREA_END
#define FDT_MAX_SIZE	0x10000
#define EXIT_UNHANDLED	90

extern char guest_user_return[];

static uint64_t hostdev;
static const char *bootargs = "";
static char console_how = 'm';
/* Native only: the vty and the RTAS services that end the machine. */
static struct {
	uint32_t vty;
	uint32_t power_off, os_term;
} firmware = { PAPR_VTY_DEFAULT, 0, 0 };
static int failures;
static guest_handler handlers[MAX_VECTOR / 0x20];

uint64_t guest_hostdev(void)
{
	return hostdev;
}

void guest_console_use(char how)
{
	console_how = how;
}

static void mmio_putc(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)(uintptr_t)hostdev;

	while (!(uart[PPCPV_HOSTDEV_UART_LSR] & PPCPV_HOSTDEV_LSR_THRE))
		;
	uart[PPCPV_HOSTDEV_UART_THR] = (uint8_t)c;
}

static void console_write(const char *s, size_t n)
{
	if (console_how == 'b') {
		guest_byte_channel_write(s, n);
		return;
	}
	if (!hostdev) {
		ppcpv_papr_vty_write(firmware.vty, s, n);
		return;
	}
	while (n--)
		mmio_putc(*s++);
}

int guest_native(void)
{
	return hostdev == 0;
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
	volatile uint32_t *exit_reg = (volatile uint32_t *)(uintptr_t)(hostdev + PPCPV_HOSTDEV_EXIT);

	if (hostdev)
		*exit_reg = (uint32_t)status;
	/* Natively nobody else reports the status. */
	guest_printf("EXIT: %d\n", status);
	ppcpv_rtas_exit(firmware.power_off, firmware.os_term, status, "test guest failed");
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

void guest_set_handler(unsigned int vector, guest_handler h)
{
	if (vector < MAX_VECTOR && vector % 0x20 == 0)
		handlers[vector / 0x20] = h;
}

static int user_exit(struct guest_frame *f)
{
	if (f->vector != PPC_BOOK3S_VEC_SYSCALL || !(f->srr1 & PPC_MSR_PR) || (uint32_t)f->gpr[0] != USER_EXIT_R0)
		return 0;
	f->srr0 = (uint64_t)(uintptr_t)guest_user_return;
	f->srr1 = *(volatile uint64_t *)(uintptr_t)(GS_KCTX + KCTX_MSR);
	return 1;
}

void guest_trap(struct guest_frame *f)
{
	guest_handler h = f->vector < MAX_VECTOR ? handlers[f->vector / 0x20] : NULL;

	if (user_exit(f))
		return;
	if (h) {
		h(f);
		return;
	}
	guest_printf("not ok - unexpected interrupt 0x%llx at 0x%llx srr1=0x%llx dar=0x%llx\n",
		     (unsigned long long)f->vector, (unsigned long long)f->srr0,
		     (unsigned long long)f->srr1, (unsigned long long)f->dar);
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

static void find_hostdev(const void *fdt, size_t size)
{
	int node = ppcpv_fdt_find_compatible(fdt, size, -1, PPCPV_HOSTDEV_COMPATIBLE);

	if (node >= 0)
		ppcpv_fdt_get_cells(fdt, size, node, "reg", 0, 2, &hostdev);
}

/* The first "reg" cell of a node (the vty's unit address). */
static void get_reg32(const void *fdt, size_t size, int node, uint32_t *out)
{
	uint64_t v;

	if (node >= 0 && !ppcpv_fdt_get_cells(fdt, size, node, "reg", 0, 1, &v))
		*out = (uint32_t)v;
}

static void find_firmware(const void *fdt, size_t size)
{
	int chosen = ppcpv_fdt_path_offset(fdt, size, "/chosen");
	int rtas = ppcpv_fdt_path_offset(fdt, size, "/rtas");
	const char *path;

	if (chosen >= 0 && !ppcpv_fdt_get_string(fdt, size, chosen, "stdout-path", &path))
		get_reg32(fdt, size, ppcpv_fdt_path_offset(fdt, size, path), &firmware.vty);
	if (rtas >= 0) {
		ppcpv_fdt_get_u32(fdt, size, rtas, "power-off", &firmware.power_off);
		ppcpv_fdt_get_u32(fdt, size, rtas, "ibm,os-term", &firmware.os_term);
	}
}

/* Does /chosen/bootargs contain word? */
int guest_bootarg_is(const char *word)
{
	return guest_words_contain(bootargs, word);
}

void guest_start(const void *fdt)
{
	long size = ppcpv_fdt_total_size(fdt, FDT_MAX_SIZE);

	if (size < 0)
		guest_exit(EXIT_UNHANDLED);	/* silent: no console without a tree */
	find_hostdev(fdt, (size_t)size);
	if (!hostdev)
		find_firmware(fdt, (size_t)size);
#ifdef __LITTLE_ENDIAN__
	/* Natively QEMU pseries delivers interrupts big-endian until asked;
	 * the host enters a little-endian guest with little-endian ones. */
	if (!hostdev)
		ppcpv_papr_hcall(H_SET_MODE, H_SET_MODE_ENDIAN_LITTLE, H_SET_MODE_RESOURCE_LE, 0, 0, NULL);
#endif
	bootargs = guest_fdt_bootargs(fdt, (size_t)size);
	guest_printf("guest: started, fdt at %p (%ld bytes)\n", fdt, size);
	guest_exit(guest_test_main(fdt, (size_t)size));
}
