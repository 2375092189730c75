#!/usr/bin/env bash
# Builds sluice-bench in release mode and runs it: a Markdown table of throughput figures on
# emulator output (see `scripts/bench.sh --help`). Arguments go to sluice-bench unchanged.
# Without --json, the JSON report is also saved to bench-out/bench-<UTC date>.json.
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

if $wants_json; then
  exec .build/release/sluice-bench "$@"
fi
mkdir -p bench-out
out="bench-out/bench-$(date -u +%Y%m%dT%H%M%SZ).json"
.build/release/sluice-bench --json-out "$out" "$@"
