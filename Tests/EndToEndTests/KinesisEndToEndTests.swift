import Foundation
import XCTest

/// The Pinterest jobs of `Examples/pinterest-kinesis` against moto_server: three streams of two
/// shards, events put by boto3 (`Examples/pinterest-kinesis/produce.py`), each job killed with
/// SIGKILL after a Delta commit and restarted; delta-rs then sees every event exactly once.
final class KinesisEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  var moto: MotoServerProcess?

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    moto?.stop()
    sluice.remove()
  }

  let credentials = [
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
  ]

  func testPinterestJobsReadKinesisExactlyOnceAcrossAKill() throws {
    let moto = try MotoServerProcess()
    self.moto = moto
    let examples = InteropPython.packageRoot.appendingPathComponent("Examples/pinterest-kinesis")
    let produce = try String(contentsOf: examples.appendingPathComponent("produce.py"), encoding: .utf8)

    // Events with the seeds' shapes from the emulator (one partition, so `log read` gives them all).
    var result = try sluice.run([
      "emulate", "--log", "log", "--count", "150", "--partitions", "1", "--seed", "11",
    ])
    XCTAssertEqual(result.status, 0, result.output)

    for kind in ["pin", "geo", "user"] {
      let stream = "streaming-12c0d092d679-\(kind)"
      result = try sluice.run([
        "log", "read", "pinterest.\(kind)", "--log", "log", "--max", "100000", "--json",
      ])
      XCTAssertEqual(result.status, 0, result.output)
      try sluice.write(result.stdout, to: "\(kind).jsonl")
      let summary =
        try InteropPython.run(
          produce, ["--endpoint", moto.endpoint, "--stream", stream, "--shards", "2", "\(kind).jsonl"],
          in: sluice.workingDirectory) as! [String: Any]
      XCTAssertEqual(summary["records"] as? Int, 150)
      let shards = summary["shards"] as? [String: Int] ?? [:]
      XCTAssertEqual(shards.count, 2, "both shards of \(stream) hold records: \(shards)")

      // The example job, pointed at moto, with small batches so the kill hits batch 1 of several.
      var job = try String(contentsOf: examples.appendingPathComponent("\(kind).yaml"), encoding: .utf8)
      XCTAssertTrue(job.contains("  # endpoint: http://127.0.0.1:4566"))
      job = job.replacingOccurrences(
        of: "  # endpoint: http://127.0.0.1:4566", with: "  endpoint: \(moto.endpoint)")
      job = job.replacingOccurrences(of: "maxRecordsPerBatch: 100000", with: "maxRecordsPerBatch: 60")
      try sluice.write(job, to: "\(kind).yaml")

      // 1. SIGKILL after batch 1 is committed to the Delta table, before commits/1.
      result = try sluice.run(
        ["run", "\(kind).yaml", "--trigger", "availableNow"],
        environment: credentials.merging(["SLUICE_FAULT": "after-sink-write@1"]) { $1 })
      XCTAssertTrue(result.killedBySignal, "expected SIGKILL: \(result.output)")
      let table = "tables/kinesis/\(kind)"
      XCTAssertEqual(sluice.deltaVersions(table), [0, 1], "batch 1 is in the table")
      XCTAssertEqual(sluice.committedBatches("checkpoints/kinesis/\(kind)"), [0])

      // 2. Restart: batch 1 is re-run from its recorded range (already in the table), then the rest.
      result = try sluice.run(["run", "\(kind).yaml", "--trigger", "availableNow"], environment: credentials)
      XCTAssertEqual(result.status, 0, result.output)
      XCTAssertTrue(result.stdout.contains("batch 1 (re-run, already in sink)"), result.stdout)
      let batches = sluice.committedBatches("checkpoints/kinesis/\(kind)")
      XCTAssertGreaterThanOrEqual(batches.count, 3, "150 records in batches of at most 60")
      XCTAssertEqual(sluice.deltaVersions(table), batches, "one table version per batch, none twice")

      // 3. Nothing new: another availableNow run plans no batch.
      result = try sluice.run(["run", "\(kind).yaml", "--trigger", "availableNow"], environment: credentials)
      XCTAssertEqual(result.status, 0, result.output)
      XCTAssertEqual(sluice.committedBatches("checkpoints/kinesis/\(kind)"), batches)

      // 4. delta-rs: exactly the events put, once each (the emulator repeats some posts on purpose).
      let key = kind == "pin" ? "unique_id" : "ind"
      let rows = try sluice.deltaColumn(table, key)
      let expected = try sluice.jsonLinesColumn("\(kind).jsonl", key)
      XCTAssertEqual(rows.count, 150, kind)
      XCTAssertEqual(rows.sorted(), expected.sorted(), "\(kind): \(key) in the table vs the events put")
    }
  }
}

extension SluiceProcess {
  /// A column of a Delta table as text, read with delta-rs.
  func deltaColumn(_ table: String, _ column: String) throws -> [String] {
    let values =
      try InteropPython.run(
        """
        import sys, json
        from deltalake import DeltaTable
        values = DeltaTable(sys.argv[1]).to_pyarrow_table().column(sys.argv[2]).to_pylist()
        print(json.dumps([None if v is None else str(v) for v in values]))
        """, [path(table), column]) as? [Any] ?? []
    return values.map { ($0 as? String) ?? "null" }
  }

  /// A member of the `value` objects of a `sluice log read --json` file, as text.
  func jsonLinesColumn(_ file: String, _ member: String) throws -> [String] {
    let text = try String(contentsOfFile: path(file), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      let value = record?["value"] as? [String: Any]
      switch value?[member] {
      case let number as NSNumber: return number.stringValue
      case let string as String: return string
      default: return "null"
      }
    }
  }
}
