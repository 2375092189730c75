import Foundation
import XCTest

/// Bad input gets a clear message and loses nothing.
final class BadInputEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  let userJob = """
    name: users
    source: {kind: log, path: log, topics: [users]}
    transforms:
      - clean: user
    sink: {kind: jsonl, path: out}
    checkpoint: ckpt
    trigger: availableNow
    """

  let goodUser =
    #"{"ind": 1, "first_name": "Abigail", "last_name": "Ali", "age": 20, "date_joined": "2015-10-24 11:23:51"}"#

  func testMalformedAndMistypedRecordsFailTheBatchNamingTheirPosition() throws {
    try sluice.write(userJob, to: "job.yaml")
    XCTAssertEqual(try sluice.run(["log", "create", "users", "--log", "log"]).status, 0)
    let lines = [
      goodUser, #"{"ind": 2, "first_name": "Dylan", "#,
      #"{"ind": "abc", "first_name": "X", "last_name": "Y", "age": 3}"#,
    ]
    XCTAssertEqual(
      try sluice.run(["log", "produce", "users", "--log", "log"], stdin: lines.joined(separator: "\n"))
        .status, 0)

    let result = try sluice.run(["run", "job.yaml"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("topic users partition 0 offset 1"), result.stderr)
    XCTAssertTrue(result.stderr.contains("topic users partition 0 offset 2"), result.stderr)
    XCTAssertTrue(result.stderr.contains("ind"), result.stderr)
    XCTAssertEqual(try sluice.sinkRows("out").count, 0, "a failed batch writes nothing")
    XCTAssertFalse(FileManager.default.fileExists(atPath: sluice.path("ckpt/commits/0")))

    // With onError: skip the good record lands and the bad ones are counted.
    try sluice.write(userJob + "\nonError: skip\n", to: "job.yaml")
    let skipped = try sluice.run(["run", "job.yaml"])
    XCTAssertEqual(skipped.status, 0, skipped.output)
    let rows = try sluice.sinkRows("out")
    XCTAssertEqual(rows.map { $0["user_name"] as? String }, ["Abigail Ali"])
  }

  func testInvalidJobFilesNameTheKey() throws {
    let cases: [(String, String)] = [
      (userJob.replacingOccurrences(of: "sink:", with: "snk:"), "unknown key 'snk'"),
      (userJob.replacingOccurrences(of: "trigger: availableNow", with: "trigger: sometimes"), "trigger"),
      (userJob.replacingOccurrences(of: "clean: user", with: "clean: users"), "pin, geo, user"),
      (userJob.replacingOccurrences(of: "kind: log", with: "kind: kafak"), "source.kind"),
      ("name: x\nsource: [", "not valid YAML"),
    ]
    for (text, expected) in cases {
      try sluice.write(text, to: "bad.yaml")
      let result = try sluice.run(["run", "bad.yaml"])
      XCTAssertNotEqual(result.status, 0)
      XCTAssertTrue(result.stderr.contains(expected), "expected '\(expected)' in: \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("bad.yaml"), result.stderr)
    }
  }

  func testCorruptCheckpointFileIsReportedWithItsPath() throws {
    try sluice.write(userJob, to: "job.yaml")
    XCTAssertEqual(try sluice.run(["log", "create", "users", "--log", "log"]).status, 0)
    XCTAssertEqual(try sluice.run(["log", "produce", "users", "--log", "log"], stdin: goodUser).status, 0)
    XCTAssertEqual(try sluice.run(["run", "job.yaml"]).status, 0)
    // Truncate the committed batch's offsets file.
    try "v1\n{\"batchWatermarkMs\":0,".write(
      toFile: sluice.path("ckpt/offsets/0"), atomically: false, encoding: .utf8)
    XCTAssertEqual(try sluice.run(["log", "produce", "users", "--log", "log"], stdin: goodUser).status, 0)
    let result = try sluice.run(["run", "job.yaml"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(result.stderr.contains("offsets/0"), result.stderr)
    XCTAssertEqual(try sluice.sinkRows("out").count, 1, "nothing was written twice or lost")
  }

  func testTornLogTailIsNeverServed() throws {
    try sluice.write(userJob, to: "job.yaml")
    XCTAssertEqual(try sluice.run(["log", "create", "users", "--log", "log"]).status, 0)
    let two = [goodUser, goodUser.replacingOccurrences(of: "\"ind\": 1", with: "\"ind\": 2")].joined(
      separator: "\n")
    XCTAssertEqual(try sluice.run(["log", "produce", "users", "--log", "log"], stdin: two).status, 0)
    // Simulate a crash in the middle of an append: half a record at the end of the segment.
    let partition = sluice.path("log/users/0")
    let segment = try FileManager.default.contentsOfDirectory(atPath: partition).first {
      $0.hasSuffix(".log")
    }!
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partition + "/" + segment))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data([0, 0, 0, 90, 1, 2, 3, 4, 5]))
    try handle.close()

    let result = try sluice.run(["run", "job.yaml"])
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertEqual(try sluice.sinkRows("out").map { $0["ind"] as? Int }, [1, 2])
    // A writer opening the topic repairs the tail; appending continues at offset 2.
    XCTAssertEqual(try sluice.run(["log", "produce", "users", "--log", "log"], stdin: goodUser).status, 0)
    let describe = try sluice.run(["log", "describe", "users", "--log", "log", "--json"])
    XCTAssertTrue(describe.stdout.contains("\"latestOffset\":3"), describe.stdout)
  }
}
