#include "sluice_kernels.h"

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

int sluice_tune_allocator_for_batches(void) {
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  return 1;
#else
  return 0;
#endif
}
