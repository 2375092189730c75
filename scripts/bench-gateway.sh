#!/usr/bin/env bash
# Benchmarks the ingestion gateway (not a test): builds a release `sluice`, starts
# `sluice serve` on 127.0.0.1 over a scratch log, and drives it with many concurrent HTTP clients
# (scripts/peers/gateway_load.py: asyncio + aiohttp, in its own venv .venv-bench) in both of the
# seeds' shapes (Kafka REST, API-Gateway Kinesis), one record per request as the seeds send, then
# 100 records per request. Prints records/s and request latency p50/p99 per case.
# The client shares the machine's cores with the server: figures are for both together.
# Usage: scripts/bench-gateway.sh [--requests N] [--concurrency C] [--fsync always|never|interval:<ms>]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
ensure_toolchain
ensure_python
ensure_venv .venv-bench aiohttp

requests=20000
concurrency=64
fsync=always
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --fsync) fsync="$2"; shift 2 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say "building sluice (release)"
swift build -c release --product sluice --quiet

scratch="$(mktemp -d /tmp/sluice-bench-gateway.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

.build/release/sluice log create bench.pin --log "$scratch/log" --partitions 2 >/dev/null
.build/release/sluice log create bench.kinesis --log "$scratch/log" --partitions 2 >/dev/null
.build/release/sluice serve --log "$scratch/log" --port 0 --fsync "$fsync" --create-topics off \
  >"$scratch/serve.out" 2>"$scratch/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$scratch/serve.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$scratch/serve.out" | head -1)"
[ -n "$url" ] || { cat "$scratch/serve.err" >&2; echo "sluice serve did not start" >&2; exit 1; }
say "sluice serve at $url (fsync $fsync); $requests requests per case, $concurrency concurrent clients"

printf '\n| shape | records/request | requests | records/s | requests/s | p50 ms | p99 ms | failures |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for shape in kafka kinesis; do
  topic=bench.pin
  [ "$shape" = kinesis ] && topic=bench.kinesis
  for batch in 1 100; do
    n="$requests"
    [ "$batch" -gt 1 ] && n=$((requests / 20))
    .venv-bench/bin/python scripts/peers/gateway_load.py --url "$url" --shape "$shape" --topic "$topic" \
      --requests "$n" --concurrency "$concurrency" --batch "$batch" >"$scratch/result.json"
    .venv-bench/bin/python - "$scratch/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"| {r['shape']} | {r['batch']} | {r['requests']:,} | {r['recordsPerSecond']:,} | {r['requestsPerSecond']:,} "
      f"| {r['p50ms']} | {r['p99ms']} | {r['failures']} |")
PY
  done
done
echo
.build/release/sluice log describe --log "$scratch/log"
