import Foundation
import XCTest

/// Drives the `sluice` binary like a user: emulate → run → restart, kill, resume.
final class PipelineEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  func pinJob(maxRecords: Int = 1000, trigger: String = "availableNow") -> String {
    """
    name: pin
    source:
      kind: log
      path: log
      topics: [pinterest.pin]
      startingOffsets: earliest
      maxRecordsPerBatch: \(maxRecords)
    transforms:
      - clean: pin
    sink:
      kind: jsonl
      path: out/pin
    checkpoint: ckpt/pin
    trigger: \(trigger)
    """
  }

  /// unique_id → how many times it occurs.
  func histogram(_ rows: [[String: Any]], key: String) -> [String: Int] {
    rows.reduce(into: [:]) { counts, row in counts[row[key] as? String ?? "<null>", default: 0] += 1 }
  }

  /// Compares two multisets without dumping thousands of keys into the failure message.
  func assertSameMultiset(
    _ actual: [String: Int], _ expected: [String: Int], file: StaticString = #filePath, line: UInt = #line
  ) {
    let keys = Set(actual.keys).union(expected.keys)
    let differing = keys.filter { actual[$0] != expected[$0] }
    let extra = differing.reduce(0) { $0 + max(0, (actual[$1] ?? 0) - (expected[$1] ?? 0)) }
    let missing = differing.reduce(0) { $0 + max(0, (expected[$1] ?? 0) - (actual[$1] ?? 0)) }
    XCTAssertTrue(
      differing.isEmpty, "\(differing.count) ids differ: \(extra) duplicated rows, \(missing) missing rows",
      file: file, line: line)
    XCTAssertFalse(expected.isEmpty, "the log had records", file: file, line: line)
  }

  func logUniqueIDs() throws -> [String: Int] {
    let records = try sluice.topicRecords("pinterest.pin", partitions: 2)
    let values = records.map { $0["value"] as? [String: Any] ?? [:] }
    return histogram(values, key: "unique_id")
  }

  func testRestartProcessesExactlyTheNewRecords() throws {
    try sluice.write(pinJob(), to: "pin.yaml")
    var result = try sluice.run(["emulate", "--log", "log", "--count", "2500", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)

    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    var rows = try sluice.sinkRows("out/pin")
    XCTAssertEqual(rows.count, 2500)
    try assertSameMultiset(histogram(rows, key: "unique_id"), logUniqueIDs())
    XCTAssertTrue(result.stdout.contains("batch 0"), result.stdout)

    result = try sluice.run(["emulate", "--log", "log", "--count", "1200", "--seed", "7"])
    XCTAssertEqual(result.status, 0, result.output)
    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    rows = try sluice.sinkRows("out/pin")
    XCTAssertEqual(rows.count, 3700, "exactly the 1,200 new records were added")
    try assertSameMultiset(histogram(rows, key: "unique_id"), logUniqueIDs())

    // A third run with nothing new writes nothing.
    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(try sluice.sinkRows("out/pin").count, 3700)

    result = try sluice.run(["checkpoint", "status", "ckpt/pin", "--log", "log", "--json"])
    XCTAssertEqual(result.status, 0, result.output)
    let status = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    XCTAssertNotNil(status?["lastCommitted"] as? Int, result.stdout)
    XCTAssertEqual(
      status?["lastCommitted"] as? Int, (status?["lastPlanned"] as? [String: Any])?["batchId"] as? Int,
      result.stdout)
    XCTAssertEqual(status?["lag"] as? Int, 0, result.stdout)
  }

  func testKillInTheMiddleOfABatchRerunsTheIdenticalRange() throws {
    try sluice.write(pinJob(), to: "pin.yaml")
    XCTAssertEqual(
      try sluice.run(["emulate", "--log", "log", "--count", "3000", "--partitions", "2"]).status, 0)

    for (point, batch) in [("after-sink-write", 1), ("after-offsets-written", 2)] {
      let killed = try sluice.run(["run", "pin.yaml"], environment: ["SLUICE_FAULT": "\(point)@\(batch)"])
      XCTAssertTrue(killed.killedBySignal, "expected SIGKILL at \(point): \(killed.output)")
      let planned = try String(contentsOfFile: sluice.path("ckpt/pin/offsets/\(batch)"), encoding: .utf8)
      XCTAssertFalse(FileManager.default.fileExists(atPath: sluice.path("ckpt/pin/commits/\(batch)")))

      let resumed = try sluice.run(["run", "pin.yaml", "--trigger", "once"])
      XCTAssertEqual(resumed.status, 0, resumed.output)
      let after = try String(contentsOfFile: sluice.path("ckpt/pin/offsets/\(batch)"), encoding: .utf8)
      let lines = { (text: String) in text.split(separator: "\n").filter { !$0.contains("batchTimestampMs") }
      }
      XCTAssertEqual(lines(after), lines(planned), "batch \(batch) was re-run with the recorded range")
      XCTAssertTrue(FileManager.default.fileExists(atPath: sluice.path("ckpt/pin/commits/\(batch)")))
    }
    XCTAssertEqual(try sluice.run(["run", "pin.yaml"]).status, 0)
    let rows = try sluice.sinkRows("out/pin")
    XCTAssertEqual(rows.count, 3000)
    try assertSameMultiset(histogram(rows, key: "unique_id"), logUniqueIDs())
  }

  func testLongRunningJobStopsGracefullyOnSIGTERMAndLocksItsCheckpoint() throws {
    try sluice.write(pinJob(trigger: "processingTime:200ms"), to: "pin.yaml")
    XCTAssertEqual(
      try sluice.run(["emulate", "--log", "log", "--count", "500", "--partitions", "2"]).status, 0)
    let first = try sluice.start(["run", "pin.yaml"])
    defer { if first.isRunning { first.terminate() } }
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: sluice.path("ckpt/pin/commits/0")), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.1)
    }
    XCTAssertTrue(first.isRunning)

    let second = try sluice.run(["run", "pin.yaml"])
    XCTAssertNotEqual(second.status, 0)
    XCTAssertTrue(second.stderr.contains("in use"), second.output)

    first.terminate()  // SIGTERM: finish the current batch, then exit cleanly
    first.waitUntilExit()
    XCTAssertEqual(first.terminationReason, .exit)
    XCTAssertEqual(first.terminationStatus, 0)
    XCTAssertEqual(try sluice.sinkRows("out/pin").count, 500)
  }
}
