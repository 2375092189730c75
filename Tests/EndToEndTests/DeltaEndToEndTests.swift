import Foundation
import XCTest

/// Pinterest jobs into Delta tables through the `sluice` binary, killed with SIGKILL on both
/// sides of the Delta commit, then checked with delta-rs, pyarrow and DuckDB: each source
/// record is in the table exactly once, orphan files of a killed batch are never referenced,
/// and one table version exists per batch.
final class DeltaEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  /// With a Delta checkpoint every 2 versions, the re-run of batch 2 finds its txn through the
  /// checkpoint Sluice wrote at version 2.
  func testKillsAroundTheDeltaCommitLeaveEachRecordOnce() throws {
    try exactlyOnce(partitionBy: [], checkpointInterval: 2)
    for version in [2, 4] {
      let name = String(format: "%020d.checkpoint.parquet", version)
      XCTAssertTrue(
        FileManager.default.fileExists(atPath: sluice.path("tables/pin/_delta_log/\(name)")), name)
    }
    let last = try String(
      contentsOfFile: sluice.path("tables/pin/_delta_log/_last_checkpoint"), encoding: .utf8)
    XCTAssertTrue(last.contains(#""version":4"#), last)
  }

  func testKillsAroundTheDeltaCommitLeaveEachRecordOnceInACategoryPartitionedTable() throws {
    try exactlyOnce(partitionBy: ["category"])
  }

  func exactlyOnce(partitionBy: [String], checkpointInterval: Int? = nil) throws {
    let table = "tables/pin"
    try sluice.write(
      DeltaJobFiles.pin(partitionBy: partitionBy, checkpointInterval: checkpointInterval), to: "pin.yaml")
    var result = try sluice.run(["emulate", "--log", "log", "--count", "3000", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)

    // 1. SIGKILL after batch 1's Parquet files are durable, before its Delta commit.
    result = try sluice.run(["run", "pin.yaml"], environment: ["SLUICE_FAULT": "after-data-files-written@1"])
    XCTAssertTrue(result.killedBySignal, "expected SIGKILL: \(result.output)")
    XCTAssertTrue(result.stderr.contains("after-data-files-written of batch 1"), result.stderr)
    XCTAssertEqual(sluice.deltaVersions(table), [0], "batch 1 was not committed to the table")
    XCTAssertEqual(sluice.committedBatches("ckpt/pin"), [0])
    let filesAtFirstKill = sluice.parquetFilesOnDisk(table)

    // 2. The re-run writes batch 1 again (new files) and commits it as version 1.
    result = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.stdout.contains("batch 1 (re-run)"), result.stdout)
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1])

    // 3. SIGKILL after batch 2's Delta commit, before commits/2.
    result = try sluice.run(["run", "pin.yaml"], environment: ["SLUICE_FAULT": "after-sink-write@2"])
    XCTAssertTrue(result.killedBySignal, "expected SIGKILL: \(result.output)")
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1, 2], "batch 2 is in the table")
    XCTAssertEqual(sluice.committedBatches("ckpt/pin"), [0, 1], "but commits/2 is missing")
    let filesAtSecondKill = sluice.parquetFilesOnDisk(table)

    // 4. The re-run finds batch 2's txn in the table: no new version, no new files.
    result = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.stdout.contains("batch 2 (re-run, already in sink)"), result.stdout)
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1, 2])
    XCTAssertEqual(sluice.committedBatches("ckpt/pin"), [0, 1, 2])
    XCTAssertEqual(sluice.parquetFilesOnDisk(table), filesAtSecondKill)

    // 5. New events, then availableNow to the end.
    result = try sluice.run(["emulate", "--log", "log", "--count", "1500", "--seed", "7"])
    XCTAssertEqual(result.status, 0, result.output)
    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    let batches = sluice.committedBatches("ckpt/pin")
    XCTAssertEqual(batches, [0, 1, 2, 3, 4])
    XCTAssertEqual(sluice.deltaVersions(table), batches, "one table version per batch, none twice")

    // What the log holds.
    let records = try sluice.topicRecords("pinterest.pin", partitions: 2, log: "log")
    XCTAssertEqual(records.count, 4500)
    let logIDs = Multiset.of(records.map { ($0["value"] as? [String: Any])?["unique_id"] as? String })

    // What Sluice's own reader returns.
    let scan = try sluice.run(["table", "scan", table, "--format", "json", "--limit", "100000000"])
    XCTAssertEqual(scan.status, 0, scan.output)
    try sluice.write(scan.stdout, to: "scan.jsonl")
    let scanRows = try sluice.scanRows(table)
    XCTAssertEqual(scanRows.count, records.count)
    let followerSum = scanRows.reduce(0) { $0 + ($1["follower_count"] as? Int ?? 0) }

    // What delta-rs, pyarrow and DuckDB see.
    let report = try DeltaReport(
      sluice, table: table, key: "unique_id", sum: "follower_count", scanFile: "scan.jsonl")
    XCTAssertEqual(report.count, records.count, "delta-rs rows == records in the log")
    Multiset.assertEqual(Multiset.of(report.keys), logIDs, "unique_id in the table vs the log")
    report.assertRowsEqualSluiceScan()
    XCTAssertEqual(report.version, 4)
    XCTAssertEqual(report.missingFiles, [], "every add path exists")
    XCTAssertEqual(report.duckdbCount, scanRows.count, "DuckDB delta_scan count")
    XCTAssertEqual(report.duckdbSum, followerSum, "DuckDB sum(follower_count)")
    report.assertDataFilesAreZSTDWithStatistics()
    XCTAssertEqual(report.partitionColumns, partitionBy)
    if !partitionBy.isEmpty {
      for path in report.files {
        XCTAssertTrue(path.hasPrefix("category="), "Hive-style partition folder: \(path)")
      }
    }

    // Orphans: the files batch 1 wrote before the first kill stay on disk, unreferenced.
    XCTAssertEqual(report.filesByVersion.count, 5)
    let committedAtFirstKill = Set((report.filesByVersion.first ?? nil) ?? [])
    let orphans = filesAtFirstKill.subtracting(committedAtFirstKill)
    XCTAssertFalse(orphans.isEmpty, "the killed batch left its data files")
    XCTAssertEqual(filesAtFirstKill.subtracting(orphans), committedAtFirstKill)
    let onDisk = sluice.parquetFilesOnDisk(table)
    XCTAssertTrue(orphans.isSubset(of: onDisk), "orphans are never deleted by the writer")
    for (version, files) in report.filesByVersion.enumerated() {
      XCTAssertNotNil(files, "delta-rs reads version \(version)")
      XCTAssertTrue(orphans.isDisjoint(with: files ?? []), "no version references an orphan")
    }
    XCTAssertEqual(onDisk, Set(report.files).union(orphans), "no other stray files")
    XCTAssertEqual(Set(report.files).count, report.files.count)

    // History: delta-rs and `sluice table history` agree; epochId N is version N of this query.
    let queryID = try sluice.queryID("ckpt/pin")
    let history = try sluice.json(["table", "history", table, "--json"]) as? [[String: Any]] ?? []
    XCTAssertEqual(history.count, 5)
    XCTAssertEqual(report.history.count, history.count)
    for (ours, theirs) in zip(history, report.history) {
      let version = ours["version"] as? Int
      XCTAssertEqual(version, theirs["version"] as? Int)
      XCTAssertEqual(ours["timestamp"] as? Int, theirs["timestamp"] as? Int, "version \(version ?? -1)")
      XCTAssertEqual(ours["operation"] as? String, "STREAMING UPDATE")
      XCTAssertEqual(theirs["operation"] as? String, "STREAMING UPDATE")
      let parameters = ours["operationParameters"] as? [String: String]
      XCTAssertEqual(parameters, theirs["operationParameters"] as? [String: String])
      XCTAssertEqual(parameters?["epochId"], version.map(String.init), "one version per batch")
      XCTAssertEqual(parameters?["queryId"], queryID)
      XCTAssertEqual(ours["readVersion"] as? Int, theirs["readVersion"] as? Int)
      XCTAssertEqual(
        (ours["operationMetrics"] as? [String: String])?["numOutputRows"],
        (theirs["operationMetrics"] as? [String: String])?["numOutputRows"])
    }
    let rowsPerVersion = history.compactMap {
      ($0["operationMetrics"] as? [String: String])?["numOutputRows"].flatMap { Int($0) }
    }
    XCTAssertEqual(rowsPerVersion.reduce(0, +), records.count, "no batch's rows were committed twice")
  }

  func testGeoTableHasTimestampAndListOfDoubleTypes() throws {
    let table = "tables/geo"
    try sluice.write(DeltaJobFiles.geo(), to: "geo.yaml")
    var result = try sluice.run(["emulate", "--log", "log", "--count", "2500", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)
    result = try sluice.run(["run", "geo.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1, 2])

    let records = try sluice.topicRecords("pinterest.geo", partitions: 2, log: "log")
    XCTAssertEqual(records.count, 2500)
    let scan = try sluice.run(["table", "scan", table, "--format", "json", "--limit", "100000000"])
    XCTAssertEqual(scan.status, 0, scan.output)
    try sluice.write(scan.stdout, to: "scan.jsonl")

    // Filters on a timestamp column prune by the files' statistics and still find every row.
    let rows = try sluice.scanRows(table)
    let stamp = try XCTUnwrap(rows.compactMap { $0["timestamp"] as? String }.first)
    let matching = try sluice.scanRows(table, ["--where", "timestamp=\(stamp)"])
    XCTAssertEqual(matching.count, rows.filter { $0["timestamp"] as? String == stamp }.count, stamp)
    XCTAssertTrue(matching.allSatisfy { $0["timestamp"] as? String == stamp })

    let report = try DeltaReport(sluice, table: table, key: "ind", sum: "ind", scanFile: "scan.jsonl")
    XCTAssertEqual(report.count, records.count)
    Multiset.assertEqual(
      Multiset.of(report.keys),
      // The producer sends some numbers as strings ("7528"); the decoder reads both.
      Multiset.of(records.map { ($0["value"] as? [String: Any])?["ind"].map { "\($0)" } }),
      "ind in the table vs the log")
    report.assertRowsEqualSluiceScan()
    report.assertDataFilesAreZSTDWithStatistics()
    XCTAssertEqual(report.duckdbCount, records.count)

    let types = report.arrowTypes
    XCTAssertEqual(types["timestamp"], "timestamp[us, tz=UTC]", "\(types)")
    XCTAssertTrue(types["coordinates"]?.hasPrefix("list<") == true, "\(types)")
    XCTAssertTrue(types["coordinates"]?.contains("double") == true, "\(types)")
    XCTAssertEqual(types["ind"], "int64")
    XCTAssertEqual(types["country"], "string")
    let fields = Dictionary(
      uniqueKeysWithValues: report.deltaSchemaFields.compactMap { field in
        (field["name"] as? String).map { ($0, field["type"] as Any) }
      })
    XCTAssertEqual(fields["timestamp"] as? String, "timestamp", "Delta schema type of timestamp")
    let coordinates = fields["coordinates"] as? [String: Any]
    XCTAssertEqual(coordinates?["type"] as? String, "array")
    XCTAssertEqual(coordinates?["elementType"] as? String, "double")
  }
}
