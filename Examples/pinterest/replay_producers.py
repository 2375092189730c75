#!/usr/bin/env python3
"""Replays the Pinterest seeds' producers against `sluice serve`.

Each post is sent the way the AiCore emulators send it (shared/spec/pinterest-pipeline.md §4):
pin, then geo, then user, one `requests.request` each (a new connection, as the seeds do), in one of three shapes:

  kafka            POST /topics/<user_id>.<kind>
                   Content-Type: application/vnd.kafka.json.v2+json
                   {"records": [{"value": <row>}]}
  kinesis          PUT /streams/streaming-<user_id>-<kind>/record
                   Content-Type: application/json
                   {"StreamName": ..., "Data": <row>, "PartitionKey": "partition-1"}
  kinesis-records  PUT /streams/streaming-<user_id>-<kind>/records   (the API template's batch shape)
                   {"records": [{"data": <row>, "partition-key": "partition-1"}]}

Rows come from --rows DIR (pin.jsonl, geo.jsonl, user.jsonl: one raw row per line, as
`sluice log read --json` or a database dump gives them) or, without --rows, from the spec's §6
sample rows with the emulator loop's seed-100 offsets (random.randint(0, 11000)) as index.

Prints one JSON object: posts and requests sent per shape, and any non-200 answers.

  python Examples/pinterest/replay_producers.py --url http://127.0.0.1:8080 --posts 100
"""

import argparse
import json
import random
import sys
import time

import requests

SAMPLE_PIN = {"index": 7528, "unique_id": "fbe53c66-3442-4773-b19e-d3ec6f54dddf", "title": "No Title Data Available",
              "description": "No description available Story format", "poster_name": "User Info Error",
              "follower_count": "User Info Error", "tag_list": "N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e",
              "is_image_or_video": "multi-video(story page format)", "image_src": "Image src error.", "downloaded": 0,
              "save_location": "Local save in /data/mens-fashion", "category": "mens-fashion"}
SAMPLE_PIN_2 = {"index": 5069, "unique_id": "b75b6f87-deb3-444f-b29e-ce9161b2df49",
                "title": "The Vault: Curated & Refined Wedding Inspiration", "description": "Sacramento California Wedding",
                "poster_name": "Style Me Pretty", "follower_count": "6M",
                "tag_list": "60th Anniversary Parties,Anniversary Decorations", "is_image_or_video": "image",
                "image_src": "https://i.pinimg.com/originals/7e/45/90/7e45905fefa36347e83333fd6d091140.jpg",
                "downloaded": 1, "save_location": "Local save in /data/event-planning", "category": "event-planning"}
SAMPLE_GEO = [{"ind": 7528, "timestamp": "2020-08-28 03:52:47", "latitude": -89.9787, "longitude": -173.293,
               "country": "Albania"},
              {"ind": 5069, "timestamp": "2021-03-20T09:32:44", "latitude": -63.0063, "longitude": -157.474,
               "country": "Azerbaijan"}]
SAMPLE_USER = [{"ind": 7528, "first_name": "Abigail", "last_name": "Ali", "age": 20, "date_joined": "2015-10-24 11:23:51"},
               {"ind": 5069, "first_name": "Amanda", "last_name": "Ball", "age": 25, "date_joined": "2016-01-13 17:36:30"}]


def load_rows(directory):
    rows = {}
    for kind in ("pin", "geo", "user"):
        with open(f"{directory}/{kind}.jsonl", encoding="utf-8") as f:
            rows[kind] = [json.loads(line) for line in f if line.strip()]
    count = min(len(v) for v in rows.values())
    return [(rows["pin"][i], rows["geo"][i], rows["user"][i]) for i in range(count)]


def sample_posts(posts):
    random.seed(100)                       # as the AiCore template
    result = []
    for _ in range(posts):
        random.randrange(0, 2)             # the template's sleep draw (not slept here unless --sleep)
        row = random.randint(0, 11000)
        k = row % 2
        pin = dict((SAMPLE_PIN, SAMPLE_PIN_2)[k], index=row)
        geo = dict(SAMPLE_GEO[k], ind=row)
        user = dict(SAMPLE_USER[k], ind=row)
        result.append((pin, geo, user))
    return result


def send_kafka(url, user_id, kind, row):
    payload = json.dumps({"records": [{"value": row}]}, default=str)
    headers = {"Content-Type": "application/vnd.kafka.json.v2+json"}
    return requests.request("POST", f"{url}/topics/{user_id}.{kind}", headers=headers, data=payload)


def send_kinesis(url, user_id, kind, row):
    stream = f"streaming-{user_id}-{kind}"
    payload = json.dumps({"StreamName": stream, "Data": row, "PartitionKey": "partition-1"}, default=str)
    headers = {"Content-Type": "application/json"}
    return requests.request("PUT", f"{url}/streams/{stream}/record", headers=headers, data=payload)


def send_kinesis_records(url, user_id, kind, row):
    stream = f"streaming-{user_id}-{kind}"
    payload = json.dumps({"records": [{"data": row, "partition-key": "partition-1"}]}, default=str)
    headers = {"Content-Type": "application/json"}
    return requests.request("PUT", f"{url}/streams/{stream}/records", headers=headers, data=payload)


SHAPES = {"kafka": send_kafka, "kinesis": send_kinesis, "kinesis-records": send_kinesis_records}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8080", help="the gateway (the seeds' invoke URL)")
    parser.add_argument("--user-id", default="12c0d092d679", help="the AiCore user id in topic/stream names")
    parser.add_argument("--rows", help="folder with pin.jsonl, geo.jsonl, user.jsonl (default: spec samples)")
    parser.add_argument("--posts", type=int, default=100, help="posts to send without --rows")
    parser.add_argument("--shapes", default="kafka,kinesis,kinesis-records",
                        help="comma-separated shapes, used in turn post by post")
    parser.add_argument("--sleep", action="store_true", help="sleep 0 or 1 s between posts like the template")
    args = parser.parse_args()

    posts = load_rows(args.rows) if args.rows else sample_posts(args.posts)
    shapes = args.shapes.split(",")
    for shape in shapes:
        if shape not in SHAPES:
            sys.exit(f"unknown shape {shape}; use {', '.join(SHAPES)}")
    sent = {shape: 0 for shape in shapes}
    failures = []
    for i, (pin, geo, user) in enumerate(posts):
        shape = shapes[i % len(shapes)]
        for kind, row in (("pin", pin), ("geo", geo), ("user", user)):
            response = SHAPES[shape](args.url, args.user_id, kind, row)
            sent[shape] += 1
            if response.status_code != 200:
                failures.append({"post": i, "kind": kind, "shape": shape, "status": response.status_code,
                                 "body": response.text[:300]})
        if args.sleep:
            time.sleep(random.randrange(0, 2))
    print(json.dumps({"posts": len(posts), "requests": sent, "failures": failures}))


if __name__ == "__main__":
    main()
