#!/usr/bin/env bash
# Builds sluice-bench in release mode and runs it: a Markdown table of throughput figures on
# emulator output (see `scripts/bench.sh --help`). Arguments go to sluice-bench unchanged.
# The suite: JSON decode (MB/s, records/s), each cleaner (rows/s), Parquet encode + ZSTD per
# level (MB/s out, rows/s), log append/read, Delta table open (1,000 versions with and without
# checkpoints), the pin job end to end (records/s, batch latency p50/p99, Delta commit latency,
# peak RSS, start to first batch planned). Peers side by side: scripts/peers/compare.sh.
# Without --json, the JSON report is also saved to bench-out/bench-<UTC date>.json.
# The Delta cases (`--only delta`) include peer-deltars-pin, which runs
# scripts/peers/deltars_pin.py (delta-rs) with $SLUICE_INTEROP_PYTHON or the .venv-interop venv
# that scripts/test.sh creates; without it that case is reported as not run.
# Usage: scripts/bench.sh [--only pipeline-pin] [--records N] [--repeat N] [--json] ...
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
ensure_toolchain

say "building sluice-bench (release)"
swift build -c release --product sluice-bench --quiet

wants_json=false
for arg in "$@"; do
  case "$arg" in
    --json | -h | --help | help) wants_json=true ;;
  esac
done

if [ -z "${SLUICE_INTEROP_PYTHON:-}" ] && [ ! -x .venv-interop/bin/python ]; then
  say "note: no .venv-interop (run scripts/test.sh once): the delta-rs peer case will not run"
fi

if $wants_json; then
  exec .build/release/sluice-bench "$@"
fi
mkdir -p bench-out
out="bench-out/bench-$(date -u +%Y%m%dT%H%M%SZ).json"
.build/release/sluice-bench --json-out "$out" "$@"
