// SPDX-License-Identifier: MIT
/*
 * The parts of QEMU's bamboo board (PowerPC 440EP) the host uses: the
 * first 16550 UART for the console (at PA 0xef600300, byte registers;
 * QEMU's initial TLB entry maps it at EA = PA for the host), and a system
 * reset through DBCR0[RST] to end the run: with -no-reboot QEMU then
 * exits 0.  Bamboo has neither ppce500's GPIO power-off nor a way to make
 * QEMU exit non-zero short of a PCI pvpanic behind the 440's own PCI
 * bridge, so a failing run (status != 0) prints its EXIT line and halts
 * in a loop until the harness's timeout kills QEMU (tests/host/b440).
 */
#include <ppcpv/isa/ppc440.h>
#include "../e500/e500.h"

const char host_platform_name[] = "440";

#define UART0_EA		0xef600300u

void soc_init(void)
{
}

void console_write(const char *buf, size_t len)
{
	uart16550_write((volatile uint8_t *)(uintptr_t)UART0_EA, buf, len);
}

void soc_exit(int status)
{
	if (!status)
		__asm__ __volatile__("mtspr %0,%1; isync" : : "i"(PPC_440_SPR_DBCR0),
				     "r"(PPC_440_DBCR0_RST_SYSTEM) : "memory");
	for (;;)
		;
}
