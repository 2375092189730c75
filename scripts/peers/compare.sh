#!/usr/bin/env bash
# Runs the Pinterest pin job side by side on the same records: Sluice (release build, log →
# clean:pin → Delta, availableNow), delta-rs (scripts/peers/deltars_pin.py), Spark Structured
# Streaming (scripts/peers/spark_pin.py, local[2]) and DuckDB as one batch SQL
# (scripts/peers/duckdb_pin.py). Prints one table (records/s end to end, per-batch latency
# p50/p99, peak RSS, Sluice/peer ratios) and saves it as JSON in bench-out/.
#
# Set-up it does itself: the release build, a Python venv .venv-bench (pyspark, deltalake,
# pyarrow, duckdb), a Java 17 runtime (apt-get openjdk-17-jre-headless when `java` is missing)
# and GNU time. Data: `sluice emulate --count N` into a fresh embedded log (seed 100, 3
# partitions), and the same pin records as one JSON Lines file for the peers (and split into
# files of one batch each for Spark's file source).
#
# Every measured process runs under `nice -n 10` (`--nice 0` for full priority) and under
# /usr/bin/time -v (peak RSS, wall time); the load average is printed before each peer.
#
# Usage: scripts/peers/compare.sh [--quick] [--records N] [--runs N] [--spark-runs N]
#                                 [--batch N] [--only sluice,deltars,spark,duckdb] [--nice N] [--keep]
#   --quick        200,000 records, one run each
#   --records N    pin records (default 1,000,000)
#   --runs N       runs per peer, median reported (default 3)
#   --spark-runs N runs of Spark (default: --runs)
#   --batch N      records per micro-batch (default 100,000)
#   --only LIST    peers to run (default all four)
#   --keep         keep the work folder (bench-out/compare-work)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/setup.sh

records=1000000
runs=3
spark_runs=""
batch=100000
only="sluice,deltars,spark,duckdb"
nice_level=10
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) records=200000; runs=1 ;;
    --records) records="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --spark-runs) spark_runs="$2"; shift ;;
    --batch) batch="$2"; shift ;;
    --only) only="$2"; shift ;;
    --nice) nice_level="$2"; shift ;;
    --keep) keep=true ;;
    -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
spark_runs="${spark_runs:-$runs}"
wants() { [[ ",$only," == *",$1,"* ]]; }

ensure_toolchain
ensure_python
ensure_apt time
if wants spark && ! command -v java >/dev/null 2>&1; then
  ensure_apt openjdk-17-jre-headless
fi
ensure_venv .venv-bench pyspark deltalake pyarrow "duckdb==1.5.5"
python=.venv-bench/bin/python

say "building sluice (release)"
swift build -c release --product sluice --quiet
sluice=.build/release/sluice

work=bench-out/compare-work
rm -rf "$work"
mkdir -p "$work/results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

say "emulating $records pin events (seed 100, 3 partitions) into $work/log (untimed)"
"$sluice" emulate --log "$work/log" --count "$records" --seed 100 --partitions 3 >/dev/null
say "exporting the same pin records as JSON Lines for the peers (untimed)"
for partition in 0 1 2; do
  "$sluice" log read pinterest.pin --log "$work/log" --partition "$partition" --max "$records" | cut -f2-
done >"$work/pin.jsonl"
exported=$(wc -l <"$work/pin.jsonl")
if [ "$exported" -ne "$records" ]; then
  echo "compare.sh: exported $exported pin records, expected $records" >&2
  exit 1
fi
if wants spark; then
  mkdir -p "$work/spark-in"
  split -l "$batch" -d -a 4 --additional-suffix=.json "$work/pin.jsonl" "$work/spark-in/part-"
fi

# measure NAME RUN COMMAND...: runs COMMAND niced under /usr/bin/time -v; its stdout goes to
# results/NAME-RUN.out, time's report to results/NAME-RUN.time, the launch time (ns) to
# results/NAME-RUN.start and the load average to results/NAME-RUN.load.
measure() {
  local name="$1" run="$2"
  shift 2
  local base="$work/results/$name-$run"
  sync
  cut -d' ' -f1-3 /proc/loadavg >"$base.load"
  say "$name run $run/$([ "$name" = spark ] && echo "$spark_runs" || echo "$runs") (load average $(cat "$base.load"))"
  date +%s%N >"$base.start"
  /usr/bin/time -v -o "$base.time" nice -n "$nice_level" "$@" >"$base.out"
}

if wants sluice; then
  for run in $(seq 1 "$runs"); do
    dir="$work/sluice-$run"
    mkdir -p "$dir"
    cat >"$dir/job.yaml" <<EOF
name: pin-compare
source:
  kind: log
  path: '$PWD/$work/log'
  topics: [pinterest.pin]
  startingOffsets: earliest
  maxRecordsPerBatch: $batch
transforms:
  - clean: pin
sink:
  kind: delta
  path: '$PWD/$dir/table'
checkpoint: '$PWD/$dir/checkpoint'
trigger: availableNow
onError: fail
EOF
    measure sluice "$run" "$sluice" run "$dir/job.yaml" --json --log-level warning
    [ "$run" -lt "$runs" ] && rm -rf "$dir/table"
  done
fi

if wants deltars; then
  for run in $(seq 1 "$runs"); do
    measure deltars "$run" "$python" scripts/peers/deltars_pin.py --input "$work/pin.jsonl" \
      --table-dir "$work/deltars-$run" --batch "$batch" --once
  done
fi

if wants spark; then
  for run in $(seq 1 "$spark_runs"); do
    measure spark "$run" "$python" scripts/peers/spark_pin.py --input-dir "$work/spark-in" \
      --work-dir "$work/spark-$run"
    [ "$run" -lt "$spark_runs" ] && rm -rf "$work/spark-$run"
  done
fi

if wants duckdb; then
  for run in $(seq 1 "$runs"); do
    measure duckdb "$run" "$python" scripts/peers/duckdb_pin.py --input "$work/pin.jsonl" \
      --output "$work/duckdb-$run.parquet"
  done
fi

mkdir -p bench-out
"$python" scripts/peers/compare_report.py --work "$work" --records "$records" --batch "$batch" \
  --sluice-version "$("$sluice" --version 2>/dev/null || echo unknown)" --nice "$nice_level" \
  --json-out "bench-out/compare-$stamp.json"
if ! $keep; then rm -rf "$work"; fi
