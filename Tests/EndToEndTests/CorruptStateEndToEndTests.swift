import Foundation
import XCTest

/// Damaged and foreign state through the `sluice` binary, each with its message and proof that
/// nothing was lost or duplicated: after following the message's advice, the Delta table holds
/// every record exactly once. Covers truncated / empty / garbage `offsets/N`, `commits/N` and
/// `metadata`; a checkpoint of another job or source; a torn last line of a Delta commit; a
/// missing data file; a log segment with a bad CRC in the middle; `sluice checkpoint rewind`.
final class CorruptStateEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  var produced = 0

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
    XCTAssertEqual(try sluice.run(["log", "create", "ev", "--log", "log", "--partitions", "2"]).status, 0)
    try produce(300)
    try sluice.write(Self.job(name: "ev", topic: "ev"), to: "ev.yaml")
    let result = try sluice.run(["run", "ev.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(sluice.committedBatches("ckpt"), [0, 1, 2])
  }

  override func tearDown() {
    sluice.remove()
  }

  static func job(name: String, topic: String, checkpoint: String = "ckpt") -> String {
    """
    name: \(name)
    source: {kind: log, path: log, topics: [\(topic)], maxRecordsPerBatch: 100}
    schema:
      - id: int64
      - label: string
    sink: {kind: delta, path: tables/ev}
    checkpoint: \(checkpoint)
    trigger: availableNow
    """
  }

  func produce(_ count: Int) throws {
    let lines = (produced..<(produced + count)).map { #"{"id": \#($0), "label": "r\#($0)"}"# }
    produced += count
    let result = try sluice.run(
      ["log", "produce", "ev", "--log", "log"], stdin: lines.joined(separator: "\n") + "\n")
    XCTAssertEqual(result.status, 0, result.output)
  }

  /// Every produced id exactly once in the table (Sluice's reader).
  func assertExactlyOnce(file: StaticString = #filePath, line: UInt = #line) throws {
    let ids = try sluice.scanRows("tables/ev").compactMap { $0["id"] as? Int }.sorted()
    XCTAssertEqual(ids, Array(0..<produced), "each record exactly once", file: file, line: line)
  }

  func refused(
    _ phrases: [String], job: String = "ev.yaml", file: StaticString = #filePath, line: UInt = #line
  )
    throws
  {
    let versions = sluice.deltaVersions("tables/ev")
    let result = try sluice.run(["run", job])
    XCTAssertNotEqual(result.status, 0, result.output, file: file, line: line)
    for phrase in phrases {
      XCTAssertTrue(
        result.stderr.contains(phrase), "expected '\(phrase)' in: \(result.stderr)", file: file, line: line)
    }
    XCTAssertEqual(sluice.deltaVersions("tables/ev"), versions, "nothing was written", file: file, line: line)
  }

  static let damages: [(name: String, bytes: @Sendable (Data) -> Data, phrase: String)] = [
    ("empty", { _ in Data() }, "is empty (0 bytes)"),
    ("truncated", { $0.prefix($0.count / 2) }, "is truncated"),
    (
      "garbage", { _ in Data([0x78, 0x01, 0xFF, 0x67, 0x61, 0x72, 0x62]) },
      "does not start with a version line"
    ),
  ]

  func testDamagedCheckpointFilesAreNamedAndTheAdviceLosesNothing() throws {
    for kind in ["offsets", "commits", "metadata"] {
      for damage in Self.damages {
        // Only the newest entries are read on start; damage the latest batch's.
        let last = try XCTUnwrap(sluice.committedBatches("ckpt").last)
        let file = kind == "metadata" ? "metadata" : "\(kind)/\(last)"
        let path = sluice.path("ckpt/" + file)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try damage.bytes(original).write(to: URL(fileURLWithPath: path))
        try produce(50)
        var phrases = ["ckpt/\(file)"]
        switch file {
        case "metadata":
          phrases += [
            damage.name == "empty" ? "is empty" : "is not valid JSON", "operationParameters.queryId",
            #"{"id":"<query id>","name":"ev","sources":["log:ev"]}"#, "Do not start over",
          ]
        case "commits/\(last)":
          phrases += [damage.phrase, "sluice checkpoint repair ckpt", "re-run with its recorded range"]
        default:
          phrases += [damage.phrase, "batch \(last) is committed", "restore the file from a backup"]
        }
        try refused(phrases)
        // The advice: repair a damaged commit; restore the other files.
        if kind == "commits" {
          let repair = try sluice.run(["checkpoint", "repair", "ckpt"])
          XCTAssertTrue(
            repair.stdout.contains("deleted unreadable ckpt/commits/\(last): batch \(last) will be re-run"),
            repair.output)
        } else {
          try original.write(to: URL(fileURLWithPath: path))
        }
        let result = try sluice.run(["run", "ev.yaml"])
        XCTAssertEqual(result.status, 0, "\(file) \(damage.name): \(result.output)")
        if kind == "commits" {
          XCTAssertTrue(result.stdout.contains("batch \(last) (re-run, already in sink)"), result.stdout)
        }
        try assertExactlyOnce()
      }
    }
  }

  func testDamagedPlannedBatchIsRepairedAndPlannedAgain() throws {
    try produce(150)
    var result = try sluice.run(["run", "ev.yaml"], environment: ["SLUICE_FAULT": "after-offsets-written@3"])
    XCTAssertTrue(result.killedBySignal, result.output)
    try Data("v1\n{\"batchWat".utf8).write(to: URL(fileURLWithPath: sluice.path("ckpt/offsets/3")))
    try refused([
      "ckpt/offsets/3", "is truncated", "planned but never committed", "sluice checkpoint repair ckpt",
    ])
    result = try sluice.run(["checkpoint", "repair", "ckpt"])
    XCTAssertTrue(
      result.stdout.contains("deleted unreadable ckpt/offsets/3: batch 3 will be planned again"),
      result.output)
    result = try sluice.run(["run", "ev.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    try assertExactlyOnce()
  }

  func testForeignCheckpointsAreRefusedWithTheCommandsToStartFreshOrRewind() throws {
    try sluice.write(Self.job(name: "other", topic: "ev"), to: "other.yaml")
    try refused(
      [
        "checkpoint ckpt belongs to job 'ev', not to 'other'", "checkpoint: ckpt-new", "mv ckpt ckpt.old",
        "sluice checkpoint rewind ckpt --to-batch N --dry-run",
      ], job: "other.yaml")
    XCTAssertEqual(try sluice.run(["log", "create", "ev2", "--log", "log"]).status, 0)
    try sluice.write(Self.job(name: "ev", topic: "ev2"), to: "source.yaml")
    try refused(
      [
        "belongs to another query: it was written for source log:ev but this job reads log:ev2",
        "mv ckpt ckpt.old",
      ],
      job: "source.yaml")
    try assertExactlyOnce()
  }

  func testTornLastLineOfADeltaCommitIsNamedAndEarlierVersionsStayReadable() throws {
    let last = try XCTUnwrap(sluice.deltaVersions("tables/ev").last)
    let name = String(format: "%020d.json", last)
    let path = sluice.path("tables/ev/_delta_log/" + name)
    let text = try Data(contentsOf: URL(fileURLWithPath: path))
    try text.prefix(text.count - 25).write(to: URL(fileURLWithPath: path))
    try produce(10)
    try refused([name, "not a valid Delta action"])
    let scan = try sluice.run(["table", "scan", "tables/ev", "--limit", "1"])
    XCTAssertNotEqual(scan.status, 0)
    XCTAssertTrue(scan.stderr.contains(name), scan.stderr)
    XCTAssertEqual(try sluice.scanRows("tables/ev", ["--version", String(last - 1)]).count, 200)
  }

  func testMissingDataFileIsNamedNotSilentlySkipped() throws {
    let victim = try XCTUnwrap(sluice.parquetFilesOnDisk("tables/ev").sorted().first)
    try FileManager.default.removeItem(atPath: sluice.path("tables/ev/" + victim))
    let result = try sluice.run(["table", "scan", "tables/ev", "--limit", "100000"])
    XCTAssertNotEqual(result.status, 0, "a scan never returns partial rows")
    XCTAssertTrue(result.stderr.contains(victim), result.stderr)
    XCTAssertTrue(result.stderr.contains("does not exist"), result.stderr)
  }

  func testBadCRCInTheMiddleOfASegmentIsNeverServedPast() throws {
    let segment = sluice.path("log/ev/0/00000000000000000000.log")
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: segment))
    try handle.seek(toOffset: 2000)
    let byte = try XCTUnwrap(try handle.read(upToCount: 1))
    try handle.seek(toOffset: 2000)
    try handle.write(contentsOf: Data([byte[0] ^ 0xFF]))
    try handle.close()
    try sluice.write(Self.job(name: "fresh", topic: "ev", checkpoint: "ckpt-fresh"), to: "fresh.yaml")
    let versions = sluice.deltaVersions("tables/ev")
    let result = try sluice.run(["run", "fresh.yaml"])
    XCTAssertNotEqual(result.status, 0)
    for phrase in [
      "log/ev/0/00000000000000000000.log: damaged record at byte", "CRC-32C mismatch",
      "damage in the middle of the segment",
    ] {
      XCTAssertTrue(result.stderr.contains(phrase), "expected '\(phrase)' in \(result.stderr)")
    }
    XCTAssertEqual(sluice.deltaVersions("tables/ev"), versions, "no batch past the damage was committed")
    let read = try sluice.run(["log", "read", "ev", "--log", "log", "--partition", "0", "--max", "1000"])
    XCTAssertNotEqual(read.status, 0)
    XCTAssertTrue(read.stderr.contains("damaged record at byte"), read.stderr)
  }

  func testRewindForgetsLaterBatchesAndExplainsSinkIdempotency() throws {
    var result = try sluice.run(["checkpoint", "rewind", "ckpt", "--to-batch", "0", "--dry-run"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.stdout.contains("would remove ckpt/commits/2"), result.stdout)
    XCTAssertTrue(result.stdout.contains("would forget batches 1…2"), result.stdout)
    XCTAssertEqual(sluice.committedBatches("ckpt"), [0, 1, 2], "a dry run removes nothing")

    result = try sluice.run(["checkpoint", "rewind", "ckpt", "--to-batch", "0", "--job", "ev.yaml"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("holds batches up to 2"), result.stderr)
    XCTAssertTrue(result.stderr.contains("would be skipped as already written"), result.stderr)

    result = try sluice.run(["checkpoint", "rewind", "ckpt", "--to-batch", "7"])
    XCTAssertTrue(result.stderr.contains("cannot rewind ckpt to batch 7"), result.stderr)

    // The table is recreated (dropped here), so the re-run batches are written again.
    try FileManager.default.removeItem(atPath: sluice.path("tables/ev"))
    result = try sluice.run(["checkpoint", "rewind", "ckpt", "--to-batch", "0", "--job", "ev.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.stdout.contains("the next run plans batch 1 from"), result.stdout)
    XCTAssertEqual(sluice.committedBatches("ckpt"), [0])
    result = try sluice.run(["run", "ev.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    let ids = try sluice.scanRows("tables/ev").compactMap { $0["id"] as? Int }
    XCTAssertEqual(ids.count, 200, "batches 1 and 2 re-processed once each")
    XCTAssertEqual(Set(ids).count, 200)
    XCTAssertEqual(sluice.committedBatches("ckpt"), [0, 1, 2])
  }
}
