import Foundation
import XCTest

/// Sluice's job and delta-rs take turns on one table: delta-rs appends to the table the job
/// created, Sluice reads those rows and appends again, delta-rs sees everything; a delta-rs
/// checkpoint (with the log before it cleaned up) still carries the job's `txn`, so a re-run
/// batch is recognised as committed.
final class DeltaInteropEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  let table = "tables/pin"

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  /// Appends the first `count` rows of the table again with delta-rs, `unique_id` replaced by
  /// `<prefix>-<i>`; returns the new version and the protocol delta-rs left.
  func appendWithDeltaRs(count: Int, prefix: String) throws -> [String: Any] {
    let script = """
      import json, sys
      import pyarrow as pa
      from deltalake import DeltaTable, write_deltalake
      path, count, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
      t = DeltaTable(path).to_pyarrow_table().slice(0, count)
      ids = pa.array([prefix + "-" + str(i) for i in range(t.num_rows)], type=pa.string())
      t = t.set_column(t.schema.get_field_index("unique_id"), "unique_id", ids)
      write_deltalake(path, t, mode="append", partition_by=["category"])
      dt = DeltaTable(path)
      p = dt.protocol()
      print(json.dumps({"version": dt.version(), "rows": t.num_rows,
                        "protocol": [p.min_reader_version, p.min_writer_version]}))
      """
    let output = try InteropPython.run(script, [sluice.path(table), String(count), prefix])
    return output as? [String: Any] ?? [:]
  }

  func logIDs() throws -> [String?] {
    try sluice.topicRecords("pinterest.pin", partitions: 2, log: "log").map {
      ($0["value"] as? [String: Any])?["unique_id"] as? String
    }
  }

  func testDeltaRsAndTheJobAppendToTheSameTable() throws {
    try sluice.write(DeltaJobFiles.pin(partitionBy: ["category"]), to: "pin.yaml")
    var result = try sluice.run(["emulate", "--log", "log", "--count", "2000", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)
    result = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(sluice.deltaVersions(table), [0])

    // delta-rs appends to the table the job created.
    let appended = try appendWithDeltaRs(count: 25, prefix: "deltars")
    XCTAssertEqual(appended["version"] as? Int, 1)
    XCTAssertEqual(appended["protocol"] as? [Int], [1, 2], "delta-rs kept the protocol Sluice writes")
    let deltaRsIDs = (0..<25).map { "deltars-\($0)" }

    // Sluice reads delta-rs's rows and shows its commit.
    var scanned = try sluice.scanRows(table)
    XCTAssertEqual(scanned.count, 1025)
    XCTAssertTrue(
      Set(deltaRsIDs).isSubset(of: Set(scanned.compactMap { $0["unique_id"] as? String })), "delta-rs rows")
    var history = try sluice.json(["table", "history", table, "--json"]) as? [[String: Any]] ?? []
    XCTAssertEqual(history.map { $0["operation"] as? String }, ["WRITE", "STREAMING UPDATE"])
    XCTAssertTrue((history.first?["engineInfo"] as? String)?.hasPrefix("delta-rs") == true, "\(history)")

    // The job appends its next batch on top; delta-rs sees everything.
    result = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1, 2])
    let scan = try sluice.run(["table", "scan", table, "--format", "json", "--limit", "100000000"])
    XCTAssertEqual(scan.status, 0, scan.output)
    try sluice.write(scan.stdout, to: "scan.jsonl")
    var report = try DeltaReport(
      sluice, table: table, key: "unique_id", sum: "follower_count", scanFile: "scan.jsonl")
    XCTAssertEqual(report.count, 2025)
    Multiset.assertEqual(Multiset.of(report.keys), Multiset.of(try logIDs() + deltaRsIDs), "unique_id")
    report.assertRowsEqualSluiceScan()
    XCTAssertEqual(report.missingFiles, [])
    XCTAssertEqual(report.duckdbCount, 2025)
    history = try sluice.json(["table", "history", table, "--json"]) as? [[String: Any]] ?? []
    XCTAssertEqual(history.map { $0["version"] as? Int }, report.history.map { $0["version"] as? Int })
    XCTAssertEqual(
      history.map { $0["operation"] as? String }, report.history.map { $0["operation"] as? String })
    XCTAssertEqual(history.map { $0["timestamp"] as? Int }, report.history.map { $0["timestamp"] as? Int })
    XCTAssertEqual(
      (history.first?["operationParameters"] as? [String: Any])?["epochId"] as? String, "1",
      "version 2 is the job's batch 1")

    // Batch 2 reaches the table (version 3) but the process dies before commits/2; delta-rs
    // appends (version 4), checkpoints, and the commits before the checkpoint are cleaned up,
    // so batch 2's txn survives only in delta-rs's checkpoint.
    XCTAssertEqual(try sluice.run(["emulate", "--log", "log", "--count", "500", "--seed", "9"]).status, 0)
    result = try sluice.run(["run", "pin.yaml"], environment: ["SLUICE_FAULT": "after-sink-write@2"])
    XCTAssertTrue(result.killedBySignal, result.output)
    XCTAssertEqual(sluice.committedBatches("ckpt/pin"), [0, 1])
    XCTAssertEqual(try appendWithDeltaRs(count: 25, prefix: "deltars-again")["version"] as? Int, 4)
    let checkpoint = try InteropPython.run(
      """
      import json, sys
      from deltalake import DeltaTable
      dt = DeltaTable(sys.argv[1])
      dt.create_checkpoint()
      print(json.dumps({"version": dt.version()}))
      """, [sluice.path(table)])
    XCTAssertEqual((checkpoint as? [String: Any])?["version"] as? Int, 4)
    XCTAssertTrue(
      FileManager.default.fileExists(
        atPath: sluice.path("\(table)/_delta_log/00000000000000000004.checkpoint.parquet")))
    for version in 0...3 {
      let name = String(format: "%020d.json", version)
      try FileManager.default.removeItem(atPath: sluice.path("\(table)/_delta_log/\(name)"))
    }

    result = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.stdout.contains("batch 2 (re-run, already in sink)"), result.stdout)
    XCTAssertEqual(sluice.deltaVersions(table), [4], "no new version for the re-run batch")
    XCTAssertEqual(sluice.committedBatches("ckpt/pin"), [0, 1, 2])
    let detail = try sluice.json(["table", "describe", table, "--json"]) as? [String: Any]
    XCTAssertEqual(detail?["version"] as? Int, 4)
    XCTAssertEqual(detail?["numRecords"] as? Int, 2550)

    // One more batch on top of delta-rs's checkpoint; delta-rs reads every row once.
    XCTAssertEqual(try sluice.run(["emulate", "--log", "log", "--count", "300", "--seed", "11"]).status, 0)
    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(sluice.deltaVersions(table), [4, 5])
    scanned = try sluice.scanRows(table)
    XCTAssertEqual(scanned.count, 2850)
    report = try DeltaReport(sluice, table: table, key: "unique_id", sum: "follower_count")
    XCTAssertEqual(report.count, 2850)
    let allDeltaRs = deltaRsIDs + (0..<25).map { "deltars-again-\($0)" }
    Multiset.assertEqual(Multiset.of(report.keys), Multiset.of(try logIDs() + allDeltaRs), "unique_id")
    XCTAssertEqual(report.duckdbCount, 2850)
    XCTAssertEqual(report.duckdbSum, scanned.reduce(0) { $0 + ($1["follower_count"] as? Int ?? 0) })
  }
}
