// SPDX-License-Identifier: MIT
/*
 * The parts of QEMU's ppce500 SoC the host uses, in its CCSR block (36-bit
 * PA 0xF_E000_0000, mapped at EA 0xE000_0000): the 16550 UART for the
 * console, the GPIO line QEMU wires to power-off (exit 0), and the PCI
 * controller behind which a pvpanic-pci device makes QEMU exit 1
 * (-action panic=exit-failure).  The addresses are QEMU's
 * (hw/ppc/e500.c, its device tree); see
 * shared/reference/qemu-system-harness.md sections 1 and 6.
 */
#include "e500.h"

#define CCSR_PA			UINT64_C(0xfe0000000)
#define CCSR_EA			0xe0000000u
#define CCSR_BYTES		0x00100000u

#define UART_OFFSET		0x4500u

#define GPIO_OFFSET		0xff000u
#define GPIO_GPDIR		0x00
#define GPIO_GPDAT		0x08
#define GPIO_POWER_OFF_LINE	0x80000000u	/* line 0: QEMU's power-off */

/* The PCI host bridge: configuration cycles and outbound window 1. */
#define PCI_OFFSET		0x8000u
#define PCI_CFG_ADDR		0x000
#define PCI_CFG_DATA		0x004	/* little-endian */
#define PCI_CFG_ENABLE		0x80000000u
#define PCI_CFG_DEV_SHIFT	11
#define PCI_DEVICES		32
#define PCI_POTAR1		0xc20
#define PCI_POWBAR1		0xc28
#define PCI_POWAR1		0xc30
#define PCI_POWAR_EN_MEM_1M	0x80044013u	/* enabled, memory reads/writes, 1 MiB */
#define PCI_WINDOW_PA		UINT64_C(0xc00000000)
#define PCI_WINDOW_BUS		0xe0000000u
#define PCI_WINDOW_EA		0xd0000000u
#define PCI_WINDOW_BYTES	0x00100000u
#define PCI_REG_ID		0x00
#define PCI_REG_COMMAND		0x04
#define PCI_REG_BAR0		0x10
#define PCI_COMMAND_MEMORY	0x2
#define PVPANIC_PCI_ID		0x00111b36u	/* device 0x0011, vendor 0x1b36 */
#define PVPANIC_PANICKED	1

const char host_platform_name[] = "e500";

static volatile uint8_t *ccsr(uint32_t offset)
{
	return (volatile uint8_t *)(uintptr_t)(CCSR_EA + offset);
}

static void write32(uint32_t offset, uint32_t val)
{
	*(volatile uint32_t *)ccsr(offset) = val;
	__asm__ __volatile__("sync" : : : "memory");
}

void soc_init(void)
{
	mmu_map_ccsr(CCSR_PA, CCSR_EA, CCSR_BYTES);
}

void console_write(const char *buf, size_t len)
{
	uart16550_write(ccsr(UART_OFFSET), buf, len);
}

static uint32_t pci_config(unsigned int dev, uint32_t reg, int write, uint32_t val)
{
	volatile uint32_t *data = (volatile uint32_t *)ccsr(PCI_OFFSET + PCI_CFG_DATA);

	write32(PCI_OFFSET + PCI_CFG_ADDR, PCI_CFG_ENABLE | (dev << PCI_CFG_DEV_SHIFT) | reg);
	if (write) {
		*data = __builtin_bswap32(val);
		__asm__ __volatile__("sync" : : : "memory");
		return 0;
	}
	return __builtin_bswap32(*data);
}

/* pvpanic-pci: found on bus 0, its BAR in outbound window 1, the event
 * written.  Returns only if there is none. */
static void pvpanic(void)
{
	unsigned int dev;

	for (dev = 0; dev < PCI_DEVICES; dev++)
		if (pci_config(dev, PCI_REG_ID, 0, 0) == PVPANIC_PCI_ID)
			break;
	if (dev == PCI_DEVICES) {
		host_printf("host: no pvpanic-pci device: cannot make QEMU fail\n");
		return;
	}
	write32(PCI_OFFSET + PCI_POTAR1, PCI_WINDOW_BUS >> 12);
	write32(PCI_OFFSET + PCI_POWBAR1, (uint32_t)(PCI_WINDOW_PA >> 12));
	write32(PCI_OFFSET + PCI_POWAR1, PCI_POWAR_EN_MEM_1M);
	mmu_map_io(PCI_WINDOW_PA, PCI_WINDOW_EA, PCI_WINDOW_BYTES);
	pci_config(dev, PCI_REG_BAR0, 1, PCI_WINDOW_BUS);
	pci_config(dev, PCI_REG_COMMAND, 1, PCI_COMMAND_MEMORY);
	*(volatile uint8_t *)(uintptr_t)PCI_WINDOW_EA = PVPANIC_PANICKED;
	__asm__ __volatile__("sync" : : : "memory");
}

void soc_exit(int status)
{
	if (status) {
		pvpanic();
	} else {
		write32(GPIO_OFFSET + GPIO_GPDIR, GPIO_POWER_OFF_LINE);
		write32(GPIO_OFFSET + GPIO_GPDAT, GPIO_POWER_OFF_LINE);
	}
	for (;;)
		;
}
