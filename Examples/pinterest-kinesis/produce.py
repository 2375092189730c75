"""Puts Pinterest events into a Kinesis stream the way the seeds' API-Gateway producers do:
one record per row, Data = the row's JSON text, a random (UUID4-style) partition key.

Usage:
  produce.py --endpoint http://127.0.0.1:4566 --stream streaming-12c0d092d679-pin --shards 2 rows.jsonl

rows.jsonl holds one JSON object per line, or the output of `sluice log read <topic> --json`
(its "value" member is used). The stream is created when missing. Prints one JSON summary:
{"stream": ..., "records": N, "shards": {"shardId-000000000000": n, ...}}.
"""
import argparse
import json
import random
import uuid

import boto3
import boto3.session


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", help="endpoint URL (moto, LocalStack, sluice serve); AWS when absent")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--stream", required=True)
    parser.add_argument("--shards", type=int, default=2, help="shard count when the stream is created")
    parser.add_argument("--seed", type=int, default=100, help="seed of the partition keys")
    parser.add_argument("file")
    args = parser.parse_args()

    session = boto3.session.Session()
    if args.endpoint and session.get_credentials() is None:
        # Local stand-ins (moto, LocalStack, sluice serve without --auth) accept any key.
        session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing")
    kinesis = session.client("kinesis", endpoint_url=args.endpoint, region_name=args.region)
    if args.stream not in kinesis.list_streams().get("StreamNames", []):
        kinesis.create_stream(StreamName=args.stream, ShardCount=args.shards)
        kinesis.get_waiter("stream_exists").wait(StreamName=args.stream, WaiterConfig={"Delay": 0.2})

    rows = []
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                rows.append(item["value"] if isinstance(item, dict) and "value" in item and "topic" in item else item)

    rng = random.Random(args.seed)
    per_shard = {}
    for start in range(0, len(rows), 500):
        entries = [
            {"Data": json.dumps(row).encode("utf-8"), "PartitionKey": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
            for row in rows[start:start + 500]
        ]
        pending = entries
        while pending:
            answer = kinesis.put_records(StreamName=args.stream, Records=pending)
            retry = []
            for entry, result in zip(pending, answer["Records"]):
                if "ErrorCode" in result:
                    retry.append(entry)
                else:
                    per_shard[result["ShardId"]] = per_shard.get(result["ShardId"], 0) + 1
            pending = retry
    print(json.dumps({"stream": args.stream, "records": len(rows), "shards": per_shard}))


if __name__ == "__main__":
    main()
