import DeltaLake
import Foundation
import SluiceCore
import XCTest

/// End-to-end interop with real Parquet data files: delta-rs, pyarrow and DuckDB read tables
/// Sluice wrote, and Sluice reads (and appends to) tables delta-rs wrote.
///
/// These need the `Parquet` target's writer and reader; they cannot pass before it is merged.
final class ParquetInteropTests: XCTestCase {
  let query = try! QueryID("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")

  static let columnNames = Fixtures.pinSchema.names

  /// Python that prints the rows of a Delta table sorted by `ind`, timestamps as µs and dates
  /// as days, plus the Arrow type of each column.
  static let readRowsPython = """
    import json, sys
    import pyarrow as pa
    from deltalake import DeltaTable
    def rows_of(t):
        t = t.sort_by("ind")
        cols = []
        for name in \(JSONValue.array(columnNames.map { .string($0) }).compact):
            c = t.column(name)
            if pa.types.is_timestamp(c.type): c = c.cast(pa.int64())
            if pa.types.is_date32(c.type): c = c.cast(pa.int32())
            cols.append(c.to_pylist())
        return [list(r) for r in zip(*cols)]
    """

  /// The rows of `batch` in the form ``readRowsPython`` prints.
  static func json(_ batch: RecordBatch) -> JSONValue {
    .array(
      batch.rows.map { row in
        .array(
          row.values.map { value in
            switch value {
            case .null: .null
            case .string(let s): .string(s)
            case .int32(let v), .date(let v): .int(Int64(v))
            case .int64(let v), .timestamp(let v): .int(v)
            case .double(let v): .double(v)
            case .boolean(let v): .bool(v)
            case .list(let items): .array(items.map { .double($0.doubleValue ?? .nan) })
            }
          })
      })
  }

  func testDeltaRsPyarrowAndDuckDBReadWhatDeltaSinkWrote() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/pins"
    let sink = DeltaSink(
      path: path,
      options: DeltaWriteOptions(
        partitionColumns: ["category"], targetFileRows: 40, checkpointInterval: 3, engineInfo: "Sluice/test"))
    var all = RecordBatch.empty(Fixtures.pinSchema)
    for batch in 0..<5 {
      let rows = Fixtures.pinBatch((batch * 50)..<(batch * 50 + 50))
      try all.append(contentsOf: rows)
      let result = try await sink.addBatch(rows, batchID: BatchID(Int64(batch)), queryID: query)
      XCTAssertFalse(result.alreadyCommitted)
    }
    let again = try await sink.addBatch(Fixtures.pinBatch(200..<250), batchID: 4, queryID: query)
    XCTAssertTrue(again.alreadyCommitted)

    let result = try InteropPython.run(
      Self.readRowsPython + """

        import glob, os, duckdb, duckdb_extension_delta
        import pyarrow.parquet as pq
        path = sys.argv[1]
        dt = DeltaTable(path)
        t = dt.to_pyarrow_table()
        files = []
        for uri in dt.file_uris():
            f = uri[len("file://"):] if uri.startswith("file://") else uri
            md = pq.ParquetFile(f).metadata
            col = md.row_group(0).column(md.schema.names.index("ind"))
            files.append({"codec": col.compression, "hasStats": col.statistics is not None and col.statistics.has_min_max,
                          "rows": md.num_rows})
        ext = glob.glob(os.path.dirname(duckdb_extension_delta.__file__) + "/**/delta.duckdb_extension", recursive=True)[0]
        con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        con.execute(f"LOAD '{ext}'")
        duck = con.execute(f"select count(*), sum(ind), sum(follower_count), count(title) from delta_scan('{path}')").fetchone()
        print(json.dumps({
          "rows": rows_of(t), "types": {f.name: str(f.type) for f in t.schema}, "version": dt.version(),
          "files": files, "duck": list(duck),
          "history": [[h["version"], h["operation"], h["operationParameters"].get("epochId")] for h in dt.history()],
        }))
        """, [path])

    XCTAssertEqual(
      result["rows"]?.canonical, Self.json(all).canonical, "delta-rs returns exactly the rows written")
    XCTAssertEqual(result["version"]?.intValue, 4)
    let types = try XCTUnwrap(result["types"])
    XCTAssertEqual(types["ind"]?.stringValue, "int64")
    XCTAssertEqual(types["follower_count"]?.stringValue, "int32")
    XCTAssertEqual(types["day"]?.stringValue, "date32[day]")
    XCTAssertTrue(types["ts"]?.stringValue?.hasPrefix("timestamp[us, tz=UTC") == true, "\(types)")
    XCTAssertTrue(types["coordinates"]?.stringValue?.contains("double") == true, "\(types)")
    XCTAssertTrue(types["coordinates"]?.stringValue?.contains("list") == true, "\(types)")
    let files = try XCTUnwrap(result["files"]?.arrayValue)
    XCTAssertGreaterThan(files.count, 5)
    for file in files {
      XCTAssertEqual(file["codec"]?.stringValue, "ZSTD")
      XCTAssertEqual(file["hasStats"], .bool(true))
    }
    XCTAssertEqual(files.compactMap { $0["rows"]?.intValue }.reduce(0, +), 250)
    let expectedFollowers = (0..<250).reduce(0) { $0 + $1 * 10 }
    XCTAssertEqual(result["duck"]?.compact, "[250,\((0..<250).reduce(0, +)),\(expectedFollowers),200]")
    let history = try DeltaTable.open(path: path).history()
    XCTAssertEqual(
      result["history"]?.canonical,
      JSONValue.array(
        history.map {
          .array([
            .int($0.version), .string($0.operation ?? ""), $0.commitInfo!.operationParameters["epochId"]!,
          ])
        }
      ).canonical)

    let ours = try DeltaTable.open(path: path).scan()
    let sorted = ours.gather(
      (0..<ours.count).sorted { ours.columns[0].int64Values[$0] < ours.columns[0].int64Values[$1] })
    XCTAssertEqual(Self.json(sorted).canonical, Self.json(all).canonical, "we read back what we wrote")
  }

  func testWeScanAndAppendToATableDeltaRsWrote() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/rs"
    let written = try InteropPython.run(
      Self.readRowsPython + """

        import datetime
        from deltalake import write_deltalake
        path = sys.argv[1]
        def batch(start, n):
            cats = ["art", "travel/food", "diy & crafts"]
            epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
            return pa.table({
              "ind": pa.array(range(start, start + n), pa.int64()),
              "category": [cats[i % 3] for i in range(start, start + n)],
              "title": [None if i % 5 == 4 else f"title {i}" for i in range(start, start + n)],
              "follower_count": pa.array([i * 10 for i in range(start, start + n)], pa.int32()),
              "score": [i / 4 for i in range(start, start + n)],
              "is_video": [i % 2 == 0 for i in range(start, start + n)],
              "ts": pa.array([epoch + datetime.timedelta(microseconds=1_700_000_000_000_000 + i * 1_000_123)
                              for i in range(start, start + n)], pa.timestamp("us", tz="UTC")),
              "day": pa.array([datetime.date(1970, 1, 1) + datetime.timedelta(days=19_700 + i % 7)
                               for i in range(start, start + n)], pa.date32()),
              "coordinates": pa.array([[float(i), float(-i)] for i in range(start, start + n)], pa.list_(pa.float64())),
            })
        write_deltalake(path, batch(0, 30), partition_by=["category"])
        write_deltalake(path, batch(30, 30), mode="append")
        DeltaTable(path).create_checkpoint()
        write_deltalake(path, batch(60, 30), mode="append")
        print(json.dumps({"version": DeltaTable(path).version()}))
        """, [path])
    XCTAssertEqual(written["version"]?.intValue, 2)

    let table = try DeltaTable.open(path: path)
    let rows = try table.scan()
    let sorted = rows.gather(
      (0..<rows.count).sorted { rows.columns[0].int64Values[$0] < rows.columns[0].int64Values[$1] })
    XCTAssertEqual(Self.json(sorted).canonical, Self.json(Fixtures.pinBatch(0..<90)).canonical)
    XCTAssertEqual(try table.scan(version: 0).count, 30)
    XCTAssertEqual(try table.scan(where: [(column: "category", value: "travel/food")], limit: 7).count, 7)
    XCTAssertEqual(try table.detail().numRecords, 90)

    var writer = DeltaTableWriter(path: path)
    let appended = try writer.write(Fixtures.pinBatch(90..<100))
    XCTAssertEqual(appended.version, 3)
    let after = try InteropPython.run(
      Self.readRowsPython + """

        print(json.dumps({"rows": rows_of(DeltaTable(sys.argv[1]).to_pyarrow_table())}))
        """, [path])
    XCTAssertEqual(after["rows"]?.canonical, Self.json(Fixtures.pinBatch(0..<100)).canonical)
  }
}
