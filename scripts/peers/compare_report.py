#!/usr/bin/env python3
"""Summarises a scripts/peers/compare.sh run: reads the per-run files in <work>/results, prints
one Markdown table (median of the runs per peer) with the Sluice/peer ratios, checks that every
peer produced the same rows and sum(follower_count), and writes the whole report as JSON.

Per peer and run, from compare.sh: NAME-RUN.out (the peer's stdout), NAME-RUN.time (GNU time
-v), NAME-RUN.start (launch time, ns since the epoch) and NAME-RUN.load (load average).

- records/s end to end: records / wall time of the whole process (start-up included: Swift
  binary, Python interpreter and imports, JVM).
- records/s in job: records / time of the job itself where the peer reports it (Sluice: first
  batch start to last batch end; delta-rs: read + clean + write; Spark: query start to end;
  DuckDB: the COPY statement).
- batch p50/p99: Sluice's per-batch triggerExecution, delta-rs's time between commits, Spark's
  per-batch triggerExecution; DuckDB has one batch (the whole job).
- peak RSS: GNU time's maximum resident set (for Spark plus the JVM's VmHWM, since the JVM is a
  separate process the driver does not wait for).
"""

import argparse
import datetime
import glob
import json
import os
import platform
import re
import statistics
import sys


def read(path):
    with open(path) as handle:
        return handle.read()


def gnu_time(path):
    text = read(path)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss_kb / 1024


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1)))))
    return ordered[rank]


def iso_seconds(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def sluice_run(base):
    progress = [json.loads(line) for line in read(base + ".out").splitlines() if line.startswith("{")]
    batches = [p["durationMs"]["triggerExecution"] / 1000 for p in progress]
    commits = [p["durationMs"]["addBatch"] / 1000 for p in progress]
    records = sum(p["numInputRows"] for p in progress)
    launch = int(read(base + ".start")) / 1e9
    first_start = iso_seconds(progress[0]["timestamp"]) if progress else None
    first_planned = first_start + progress[0]["durationMs"]["latestOffset"] / 1000 if progress else None
    last_end = iso_seconds(progress[-1]["timestamp"]) + batches[-1] if progress else None
    return {
        "records": records,
        "jobSeconds": (last_end - first_start) if progress else None,
        "batchSeconds": batches,
        "commitSeconds": commits,
        "startToFirstBatchPlannedSeconds": (first_planned - launch) if progress else None,
    }


def deltars_run(base):
    data = json.loads(read(base + ".out").strip().splitlines()[-1])
    return {
        "records": data["records"],
        "jobSeconds": data["seconds"],
        "batchSeconds": data.get("batchSeconds", []),
        "rows": data["table"]["rows"],
        "followerCountSum": data["table"]["followerCountSum"],
        "version": "delta-rs (deltalake) " + data["deltalakeVersion"] + ", pyarrow " + data["pyarrowVersion"],
    }


def spark_run(base):
    data = json.loads(read(base + ".out").strip().splitlines()[-1])
    return {
        "records": data["records"],
        "jobSeconds": data["querySeconds"],
        "batchSeconds": data["batchSeconds"],
        "jvmStartSeconds": data["jvmStartSeconds"],
        "extraRssMB": data.get("jvmPeakRssMB") or 0,
        "rows": data["rows"],
        "followerCountSum": data["followerCountSum"],
        "version": "PySpark " + data["sparkVersion"],
    }


def duckdb_run(base):
    data = json.loads(read(base + ".out").strip().splitlines()[-1])
    return {
        "records": data["records"],
        "jobSeconds": data["seconds"],
        "batchSeconds": [data["seconds"]],
        "rows": data["rows"],
        "followerCountSum": data["followerCountSum"],
        "version": f"DuckDB {data['duckdbVersion']} ({data['threads']} threads)",
    }


PEERS = [
    ("sluice", "Sluice (log → clean:pin → Delta, ZSTD)", sluice_run),
    ("deltars", "delta-rs (pyarrow.json + pyarrow.compute → write_deltalake, ZSTD, txn)", deltars_run),
    ("spark", "Spark Structured Streaming (JSON files → columns → Parquet ZSTD, local[2])", spark_run),
    ("duckdb", "DuckDB one batch SQL (read_json → Parquet ZSTD)", duckdb_run),
]


def sluice_table_facts(work, python_ok=True):
    """Rows and sum(follower_count) of the last Sluice table, read with delta-rs."""
    tables = sorted(glob.glob(os.path.join(work, "sluice-*", "table")))
    if not tables:
        return None
    import deltalake
    import pyarrow.compute as pc

    data = deltalake.DeltaTable(tables[-1]).to_pyarrow_table(columns=["follower_count"])
    return data.num_rows, int(pc.sum(data.column("follower_count")).as_py() or 0)


def summarise(work):
    summary = {}
    for name, label, parse in PEERS:
        runs = []
        for out in sorted(glob.glob(os.path.join(work, "results", f"{name}-*.out"))):
            base = out[: -len(".out")]
            run = parse(base)
            wall, rss = gnu_time(base + ".time")
            run["wallSeconds"] = wall
            run["peakRssMB"] = rss + run.pop("extraRssMB", 0)
            run["loadAverage"] = read(base + ".load").strip()
            runs.append(run)
        if not runs:
            continue
        walls = [r["wallSeconds"] for r in runs]
        median_run = sorted(runs, key=lambda r: r["wallSeconds"])[(len(runs) - 1) // 2]
        batches = [b for r in runs for b in r["batchSeconds"]]
        jobs = [r["jobSeconds"] for r in runs if r.get("jobSeconds")]
        entry = {
            "label": label,
            "version": median_run.get("version"),
            "runs": runs,
            "records": median_run["records"],
            "wallSeconds": statistics.median(walls),
            "recordsPerSecond": median_run["records"] / statistics.median(walls),
            "jobSeconds": statistics.median(jobs) if jobs else None,
            "jobRecordsPerSecond": median_run["records"] / statistics.median(jobs) if jobs else None,
            "batchP50Seconds": percentile(batches, 0.5),
            "batchP99Seconds": percentile(batches, 0.99),
            "peakRssMB": statistics.median(r["peakRssMB"] for r in runs),
        }
        if name == "sluice":
            commits = [c for r in runs for c in r["commitSeconds"]]
            entry["commitP50Seconds"] = percentile(commits, 0.5)
            entry["commitP99Seconds"] = percentile(commits, 0.99)
            starts = [r["startToFirstBatchPlannedSeconds"] for r in runs]
            entry["startToFirstBatchPlannedSeconds"] = statistics.median(starts)
            facts = sluice_table_facts(work)
            if facts:
                entry["rows"], entry["followerCountSum"] = facts
        if name == "spark":
            entry["jvmStartSeconds"] = statistics.median(r["jvmStartSeconds"] for r in runs)
        if "rows" in median_run:
            entry["rows"] = median_run["rows"]
            entry["followerCountSum"] = median_run["followerCountSum"]
        summary[name] = entry
    return summary


def fmt_rate(value):
    if value is None:
        return "–"
    return f"{value / 1000:,.1f}k/s"


def fmt_ms(value):
    return "–" if value is None else f"{value * 1000:,.0f} ms"


def machine():
    cpu = "unknown CPU"
    try:
        for line in read("/proc/cpuinfo").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(re.search(r"MemTotal:\s+(\d+)", read("/proc/meminfo")).group(1)) / 1024 / 1024
    except OSError:
        memory = 0
    return f"{cpu}, {os.cpu_count()} vCPU, {memory:.1f} GiB, {platform.system()} {platform.machine()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--sluice-version", default="unknown")
    parser.add_argument("--nice", default="0")
    parser.add_argument("--json-out", required=True)
    args = parser.parse_args()

    summary = summarise(args.work)
    sluice = summary.get("sluice")
    rows = [
        "| peer | records/s end to end | records/s in job | wall (median) | batch p50 / p99 | peak RSS | Sluice ÷ peer (end to end) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, entry in summary.items():
        ratio = "–"
        if sluice and name != "sluice":
            ratio = f"{sluice['recordsPerSecond'] / entry['recordsPerSecond']:.1f}×"
        batch = f"{fmt_ms(entry['batchP50Seconds'])} / {fmt_ms(entry['batchP99Seconds'])}"
        if name == "duckdb":
            batch = "one batch"
        rows.append(
            f"| {entry['label']} | {fmt_rate(entry['recordsPerSecond'])} | {fmt_rate(entry['jobRecordsPerSecond'])} "
            f"| {entry['wallSeconds']:.2f} s | {batch} | {entry['peakRssMB']:.0f} MB | {ratio} |"
        )
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print()
    print(
        f"Pin job, {args.records:,} records (~{os.path.getsize(os.path.join(args.work, 'pin.jsonl')) / 1e6:.0f} MB "
        f"of JSON), {args.batch:,}-record batches; {machine()}; {now}; nice {args.nice}; median of the runs"
    )
    print()
    print("\n".join(rows))
    print()
    notes = []
    if sluice:
        notes.append(
            f"Sluice: start to first batch planned {fmt_ms(sluice['startToFirstBatchPlannedSeconds'])}, "
            f"Delta commit (addBatch) p50 {fmt_ms(sluice['commitP50Seconds'])} / p99 {fmt_ms(sluice['commitP99Seconds'])}"
        )
    if "spark" in summary:
        notes.append(f"Spark: session (JVM) start {summary['spark']['jvmStartSeconds']:.1f} s of the wall time")
    for name, entry in summary.items():
        if entry.get("version"):
            notes.append(f"{name}: {entry['version']}")
    loads = [run["loadAverage"] for entry in summary.values() for run in entry["runs"]]
    notes.append("load average (1/5/15 min) before the runs: " + "; ".join(loads))
    facts = {name: (e.get("rows"), e.get("followerCountSum")) for name, e in summary.items() if "rows" in e}
    agree = len(set(facts.values())) <= 1
    notes.append(
        "output check (rows, sum(follower_count)): "
        + ", ".join(f"{name} {rows:,} / {total:,}" for name, (rows, total) in facts.items())
        + (" — all equal" if agree else " — DIFFERENT")
    )
    for note in notes:
        print("- " + note)
    report = {
        "date": now,
        "machine": machine(),
        "records": args.records,
        "batch": args.batch,
        "nice": args.nice,
        "sluiceVersion": args.sluice_version,
        "peers": summary,
        "outputsAgree": agree,
    }
    with open(args.json_out, "w") as handle:
        json.dump(report, handle, indent=2)
    print(f"\nreport saved to {args.json_out}")
    if not agree:
        sys.exit(1)


if __name__ == "__main__":
    main()
