#!/usr/bin/env bash
# Soak run (not a test): one `sluice run` process drains ≥ 5,000,000 Pinterest pin events from the
# embedded log into a Delta table in ≥ 1,000 micro-batches, while this script samples the
# process's resident memory (VmRSS from /proc) each time a batch's progress line appears.
# Prints RSS at batches 100 and 1,000 (and the last), their ratio, and writes every sample
# to <work>/rss.csv. See README "Reliability".
#
#   scripts/soak.sh [--records N] [--batch B] [--sink delta|jsonl] [--work DIR] [--binary PATH] [--keep]
#
# Defaults: 5,000,000 records, 4,900 per batch (1,021 batches), the release binary
# (build it first: swift build -c release --product sluice). Takes a few minutes and ~6 GB
# of disk (the emulator writes pin, geo and user events); run it with nice on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
records=5000000
batch=4900
work=""
binary="${SLUICE_BIN:-$root/.build/release/sluice}"
keep=0
sink=delta
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --sink) sink="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "soak: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ ! -x "$binary" ]]; then
  echo "soak: no sluice binary at $binary; run: swift build -c release --product sluice" >&2
  exit 2
fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
if [[ -z "$work" ]]; then work="$(mktemp -d "${TMPDIR:-/tmp}/sluice-soak-XXXXXX")"; fi
mkdir -p "$work"
cd "$work"

cat > soak.yaml <<EOF
name: soak
source:
  kind: log
  path: data/log
  topics: [pinterest.pin]
  maxRecordsPerBatch: $batch
transforms:
  - clean: pin
$(if [[ $sink == jsonl ]]; then echo "sink: {kind: jsonl, path: out/pin}"; else printf 'sink:\n  kind: delta\n  path: tables/pin\n  checkpointInterval: 10'; fi)
checkpoint: checkpoints/soak
trigger: availableNow
EOF

echo "soak: emulating $records events per topic into $work/data/log …"
started=$(date +%s)
"$binary" emulate --count "$records" --seed 11 --log data/log > /dev/null
echo "soak: emulated in $(( $(date +%s) - started )) s; running the pin job ($batch records per batch) …"

started=$(date +%s)
echo "batch,rss_kb,rows" > rss.csv
rm -f progress.fifo
mkfifo progress.fifo
"$binary" run soak.yaml --json > progress.fifo 2> job.err &
pid=$!
batches=0
while IFS= read -r line; do
  [[ "$line" == \{* ]] || continue
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  id=$(sed -E 's/.*"batchId":([0-9]+).*/\1/' <<< "$line")
  rows=$(sed -E 's/.*"numInputRows":([0-9]+).*/\1/' <<< "$line")
  echo "$id,$rss,$rows" >> rss.csv
  batches=$((batches + 1))
  if (( batches % 100 == 0 )); then echo "soak: batch $id  RSS $((rss / 1024)) MiB"; fi
done < progress.fifo
wait "$pid" || { echo "soak: the job failed:" >&2; cat job.err >&2; exit 1; }
seconds=$(( $(date +%s) - started ))

awk -F, -v seconds="$seconds" '
  NR == 1 { next }
  { total += $3; n++; if ($2 > 0) { rss[$1] = $2; last = $1 }; if ($2 > peak) peak = $2 }
  END {
    printf "soak: %d batches, %d records in %d s (%.0f records/s)\n", n, total, seconds, total / (seconds > 0 ? seconds : 1)
    printf "soak: RSS at batch 100: %.1f MiB\n", rss[100] / 1024
    printf "soak: RSS at batch 1000: %.1f MiB\n", rss[1000] / 1024
    printf "soak: RSS at batch %d (last sampled): %.1f MiB; peak sampled %.1f MiB\n", last, rss[last] / 1024, peak / 1024
    if (rss[100] > 0 && rss[1000] > 0) {
      ratio = rss[1000] / rss[100]
      printf "soak: batch 1000 / batch 100 = %.3f (%s the 10%% bound)\n", ratio, (ratio <= 1.10 && ratio >= 0.90) ? "within" : "OUTSIDE"
    }
  }' rss.csv
echo "soak: samples in $work/rss.csv"
if [[ $keep == 0 ]]; then
  find "$work" -mindepth 1 -maxdepth 1 ! -name rss.csv -exec rm -rf {} +
fi
