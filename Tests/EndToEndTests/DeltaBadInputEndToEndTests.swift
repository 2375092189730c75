import Foundation
import XCTest

/// Damaged, foreign and incompatible tables: every command fails with a message naming the
/// file or feature, exits non-zero, and changes nothing (the table folder is byte-identical
/// afterwards and a refused job commits no batch).
final class DeltaBadInputEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  let table = "tables/pin"

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
    try sluice.write(DeltaJobFiles.pin(partitionBy: ["category"]), to: "pin.yaml")
    var result = try sluice.run(["emulate", "--log", "log", "--count", "2000", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)
    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1])
  }

  override func tearDown() {
    sluice.remove()
  }

  func commitPath(_ version: Int) -> String {
    let digits = String(version)
    return "\(table)/_delta_log/" + String(repeating: "0", count: 20 - digits.count) + digits + ".json"
  }

  /// Runs `arguments`, expects a non-zero exit with every one of `phrases` in stderr, and the
  /// folder `unchanged` (default: the table) byte-identical afterwards.
  @discardableResult
  func expectFailure(
    _ arguments: [String], _ phrases: [String], unchanged folder: String? = nil,
    file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> String {
    let watched = sluice.path(folder ?? table)
    let before = try FolderSnapshot(watched)
    let result = try sluice.run(arguments)
    XCTAssertNotEqual(result.status, 0, "\(arguments) should fail: \(result.output)", file: file, line: line)
    XCTAssertFalse(result.killedBySignal, file: file, line: line)
    XCTAssertTrue(result.stderr.hasPrefix("Error: "), result.stderr, file: file, line: line)
    for phrase in phrases {
      XCTAssertTrue(
        result.stderr.contains(phrase), "\(arguments): '\(phrase)' in \(result.stderr)", file: file,
        line: line)
    }
    let after = try FolderSnapshot(watched)
    XCTAssertTrue(
      before == after, "\(arguments) changed \(watched): \(after.difference(from: before))", file: file,
      line: line)
    return result.stderr
  }

  /// Emulates more events, then expects the pin job to be refused with `phrases`, leaving the
  /// table and the checkpoint's offsets and commits as they were.
  func expectJobRefused(_ phrases: [String], job: String = "pin.yaml", checkpoint: String = "ckpt/pin") throws
  {
    let emulated = try sluice.run(["emulate", "--log", "log", "--count", "500", "--seed", "9"])
    XCTAssertEqual(emulated.status, 0, emulated.output)
    let offsets =
      FileManager.default.fileExists(atPath: sluice.path(checkpoint))
      ? try FolderSnapshot(sluice.path(checkpoint + "/offsets")) : nil
    let commits = sluice.committedBatches(checkpoint)
    try expectFailure(["run", job], phrases)
    XCTAssertEqual(sluice.committedBatches(checkpoint), commits, "no batch was committed")
    if let offsets {
      XCTAssertEqual(
        try FolderSnapshot(sluice.path(checkpoint + "/offsets")), offsets, "no batch was planned")
    } else {
      XCTAssertFalse(FileManager.default.fileExists(atPath: sluice.path(checkpoint + "/offsets/0")))
    }
  }

  func testTruncatedCommitIsNamedByEveryCommandAndTheJob() throws {
    let path = sluice.path(commitPath(1))
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    try whole.prefix(60).write(to: URL(fileURLWithPath: path))  // inside the commitInfo line
    let named = ["00000000000000000001.json", "line 1", "not a valid Delta action"]
    try expectFailure(["table", "history", table], named)
    try expectFailure(["table", "describe", table], named + ["truncated?"])
    try expectFailure(["table", "scan", table], named + ["truncated?", "read an earlier version"])
    try expectJobRefused(named)
    // The advice works: earlier versions are still readable.
    XCTAssertEqual(try sluice.scanRows(table, ["--version", "0"]).count, 1000)
  }

  func testCorruptLineInACommitIsNamed() throws {
    let path = sluice.path(commitPath(1))
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    XCTAssertGreaterThan(lines.count, 3)
    lines[2] = #"{"add": "this is not an add action"}"#
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    let named = ["00000000000000000001.json", "line 3", "not a valid Delta action"]
    try expectFailure(["table", "scan", table], named)
    try expectFailure(["table", "describe", table], named)
    try expectJobRefused(named)

    lines[2] = "garbage that is not JSON"
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
    try expectFailure(["table", "scan", table, "--limit", "1"], ["00000000000000000001.json", "line 3"])
  }

  func testMissingDataFileIsNamedWhenItIsNeeded() throws {
    let files = sluice.parquetFilesOnDisk(table).sorted()
    let victim = try XCTUnwrap(files.first)
    let category = String(victim.prefix { $0 != "/" })
    try FileManager.default.removeItem(atPath: sluice.path("\(table)/\(victim)"))

    try expectFailure(
      ["table", "scan", table, "--limit", "100000000"],
      ["\(table)/\(victim)", "does not exist", "restore it from a backup"])
    // The log itself is fine: describe works, and scans that do not need the file too.
    let detail = try sluice.json(["table", "describe", table, "--json"]) as? [String: Any]
    XCTAssertEqual(detail?["numFiles"] as? Int, files.count)
    let other = try XCTUnwrap(
      files.map { String($0.prefix { $0 != "/" }) }.first { $0 != category && $0.hasPrefix("category=") })
    let otherValue = String(other.dropFirst("category=".count))
    XCTAssertFalse(try sluice.scanRows(table, ["--where", "category=\(otherValue)"]).isEmpty)
  }

  func testUnsupportedReaderFeatureAndVersionAreRefused() throws {
    try sluice.write(
      #"""
      {"commitInfo":{"timestamp":1700000000000,"operation":"SET TBLPROPERTIES","operationParameters":{}}}
      {"protocol":{"minReaderVersion":3,"minWriterVersion":7,"readerFeatures":["futureReaderFeature"],"writerFeatures":["futureReaderFeature"]}}

      """#, to: commitPath(2))
    let named = ["futureReaderFeature", "does not implement"]
    try expectFailure(["table", "describe", table], named)
    try expectFailure(["table", "scan", table], named)
    try expectJobRefused(named)
    XCTAssertEqual(try sluice.scanRows(table, ["--version", "1"]).count, 2000, "versions before the upgrade")

    try sluice.write(#"{"protocol":{"minReaderVersion":4,"minWriterVersion":8}}"# + "\n", to: commitPath(2))
    try expectFailure(["table", "scan", table], ["reader version 4", "reads versions 1 to 3"])
    try expectFailure(["table", "describe", table, "--json"], ["reader version 4"])
  }

  func testUnsupportedWriterVersionIsReadableButNotWritten() throws {
    try sluice.write(
      #"{"protocol":{"minReaderVersion":1,"minWriterVersion":7,"writerFeatures":["futureWriterFeature"]}}"#
        + "\n", to: commitPath(2))
    XCTAssertEqual(try sluice.scanRows(table).count, 2000, "reading needs only reader version 1")
    try expectJobRefused(["writer version 7", "futureWriterFeature", "refuses to write"])
  }

  func testPathsThatAreNotDeltaTables() throws {
    try FileManager.default.createDirectory(atPath: sluice.path("empty"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: sluice.path("nolog/_delta_log"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: sluice.path("parquet"), withIntermediateDirectories: true)
    let dataFile = try XCTUnwrap(sluice.parquetFilesOnDisk(table).first)
    try FileManager.default.copyItem(
      atPath: sluice.path("\(table)/\(dataFile)"), toPath: sluice.path("parquet/part-0.parquet"))
    try sluice.write("hello\n", to: "a-file")
    for path in ["empty", "nolog", "parquet", "a-file"] {
      for command in ["history", "describe", "scan"] {
        try expectFailure(
          ["table", command, path], ["\(path) is not a Delta table", "_delta_log"], unchanged: path)
      }
    }
    for command in ["history", "describe", "scan"] {
      let message = try expectFailure(
        ["table", command, "no/such/table"], ["no/such/table is not a Delta table"], unchanged: ".")
      XCTAssertTrue(message.contains("does not exist"), message)
    }
    XCTAssertFalse(FileManager.default.fileExists(atPath: sluice.path("no")), "nothing was created")
  }

  func testSchemaMismatchIsRefusedWithTheDifference() throws {
    // A geo job pointed at the pin table.
    try sluice.write(DeltaJobFiles.geo(table: table), to: "geo.yaml")
    try expectJobRefused(
      [
        "schema differs", "column 'unique_id' (string) is missing from the batch",
        "column 'coordinates' (array<double>) is not in the table", "nothing was written",
      ], job: "geo.yaml", checkpoint: "ckpt/geo")
    XCTAssertEqual(sluice.committedBatches("ckpt/geo"), [])

    // The pin job with one column of another type.
    let widened = DeltaJobFiles.pin(partitionBy: ["category"]).replacingOccurrences(
      of: "  - clean: pin\n", with: "  - clean: pin\n  - cast: {column: follower_count, to: int64}\n")
    XCTAssertTrue(widened.contains("cast:"), widened)
    try sluice.write(widened, to: "pin.yaml")
    try expectJobRefused([
      "column 'follower_count': table has integer, batch has long", "nothing was written",
    ])
    XCTAssertEqual(sluice.deltaVersions(table), [0, 1])
  }
}
