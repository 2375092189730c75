#ifndef SLUICE_CRC32C_H
#define SLUICE_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has a CRC-32C instruction that sluice_crc32c_hardware_update uses
/// (SSE 4.2 on x86-64, the CRC extension on AArch64), else 0.
int sluice_crc32c_hardware_available(void);

/// Continues the CRC-32C `crc` (of the bytes before, 0 to start) over `count` bytes at `data`
/// with the processor's instruction. Only call it when sluice_crc32c_hardware_available() is 1.
uint32_t sluice_crc32c_hardware_update(uint32_t crc, const void *data, size_t count);

#endif
