#!/usr/bin/env python3
"""DuckDB peer of the Sluice pin job (run by scripts/peers/compare.sh): the whole job as one
batch SQL statement — not streaming, no checkpoint, no exactly-once bookkeeping.

  read   read_json(<JSON Lines file>, format 'newline_delimited', every field VARCHAR, so a
         number and a quoted number both arrive as their text)
  clean  as PinCleaner, in SQL: placeholders and '' -> NULL, follower_count '5k'/'6M'/'B' ->
         INTEGER (unparsable or out of int32 range -> NULL), strip 'Local save in ' from
         save_location, index -> ind (BIGINT), the 11 clean columns in order
  write  COPY ... TO one Parquet file, ZSTD (level 3)

Prints one JSON object on stdout: records, seconds (the COPY statement), peak RSS (VmHWM),
rows and sum(follower_count) of the output, threads and the DuckDB version.
"""

import argparse
import json
import os
import sys
import time

PLACEHOLDERS = {
    "title": ["No Title Data Available"],
    "description": ["No description available Story format", "No description available", "Untitled"],
    "poster_name": ["User Info Error"],
    "tag_list": ["N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"],
    "image_src": ["Image src error."],
}
PLAIN_STRING_COLUMNS = ["unique_id", "is_image_or_video", "save_location", "category"]
RAW_FIELDS = [
    "index", "unique_id", "title", "description", "poster_name", "follower_count", "tag_list",
    "is_image_or_video", "image_src", "downloaded", "save_location", "category",
]


def quote(text):
    return "'" + text.replace("'", "''") + "'"


def null_if(name, values):
    listed = ", ".join(quote(v) for v in values + [""])
    return f'CASE WHEN "{name}" IN ({listed}) THEN NULL ELSE "{name}" END'


def query(input_path, output_path):
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in RAW_FIELDS)
    cleaned = {name: null_if(name, values) for name, values in PLACEHOLDERS.items()}
    for name in PLAIN_STRING_COLUMNS:
        cleaned[name] = null_if(name, [])
    prefix = "Local save in "
    cleaned["save_location"] = (
        f"CASE WHEN starts_with(({cleaned['save_location']}), {quote(prefix)}) "
        f"THEN substr(({cleaned['save_location']}), {len(prefix) + 1}) ELSE ({cleaned['save_location']}) END"
    )
    text = "trim(follower_count)"
    pattern = "'^([0-9]{1,18})([kKMB]?)$'"
    digits = f"regexp_extract({text}, {pattern}, 1)"
    suffix = f"regexp_extract({text}, {pattern}, 2)"
    value = (
        f"(CASE WHEN {digits} = '' THEN NULL ELSE CAST({digits} AS BIGINT) * "
        f"(CASE {suffix} WHEN 'k' THEN 1000 WHEN 'K' THEN 1000 WHEN 'M' THEN 1000000 "
        f"WHEN 'B' THEN 1000000000 ELSE 1 END) END)"
    )
    cleaned["follower_count"] = (
        f"CASE WHEN {value} BETWEEN -2147483648 AND 2147483647 THEN CAST({value} AS INTEGER) END"
    )
    cleaned["ind"] = 'CAST("index" AS BIGINT)'
    order = [
        "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list",
        "is_image_or_video", "image_src", "save_location", "category",
    ]
    select = ", ".join(f'{cleaned[name]} AS "{name}"' for name in order)
    return (
        f"COPY (SELECT {select} FROM read_json({quote(input_path)}, format='newline_delimited', "
        f"columns={{{columns}}})) TO {quote(output_path)} "
        f"(FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 3)"
    )


def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON Lines of raw pin records")
    parser.add_argument("--output", required=True, help="Parquet file to write")
    args = parser.parse_args()
    import duckdb

    connection = duckdb.connect()
    threads = connection.execute("SELECT current_setting('threads')").fetchone()[0]
    began = time.perf_counter()
    connection.execute(query(args.input, args.output))
    seconds = time.perf_counter() - began
    rows, total = connection.execute(
        f"SELECT count(*), sum(follower_count) FROM read_parquet({quote(args.output)})"
    ).fetchone()
    connection.close()
    print(f"duckdb-pin: {rows} records in {seconds:.2f} s", file=sys.stderr, flush=True)
    print(
        json.dumps(
            {
                "records": rows,
                "seconds": seconds,
                "peakRssMB": peak_rss_mb(),
                "rows": rows,
                "followerCountSum": int(total or 0),
                "threads": threads,
                "duckdbVersion": duckdb.__version__,
            }
        ),
        flush=True,
    )
    os._exit(0)


if __name__ == "__main__":
    main()
