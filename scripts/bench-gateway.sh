#!/usr/bin/env bash
# Benchmarks the ingestion gateway (not a test): builds a release `sluice`, starts
# `sluice serve` on 127.0.0.1 over a scratch log, and drives it with wrk (many concurrent
# keep-alive connections, scripts/bench/gateway_post.lua) in both of the seeds' shapes — Kafka
# REST (POST /topics/{t}) and API-Gateway Kinesis (PUT /streams/{s}/record[s]) — with one
# Pinterest pin row per request, as the seeds send, then 100 rows per request. Prints records/s
# and request latency p50/p99 per case. wrk shares the machine's cores with the server.
# Usage: scripts/bench-gateway.sh [--seconds S] [--connections C] [--threads T] [--fsync always|never|interval:<ms>]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
ensure_toolchain
ensure_python
ensure_apt wrk

seconds=10
connections=64
threads=1
fsync=always
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --fsync) fsync="$2"; shift 2 ;;
    -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
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

# Request bodies: the spec's pin row 5069 (≈ 800 bytes of JSON) in each shape.
python3 - "$scratch" <<'PY'
import json, sys
row = {"index": 5069, "unique_id": "b75b6f87-deb3-444f-b29e-ce9161b2df49",
       "title": "The Vault: Curated & Refined Wedding Inspiration",
       "description": "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards "
                      "Barn Miosa Couture Yellow Barn Vineyard Outdoor Candles DIY",
       "poster_name": "Style Me Pretty", "follower_count": "6M",
       "tag_list": "60th Anniversary Parties,Anniversary Decorations,Golden Anniversary,25th Wedding Anniversary,"
                   "Anniversary Pictures,Anniversary Ideas,Birthday Decorations,Event Planning Design,Event Design",
       "is_image_or_video": "image",
       "image_src": "https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg",
       "downloaded": 1, "save_location": "Local save in /data/event-planning", "category": "event-planning"}
rows = [dict(row, index=i) for i in range(100)]
out = sys.argv[1]
bodies = {
    "kafka-1": {"records": [{"value": row}]},
    "kafka-100": {"records": [{"value": r} for r in rows]},
    "kinesis-1": {"StreamName": "bench.kinesis", "Data": row, "PartitionKey": "partition-1"},
    "kinesis-100": {"records": [{"data": r, "partition-key": "partition-%d" % i} for i, r in enumerate(rows)]},
}
for name, body in bodies.items():
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(body, f)
PY

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
say "sluice serve at $url (fsync $fsync); wrk: $seconds s per case, $connections connections, $threads thread(s)"

printf '\n| shape | records/request | requests | records/s | requests/s | p50 ms | p99 ms | non-200 |\n'
printf '|---|---|---|---|---|---|---|---|\n'
run_case() { # shape batch method path content-type body
  local result
  result="$(METHOD="$3" CONTENT_TYPE="$5" BODY_FILE="$scratch/$6.json" \
    wrk -t "$threads" -c "$connections" -d "${seconds}s" -s scripts/bench/gateway_post.lua "$url$4" | grep '^RESULT')"
  python3 - "$1" "$2" "$result" <<'PY'
import sys
shape, batch, line = sys.argv[1], int(sys.argv[2]), sys.argv[3]
r = dict(kv.split("=") for kv in line.split()[1:])
n, s = int(r["requests"]), float(r["seconds"])
print(f"| {shape} | {batch} | {n:,} | {round(n * batch / s):,} | {round(n / s):,} | {float(r['p50']):.2f} "
      f"| {float(r['p99']):.2f} | {int(r['non200']) + int(r['errors'])} |")
PY
}
run_case kafka 1 POST /topics/bench.pin application/vnd.kafka.json.v2+json kafka-1
run_case kafka 100 POST /topics/bench.pin application/vnd.kafka.json.v2+json kafka-100
run_case kinesis 1 PUT /streams/bench.kinesis/record application/json kinesis-1
run_case kinesis 100 PUT /streams/bench.kinesis/records application/json kinesis-100
echo
.build/release/sluice log describe --log "$scratch/log"
