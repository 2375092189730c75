import Foundation
import XCTest

/// What independent readers see in a Delta table: delta-rs (rows, files per version, history,
/// schema), pyarrow (every data file's codec, statistics and columns) and DuckDB's
/// `delta_scan` (count and a sum). Optionally compares delta-rs's rows with a file of
/// `sluice table scan --format json` output, as multisets of canonical JSON rows.
struct DeltaReport {
  static let script =
    InteropPython.duckDBPrelude + """
      import json, sys, datetime
      from collections import Counter
      import pyarrow.parquet as pq
      from deltalake import DeltaTable

      path, key, sum_column, scan_file = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
      root = os.path.abspath(path)
      def rel(uri):
          p = uri[len("file://"):] if uri.startswith("file://") else uri
          return os.path.relpath(p, root)
      dt = DeltaTable(root)
      t = dt.to_pyarrow_table()
      out = {"version": dt.version(), "count": t.num_rows}
      out["keys"] = [None if v is None else str(v) for v in t.column(key).to_pylist()]
      files = [rel(u) for u in dt.file_uris()]
      out["files"] = files
      out["missingFiles"] = [f for f in files if not os.path.isfile(os.path.join(root, f))]
      def files_at(version):
          try:
              return [rel(u) for u in DeltaTable(root, version=version).file_uris()]
          except Exception:  # commits cleaned up after a checkpoint
              return None
      out["filesByVersion"] = [files_at(v) for v in range(dt.version() + 1)]
      try:
          out["history"] = dt.history()
      except Exception:
          out["history"] = None
      out["arrowTypes"] = {f.name: str(f.type) for f in t.schema}
      out["deltaSchema"] = json.loads(dt.schema().to_json())
      out["partitionColumns"] = list(dt.metadata().partition_columns)
      parquet = []
      for f in files:
          pf = pq.ParquetFile(os.path.join(root, f))
          md = pf.metadata
          codecs, without = set(), []
          for g in range(md.num_row_groups):
              for c in range(md.num_columns):
                  col = md.row_group(g).column(c)
                  codecs.add(col.compression)
                  st = col.statistics if col.is_stats_set else None
                  if st is None or st.null_count is None:
                      without.append(col.path_in_schema)
                  elif st.null_count < col.num_values and not st.has_min_max:
                      without.append(col.path_in_schema + " (no min/max)")
          parquet.append({"file": f, "codecs": sorted(codecs), "rows": md.num_rows,
                          "columnsWithoutStatistics": without, "columns": pf.schema_arrow.names})
      out["parquet"] = parquet
      con = duckdb_connection()
      select = "count(*)" + (", sum(" + sum_column + ")" if sum_column else "")
      r = con.execute("select " + select + " from delta_scan('" + root + "')").fetchone()
      out["duckdbCount"] = r[0]
      out["duckdbSum"] = (None if r[1] is None else int(r[1])) if sum_column else None
      def canon(v):
          if isinstance(v, datetime.datetime):
              return v.astimezone(datetime.timezone.utc).replace(tzinfo=None).isoformat()
          if isinstance(v, datetime.date):
              return v.isoformat()
          if isinstance(v, list):
              return [canon(x) for x in v]
          return v
      if scan_file:
          with open(scan_file) as fh:
              ours = Counter(json.dumps(json.loads(l), sort_keys=True) for l in fh if l.strip())
          theirs = Counter(json.dumps({k: canon(v) for k, v in r.items()}, sort_keys=True)
                           for r in t.to_pylist())
          out["rowsOnlyInSluiceScan"] = sum((ours - theirs).values())
          out["rowsOnlyInDeltaRs"] = sum((theirs - ours).values())
          out["exampleOnlyInSluiceScan"] = next(iter(ours - theirs), None)
          out["exampleOnlyInDeltaRs"] = next(iter(theirs - ours), None)
      print(json.dumps(out, default=str))
      """

  let raw: [String: Any]

  /// Reads the table at `table` (relative to the scratch folder). `key`: the column whose
  /// values ``keys`` lists; `sum`: the column DuckDB sums; `scanFile`: a file holding
  /// `sluice table scan --format json` output to compare rows with.
  init(
    _ sluice: SluiceProcess, table: String, key: String, sum: String? = nil, scanFile: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let output = try InteropPython.run(
      Self.script, [sluice.path(table), key, sum ?? "", scanFile.map { sluice.path($0) } ?? ""],
      in: sluice.workingDirectory, file: file, line: line)
    raw = output as? [String: Any] ?? [:]
  }

  var version: Int? { raw["version"] as? Int }
  var count: Int? { raw["count"] as? Int }
  var keys: [String?] { (raw["keys"] as? [Any] ?? []).map { $0 as? String } }
  var files: [String] { raw["files"] as? [String] ?? [] }
  var missingFiles: [String] { raw["missingFiles"] as? [String] ?? [] }
  /// The files of every version from 0 (`nil` where delta-rs can no longer rebuild it).
  var filesByVersion: [[String]?] { (raw["filesByVersion"] as? [Any] ?? []).map { $0 as? [String] } }
  /// delta-rs `history()`, newest first.
  var history: [[String: Any]] { raw["history"] as? [[String: Any]] ?? [] }
  var arrowTypes: [String: String] { raw["arrowTypes"] as? [String: String] ?? [:] }
  var deltaSchemaFields: [[String: Any]] {
    (raw["deltaSchema"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []
  }
  var partitionColumns: [String] { raw["partitionColumns"] as? [String] ?? [] }
  var parquet: [[String: Any]] { raw["parquet"] as? [[String: Any]] ?? [] }
  var duckdbCount: Int? { raw["duckdbCount"] as? Int }
  var duckdbSum: Int? { raw["duckdbSum"] as? Int }

  /// Checks every data file: ZSTD pages only, statistics (with a null count) on every column
  /// chunk, row counts adding up to the table's, and partition columns not stored in files.
  func assertDataFilesAreZSTDWithStatistics(file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(parquet.isEmpty, "the table has data files", file: file, line: line)
    var rows = 0
    for entry in parquet {
      let name = entry["file"] as? String ?? "?"
      XCTAssertEqual(entry["codecs"] as? [String], ["ZSTD"], name, file: file, line: line)
      XCTAssertEqual(
        entry["columnsWithoutStatistics"] as? [String], [], "\(name): column chunks without statistics",
        file: file, line: line)
      let columns = entry["columns"] as? [String] ?? []
      for partition in partitionColumns {
        XCTAssertFalse(
          columns.contains(partition), "\(name) stores partition column \(partition)", file: file, line: line)
      }
      rows += entry["rows"] as? Int ?? 0
    }
    XCTAssertEqual(rows, count, "rows in the data files add up to the table's", file: file, line: line)
  }

  /// Checks that delta-rs returned exactly the rows `sluice table scan` printed.
  func assertRowsEqualSluiceScan(file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(
      raw["rowsOnlyInSluiceScan"] as? Int, 0, "e.g. \(raw["exampleOnlyInSluiceScan"] ?? "-")", file: file,
      line: line)
    XCTAssertEqual(
      raw["rowsOnlyInDeltaRs"] as? Int, 0, "e.g. \(raw["exampleOnlyInDeltaRs"] ?? "-")", file: file,
      line: line)
  }
}
