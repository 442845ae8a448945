// SPDX-License-Identifier: MIT
/* Table-driven CRC-32; the table is computed on first use. */
#include "crc32.h"

#define CRC32_POLY_REFLECTED 0xedb88320u

static uint32_t table[256];
static int table_ready;

static void fill_table(void)
{
	uint32_t i, bit, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (bit = 0; bit < 8; bit++)
			c = c & 1 ? (c >> 1) ^ CRC32_POLY_REFLECTED : c >> 1;
		table[i] = c;
	}
	table_ready = 1;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;

	if (!table_ready)
		fill_table();
	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
