/* SPDX-License-Identifier: MIT */
/*
 * bytechannel.h - the console through the ePAPR byte channel, for the test
 * guest runtimes (tests/host's and tests/host/e500's lib.c): one
 * BYTE_CHANNEL_SEND hypercall carries up to 16 bytes, where the host
 * device's UART takes one trapping store per byte.  Needs the hypercall
 * sequence installed (ppcpv_hcall_install()).
 */
#ifndef PPCPV_TEST_GUEST_BYTECHANNEL_H
#define PPCPV_TEST_GUEST_BYTECHANNEL_H

#include <stddef.h>
#include <stdint.h>
#include <ppcpv/abi.h>
#include <ppcpv/hcall.h>

/* r4 the count, r5..r8 the bytes, 4 per register, first byte highest (as
 * a 32-bit register holds them: the same on 32- and 64-bit guests). */
static inline void guest_byte_channel_write(const char *s, size_t n)
{
	unsigned long in[PPCPV_HCALL_NARGS], chunk, i;

	while (n) {
		chunk = n > PPCPV_EV_BYTE_CHANNEL_MAX_BYTES ? PPCPV_EV_BYTE_CHANNEL_MAX_BYTES : n;
		for (i = 0; i < PPCPV_HCALL_NARGS; i++)
			in[i] = 0;
		in[1] = chunk;
		for (i = 0; i < chunk; i++)
			in[2 + i / 4] |= (unsigned long)(uint8_t)s[i] << (24 - 8 * (i % 4));
		ppcpv_hcall(PPCPV_TOKEN_BYTE_CHANNEL_SEND, in, NULL);
		s += chunk;
		n -= chunk;
	}
}

#endif /* PPCPV_TEST_GUEST_BYTECHANNEL_H */
