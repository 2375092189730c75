#!/usr/bin/env bash
# The flagship demo: emulate Pinterest events into the embedded log, run the pin, geo and user
# cleaning jobs (availableNow: drain what is there, then stop) and summarise what landed.
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
  rows=$(cat data/out/$kind/part-*.jsonl 2>/dev/null | wc -l)
  files=$(ls data/out/$kind/part-*.jsonl 2>/dev/null | wc -l)
  echo "$kind: $rows cleaned rows in $files batch files under data/out/$kind"
  echo "  sample: $(head -n 1 "$(ls data/out/$kind/part-*.jsonl | head -n 1)")"
  "$sluice" checkpoint status "checkpoints/$kind" | sed 's/^/  /'
done
echo
echo "Run scripts/demo.sh again to emulate more events: each job processes exactly the new ones."
