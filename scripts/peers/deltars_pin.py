#!/usr/bin/env python3
"""delta-rs peer of sluice-bench's `pipeline-pin-delta` case.

Does with pyarrow and the deltalake package (delta-rs) what the Sluice pin job does: reads raw
Pinterest pin records (JSON lines, as produced by the emulator), cleans them like Sluice's
PinCleaner and appends each 100k-record batch to a Delta table as one commit (Parquet with
ZSTD level 3, and an application transaction `txn(appId, batch number)` like Sluice's
exactly-once streaming commits).

  read     pyarrow.json.read_json on blocks of whole lines (32 MiB). The emulated feed sends
           about 10% of the records with every field as a string (`"index": "7528"`), which
           pyarrow's JSON reader refuses to mix with numbers in one column ("changed from number
           to string"), so `index` (and `downloaded`, which the cleaner drops anyway) are left out
           of the explicit schema, and `index` is taken from the same lines with one RE2
           `extract_regex` (quoted or not).
  clean    pyarrow.compute, step for step as PinCleaner: placeholders and "" -> null, follower_count
           "5k"/"6M"/"B" -> int32 (anything unparsable or out of int32 range -> null), strip
           "Local save in " from save_location, index -> ind (int64), 11 columns in order.
  write    deltalake.write_deltalake(path, table, mode="append", writer_properties=ZSTD(3),
           commit_properties=CommitProperties(app_transactions=[Transaction(app_id, n)])) per batch.

Runs once to warm up, then --repeat timed runs (with --once: one timed run, no warm-up), each
into a fresh table; the timed region is
read + clean + write (interpreter start and imports excluded). Prints one JSON object on stdout:
records, seconds (median), runSeconds, recordsPerSecond, peakRssMB (getrusage), the facts of the
last table (rows, sum of follower_count) and versions. Progress goes to stderr.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import time
import uuid

RAW_STRING_FIELDS = [
    "unique_id", "title", "description", "poster_name", "follower_count", "tag_list",
    "is_image_or_video", "image_src", "save_location", "category",
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
CLEAN_COLUMNS = [
    "ind", "unique_id", "title", "description", "follower_count", "poster_name", "tag_list",
    "is_image_or_video", "image_src", "save_location", "category",
]
BLOCK_BYTES = 32 << 20


def say(text):
    print(f"peer-deltars-pin: {text}", file=sys.stderr, flush=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON lines of raw pin records")
    parser.add_argument("--table-dir", required=True, help="folder for the tables (one per run)")
    parser.add_argument("--batch", type=int, default=100_000, help="records per commit")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs after one warm-up")
    parser.add_argument(
        "--once", action="store_true", help="one timed run, no warm-up (compare.sh runs the process N times)"
    )
    return parser.parse_args()


class PinPeer:
    def __init__(self, batch):
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.json as pj
        import deltalake

        self.pa, self.pc, self.pj, self.deltalake = pa, pc, pj, deltalake
        self.batch = batch
        self.read_schema = pa.schema([(name, pa.string()) for name in RAW_STRING_FIELDS])
        self.clean_schema = pa.schema(
            [("ind", pa.int64())]
            + [(name, pa.int32() if name == "follower_count" else pa.string()) for name in CLEAN_COLUMNS[1:]]
        )
        self.writer_properties = deltalake.WriterProperties(compression="ZSTD", compression_level=3)

    # -- read ---------------------------------------------------------------------------------

    def blocks(self, path):
        """Yields memoryviews of whole lines, about BLOCK_BYTES each (no copies: each read
        starts at the line the previous block cut off)."""
        with open(path, "rb") as handle:
            position = 0
            while True:
                data = handle.read(BLOCK_BYTES)
                if not data:
                    break
                cut = data.rfind(b"\n") + 1
                if cut == 0:  # the last line, without a newline
                    yield memoryview(data + b"\n")
                    break
                yield memoryview(data)[:cut]
                position += cut
                if cut < len(data):
                    handle.seek(position)

    def parse(self, block):
        pa, pc, pj = self.pa, self.pc, self.pj
        buffer = pa.py_buffer(block)
        table = pj.read_json(
            pa.BufferReader(buffer),
            parse_options=pj.ParseOptions(explicit_schema=self.read_schema, unexpected_field_behavior="ignore"),
        )
        whole = pa.LargeBinaryArray.from_buffers(
            pa.large_binary(), 1, [None, pa.array([0, len(block)], pa.int64()).buffers()[1], buffer]
        )
        lines = pc.list_flatten(pc.split_pattern(whole, b"\n"))
        lines = lines.slice(0, len(lines) - 1)  # the block ends with a newline
        if len(lines) != table.num_rows:
            lines = lines.filter(pc.greater(pc.binary_length(lines), 0))  # blank lines
        if len(lines) != table.num_rows:
            raise SystemExit(f"{len(lines)} lines but {table.num_rows} records in a block: odd input lines?")
        found = pc.extract_regex(lines, r'"index"\s*:\s*"?(?P<index>-?[0-9]+)')
        index = pc.cast(pc.struct_field(found, "index"), pa.int64())
        return table.append_column("index", index)

    # -- clean (PinCleaner) ---------------------------------------------------------------------

    def null_if(self, column, values):
        pa, pc = self.pa, self.pc
        matches = pc.fill_null(pc.is_in(column, value_set=pa.array(values, pa.string())), False)
        return pc.if_else(matches, pa.scalar(None, pa.string()), column)

    def follower_count(self, column):
        pa, pc = self.pa, self.pc
        parts = pc.extract_regex(pc.ascii_trim_whitespace(column), r"^(?P<digits>[0-9]{1,18})(?P<suffix>[kKMB]?)$")
        digits = pc.cast(pc.struct_field(parts, "digits"), pa.int64())
        suffix = pc.struct_field(parts, "suffix")
        multiplier = pc.if_else(
            pc.is_in(suffix, value_set=pa.array(["k", "K"])),
            1_000,
            pc.if_else(pc.equal(suffix, "M"), 1_000_000, pc.if_else(pc.equal(suffix, "B"), 1_000_000_000, 1)),
        )
        value = pc.multiply(digits, pc.cast(multiplier, pa.int64()))
        fits = pc.and_(pc.greater_equal(value, -(2**31)), pc.less_equal(value, 2**31 - 1))
        return pc.cast(pc.if_else(fits, value, pa.scalar(None, pa.int64())), pa.int32())

    def clean(self, raw):
        pa, pc = self.pa, self.pc
        columns = {name: raw.column(name) for name in RAW_STRING_FIELDS}
        for name, values in PLACEHOLDERS.items():
            columns[name] = self.null_if(columns[name], values + [""])
        for name in PLAIN_STRING_COLUMNS:
            columns[name] = self.null_if(columns[name], [""])
        columns["follower_count"] = self.follower_count(columns["follower_count"])
        location = columns["save_location"]
        columns["save_location"] = pc.if_else(
            pc.fill_null(pc.starts_with(location, SAVE_LOCATION_PREFIX), False),
            pc.utf8_slice_codeunits(location, len(SAVE_LOCATION_PREFIX)),
            location,
        )
        columns["ind"] = raw.column("index")
        return pa.table([columns[name] for name in CLEAN_COLUMNS], schema=self.clean_schema)

    # -- write ----------------------------------------------------------------------------------

    def write(self, path, table, app_id, number):
        deltalake = self.deltalake
        deltalake.write_deltalake(
            path,
            table,
            mode="append",
            writer_properties=self.writer_properties,
            commit_properties=deltalake.CommitProperties(
                app_transactions=[deltalake.Transaction(app_id=app_id, version=number)]
            ),
        )

    def run(self, input_path, table_path):
        """Read, clean and append in batches of self.batch records; returns (records, commits)."""
        pa = self.pa
        app_id = str(uuid.uuid4())
        self.batch_seconds = []
        last_commit = time.perf_counter()
        pending = []
        pending_rows = 0
        records = 0
        commits = 0

        def flush(final):
            nonlocal pending, pending_rows, records, commits, last_commit
            while pending_rows >= self.batch or (final and pending_rows > 0):
                table = pa.concat_tables(pending) if len(pending) > 1 else pending[0]
                size = min(self.batch, table.num_rows)
                self.write(table_path, table.slice(0, size), app_id, commits)
                now = time.perf_counter()
                self.batch_seconds.append(now - last_commit)
                last_commit = now
                commits += 1
                records += size
                rest = table.slice(size)
                pending = [rest] if rest.num_rows else []
                pending_rows = rest.num_rows

        for block in self.blocks(input_path):
            cleaned = self.clean(self.parse(block))
            pending.append(cleaned)
            pending_rows += cleaned.num_rows
            flush(False)
        flush(True)
        return records, commits

    def facts(self, table_path):
        table = self.deltalake.DeltaTable(table_path)
        data = table.to_pyarrow_table(columns=["follower_count"])
        column = data.column("follower_count")
        total = self.pc.sum(column).as_py() or 0
        return {
            "version": table.version(),
            "files": len(table.file_uris()),
            "rows": data.num_rows,
            "followerCountSum": int(total),
            "followerCountNulls": column.null_count,
        }


def main():
    args = parse_arguments()
    try:
        peer = PinPeer(args.batch)
    except ImportError as error:
        raise SystemExit(f"peer-deltars-pin: cannot import pyarrow/deltalake ({error}); run scripts/test.sh once")
    os.makedirs(args.table_dir, exist_ok=True)
    runs = []
    records = commits = 0
    last_path = None
    first = 1 if args.once else 0
    for repetition in range(first, (1 if args.once else args.repeat) + 1):
        path = os.path.join(args.table_dir, f"run-{repetition}")
        shutil.rmtree(path, ignore_errors=True)
        os.sync()
        start = time.perf_counter()
        records, commits = peer.run(args.input, path)
        elapsed = time.perf_counter() - start
        label = "warm-up" if repetition == 0 else f"run {repetition}/{1 if args.once else args.repeat}"
        say(f"{label}: {elapsed:.3f} s, {records / elapsed / 1000:.1f}k records/s ({commits} commits)")
        if repetition > 0:
            runs.append(elapsed)
        if last_path:
            shutil.rmtree(last_path, ignore_errors=True)
        last_path = path
    facts = peer.facts(last_path)
    shutil.rmtree(last_path, ignore_errors=True)
    median = statistics.median_low(runs)
    import pyarrow

    print(
        json.dumps(
            {
                "records": records,
                "commits": commits,
                "seconds": median,
                "runSeconds": runs,
                "recordsPerSecond": records / median,
                "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "batchSeconds": peer.batch_seconds,
                "table": facts,
                "deltalakeVersion": peer.deltalake.__version__,
                "pyarrowVersion": pyarrow.__version__,
                "pythonVersion": platform.python_version(),
                "method": "pyarrow.json.read_json (32 MiB blocks) + pyarrow.compute cleaning + "
                "write_deltalake(mode=append, ZSTD(3), txn) per batch",
            }
        )
    )


if __name__ == "__main__":
    main()
