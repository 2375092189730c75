import SluiceCheckpoint
import SluiceCore
import SluiceTesting
import XCTest

@testable import SluiceRuntime

/// Exactly-once over restarts and crashes: each record reaches the sink once.
final class RunnerExactlyOnceTests: XCTestCase {
  func testAvailableNowDrainsInBoundedBatchesAndWritesSparkLayout() async throws {
    let f = RunnerFixture()
    f.append(0..<25)
    let summary = try await f.runner(maxRecords: 10).runQuery()

    XCTAssertEqual(summary.batchesRun, 3)
    XCTAssertEqual(summary.rowsIn, 25)
    XCTAssertEqual(summary.lastBatchID, 2)
    XCTAssertEqual(summary.stoppedReason, .availableNowCompleted)
    XCTAssertEqual(f.sinkValues, (0..<25).map(Int64.init))
    XCTAssertEqual(f.sink.batchIDs, [0, 1, 2])
    XCTAssertEqual(f.source.reads.map(\.end), [f.offset(10), f.offset(20), f.offset(25)])
    XCTAssertEqual(f.source.commits, [f.offset(10), f.offset(20), f.offset(25)])

    let checkpoint = f.checkpoint
    XCTAssertEqual(try checkpoint.offsets.list(), [0, 1, 2])
    XCTAssertEqual(try checkpoint.commits.list(), [0, 1, 2])
    XCTAssertEqual(try checkpoint.initialOffset(source: 0), f.offset(0))
    let metadata = try XCTUnwrap(try checkpoint.readMetadata())
    XCTAssertEqual(metadata.sources, ["memory:mem"])
    XCTAssertEqual(metadata.name, "test")
    XCTAssertEqual(summary.queryID, metadata.id)
    XCTAssertEqual(
      String(decoding: try f.store.read("offsets/1")!, as: UTF8.self),
      "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1700000000000,\"conf\":{}}\n{\"mem\":{\"0\":20}}")
    XCTAssertEqual(
      String(decoding: try f.store.read("commits/1")!, as: UTF8.self), "v1\n{\"nextBatchWatermarkMs\":0}")
  }

  func testSecondRunProcessesExactlyTheNewRecords() async throws {
    let f = RunnerFixture()
    f.append(0..<10)
    let first = try await f.runner(maxRecords: 4).runQuery()
    XCTAssertEqual(first.rowsIn, 10)

    f.append(10..<17)
    let second = try await f.runner(maxRecords: 4).runQuery()
    XCTAssertEqual(second.rowsIn, 7)
    XCTAssertEqual(second.batchesRun, 2)
    XCTAssertEqual(second.queryID, first.queryID, "the query id survives restarts")
    XCTAssertEqual(f.sinkValues, (0..<17).map(Int64.init), "no duplicates, no gaps")
    XCTAssertEqual(f.sink.queryIDs, [first.queryID])

    let third = try await f.runner().runQuery()
    XCTAssertEqual(third.batchesRun, 0)
    XCTAssertEqual(third.stoppedReason, .availableNowCompleted)
    XCTAssertEqual(try f.checkpoint.offsets.list().count, 5, "nothing new ⇒ nothing planned")
  }

  func testCrashAfterSinkWriteReRunsTheIdenticalRangeAndTheSinkSkipsIt() async throws {
    let f = RunnerFixture()
    f.append(0..<25)
    let crash = ScriptedFaultInjector(crashAt: .afterSinkWrite, batch: 1)
    do {
      _ = try await f.runner(maxRecords: 10, faults: crash).runQuery()
      XCTFail("expected the simulated crash")
    } catch let error as SimulatedCrash {
      XCTAssertEqual(error, SimulatedCrash(point: .afterSinkWrite, batch: 1))
    }
    XCTAssertEqual(try f.checkpoint.offsets.list(), [0, 1])
    XCTAssertEqual(try f.checkpoint.commits.list(), [0], "batch 1 is not committed")
    let crashedRange = try XCTUnwrap(f.source.reads.last)

    // More records arrive before the restart: the re-run must not extend batch 1.
    f.append(25..<30)
    let reportsBefore = f.reports.count
    let summary = try await f.runner(maxRecords: 10).runQuery()
    let rerunReport = f.reports[reportsBefore]
    let rerunRange = f.source.reads[2]
    XCTAssertEqual(rerunRange.start, crashedRange.start)
    XCTAssertEqual(rerunRange.end, crashedRange.end)
    XCTAssertEqual(rerunReport.batchId, 1)
    XCTAssertEqual(rerunReport.isRerun, true)
    XCTAssertEqual(rerunReport.sink.alreadyCommitted, true)
    XCTAssertEqual(summary.batchesRun, 2)
    XCTAssertEqual(f.sinkValues, (0..<30).map(Int64.init), "each record exactly once")
    XCTAssertEqual(f.sink.attempts, [0, 1, 1, 2])
  }

  func testCrashAfterOffsetsWrittenReRunsBeforeAnythingNew() async throws {
    let f = RunnerFixture()
    f.append(0..<8)
    let crash = ScriptedFaultInjector(crashAt: .afterOffsetsWritten, batch: 0)
    await assertThrowsAsync(try await f.runner(maxRecords: 5, faults: crash).runQuery())
    XCTAssertEqual(f.sink.attempts, [])
    XCTAssertEqual(f.source.reads.count, 0)

    let summary = try await f.runner(trigger: .once, maxRecords: 100).runQuery()
    XCTAssertEqual(summary.stoppedReason, .onceCompleted)
    XCTAssertEqual(f.source.reads.map(\.end), [f.offset(5)], "batch 0 keeps its recorded end (5), not 8")
    XCTAssertEqual(f.sinkValues, [0, 1, 2, 3, 4])
  }

  func testCrashesAtEveryPointLoseAndDuplicateNothing() async throws {
    for point in FaultPoint.runnerPoints {
      let f = RunnerFixture()
      f.append(0..<12)
      await assertThrowsAsync(
        try await f.runner(maxRecords: 5, faults: ScriptedFaultInjector(crashAt: point, batch: 1)).runQuery())
      let summary = try await f.runner(maxRecords: 5).runQuery()
      XCTAssertEqual(f.sinkValues, (0..<12).map(Int64.init), "\(point)")
      XCTAssertEqual(try f.checkpoint.commits.list(), [0, 1, 2], "\(point)")
      XCTAssertEqual(summary.stoppedReason, .availableNowCompleted, "\(point)")
    }
  }

  func testSinkFailureLeavesTheBatchUncommittedForTheNextRun() async throws {
    let f = RunnerFixture()
    f.append(0..<6)
    f.sink.fail(onBatch: 0)
    do {
      _ = try await f.runner().runQuery()
      XCTFail("expected a sink failure")
    } catch let error as RuntimeError {
      XCTAssertEqual(error.code, .sinkFailed)
      XCTAssertTrue(
        error.message.hasPrefix("batch 0: sink memory:sink failed: scripted failure"), error.message)
      XCTAssertTrue(error.message.contains("batch 0 is not committed"), error.message)
      XCTAssertTrue(error.underlying is RecordingSinkError)
    }
    XCTAssertEqual(try f.checkpoint.commits.list(), [])
    _ = try await f.runner().runQuery()
    XCTAssertEqual(f.sinkValues, (0..<6).map(Int64.init))
  }

  func testCommitWriteFailureThenRerunSkipsTheSinkWrite() async throws {
    let f = RunnerFixture()
    f.append(0..<3)
    f.store.failNextWrite(to: "commits/0")
    do {
      _ = try await f.runner().runQuery()
      XCTFail("expected disk full")
    } catch let error as CheckpointError {
      XCTAssertEqual(error.code, .diskFull)
      XCTAssertTrue(error.message.contains("no data was lost, the batch will be re-run"))
    }
    _ = try await f.runner().runQuery()
    XCTAssertEqual(f.sinkValues, [0, 1, 2])
    XCTAssertEqual(f.sink.attempts, [0, 0])
    XCTAssertEqual(f.reports.last?.sink.alreadyCommitted, true)
  }

  func testTruncatedPendingOffsetsStopsTheRunWithAPreciseMessage() async throws {
    let f = RunnerFixture()
    f.append(0..<10)
    await assertThrowsAsync(
      try await f.runner(
        maxRecords: 5, faults: ScriptedFaultInjector(crashAt: .afterOffsetsWritten, batch: 1)
      )
      .runQuery())
    f.store.corrupt("offsets/1", contents: Array("v1\n{\"batchWatermarkMs\":0,".utf8))
    do {
      _ = try await f.runner().runQuery()
      XCTFail("expected a truncated-file error")
    } catch let error as CheckpointError {
      XCTAssertEqual(error.code, .truncatedFile)
      XCTAssertTrue(error.message.hasPrefix("checkpoint file /cp/offsets/1 is truncated"), error.message)
      XCTAssertTrue(error.message.contains("sluice checkpoint repair /cp"), error.message)
    }
    XCTAssertEqual(f.sinkValues, [0, 1, 2, 3, 4], "nothing more was written")
  }
}

/// `XCTAssertThrowsError` for async expressions.
func assertThrowsAsync<T>(
  _ expression: @autoclosure () async throws -> T, file: StaticString = #filePath, line: UInt = #line
) async {
  do {
    _ = try await expression()
    XCTFail("expected an error", file: file, line: line)
  } catch {}
}
