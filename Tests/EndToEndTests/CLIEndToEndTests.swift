import Foundation
import XCTest

/// The CLI surface: help, version, JSON output, the generic-operators example.
final class CLIEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    sluice.remove()
  }

  var repositoryRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  func testHelpTeachesAndVersionPrints() throws {
    let help = try sluice.run(["--help"])
    XCTAssertEqual(help.status, 0)
    for command in ["run", "emulate", "log", "checkpoint"] {
      XCTAssertTrue(help.stdout.contains(command), help.stdout)
    }
    let runHelp = try sluice.run(["run", "--help"])
    XCTAssertTrue(runHelp.stdout.contains("availableNow"), runHelp.stdout)
    let version = try sluice.run(["--version"])
    XCTAssertEqual(version.status, 0)
    XCTAssertTrue(
      version.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil, version.stdout)
  }

  func testOperatorsExampleRunsWithJSONProgress() throws {
    let examples = repositoryRoot.appendingPathComponent("Examples/operators")
    try FileManager.default.copyItem(at: examples, to: sluice.workingDirectory.appendingPathComponent("ops"))
    let job = try String(contentsOf: examples.appendingPathComponent("clicks.yaml"), encoding: .utf8)
    try sluice.write(job, to: "clicks.yaml")
    XCTAssertEqual(try sluice.run(["log", "create", "clicks"]).status, 0)
    let produced = try sluice.run(["log", "produce", "clicks", "--file", "ops/clicks.jsonl", "--json"])
    XCTAssertEqual(produced.status, 0, produced.output)
    XCTAssertTrue(produced.stdout.contains(#""records":4"#), produced.stdout)

    let result = try sluice.run(["run", "clicks.yaml", "--json"])
    XCTAssertEqual(result.status, 0, result.output)
    let progress =
      try JSONSerialization.jsonObject(with: Data(result.stdout.split(separator: "\n")[0].utf8))
      as? [String: Any]
    XCTAssertEqual(progress?["batchId"] as? Int, 0, result.stdout)
    XCTAssertEqual(progress?["numInputRows"] as? Int, 4, result.stdout)
    XCTAssertEqual(progress?["numRejectedRows"] as? Int, 1, result.stdout)
    let rows = try sluice.sinkRows("data/out/clicks")
    XCTAssertEqual(rows.map { $0["user"] as? String }, ["ana", "chen"])
    XCTAssertEqual(rows.first?["followers"] as? Int, 12_000)
    XCTAssertEqual(rows.first?["position"] as? [Double], [40.4, -3.7])
  }

  func testDescribeAndReadSpeakJSON() throws {
    XCTAssertEqual(try sluice.run(["emulate", "--count", "10", "--partitions", "1", "--json"]).status, 0)
    let describe = try sluice.run(["log", "describe", "pinterest.geo", "--json"])
    let topics = try JSONSerialization.jsonObject(with: Data(describe.stdout.utf8)) as? [[String: Any]]
    let partitions = topics?.first?["partitions"] as? [[String: Any]]
    XCTAssertEqual(partitions?.first?["latestOffset"] as? Int, 10, describe.stdout)
    let read = try sluice.run(["log", "read", "pinterest.geo", "--from", "8", "--json"])
    let lines = read.stdout.split(separator: "\n")
    XCTAssertEqual(lines.count, 2)
    let record = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    XCTAssertEqual(record?["offset"] as? Int, 8)
    XCTAssertNotNil((record?["value"] as? [String: Any])?["country"])
  }
}
