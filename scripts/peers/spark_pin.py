#!/usr/bin/env python3
"""Spark Structured Streaming peer of the Sluice pin job (run by scripts/peers/compare.sh).

One run: a PySpark session (local[2], UI off) streams a folder of JSON Lines files (the raw pin
records, one file per 100k-record batch, `maxFilesPerTrigger: 1`) through built-in column
functions equivalent to Sluice's `clean: pin` into a Parquet sink (ZSTD) with a checkpoint,
`trigger(availableNow=True)`. Delta is not used because delta-spark needs jars from Maven;
the Parquet file sink is Spark's own exactly-once streaming sink.

  read   the JSON file source with an explicit all-string schema (Spark keeps a number's text
         in a string column, so `"index": 7528` and `"index": "7528"` both arrive as "7528").
  clean  as PinCleaner: placeholders and "" -> null, follower_count "5k"/"6M"/"B" -> int
         (unparsable or out of int32 range -> null), strip "Local save in " from
         save_location, index -> ind (bigint), the 11 clean columns in order.
  write  writeStream.format("parquet"), compression zstd, checkpointLocation.

Prints one JSON object on stdout: records, jvmStartSeconds (session creation), querySeconds
(query start to termination), batch durations (durationMs.triggerExecution of each progress),
peak RSS of the Python driver and of the JVM (VmHWM), rows and sum(follower_count) of the output.
"""

import argparse
import json
import os
import sys
import time

RAW_FIELDS = [
    "index", "unique_id", "title", "description", "poster_name", "follower_count", "tag_list",
    "is_image_or_video", "image_src", "downloaded", "save_location", "category",
]
PLACEHOLDERS = {
    "title": ["No Title Data Available"],
    "description": ["No description available Story format", "No description available", "Untitled"],
    "poster_name": ["User Info Error"],
    "tag_list": ["N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"],
    "image_src": ["Image src error."],
}
PLAIN_STRING_COLUMNS = ["unique_id", "is_image_or_video", "save_location", "category"]
SAVE_LOCATION_PREFIX = "Local save in "


def say(text):
    print(f"spark-pin: {text}", file=sys.stderr, flush=True)


def peak_rss_mb(pid="self"):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def clean(frame, F):
    columns = {}
    for name, values in PLACEHOLDERS.items():
        column = F.col(name)
        columns[name] = F.when(column.isin(values + [""]), F.lit(None)).otherwise(column)
    for name in PLAIN_STRING_COLUMNS:
        column = F.col(name)
        columns[name] = F.when(column == "", F.lit(None)).otherwise(column)
    text = F.trim(F.col("follower_count"))
    pattern = r"^([0-9]{1,18})([kKMB]?)$"
    digits = F.regexp_extract(text, pattern, 1)
    suffix = F.regexp_extract(text, pattern, 2)
    multiplier = (
        F.when(suffix.isin("k", "K"), F.lit(1_000))
        .when(suffix == "M", F.lit(1_000_000))
        .when(suffix == "B", F.lit(1_000_000_000))
        .otherwise(F.lit(1))
        .cast("bigint")
    )
    value = F.when(digits != "", digits.cast("bigint") * multiplier)
    columns["follower_count"] = F.when(value.between(-(2**31), 2**31 - 1), value.cast("int"))
    location = columns["save_location"]
    columns["save_location"] = F.when(
        location.startswith(SAVE_LOCATION_PREFIX), F.substring(location, len(SAVE_LOCATION_PREFIX) + 1, 1 << 30)
    ).otherwise(location)
    columns["ind"] = F.col("index").cast("bigint")
    order = [
        "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list",
        "is_image_or_video", "image_src", "save_location", "category",
    ]
    return frame.select(*[columns[name].alias(name) for name in order])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input-dir", required=True, help="folder of JSON Lines files (one per batch)")
    parser.add_argument("--work-dir", required=True, help="folder for the output and the checkpoint")
    parser.add_argument("--files-per-trigger", type=int, default=1)
    parser.add_argument("--threads", default="2", help="local[N]")
    args = parser.parse_args()

    began = time.perf_counter()
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    spark = (
        SparkSession.builder.master(f"local[{args.threads}]")
        .appName("sluice-peer-pin")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.sql.streaming.numRecentProgressUpdates", "1000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    jvm_start = time.perf_counter() - began
    say(f"session ready in {jvm_start:.1f} s")

    schema = StructType([StructField(name, StringType()) for name in RAW_FIELDS])
    output = os.path.join(args.work_dir, "out")
    checkpoint = os.path.join(args.work_dir, "checkpoint")
    source = (
        spark.readStream.schema(schema)
        .option("maxFilesPerTrigger", args.files_per_trigger)
        .json(args.input_dir)
    )
    query_began = time.perf_counter()
    query = (
        clean(source, F)
        .writeStream.format("parquet")
        .option("path", output)
        .option("checkpointLocation", checkpoint)
        .option("compression", "zstd")
        .trigger(availableNow=True)
        .start()
    )
    query.awaitTermination()
    query_seconds = time.perf_counter() - query_began
    progress = [p for p in query.recentProgress if p.get("numInputRows", 0) > 0]
    batches = [p["durationMs"].get("triggerExecution", 0) / 1000 for p in progress]
    records = sum(p["numInputRows"] for p in progress)
    say(f"query: {records} records in {query_seconds:.2f} s ({len(batches)} batches)")

    jvm_rss = None
    try:
        jvm_rss = peak_rss_mb(spark.sparkContext._gateway.proc.pid)
    except Exception:  # noqa: BLE001 - the figure is optional
        pass
    written = spark.read.parquet(output)
    facts = written.agg(F.count(F.lit(1)).alias("rows"), F.sum("follower_count").alias("sum")).collect()[0]
    result = {
        "records": records,
        "jvmStartSeconds": jvm_start,
        "querySeconds": query_seconds,
        "batchSeconds": batches,
        "pythonPeakRssMB": peak_rss_mb(),
        "jvmPeakRssMB": jvm_rss,
        "rows": facts["rows"],
        "followerCountSum": int(facts["sum"] or 0),
        "sparkVersion": spark.version,
    }
    spark.stop()
    print(json.dumps(result), flush=True)
    # Leave without interpreter teardown (py4j threads can make it hang or abort).
    os._exit(0)


if __name__ == "__main__":
    main()
