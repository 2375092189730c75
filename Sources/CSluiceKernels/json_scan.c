// Finding the end of the plain part of a JSON string: the hot loop of the JSON decoder.
#include "sluice_kernels.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#endif

size_t sluice_json_plain_string_bytes(const uint8_t *data, size_t count) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1F);
  while (i + 16 <= count) {
    __m128i v = _mm_loadu_si128((const __m128i *)(data + i));
    // v <= 0x1F (unsigned) ⇔ max(v, 0x1F) == 0x1F
    __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
    int mask = _mm_movemask_epi8(special);
    if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask);
    i += 16;
  }
#elif defined(__aarch64__)
  const uint8x16_t quote = vdupq_n_u8('"');
  const uint8x16_t backslash = vdupq_n_u8('\\');
  const uint8x16_t control = vdupq_n_u8(0x20);
  while (i + 16 <= count) {
    uint8x16_t v = vld1q_u8(data + i);
    uint8x16_t special = vorrq_u8(vorrq_u8(vceqq_u8(v, quote), vceqq_u8(v, backslash)), vcltq_u8(v, control));
    if (vmaxvq_u8(special) != 0) break;  // the byte loop below finds it
    i += 16;
  }
#endif
  while (i < count) {
    uint8_t c = data[i];
    if (c == '"' || c == '\\' || c < 0x20) return i;
    i += 1;
  }
  return count;
}
