import Foundation
import SluiceCore
import XCTest

@testable import Parquet

/// Nested files (structs, maps, lists of lists): our writer ↔ our reader, pyarrow reading ours,
/// pyarrow and delta-rs checkpoints read by ``ParquetNestedReader``.
final class NestedInteropTests: XCTestCase {
  func testCheckpointLikeRecordsRoundTrip() throws {
    let records = NestedFixtures.checkpointRecords(adds: 2000)
    let writer = try ParquetNestedWriter(
      fields: NestedFixtures.checkpointFields, options: .init(rowGroupBytes: 40_000, pageBytes: 4_000))
    try writer.write(Array(records[0..<700]))
    try writer.write(Array(records[700...]))
    let (bytes, summary) = try writer.finish()
    XCTAssertEqual(summary.numRows, Int64(records.count))
    XCTAssertGreaterThan(summary.rowGroups, 1)
    let reader = try ParquetNestedReader(bytes: bytes)
    XCTAssertEqual(try reader.fields(), NestedFixtures.checkpointFields)
    let read = try reader.readRecords()
    XCTAssertEqual(read.count, records.count)
    for (index, (got, want)) in zip(read, records).enumerated() {
      let expected = NestedFixtures.normalized(want, NestedFixtures.checkpointFields)
      if got != expected {
        XCTFail("record \(index): got \(got), expected \(expected)")
        break
      }
    }
    let adds = try reader.readRecords(columns: ["add"]).compactMap { $0["add"]?["path"].string }
    XCTAssertEqual(adds.count, 2000)
    XCTAssertEqual(read[1]["metaData"]?["partitionColumns"].strings, ["category", "day"])
    XCTAssertEqual(read[1]["metaData"]?["configuration"].stringMap, ["delta.appendOnly": "false"])
  }

  func testPyarrowReadsOurNestedFile() throws {
    let records = NestedFixtures.checkpointRecords(adds: 50)
    let writer = try ParquetNestedWriter(fields: NestedFixtures.checkpointFields)
    try writer.write(records)
    let path = try TemporaryDirectory(for: self).write(try writer.finish().bytes, to: "checkpoint.parquet")
    let script =
      NestedFixtures.pythonPlain + "\n" + """
        import sys, json, pyarrow.parquet as pq
        t = pq.read_table(sys.argv[1])
        print(json.dumps({"types": {f.name: str(f.type) for f in t.schema},
                          "rows": [{k: plain(v) for k, v in r.items()} for r in t.to_pylist()]}))
        """
    let json = try XCTUnwrap(InteropPython.json(script, [path]))
    let types = try XCTUnwrap(json["types"] as? [String: String])
    XCTAssertEqual(
      types["add"]?.contains("partitionValues: map<string, string ('partitionValues')>"), true,
      types["add"] ?? "")
    XCTAssertEqual(types["matrix"], "list<element: list<element: double>>")
    let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
    XCTAssertEqual(rows.count, records.count)
    for (index, row) in rows.enumerated() {
      var decoded: [String: NestedValue] = [:]
      for field in NestedFixtures.checkpointFields {
        decoded[field.name] = NestedFixtures.value(row[field.name], field.type)
      }
      XCTAssertEqual(
        decoded, NestedFixtures.normalized(records[index], NestedFixtures.checkpointFields), "row \(index)")
    }
  }

  func testReadsNestedFilesWrittenByPyarrow() throws {
    let directory = TemporaryDirectory(for: self)
    let script =
      NestedFixtures.pythonPlain + "\n" + """
        import sys, json, pyarrow as pa, pyarrow.parquet as pq
        n = 500
        t = pa.table({
          "s": pa.array([None if i % 4 == 0 else {"a": i, "b": None if i % 3 == 0 else "x%d" % i, "c": {"d": [i, i + 1][: i % 3]}}
                         for i in range(n)], pa.struct([("a", pa.int64()), ("b", pa.string()),
                                                        ("c", pa.struct([("d", pa.list_(pa.int32()))]))])),
          "m": pa.array([None if i % 5 == 0 else [("k%d" % j, None if j == 1 else "v%d" % (i + j)) for j in range(i % 3)]
                         for i in range(n)], pa.map_(pa.string(), pa.string())),
          "ls": pa.array([None if i % 6 == 0 else [{"p": "p%d" % j, "q": j * 1.5} for j in range(i % 4)] for i in range(n)],
                         pa.list_(pa.struct([("p", pa.string()), ("q", pa.float64())]))),
          "ll": pa.array([[[float(i)] * (i % 2), None] if i % 3 else [] for i in range(n)], pa.list_(pa.list_(pa.float64()))),
        })
        for version in ["1.0", "2.0"]:
            pq.write_table(t, sys.argv[1] + "/nested-%s.parquet" % version, data_page_version=version, row_group_size=200)
        print(json.dumps({"rows": [{k: plain(v) for k, v in r.items()} for r in t.to_pylist()]}))
        """
    let json = try XCTUnwrap(InteropPython.json(script, [directory.path]))
    let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
    for version in ["1.0", "2.0"] {
      let reader = try ParquetNestedReader(path: directory.file("nested-\(version).parquet"))
      let fields = try reader.fields()
      XCTAssertEqual(
        fields.map(\.description),
        [
          "s: struct<a: int64, b: string, c: struct<d: list<int32>>>",
          "m: map<string, string>",
          "ls: list<struct<p: string, q: double>>",
          "ll: list<list<double>>",
        ])
      let records = try reader.readRecords()
      XCTAssertEqual(records.count, 500)
      for (index, row) in rows.enumerated() {
        var expected: [String: NestedValue] = [:]
        for field in fields { expected[field.name] = NestedFixtures.value(row[field.name], field.type) }
        if records[index] != expected {
          XCTFail("v\(version) row \(index): got \(records[index]), expected \(expected)")
          break
        }
      }
    }
  }

  func testReadsCheckpointWrittenByDeltaRs() throws {
    let directory = TemporaryDirectory(for: self)
    let script = """
      import sys, os, json, pyarrow as pa
      from deltalake import DeltaTable, write_deltalake
      path = sys.argv[1] + "/table"
      for i in range(3):
          write_deltalake(path, pa.table({"id": pa.array([i * 10 + j for j in range(5)], pa.int64()),
                                          "category": pa.array(["a", "b", "a", "c", "b"])}),
                          mode="append", partition_by=["category"])
      dt = DeltaTable(path)
      dt.create_checkpoint()
      log = path + "/_delta_log"
      checkpoint = [f for f in os.listdir(log) if f.endswith(".checkpoint.parquet")][0]
      print(json.dumps({"checkpoint": log + "/" + checkpoint, "files": sorted(dt.file_uris() if hasattr(dt, "file_uris") else dt.files()),
                        "version": dt.version(), "id": dt.metadata().id}))
      """
    let json = try XCTUnwrap(InteropPython.json(script, [directory.path]))
    let reader = try ParquetNestedReader(path: try XCTUnwrap(json["checkpoint"] as? String))
    let records = try reader.readRecords()
    let adds = records.compactMap { $0["add"].flatMap { $0.isNull ? nil : $0 } }
    let files = try XCTUnwrap(json["files"] as? [String])
    XCTAssertEqual(adds.count, 9, "3 appends into 3 partitions")
    XCTAssertEqual(adds.count, files.count)
    let paths = adds.compactMap { $0["path"].string }
    XCTAssertEqual(
      Set(files.map { ($0 as NSString).lastPathComponent }),
      Set(paths.map { ($0 as NSString).lastPathComponent }))
    XCTAssertTrue(adds.allSatisfy { $0["partitionValues"].stringMap?["category"] != nil })
    XCTAssertTrue(adds.allSatisfy { ($0["size"].int64 ?? 0) > 0 })
    let metaData = try XCTUnwrap(records.compactMap { $0["metaData"] }.first { !$0.isNull })
    XCTAssertEqual(metaData["id"].string, json["id"] as? String)
    XCTAssertEqual(metaData["partitionColumns"].strings, ["category"])
    let protocolAction = try XCTUnwrap(records.compactMap { $0["protocol"] }.first { !$0.isNull })
    XCTAssertEqual(protocolAction["minReaderVersion"].int64, 1)
  }
}
