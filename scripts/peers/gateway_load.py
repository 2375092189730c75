#!/usr/bin/env python3
"""Load generator for `sluice serve`: many concurrent HTTP clients (asyncio + aiohttp, keep-alive
connections) sending Pinterest pin rows in one of the gateway's shapes. Prints one JSON object:
requests, records, seconds, records/s, and request latency p50/p99 in milliseconds.

  python scripts/peers/gateway_load.py --url http://127.0.0.1:8080 --shape kafka --requests 20000 --concurrency 64
"""

import argparse
import asyncio
import json
import time

import aiohttp

ROW = {"index": 5069, "unique_id": "b75b6f87-deb3-444f-b29e-ce9161b2df49",
       "title": "The Vault: Curated & Refined Wedding Inspiration",
       "description": "Sacramento California Wedding 2 Chic Events & Design Jodi Yorston Photography Wilson Vineyards "
                      "Barn Miosa Couture Yellow Barn Vineyard Outdoor Candles DIY",
       "poster_name": "Style Me Pretty", "follower_count": "6M",
       "tag_list": "60th Anniversary Parties,Anniversary Decorations,Golden Anniversary,25th Wedding Anniversary,"
                   "Anniversary Pictures,Anniversary Ideas,Birthday Decorations,Event Planning Design,Event Design",
       "is_image_or_video": "image",
       "image_src": "https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg",
       "downloaded": 1, "save_location": "Local save in /data/event-planning", "category": "event-planning"}


def request_for(shape, url, topic, batch, i):
    rows = [dict(ROW, index=i * batch + k) for k in range(batch)]
    if shape == "kafka":
        body = {"records": [{"value": r} for r in rows]}
        return "POST", f"{url}/topics/{topic}", {"Content-Type": "application/vnd.kafka.json.v2+json"}, body
    if batch == 1:
        body = {"StreamName": topic, "Data": rows[0], "PartitionKey": f"partition-{i % 8}"}
        return "PUT", f"{url}/streams/{topic}/record", {"Content-Type": "application/json"}, body
    body = {"records": [{"data": r, "partition-key": f"partition-{k % 8}"} for k, r in enumerate(rows)]}
    return "PUT", f"{url}/streams/{topic}/records", {"Content-Type": "application/json"}, body


async def run(args):
    # Bodies are prepared up front so the client spends its time on HTTP, not on json.dumps.
    prepared = []
    for i in range(min(args.requests, 1000)):
        method, url, headers, body = request_for(args.shape, args.url, args.topic, args.batch, i)
        prepared.append((method, url, headers, json.dumps(body).encode()))
    latencies = []
    failures = 0
    next_index = 0
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def worker():
            nonlocal next_index, failures
            while next_index < args.requests:
                i = next_index
                next_index += 1
                method, url, headers, body = prepared[i % len(prepared)]
                start = time.perf_counter()
                async with session.request(method, url, headers=headers, data=body) as response:
                    await response.read()
                    if response.status != 200:
                        failures += 1
                latencies.append(time.perf_counter() - start)

        # Warm-up: open the connections.
        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
    records = args.requests * args.batch
    print(json.dumps({"shape": args.shape, "batch": args.batch, "concurrency": args.concurrency,
                      "requests": args.requests, "records": records, "failures": failures,
                      "seconds": round(elapsed, 3), "recordsPerSecond": round(records / elapsed),
                      "requestsPerSecond": round(args.requests / elapsed),
                      "p50ms": round(pick(0.50), 2), "p99ms": round(pick(0.99), 2)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--shape", choices=["kafka", "kinesis"], default="kafka")
    parser.add_argument("--topic", default="bench.pin")
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--batch", type=int, default=1, help="records per request")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
