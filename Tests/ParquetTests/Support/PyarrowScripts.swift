/// Inline Python scripts the interop tests run with pyarrow.
enum PyarrowScripts {
  /// `read.py <file>`: prints {schema, columns (values by column), metadata} as JSON. Timestamps
  /// become integer microseconds (UTC), dates integer days, floats their `repr` string (JSON
  /// number parsing is not exact on Linux).
  static let read = #"""
    import json, sys, math, datetime
    import pyarrow as pa
    import pyarrow.parquet as pq

    EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

    def plain(v):
        if v is None:
            return None
        if isinstance(v, float):
            return repr(v)
        if isinstance(v, datetime.datetime):
            if v.tzinfo is None:
                v = v.replace(tzinfo=datetime.timezone.utc)
            return (v - EPOCH) // datetime.timedelta(microseconds=1)
        if isinstance(v, datetime.date):
            return (v - datetime.date(1970, 1, 1)).days
        if isinstance(v, bytes):
            return v.decode("utf-8")
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    pf = pq.ParquetFile(sys.argv[1])
    table = pf.read()
    md = pf.metadata
    out = {
        "schema": [{"name": f.name, "type": str(f.type), "nullable": f.nullable} for f in table.schema],
        "columns": {name: [plain(v) for v in table.column(name).to_pylist()] for name in table.column_names},
        "num_rows": md.num_rows,
        "num_row_groups": md.num_row_groups,
        "created_by": md.created_by,
        "format_version": md.format_version,
        "key_value": {k.decode(): v.decode() for k, v in (md.metadata or {}).items()},
        "row_groups": [],
    }
    for g in range(md.num_row_groups):
        rg = md.row_group(g)
        chunks = []
        for c in range(rg.num_columns):
            col = rg.column(c)
            s = col.statistics
            stats = None
            if s is not None:
                stats = {"null_count": s.null_count if s.has_null_count else None,
                         "has_min_max": s.has_min_max,
                         "min": plain(s.min) if s.has_min_max else None,
                         "max": plain(s.max) if s.has_min_max else None}
            chunks.append({"path": col.path_in_schema, "codec": col.compression,
                           "encodings": list(col.encodings), "physical_type": col.physical_type,
                           "has_dictionary_page": col.has_dictionary_page,
                           "num_values": col.num_values, "statistics": stats})
        out["row_groups"].append({"num_rows": rg.num_rows, "columns": chunks})
    print(json.dumps(out))
    """#
}

extension PyarrowScripts {
  /// `write.py <dir>`: writes one table with pyarrow under many settings (codec, dictionary,
  /// data page version, row group and page sizes) plus one file through delta-rs, and prints
  /// {files: [{name, settings}], columns: {name: values}} (values as in ``read``).
  static let writeVariants = #"""
    import json, sys, os, datetime
    import pyarrow as pa
    import pyarrow.parquet as pq

    EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    n = 3000
    def maybe(i, k, v):
        return None if i % k == 0 else v
    cats = ["art", "beauty", "diy", "", "ümlaut ✓"]
    base = 1_600_000_000_000_000
    data = {
        "i64": pa.array([maybe(i, 7, i * 1_000_003 - 50_000) for i in range(n)], pa.int64()),
        "i32": pa.array([maybe(i, 5, (i * 37) % 2001 - 1000) for i in range(n)], pa.int32()),
        "f64": pa.array([maybe(i, 6, i / 3 - 100) for i in range(n)], pa.float64()),
        "f32": pa.array([maybe(i, 4, i * 0.5 - 7.25) for i in range(n)], pa.float32()),
        "b": pa.array([maybe(i, 9, i % 3 == 0) for i in range(n)], pa.bool_()),
        "s": pa.array([maybe(i, 8, cats[i % 5]) for i in range(n)], pa.string()),
        "s_unique": pa.array([maybe(i, 11, "unique value %d %s" % (i, "x" * (i % 17))) for i in range(n)], pa.string()),
        "ts": pa.array([maybe(i, 10, base + i * 1_234_567) for i in range(n)], pa.timestamp("us", tz="UTC")),
        "ts_ms": pa.array([maybe(i, 12, base // 1000 + i * 1013) for i in range(n)], pa.timestamp("ms")),
        "ts_ns": pa.array([maybe(i, 13, (base + i * 777) * 1000) for i in range(n)], pa.timestamp("ns", tz="UTC")),
        "d": pa.array([maybe(i, 14, 18_000 + i % 500) for i in range(n)], pa.date32()),
        "lst": pa.array([None if i % 5 == 0 else [] if i % 5 == 1 else [i / 4, -i / 8, None if i % 7 == 0 else 1.5][: 1 + i % 3] for i in range(n)], pa.list_(pa.float64())),
        "lst_s": pa.array([None if i % 6 == 0 else ["t%d" % (j + i % 9) for j in range(i % 4)] for i in range(n)], pa.list_(pa.string())),
        "req": pa.array([i * i for i in range(n)], pa.int64()),
    }
    fields = [pa.field(k, v.type, nullable=(k != "req")) for k, v in data.items()]
    table = pa.Table.from_arrays(list(data.values()), schema=pa.schema(fields))
    out_dir = sys.argv[1]
    files = []
    variants = []
    for codec in ["snappy", "zstd", "none"]:
        for dictionary in [True, False]:
            for version in ["1.0", "2.0"]:
                variants.append(dict(compression=codec, use_dictionary=dictionary, data_page_version=version))
    variants.append(dict(compression="snappy", row_group_size=700, data_page_size=2048, data_page_version="1.0"))
    variants.append(dict(compression="zstd", row_group_size=1000, data_page_size=1024, data_page_version="2.0",
                         write_statistics=False))
    variants.append(dict(compression="gzip"))
    for index, settings in enumerate(variants):
        name = "pyarrow-%d.parquet" % index
        pq.write_table(table, os.path.join(out_dir, name), **settings)
        files.append({"name": name, "settings": {k: str(v) for k, v in settings.items()}})
    try:
        from deltalake import write_deltalake
        delta_dir = os.path.join(out_dir, "delta")
        write_deltalake(delta_dir, table.drop_columns(["ts_ms", "f32"]))
        for f in sorted(os.listdir(delta_dir)):
            if f.endswith(".parquet"):
                files.append({"name": os.path.join("delta", f), "settings": {"writer": "delta-rs"}})
    except ImportError:
        pass

    def plain(v):
        if v is None:
            return None
        if isinstance(v, float):
            return repr(v)
        if isinstance(v, datetime.datetime):
            if v.tzinfo is None:
                v = v.replace(tzinfo=datetime.timezone.utc)
            return (v - EPOCH) // datetime.timedelta(microseconds=1)
        if isinstance(v, datetime.date):
            return (v - datetime.date(1970, 1, 1)).days
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v

    print(json.dumps({"files": files,
                      "columns": {k: [plain(v) for v in table.column(k).to_pylist()] for k in table.column_names}}))
    """#
}
