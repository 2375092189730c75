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
