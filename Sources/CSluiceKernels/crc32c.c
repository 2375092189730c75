// CRC-32C with the processor's instruction, chosen at run time (the build targets the
// baseline architecture, so the instruction is only enabled inside these functions).
#include "sluice_kernels.h"

#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

int sluice_crc32c_hardware_available(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse4.2") ? 1 : 0;
}

__attribute__((target("sse4.2"))) uint32_t sluice_crc32c_hardware_update(uint32_t crc, const void *data,
                                                                        size_t count) {
  const unsigned char *p = (const unsigned char *)data;
  uint64_t c = (uint32_t)~crc;
  while (count >= 8) {
    uint64_t word;
    memcpy(&word, p, 8);
    c = _mm_crc32_u64(c, word);
    p += 8;
    count -= 8;
  }
  uint32_t c32 = (uint32_t)c;
  while (count > 0) {
    c32 = _mm_crc32_u8(c32, *p);
    p += 1;
    count -= 1;
  }
  return ~c32;
}

#elif defined(__aarch64__) && defined(__linux__)
#include <arm_acle.h>
#include <sys/auxv.h>

#ifndef HWCAP_CRC32
#define HWCAP_CRC32 (1 << 7)
#endif

int sluice_crc32c_hardware_available(void) { return (getauxval(AT_HWCAP) & HWCAP_CRC32) ? 1 : 0; }

__attribute__((target("crc"))) uint32_t sluice_crc32c_hardware_update(uint32_t crc, const void *data,
                                                                      size_t count) {
  const unsigned char *p = (const unsigned char *)data;
  uint32_t c = ~crc;
  while (count >= 8) {
    uint64_t word;
    memcpy(&word, p, 8);
    c = __crc32cd(c, word);
    p += 8;
    count -= 8;
  }
  while (count > 0) {
    c = __crc32cb(c, *p);
    p += 1;
    count -= 1;
  }
  return ~c;
}

#else

int sluice_crc32c_hardware_available(void) { return 0; }

uint32_t sluice_crc32c_hardware_update(uint32_t crc, const void *data, size_t count) {
  (void)data;
  (void)count;
  return crc;
}

#endif
