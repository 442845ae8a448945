// SPDX-License-Identifier: MIT
/*
 * The console, chosen from /chosen/stdout-path: an ePAPR byte channel
 * (EV_BYTE_CHANNEL_SEND, once the hypercall stub is installed), the ppcpv
 * host device's transmit register, a 16550 UART the tree gives an
 * effective address ("virtual-reg": QEMU bamboo's, natively; its registers
 * are the ones the host device imitates), or the pseries vty
 * (H_PUT_TERM_CHAR).
 */
#include <stdarg.h>
#include <ppcpv/abi.h>
#include <ppcpv/fdt.h>
#include <ppcpv/fmt.h>
#include <ppcpv/hcall.h>
#include <ppcpv/papr.h>
#include <ppcpv/host/hostdev.h>
#include "ref.h"

enum console_kind { CONSOLE_NONE, CONSOLE_VTY, CONSOLE_HOSTDEV, CONSOLE_BYTE_CHANNEL, CONSOLE_UART };

static struct {
	enum console_kind kind;
	uint64_t handle;	/* vty number, byte-channel handle, or the UART's EA */
} con;

static int stdout_node(const void *fdt, size_t size)
{
	char path[64];
	const char *p;
	int chosen = ppcpv_fdt_path_offset(fdt, size, "/chosen");
	size_t i;

	/* (the older name: QEMU bamboo's tree has only that) */
	if (chosen < 0 || (ppcpv_fdt_get_string(fdt, size, chosen, "stdout-path", &p) < 0 &&
			   ppcpv_fdt_get_string(fdt, size, chosen, "linux,stdout-path", &p) < 0))
		return -1;
	for (i = 0; p[i] && p[i] != ':' && i + 1 < sizeof(path); i++)
		path[i] = p[i];
	path[i] = '\0';
	return ppcpv_fdt_path_offset(fdt, size, path);
}

static int node_is(const void *fdt, size_t size, int node, const char *compat)
{
	const void *val;
	int len = ppcpv_fdt_getprop(fdt, size, node, "compatible", &val);

	return len > 0 && ppcpv_fdt_stringlist_contains(val, len, compat);
}

void console_init(const void *fdt, size_t size, int hcalls_ready)
{
	int node = stdout_node(fdt, size);
	uint32_t handle = 0;

	if (node >= 0 && hcalls_ready && node_is(fdt, size, node, "epapr,hv-byte-channel") &&
	    !ppcpv_fdt_get_u32(fdt, size, node, "hv-handle", &handle)) {
		con.kind = CONSOLE_BYTE_CHANNEL;
		con.handle = handle;
	} else if (platform_hostdev()) {
		con.kind = CONSOLE_HOSTDEV;
	} else if (node >= 0 && node_is(fdt, size, node, "ns16550") &&
		   !ppcpv_fdt_get_u32(fdt, size, node, "virtual-reg", &handle)) {
		con.kind = CONSOLE_UART;
		con.handle = handle;
	} else {
		con.kind = CONSOLE_VTY;
		con.handle = node >= 0 ? fdt_reg_address(fdt, size, node) : 0;
		if (!con.handle)
			con.handle = PAPR_VTY_DEFAULT;
	}
}

/* Up to 16 bytes, big-endian packed into 8-byte words (ePAPR byte channel). */
static uint64_t pack(const char *s, size_t n, size_t word)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++) {
		size_t k = word * 8 + i;

		v = (v << 8) | (k < n ? (unsigned char)s[k] : 0);
	}
	return v;
}

static void write_chunk(const char *s, size_t n)
{
	volatile uint8_t *thr;
	unsigned long in[PPCPV_HCALL_NARGS] = { 0 };
	size_t i;

	switch (con.kind) {
	case CONSOLE_BYTE_CHANNEL:
		in[0] = con.handle;
		in[1] = n;
		for (i = 0; i < 4; i++)	/* r5..r8 carry the bytes, 4 per register */
			in[2 + i] = (uint32_t)(pack(s, n, i / 2) >> (i % 2 ? 0 : 32));
		ppcpv_hcall(PPCPV_TOKEN_BYTE_CHANNEL_SEND, in, NULL);
		break;
	case CONSOLE_HOSTDEV:
		thr = (volatile uint8_t *)(uintptr_t)(platform_hostdev() + PPCPV_HOSTDEV_UART_THR);
		for (i = 0; i < n; i++)
			*thr = (uint8_t)s[i];
		break;
	case CONSOLE_UART:
		thr = (volatile uint8_t *)(uintptr_t)con.handle;
		for (i = 0; i < n; i++) {
			while (!(thr[PPCPV_HOSTDEV_UART_LSR] & PPCPV_HOSTDEV_LSR_THRE))
				;
			thr[PPCPV_HOSTDEV_UART_THR] = (uint8_t)s[i];
		}
		break;
	case CONSOLE_VTY:
		ppcpv_papr_vty_write((uint32_t)con.handle, s, n);
		break;
	default:
		break;
	}
}

uint64_t console_uart(void)
{
	return con.kind == CONSOLE_UART ? con.handle : 0;
}

void console_write(const char *s, size_t n)
{
	while (n) {
		size_t chunk = n > 16 ? 16 : n;

		write_chunk(s, chunk);
		s += chunk;
		n -= chunk;
	}
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ppcpv_vprint(console_write, fmt, ap);
	va_end(ap);
}
