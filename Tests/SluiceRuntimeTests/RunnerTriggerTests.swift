import Logging
import ServiceLifecycle
import SluiceCheckpoint
import SluiceCore
import SluiceTesting
import XCTest

@testable import SluiceRuntime

/// Triggers, read limits, progress records and graceful stops.
final class RunnerTriggerTests: XCTestCase {
  func testOnceRunsOneCappedBatchPerRun() async throws {
    let f = RunnerFixture()
    f.append(0..<25)
    let first = try await f.runner(trigger: .once, maxRecords: 10).runQuery()
    XCTAssertEqual(first.stoppedReason, .onceCompleted)
    XCTAssertEqual(first.rowsIn, 10)
    let second = try await f.runner(trigger: .once, maxRecords: 10).runQuery()
    XCTAssertEqual(second.lastBatchID, 1)
    XCTAssertEqual(f.sinkValues, (0..<20).map(Int64.init))
  }

  func testOnceWithNothingNewWritesNothing() async throws {
    let f = RunnerFixture()
    let summary = try await f.runner(trigger: .once).runQuery()
    XCTAssertEqual(summary.stoppedReason, .noNewData)
    XCTAssertEqual(summary.batchesRun, 0)
    XCTAssertEqual(try f.checkpoint.offsets.list(), [])
  }

  func testMaxRecordsPerBatchIsRespectedAcrossPartitions() async throws {
    let f = RunnerFixture(source: MemorySource(partitions: 2))
    f.append(0..<8, partition: 0)
    f.append(100..<108, partition: 1)
    let summary = try await f.runner(maxRecords: 5).runQuery()
    XCTAssertEqual(summary.rowsIn, 16)
    XCTAssertEqual(f.reports.map(\.numInputRows), [5, 5, 5, 1])
    XCTAssertEqual(Set(f.sinkValues), Set((0..<8).map(Int64.init) + (100..<108).map(Int64.init)))
    XCTAssertEqual(f.sinkValues.count, 16)
  }

  func testAvailableNowStopsAtTheOffsetNotedAtStart() async throws {
    let f = RunnerFixture()
    f.append(0..<10)
    let growing = GrowingSource(inner: f.source, perRead: 5)
    let summary = try await f.runner(maxRecords: 4, source: growing).runQuery()
    XCTAssertEqual(summary.stoppedReason, .availableNowCompleted)
    XCTAssertEqual(f.sinkValues, (0..<10).map(Int64.init), "records that arrived later wait for the next run")
    XCTAssertEqual(f.source.reads.map(\.end), [f.offset(4), f.offset(8), f.offset(10)])
    XCTAssertEqual(f.reports.last?.sources.first?.latestOffset, f.offset(10))
  }

  func testAvailableNowCapOnlyAppliesToNestedIntegerOffsets() throws {
    func o(_ text: String) throws -> SerializedOffset { try SerializedOffset(text: text) }
    XCTAssertEqual(
      AvailableNowCap.cap(
        try o(#"{"t":{"0":9,"1":4,"2":3}}"#), at: try o(#"{"t":{"0":7,"1":6}}"#),
        start: try o(#"{"t":{"0":1,"2":1}}"#)),
      try o(#"{"t":{"0":7,"1":4,"2":1}}"#))
    XCTAssertNil(
      AvailableNowCap.cap(try o(#"{"s":{"a":{"seq":"1"}}}"#), at: try o(#"{"s":{}}"#), start: try o("{}")))
  }

  func testProgressRecordsAreKeptBoundedInTheCheckpoint() async throws {
    let f = RunnerFixture()
    f.append(0..<10)
    _ = try await f.runner(maxRecords: 2, progressRetention: 2, transforms: [KeepEvenTransform()]).runQuery()
    XCTAssertEqual(f.reports.map(\.batchId), [0, 1, 2, 3, 4])
    XCTAssertEqual(try f.checkpoint.progress.list(), [3, 4])
    let json = try XCTUnwrap(try f.checkpoint.progress.read(4))
    XCTAssertEqual(json["batchId"], .int(4))
    XCTAssertEqual(json["name"], .string("test"))
    XCTAssertEqual(json["numInputRows"], .int(2))
    XCTAssertEqual(json["timestamp"], .string("2023-11-14T22:13:20.000Z"))
    XCTAssertEqual(json["sources"]?.arrayValue?.first?["endOffset"], f.offset(10).json)
    XCTAssertEqual(json["sources"]?.arrayValue?.first?["startOffset"], f.offset(8).json)
    XCTAssertEqual(json["sources"]?.arrayValue?.first?["lag"], .int(0))
    XCTAssertEqual(json["sink"]?["numOutputRows"], .int(1))
    XCTAssertNotNil(json["durationMs"]?["triggerExecution"])
    XCTAssertEqual(f.reports.first?.runId, f.reports.last?.runId)
    XCTAssertTrue(
      f.reports[0].line.hasPrefix("batch 0  in 2  out 1  0 rows/s  0.00 s  end {\"mem\":{\"0\":2}}  lag 8"))
  }

  func testOldLogEntriesArePurged() async throws {
    let f = RunnerFixture()
    f.append(0..<10)
    _ = try await f.runner(maxRecords: 1, minBatchesToRetain: 3).runQuery()
    XCTAssertEqual(try f.checkpoint.offsets.list(), [7, 8, 9])
    XCTAssertEqual(try f.checkpoint.commits.list(), [7, 8, 9])
    f.append(10..<12)
    _ = try await f.runner(maxRecords: 1, minBatchesToRetain: 3).runQuery()
    XCTAssertEqual(f.sinkValues, (0..<12).map(Int64.init))
  }

  func testProcessingTimeRunsOnEveryTickUntilStopped() async throws {
    let f = RunnerFixture()
    f.append(0..<3)
    let runner = f.runner(trigger: .processingTime(.seconds(1)))
    let task = Task { try await runner.runQuery() }
    let ready1 = await f.clock.waitForSleepers(1)
    XCTAssertTrue(ready1)
    XCTAssertEqual(f.sinkValues, [0, 1, 2])

    f.append(3..<5)
    f.clock.advance(by: .seconds(1))
    let ready2 = await f.clock.waitForSleepers(1)
    XCTAssertTrue(ready2)
    XCTAssertEqual(f.sinkValues, [0, 1, 2, 3, 4])

    f.clock.advance(by: .seconds(1))  // nothing new: waits again
    let ready3 = await f.clock.waitForSleepers(1)
    XCTAssertTrue(ready3)
    runner.requestStop()
    let summary = try await task.value
    XCTAssertEqual(summary.stoppedReason, .stopRequested)
    XCTAssertEqual(summary.batchesRun, 2)
    XCTAssertEqual(try f.checkpoint.offsets.list(), [0, 1])
  }

  func testStopDuringABatchFinishesAndCommitsItFirst() async throws {
    let f = RunnerFixture()
    f.append(0..<4)
    let gated = GatedSink(f.sink)
    let runner = f.runner(trigger: .processingTime(.seconds(1)), sink: gated)
    let task = Task { try await runner.runQuery() }
    let ready4 = await eventually { gated.entered == 1 }
    XCTAssertTrue(ready4)
    runner.requestStop()
    gated.open()
    let summary = try await task.value
    XCTAssertEqual(summary.stoppedReason, .stopRequested)
    XCTAssertEqual(summary.batchesRun, 1)
    XCTAssertEqual(try f.checkpoint.commits.list(), [0])
    XCTAssertEqual(f.sinkValues, [0, 1, 2, 3])
  }

  func testGracefulShutdownOfTheServiceGroupStopsBetweenBatches() async throws {
    let f = RunnerFixture()
    f.append(0..<4)
    let gated = GatedSink(f.sink)
    let runner = f.runner(trigger: .processingTime(.seconds(1)), sink: gated)
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(services: [runner], logger: Logger(label: "test")))
    let task = Task { try await group.run() }
    let ready5 = await eventually { gated.entered == 1 }
    XCTAssertTrue(ready5)
    await group.triggerGracefulShutdown()
    gated.open()
    try await task.value
    XCTAssertEqual(runner.lastSummary?.stoppedReason, .stopRequested)
    XCTAssertEqual(try f.checkpoint.commits.list(), [0], "the batch in flight was committed")
    XCTAssertEqual(f.sinkValues, [0, 1, 2, 3])
  }

  func testCancellationWhileWaitingStopsCleanly() async throws {
    let f = RunnerFixture()
    f.append(0..<2)
    let runner = f.runner(trigger: .processingTime(.seconds(5)))
    let task = Task { try await runner.runQuery() }
    let ready6 = await f.clock.waitForSleepers(1)
    XCTAssertTrue(ready6)
    task.cancel()
    let summary = try await task.value
    XCTAssertEqual(summary.stoppedReason, .stopRequested)
    XCTAssertEqual(summary.batchesRun, 1)
  }
}
