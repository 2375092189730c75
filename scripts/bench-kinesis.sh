#!/usr/bin/env bash
# Kinesis source throughput against moto_server: puts N Pinterest pin events (emulator output)
# into an S-shard stream with boto3 (Examples/pinterest-kinesis/produce.py), then runs the pin job
# with `kind: kinesis` → pin cleaner → JSON Lines, trigger availableNow, and reports records/s of
# that run (median of R runs, each from a fresh checkpoint). moto (Python) serves GetRecords, so
# this measures the pair; the figure is a floor for real Kinesis. Needs .venv-interop (scripts/test.sh).
# Usage: scripts/bench-kinesis.sh [records=20000] [shards=2] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
ensure_toolchain

records="${1:-20000}"
shards="${2:-2}"
runs="${3:-3}"
python="${SLUICE_INTEROP_PYTHON:-$PWD/.venv-interop/bin/python}"
[ -x "$python" ] && [ -x "$(dirname "$python")/moto_server" ] || { echo "run scripts/test.sh first (moto in .venv-interop)" >&2; exit 1; }

sluice="${SLUICE_BIN:-}"
if [ -z "$sluice" ]; then
  say "building sluice (release)"
  swift build -c release --product sluice --quiet
  sluice="$PWD/.build/release/sluice"
fi

work="$(mktemp -d)"
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$(dirname "$python")/moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
disown "$moto"  # moto_server may ignore SIGTERM: the trap below ends it with SIGKILL, quietly
trap 'kill $moto 2>/dev/null; sleep 1; kill -9 $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do "$python" -c "import socket; socket.create_connection(('127.0.0.1',$port),1)" 2>/dev/null && break; sleep 0.1; done

cd "$work"
"$sluice" emulate --log log --count "$records" --partitions 1 --seed 100 >/dev/null
"$sluice" log read pinterest.pin --log log --max "$records" --json >pin.jsonl
"$python" "$OLDPWD/Examples/pinterest-kinesis/produce.py" --endpoint "http://127.0.0.1:$port" \
  --stream bench-pin --shards "$shards" pin.jsonl >/dev/null

rates=()
for run in $(seq "$runs"); do
  cat >job.yaml <<JOB
name: bench-pin
source:
  kind: kinesis
  streamName: bench-pin
  endpoint: http://127.0.0.1:$port
  maxRecordsPerBatch: 100000
transforms:
  - clean: pin
sink: {kind: jsonl, path: out-$run}
checkpoint: ckpt-$run
trigger: availableNow
JOB
  start=$(date +%s.%N)
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench "$sluice" run job.yaml >/dev/null
  end=$(date +%s.%N)
  rows=$(cat out-$run/*.jsonl | wc -l)
  [ "$rows" -eq "$records" ] || { echo "run $run wrote $rows rows, expected $records" >&2; exit 1; }
  rates+=("$(echo "$records / ($end - $start)" | bc -l)")
  printf 'run %d: %d records in %.2f s\n' "$run" "$records" "$(echo "$end - $start" | bc -l)"
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
printf 'kinesis-source (moto, %d shards, pin cleaner → JSON Lines): median %.0f records/s over %d runs\n' \
  "$shards" "$median" "$runs"
