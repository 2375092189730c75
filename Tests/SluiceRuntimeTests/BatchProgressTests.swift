import SluiceCore
import XCTest

@testable import SluiceRuntime

final class BatchProgressTests: XCTestCase {
  func sample() throws -> BatchProgress {
    var durations = BatchProgress.Durations()
    durations.addBatch = .milliseconds(700)
    durations.triggerExecution = .milliseconds(1187)
    return BatchProgress(
      id: try QueryID("8d5c3b3c-1111-4222-8333-444455556666"), runId: "r", name: "pin", batchId: 3,
      timestampMs: 1_700_000_000_123, isRerun: false, numInputRows: 100_000, numRejectedRows: 2,
      inputRowsPerSecond: 50_000, processedRowsPerSecond: 84_210.4, durations: durations,
      sources: [
        .init(
          description: "log:pinterest.pin", startOffset: nil,
          endOffset: try SerializedOffset(text: #"{"pinterest.pin":{"0":300000}}"#), latestOffset: nil,
          numInputRows: 100_000, lag: 12_000)
      ],
      sink: .init(
        description: "jsonl:out", numOutputRows: 99_998, alreadyCommitted: false, details: .object([])))
  }

  func testHumanLine() throws {
    XCTAssertEqual(
      try sample().line,
      "batch 3  in 100000  out 99998  rejected 2  84,210 rows/s  1.19 s  end {\"pinterest.pin\":{\"0\":300000}}  lag 12,000"
    )
    var rerun = try sample()
    rerun.isRerun = true
    rerun.sink.alreadyCommitted = true
    rerun.numRejectedRows = 0
    rerun.sources[0].lag = nil
    XCTAssertEqual(
      rerun.line,
      "batch 3 (re-run, already in sink)  in 100000  out 99998  84,210 rows/s  1.19 s  end {\"pinterest.pin\":{\"0\":300000}}"
    )
  }

  func testJSONFollowsSparkShape() throws {
    let json = try sample().json
    XCTAssertEqual(json["id"], .string("8d5c3b3c-1111-4222-8333-444455556666"))
    XCTAssertEqual(json["timestamp"], .string("2023-11-14T22:13:20.123Z"))
    XCTAssertEqual(json["batchId"], .int(3))
    XCTAssertEqual(json["durationMs"]?["addBatch"], .int(700))
    XCTAssertEqual(json["durationMs"]?["triggerExecution"], .int(1187))
    XCTAssertEqual(json["sources"]?.arrayValue?.first?["startOffset"], .null)
    XCTAssertEqual(json["sources"]?.arrayValue?.first?["lag"], .int(12_000))
    XCTAssertEqual(json["sink"]?["numOutputRows"], .int(99_998))
    XCTAssertEqual(json["numRejectedRows"], .int(2))
    XCTAssertEqual(
      json.objectMembers?.map(\.0),
      [
        "id", "runId", "name", "timestamp", "batchId", "isRerun", "numInputRows", "numRejectedRows",
        "numDeadLetterRows",
        "inputRowsPerSecond", "processedRowsPerSecond", "durationMs", "sources", "sink",
      ])
  }

  func testNumberFormatting() {
    XCTAssertEqual(BatchProgress.grouped(0), "0")
    XCTAssertEqual(BatchProgress.grouped(999), "999")
    XCTAssertEqual(BatchProgress.grouped(1000), "1,000")
    XCTAssertEqual(BatchProgress.grouped(1_234_567), "1,234,567")
    XCTAssertEqual(BatchProgress.seconds(.milliseconds(5)), "0.01")
    XCTAssertEqual(BatchProgress.seconds(.milliseconds(2050)), "2.05")
    XCTAssertEqual(BatchProgress.isoTimestamp(ms: 0), "1970-01-01T00:00:00.000Z")
    XCTAssertEqual(BatchProgress.isoTimestamp(ms: -1), "1969-12-31T23:59:59.999Z")
  }

  func testRunSummaryDescription() throws {
    let summary = RunSummary(
      queryID: QueryID.random(), runID: "r", batchesRun: 2, rowsIn: 10, rowsOut: 8, rowsRejected: 2,
      lastBatchID: 5, stoppedReason: .availableNowCompleted)
    XCTAssertEqual(
      summary.description,
      "2 batches, 10 rows in, 8 out, 2 rejected; last batch 5; stopped: availableNow: everything available at "
        + "start is processed")
  }
}
