#ifndef SLUICE_KERNELS_H
#define SLUICE_KERNELS_H

// Small native kernels for Sluice's hot loops: each has a portable fallback and uses vector or
// special instructions where the processor has them (chosen at run time where they are not
// part of the baseline architecture).

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has a CRC-32C instruction that sluice_crc32c_hardware_update uses
/// (SSE 4.2 on x86-64, the CRC extension on AArch64), else 0.
int sluice_crc32c_hardware_available(void);

/// Continues the CRC-32C `crc` (of the bytes before, 0 to start) over `count` bytes at `data`
/// with the processor's instruction. Only call it when sluice_crc32c_hardware_available() is 1.
uint32_t sluice_crc32c_hardware_update(uint32_t crc, const void *data, size_t count);

/// Tunes glibc's malloc for big per-batch buffers: one arena, no mmap below 1 GiB, no trimming
/// (see SluiceRuntime's AllocatorTuning). Returns 1 when applied, 0 elsewhere (other C libraries).
int sluice_tune_allocator_for_batches(void);

/// The number of leading bytes of `data[0..<count]` that may appear unescaped inside a JSON
/// string: the index of the first '"', '\\' or control byte (< 0x20), or `count` when there is
/// none. 16 bytes per step with SSE2 (x86-64) or NEON (AArch64).
size_t sluice_json_plain_string_bytes(const uint8_t *data, size_t count);

#endif
