// zlib from the system (Debian: zlib1g-dev), for gzip streams.
#include <zlib.h>
