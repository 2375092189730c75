#!/usr/bin/env bash
# Crash-injection harness: runs the three Pinterest jobs (Delta sinks) on the embedded log while
# killing them at random fault points and random times, then verifies with delta-rs and Sluice's
# own reader that every record is in its table exactly once. See README "Reliability".
#
#   scripts/crash-harness.sh [--kills N] [--seed S] [--records R] [--batch-records B]
#                            [--binary PATH] [--work DIR] [--keep] [--json] [--verbose]
#
# The binary defaults to $SLUICE_BIN, else .build/release/sluice, else .build/debug/sluice (build
# one first: swift build -c release --product sluice). Python is $SLUICE_INTEROP_PYTHON or
# .venv-interop/bin/python (scripts/test.sh creates it with deltalake).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${SLUICE_INTEROP_PYTHON:-$root/.venv-interop/bin/python}"
if [[ ! -x "$python" ]]; then
  echo "crash-harness: no interop Python at $python; run scripts/test.sh first (it creates .venv-interop)" >&2
  exit 2
fi
binary="${SLUICE_BIN:-}"
if [[ -z "$binary" ]]; then
  for candidate in "$root/.build/release/sluice" "$root/.build/debug/sluice"; do
    if [[ -x "$candidate" ]]; then binary="$candidate"; break; fi
  done
fi
has_binary=0
for arg in "$@"; do [[ "$arg" == "--binary" ]] && has_binary=1; done
if [[ $has_binary == 0 ]]; then
  if [[ -z "$binary" ]]; then
    echo "crash-harness: no sluice binary; run: swift build -c release --product sluice" >&2
    exit 2
  fi
  set -- --binary "$binary" "$@"
fi
exec "$python" "$root/scripts/crash_harness.py" "$@"
