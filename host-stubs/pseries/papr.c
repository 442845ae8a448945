// SPDX-License-Identifier: MIT
/*
 * The host stub's console (line-buffered H_PUT_TERM_CHAR) and exit (RTAS),
 * on top of lib/papr: the host runs at PR=0, so QEMU answers its `sc 1`.
 */
#include <ppcpv/fmt.h>
#include <ppcpv/papr.h>
#include "pseries.h"

/* H_PUT_TERM_CHAR carries at most 16 bytes. */
#define TERM_CHUNK	16

static uint32_t console_vty;
static char line[TERM_CHUNK];
static size_t line_len;

void console_init(uint32_t vty)
{
	console_vty = vty;
}

void console_flush(void)
{
	if (!line_len)
		return;
	ppcpv_papr_vty_write(console_vty, line, line_len);
	line_len = 0;
}

void console_write(const char *buf, size_t len)
{
	while (len--) {
		line[line_len++] = *buf;
		if (*buf++ == '\n' || line_len == TERM_CHUNK)
			console_flush();
	}
}

static uint32_t rtas_power_off_token, rtas_os_term_token;

void rtas_init(uint32_t power_off_token, uint32_t os_term_token)
{
	rtas_power_off_token = power_off_token;
	rtas_os_term_token = os_term_token;
}

void rtas_exit(int status)
{
	console_flush();
	ppcpv_rtas_exit(rtas_power_off_token, rtas_os_term_token, status,
			"ppcpv host stub: non-zero exit status");
}
