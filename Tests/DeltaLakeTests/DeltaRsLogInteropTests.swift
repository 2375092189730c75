import Foundation
import SluiceCore
import XCTest

@testable import DeltaLake

/// delta-rs reads our log, statistics and checkpoints, and we read delta-rs's log and
/// checkpoints. These need only the interop venv (no data files are decoded).
final class DeltaRsLogInteropTests: XCTestCase {
  let query = try! QueryID("00000000-1111-4222-8333-444444444444")

  func testDeltaRsReadsOurLogStatisticsAndCheckpoint() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/pins"
    var writer = DeltaTableWriter(
      path: path, options: DeltaWriteOptions(partitionColumns: ["category"], checkpointInterval: 2),
      format: JSONTestFormat())
    for batch in 0..<5 {
      _ = try writer.write(
        Fixtures.pinBatch((batch * 3)..<(batch * 3 + 3)),
        operation: .streamingUpdate(queryId: query.rawValue, epochId: Int64(batch)),
        transaction: TransactionAction(appId: query.rawValue, version: Int64(batch)))
    }
    let ours = try DeltaTable.open(path: path, format: JSONTestFormat()).snapshot()
    let script = """
      import json, sys
      import pyarrow as pa
      from deltalake import DeltaTable
      dt = DeltaTable(sys.argv[1])
      adds = pa.table(dt.get_add_actions(flatten=True)).to_pylist()
      adds.sort(key=lambda a: a["path"])
      p = dt.protocol()
      print(json.dumps({
        "version": dt.version(),
        "paths": [a["path"] for a in adds],
        "numRecords": sum(a["num_records"] for a in adds),
        "minInd": min(a["min.ind"] for a in adds), "maxInd": max(a["max.ind"] for a in adds),
        "minTs": min(a["min.ts"] for a in adds).isoformat(), "maxDay": max(a["max.day"] for a in adds).isoformat(),
        "titleNulls": sum(a["null_count.title"] for a in adds),
        "partitions": sorted(set(a["partition.category"] for a in adds)),
        "schema": json.loads(dt.schema().to_json()),
        "partitionColumns": dt.metadata().partition_columns,
        "protocol": [p.min_reader_version, p.min_writer_version],
        "txn": dt.transaction_version(sys.argv[2]),
        "history": [[h["version"], h["operation"], h["operationParameters"].get("epochId"), h.get("readVersion")]
                    for h in dt.history()] if sys.argv[3] == "1" else [],
      }))
      """
    let result = try InteropPython.run(script, [path, query.rawValue, "1"])
    XCTAssertEqual(result["version"]?.intValue, 4)
    XCTAssertEqual(result["numRecords"]?.intValue, 15)
    XCTAssertEqual(result["paths"]?.arrayValue?.count, ours.numFiles)
    XCTAssertEqual(result["minInd"]?.intValue, 0)
    XCTAssertEqual(result["maxInd"]?.intValue, 14)
    XCTAssertEqual(result["minTs"]?.stringValue, "2023-11-14T22:13:20+00:00")
    XCTAssertEqual(result["maxDay"]?.stringValue, Timestamp.isoDateString(days: 19_706))
    XCTAssertEqual(result["titleNulls"]?.intValue, 3)
    XCTAssertEqual(result["partitions"]?.compact, #"["art","diy & crafts","travel/food"]"#)
    XCTAssertEqual(result["partitionColumns"]?.compact, #"["category"]"#)
    XCTAssertEqual(result["protocol"]?.compact, "[1,2]")
    XCTAssertEqual(result["txn"]?.intValue, 4)
    XCTAssertEqual(result["schema"]?.canonical, DeltaSchema.json(Fixtures.pinSchema).canonical)
    let history = try XCTUnwrap(result["history"]?.arrayValue)
    XCTAssertEqual(history.map { $0.arrayValue?[0].intValue }, [4, 3, 2, 1, 0])
    XCTAssertEqual(history[0].compact, #"[4,"STREAMING UPDATE","4",3]"#)
    XCTAssertEqual(
      try DeltaTable.open(path: path, format: JSONTestFormat()).history().map(\.version), [4, 3, 2, 1, 0])

    // With the commits before the checkpoint gone, delta-rs must get the state from our checkpoint.
    for version in 0..<4 {
      try FileManager.default.removeItem(atPath: path + "/_delta_log/" + LogFileName.commit(Int64(version)))
    }
    let fromCheckpoint = try InteropPython.run(script, [path, query.rawValue, "0"])
    XCTAssertEqual(fromCheckpoint["version"]?.intValue, 4)
    XCTAssertEqual(fromCheckpoint["numRecords"]?.intValue, 15)
    XCTAssertEqual(fromCheckpoint["txn"]?.intValue, 4)
    XCTAssertEqual(fromCheckpoint["paths"], result["paths"])
  }

  func testWeReadTheLogAndCheckpointDeltaRsWrites() throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let path = folder.path + "/rs"
    let result = try InteropPython.run(
      """
      import json, sys, datetime
      import pyarrow as pa
      from deltalake import DeltaTable, write_deltalake, CommitProperties, Transaction
      def batch(start):
          n = 3
          return pa.table({
            "id": pa.array(range(start, start + n), pa.int64()),
            "cat": pa.array(["a/b", "c", None][:n]),
            "ts": pa.array([datetime.datetime(2024, 1, 1, 0, 0, i, tzinfo=datetime.timezone.utc) for i in range(n)],
                           pa.timestamp("us", tz="UTC")),
          })
      path = sys.argv[1]
      write_deltalake(path, batch(0), partition_by=["cat"], configuration={"delta.appendOnly": "false"},
                      commit_properties=CommitProperties(app_transactions=[Transaction("app", 0)]))
      write_deltalake(path, batch(3), mode="append",
                      commit_properties=CommitProperties(app_transactions=[Transaction("app", 1)]))
      DeltaTable(path).create_checkpoint()
      write_deltalake(path, batch(6), mode="append")
      dt = DeltaTable(path)
      print(json.dumps({"version": dt.version(), "files": len(dt.file_uris()),
                        "history": [h.get("operation") for h in dt.history()]}))
      """, [path])
    XCTAssertEqual(result["version"]?.intValue, 2)
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: path + "/_delta_log/00000000000000000001.checkpoint.parquet"))
    // Reading from the checkpoint: remove the commits it replaces.
    for version in 0..<1 {
      try FileManager.default.removeItem(atPath: path + "/_delta_log/" + LogFileName.commit(Int64(version)))
    }
    let table = try DeltaTable.open(path: path)
    let snapshot = try table.snapshot()
    XCTAssertEqual(snapshot.version, 2)
    XCTAssertEqual(snapshot.numFiles, result["files"].flatMap { $0.intValue }.map(Int.init))
    XCTAssertEqual(snapshot.numRecords, 9)
    XCTAssertEqual(snapshot.transactionVersion(appId: "app"), 1)
    XCTAssertEqual(snapshot.partitionColumns, ["cat"])
    XCTAssertEqual(
      snapshot.schema, Schema([Field("id", .int64), Field("cat", .string), Field("ts", .timestamp)]))
    XCTAssertEqual(snapshot.metadata.configuration["delta.appendOnly"], .some("false"))
    XCTAssertEqual(Set(snapshot.files.map { $0.partitionValues["cat"] ?? "absent" }), [nil, "a/b", "c"])
    let history = try table.history()
    XCTAssertEqual(history.map(\.version), [2, 1])
    XCTAssertEqual(history.map(\.operation), result["history"]?.arrayValue?.prefix(2).map { $0.stringValue })
    XCTAssertEqual(history[0].commitInfo?.operationMetrics["num_added_rows"]?.intValue, 3)
    XCTAssertEqual(try table.detail().numFiles, snapshot.numFiles)
  }
}
