/* SPDX-License-Identifier: MIT */
/* CRC-32 (the IEEE 802.3 polynomial, reflected), for the restore record. */
#ifndef PPCPV_TOOL_CRC32_H
#define PPCPV_TOOL_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Continue a CRC: start with crc = 0. */
uint32_t crc32_update(uint32_t crc, const void *data, size_t len);

#endif /* PPCPV_TOOL_CRC32_H */
