"""Crash-injection harness for Sluice (driven by scripts/crash-harness.sh).

Emulates the Pinterest topics into an embedded log, runs the three Pinterest jobs (Delta
sinks) over and over while killing them at random fault points (SLUICE_FAULT, SIGKILL or
_exit) and at random times (external SIGKILL after a random delay), optionally while a
producer appends more records (sometimes torn mid-append), restarts until `availableNow`
completes, then verifies with delta-rs AND Sluice's own reader that every produced record is in
its table exactly once (by source partition + offset, and its `ind`), that no table version
references a missing file, and that `sluice table history` agrees with the checkpoint's
`commits/`. Exits 1 when any check fails.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

JOBS = ["pin", "geo", "user"]
JOB_POINTS = [
    "after-offsets-written", "after-read", "mid-data-file", "after-data-files-written",
    "after-sink-write", "before-commit-written", "after-commit-written",
]
EXIT_FAULT_STATUS = 86


def job_yaml(name, batch_records, checkpoint_interval):
    return f"""# crash-harness copy of Examples/pinterest/{name}.yaml (+ source offsets, small batches)
name: {name}
source:
  kind: log
  path: data/log
  topics: [pinterest.{name}]
  startingOffsets: earliest
  maxRecordsPerBatch: {batch_records}
  metadata: [partition, offset]
transforms:
  - clean: {name}
sink:
  kind: delta
  path: tables/{name}
  checkpointInterval: {checkpoint_interval}
checkpoint: checkpoints/{name}
trigger: availableNow
onError: fail
"""


class Harness:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.binary = os.path.abspath(args.binary)
        self.work = args.work
        self.kills = 0
        self.kills_by = {}
        self.restarts = 0
        self.runs = 0
        self.producer_runs = 0
        self.producer_kills = 0
        self.typical_run = 0.5  # seconds; adapts to the machine
        self.log = open(os.path.join(self.work, "harness.log"), "a")

    # -- processes -------------------------------------------------------------------------

    def sluice(self, *arguments, check=True):
        result = subprocess.run(
            [self.binary, *arguments], cwd=self.work, capture_output=True, text=True,
            env=self.env(None))
        if check and result.returncode != 0:
            raise SystemExit(f"sluice {' '.join(arguments)} failed ({result.returncode}):\n"
                             f"{result.stdout}\n{result.stderr}")
        return result

    def env(self, fault):
        env = dict(os.environ)
        env.pop("SLUICE_FAULT", None)
        if fault:
            env["SLUICE_FAULT"] = fault
        return env

    def start(self, arguments, fault):
        self.log.write(f"start {' '.join(arguments)} fault={fault}\n")
        return subprocess.Popen(
            [self.binary, *arguments], cwd=self.work, env=self.env(fault),
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    # -- checkpoint state ------------------------------------------------------------------

    def next_batch(self, job):
        root = os.path.join(self.work, "checkpoints", job)

        def ids(folder):
            path = os.path.join(root, folder)
            if not os.path.isdir(path):
                return []
            return sorted(int(n) for n in os.listdir(path) if n.isdigit())

        offsets, commits = ids("offsets"), ids("commits")
        if not offsets:
            return 0
        last = offsets[-1]
        return last + 1 if commits and commits[-1] == last else last

    # -- the crash loop --------------------------------------------------------------------

    def choose_fault(self, job):
        roll = self.rng.random()
        if roll < 0.55:
            point = self.rng.choice(JOB_POINTS)
            batch = self.next_batch(job) + self.rng.randint(0, 2)
            mode = ":exit" if self.rng.random() < 0.25 else ""
            return ("fault", f"{point}@{batch}{mode}")
        if roll < 0.92:
            return ("timer", self.rng.uniform(0.02, self.typical_run * 1.2))
        return ("none", None)

    def round(self, number):
        producer = None
        if self.rng.random() < self.args.produce_probability:
            fault = None
            if self.rng.random() < 0.35:
                fault = f"mid-log-append@{self.rng.randint(1, 6)}" + (":exit" if self.rng.random() < 0.3 else "")
            count = self.rng.randint(self.args.records // 20 + 1, self.args.records // 5 + 2)
            producer = self.start(
                ["emulate", "--count", str(count), "--seed", str(self.rng.randint(1, 10**9)), "--log", "data/log"],
                fault)
            self.producer_runs += 1
        running = []
        for job in JOBS:
            kind, value = self.choose_fault(job)
            process = self.start(["run", f"jobs/{job}.yaml"], value if kind == "fault" else None)
            deadline = time.monotonic() + value if kind == "timer" else None
            running.append((job, kind, value, process, deadline, time.monotonic()))
            self.runs += 1
        pending = list(running)
        while pending:
            now = time.monotonic()
            for entry in list(pending):
                job, kind, value, process, deadline, began = entry
                if process.poll() is not None:
                    pending.remove(entry)
                    self.finished(job, kind, value, process, began)
                elif deadline is not None and now >= deadline:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    pending.remove(entry)
                    self.finished(job, kind, value, process, began)
            time.sleep(0.005)
        if producer is not None:
            _, stderr = producer.communicate()
            if producer.returncode in (-signal.SIGKILL, EXIT_FAULT_STATUS):
                self.producer_kills += 1
            elif producer.returncode != 0:
                raise SystemExit(f"producer failed ({producer.returncode}):\n{stderr}")

    def finished(self, job, kind, value, process, began):
        _, stderr = process.communicate()
        elapsed = time.monotonic() - began
        status = process.returncode
        self.log.write(f"  {job} {kind} {value} -> {status} in {elapsed:.3f}s\n")
        if status in (-signal.SIGKILL, EXIT_FAULT_STATUS):
            self.kills += 1
            label = value.split("@")[0] if kind == "fault" else "external-sigkill"
            if kind == "fault" and value.endswith(":exit"):
                label += ":exit"
            self.kills_by[label] = self.kills_by.get(label, 0) + 1
            self.restarts += 1
        elif status == 0:
            if kind != "timer":
                self.typical_run = 0.8 * self.typical_run + 0.2 * max(0.05, elapsed)
        else:
            raise SystemExit(f"job {job} failed unexpectedly ({status}) with {kind} {value}:\n{stderr}")

    def drain(self):
        """Runs every job without faults until availableNow completes."""
        for job in JOBS:
            for _ in range(5):
                result = self.sluice("run", f"jobs/{job}.yaml", check=False)
                self.runs += 1
                if result.returncode == 0:
                    break
                self.log.write(f"drain {job}: {result.returncode} {result.stderr}\n")
            else:
                raise SystemExit(f"job {job} does not complete: {result.stderr}")

    # -- verification ----------------------------------------------------------------------

    def produced(self, job):
        """{(partition, offset): ind} of every record in the job's topic."""
        topic = f"pinterest.{job}"
        description = json.loads(self.sluice("log", "describe", topic, "--log", "data/log", "--json").stdout)
        if isinstance(description, list):
            description = description[0]
        count = int(description["partitionCount"])
        records = {}
        for p in range(count):
            out = self.sluice("log", "read", topic, "--log", "data/log", "--partition", str(p),
                              "--max", "1000000000", "--json").stdout
            for line in out.splitlines():
                record = json.loads(line)
                value = record["value"]
                if isinstance(value, str):
                    value = json.loads(value)
                index = value.get("index")
                records[(int(record["partition"]), int(record["offset"]))] = None if index is None else int(index)
        return records

    def compare(self, expected, rows):
        counts = {}
        wrong = 0
        for partition, offset, ind in rows:
            key = (int(partition), int(offset))
            counts[key] = counts.get(key, 0) + 1
            if key in expected and expected[key] is not None and ind is not None and int(ind) != expected[key]:
                wrong += 1
        duplicates = sum(n - 1 for n in counts.values() if n > 1)
        gaps = sum(1 for key in expected if key not in counts)
        unknown = sum(1 for key in counts if key not in expected)
        return {"rows": len(rows), "duplicates": duplicates, "gaps": gaps, "unknown": unknown, "wrongInd": wrong}

    def sluice_rows(self, job):
        out = self.sluice("table", "scan", f"tables/{job}", "--format", "json", "--limit", "1000000000").stdout
        rows = []
        for line in out.splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["partition"], row["offset"], row.get("ind")))
        return rows

    def deltars_rows(self, job):
        from deltalake import DeltaTable
        table = DeltaTable(os.path.join(self.work, "tables", job)).to_pyarrow_table(
            columns=["partition", "offset", "ind"])
        return list(zip(table.column("partition").to_pylist(), table.column("offset").to_pylist(),
                        table.column("ind").to_pylist()))

    def missing_files(self, job):
        root = os.path.join(self.work, "tables", job)
        log = os.path.join(root, "_delta_log")
        referenced, missing, versions = set(), [], 0
        for name in sorted(os.listdir(log)):
            if not (name.endswith(".json") and name[:20].isdigit()):
                continue
            versions += 1
            with open(os.path.join(log, name)) as f:
                for line in f:
                    if not line.strip():
                        continue
                    action = json.loads(line)
                    if "add" in action:
                        path = urllib.parse.unquote(action["add"]["path"])
                        referenced.add(path)
                        if not os.path.exists(os.path.join(root, path)):
                            missing.append(f"{name}: {path}")
        data_files = set()
        for folder, _, files in os.walk(root):
            if "_delta_log" in folder:
                continue
            for f in files:
                if f.endswith(".parquet") and not f.startswith("."):
                    data_files.add(os.path.relpath(os.path.join(folder, f), root))
        orphans = len(data_files - referenced)
        return versions, missing, orphans

    def history_check(self, job):
        """Each committed batch ↔ exactly one STREAMING UPDATE version of this query."""
        with open(os.path.join(self.work, "checkpoints", job, "metadata")) as f:
            query = json.loads(f.readline())["id"]
        commits_dir = os.path.join(self.work, "checkpoints", job, "commits")
        committed = sorted(int(n) for n in os.listdir(commits_dir) if n.isdigit())
        history = json.loads(self.sluice("table", "history", f"tables/{job}", "--json").stdout)
        epochs = []
        for entry in history:
            parameters = entry.get("operationParameters") or {}
            if entry.get("operation") == "STREAMING UPDATE" and parameters.get("queryId") == query:
                epochs.append(int(parameters["epochId"]))
        problems = []
        if len(epochs) != len(set(epochs)):
            problems.append(f"{len(epochs) - len(set(epochs))} batches committed to the table twice")
        last = committed[-1] if committed else -1
        if sorted(set(epochs)) != list(range(last + 1)):
            missing = sorted(set(range(last + 1)) - set(epochs))[:10]
            extra = sorted(set(epochs) - set(range(last + 1)))[:10]
            problems.append(f"table epochs != commits/0…{last}: missing {missing}, not committed {extra}")
        for batch in committed:
            if batch not in epochs:
                problems.append(f"commits/{batch} has no table version")
        return {"batches": last + 1, "tableVersionsOfQuery": len(epochs), "problems": problems}

    def verify(self):
        report = {"jobs": {}}
        ok = True
        for job in JOBS:
            expected = self.produced(job)
            own = self.compare(expected, self.sluice_rows(job))
            deltars = self.compare(expected, self.deltars_rows(job))
            versions, missing, orphans = self.missing_files(job)
            history = self.history_check(job)
            entry = {
                "produced": len(expected), "sluiceReader": own, "deltaRs": deltars, "versions": versions,
                "missingFiles": missing[:10], "orphanFiles": orphans, "history": history,
            }
            report["jobs"][job] = entry
            for check in (own, deltars):
                if check["duplicates"] or check["gaps"] or check["unknown"] or check["wrongInd"]:
                    ok = False
                if check["rows"] != len(expected):
                    ok = False
            if missing or history["problems"]:
                ok = False
        report["ok"] = ok
        return report

    # -- main ------------------------------------------------------------------------------

    def run(self):
        os.makedirs(os.path.join(self.work, "jobs"), exist_ok=True)
        for job in JOBS:
            with open(os.path.join(self.work, "jobs", f"{job}.yaml"), "w") as f:
                f.write(job_yaml(job, self.args.batch_records, self.args.checkpoint_interval))
        self.sluice("emulate", "--count", str(self.args.records), "--seed", str(self.args.seed),
                    "--log", "data/log")
        started = time.monotonic()
        number = 0
        while self.kills < self.args.kills:
            number += 1
            self.round(number)
            if self.args.verbose:
                print(f"round {number}: kills {self.kills}, restarts {self.restarts}", file=sys.stderr)
        self.drain()
        report = self.verify()
        produced = sum(j["produced"] for j in report["jobs"].values())
        in_tables = sum(j["deltaRs"]["rows"] for j in report["jobs"].values())
        report.update({
            "kills": self.kills, "killsByPoint": dict(sorted(self.kills_by.items())), "restarts": self.restarts,
            "jobRuns": self.runs, "rounds": number, "producerRuns": self.producer_runs,
            "producerKills": self.producer_kills, "recordsProduced": produced, "recordsInTables": in_tables,
            "duplicates": sum(j["deltaRs"]["duplicates"] + j["sluiceReader"]["duplicates"]
                              for j in report["jobs"].values()),
            "gaps": sum(j["deltaRs"]["gaps"] + j["sluiceReader"]["gaps"] for j in report["jobs"].values()),
            "seconds": round(time.monotonic() - started, 1), "seed": self.args.seed,
        })
        return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200, help="stop killing after this many job kills")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--records", type=int, default=6000, help="initial events per topic")
    parser.add_argument("--batch-records", type=int, default=400, help="maxRecordsPerBatch of the job copies")
    parser.add_argument("--checkpoint-interval", type=int, default=10)
    parser.add_argument("--produce-probability", type=float, default=0.5,
                        help="chance that a producer runs during a round")
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", help="work folder (default: a new temp folder, removed on success)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    created = args.work is None
    if created:
        args.work = tempfile.mkdtemp(prefix="sluice-crash-")
    os.makedirs(args.work, exist_ok=True)
    report = Harness(args).run()
    report["work"] = args.work
    if args.json:
        print(json.dumps(report))
    else:
        print(f"kills            {report['kills']}  ({', '.join(f'{k} {v}' for k, v in report['killsByPoint'].items())})")
        print(f"restarts         {report['restarts']}  (job runs {report['jobRuns']}, rounds {report['rounds']})")
        print(f"producer runs    {report['producerRuns']}  (killed mid-append {report['producerKills']})")
        print(f"records produced {report['recordsProduced']}")
        print(f"records in tables {report['recordsInTables']}")
        print(f"duplicates       {report['duplicates']}")
        print(f"gaps             {report['gaps']}")
        for job, entry in report["jobs"].items():
            print(f"  {job}: produced {entry['produced']}, delta-rs {entry['deltaRs']}, sluice {entry['sluiceReader']}, "
                  f"versions {entry['versions']}, missing files {len(entry['missingFiles'])}, "
                  f"orphans {entry['orphanFiles']}, batches {entry['history']['batches']}, "
                  f"history problems {entry['history']['problems']}")
        print(f"result           {'OK' if report['ok'] else 'FAILED'} in {report['seconds']} s (seed {report['seed']})")
    sys.stdout.flush()
    if report["ok"] and created and not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    os._exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
