#!/usr/bin/env bash
# The flagship demo: emulate Pinterest events into the embedded log, run the pin, geo and user
# cleaning jobs into Delta tables (availableNow: drain what is there, then stop) and summarise
# what landed (table details, a sample row, checkpoint status, table history).
# Run it again: new events are emulated and exactly those are processed.
# Usage: scripts/demo.sh [events per kind, default 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
ensure_toolchain

events="${1:-20000}"
say "building sluice (release)"
swift build -c release --product sluice --quiet
sluice=".build/release/sluice"

say "emulating $events Pinterest events per kind into data/log"
"$sluice" emulate --log data/log --count "$events"

for kind in pin geo user; do
  say "running job $kind (Examples/pinterest/$kind.yaml)"
  "$sluice" run "Examples/pinterest/$kind.yaml" --trigger availableNow
done

say "summary"
for kind in pin geo user; do
  echo "== $kind: Delta table tables/$kind"
  "$sluice" table describe "tables/$kind" | grep -E "^(version|numFiles|sizeInBytes|numRecords)"
  echo "  sample row:"
  "$sluice" table scan "tables/$kind" --limit 1 --format json | sed 's/^/    /'
  "$sluice" checkpoint status "checkpoints/$kind" --log data/log | sed 's/^/  /'
  echo "  history (newest first):"
  "$sluice" table history "tables/$kind" --limit 5 | sed 's/^/    /'
done
echo
echo "Query the tables with DuckDB, delta-rs or pyarrow: see README.md (Querying the tables)."
echo "Run scripts/demo.sh again to emulate more events: each job processes exactly the new ones."
