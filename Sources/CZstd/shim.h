// libzstd from the system (Debian: libzstd-dev).
#include <zstd.h>
