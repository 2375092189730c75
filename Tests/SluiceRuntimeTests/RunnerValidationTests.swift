import SluiceCheckpoint
import SluiceCore
import SluiceTesting
import XCTest

@testable import SluiceRuntime

/// Bad records, refused checkpoints and pipelines.
final class RunnerValidationTests: XCTestCase {
  func testOnErrorFailNamesEveryBadRecordAndCommitsNothing() async throws {
    let f = RunnerFixture()
    f.source.append(strings: ["1", "abc", "3", "4x"])
    do {
      _ = try await f.runner().runQuery()
      XCTFail("expected bad records")
    } catch let error as RuntimeError {
      XCTAssertEqual(error.code, .badRecords)
      XCTAssertEqual(
        error.message,
        "batch 0: 2 records could not be decoded: topic mem partition 0 offset 1: field 'value': expected "
          + "int64, found \"abc\"; topic mem partition 0 offset 3: field 'value': expected int64, found \"4x\"; "
          + "fix the producer, or set onError: skip in the job file (batch 0 is not committed: the next run "
          + "reads these records again)")
    }
    XCTAssertEqual(f.sink.attempts, [])
    XCTAssertEqual(try f.checkpoint.commits.list(), [])
    XCTAssertEqual(try f.checkpoint.offsets.list(), [0], "the planned batch stays for the fixed re-run")
  }

  func testOnErrorSkipCountsRejectedRecords() async throws {
    let f = RunnerFixture()
    f.source.append(strings: ["1", "abc", "3", "4x", "5"])
    let summary = try await f.runner(onError: .skip).runQuery()
    XCTAssertEqual(summary.rowsIn, 5)
    XCTAssertEqual(summary.rowsRejected, 2)
    XCTAssertEqual(summary.rowsOut, 3)
    XCTAssertEqual(f.sinkValues, [1, 3, 5])
    XCTAssertEqual(f.reports.first?.numRejectedRows, 2)
    XCTAssertEqual(f.reports.first?.json["numRejectedRows"], .int(2))
  }

  func testLongListsOfBadRecordsAreShortened() {
    let rejected = (0..<12).map { RejectedRecord(index: $0, position: "p\($0)", reason: "bad") }
    let error = BadRecords.error(batch: 7, rejected: rejected)
    XCTAssertTrue(error.message.contains("p9: bad; and 2 more; fix the producer"), error.message)
    XCTAssertFalse(error.message.contains("p10"))
    let transformRejects = [RejectedRecord(index: 0, position: "p0", reason: "no id", step: "clean:pin")]
    XCTAssertEqual(
      BadRecords.skipped(batch: 1, rejected: transformRejects),
      "batch 1: skipped 1 record was rejected (onError: skip): p0: no id (step clean:pin)")
  }

  func testACheckpointOfAnotherSourceIsRefusedBeforeReading() async throws {
    let f = RunnerFixture()
    f.append(0..<3)
    _ = try await f.runner().runQuery()

    let other = MemorySource(topic: "other")
    other.append(strings: ["1"])
    do {
      _ = try await f.runner(source: other).runQuery()
      XCTFail("expected a refusal")
    } catch let error as CheckpointError {
      XCTAssertEqual(error.code, .sourceMismatch)
      XCTAssertTrue(
        error.message.hasPrefix(
          "checkpoint /cp belongs to another query: it was written for source memory:mem but this job reads memory:other"
        ),
        error.message)
    }
    XCTAssertEqual(other.reads.count, 0)
  }

  func testPipelineIsValidatedBeforeAnythingIsReadOrWritten() async throws {
    let f = RunnerFixture()
    f.append(0..<3)
    do {
      _ = try await f.runner(transforms: [NeedsColumnTransform()]).runQuery()
      XCTFail("expected an invalid pipeline")
    } catch let error as RuntimeError {
      XCTAssertEqual(error.code, .invalidPipeline)
      XCTAssertTrue(
        error.message.hasPrefix("job test: transform 'needs-index' cannot run on (value: int64 not null"),
        error.message)
    }
    let picky = RecordingSink(rejectSchemaWith: "needs a 'ts' column")
    do {
      _ = try await f.runner(sink: picky).runQuery()
      XCTFail("expected a schema refusal")
    } catch let error as RuntimeError {
      XCTAssertEqual(error.code, .sinkRejectedSchema)
      XCTAssertTrue(error.message.contains("needs a 'ts' column"), error.message)
    }
    XCTAssertEqual(f.source.reads.count, 0)
    XCTAssertTrue(f.store.files.isEmpty, "not even the metadata was written")
  }

  func testMissingMetadataWithOffsetsIsRefused() async throws {
    let f = RunnerFixture()
    f.append(0..<3)
    _ = try await f.runner().runQuery()
    try f.store.delete("metadata")
    do {
      _ = try await f.runner().runQuery()
      XCTFail("expected a refusal")
    } catch let error as CheckpointError {
      XCTAssertEqual(error.code, .inconsistentLogs)
      XCTAssertTrue(error.message.contains("no metadata file, so its query id is lost"), error.message)
    }
  }

  func testBadFaultSettingIsAClearError() {
    XCTAssertThrowsError(try EnvironmentFaultInjector(value: "after-lunch")) { error in
      XCTAssertTrue((error as! RuntimeError).message.contains("use one of after-offsets-written, after-read"))
    }
    XCTAssertThrowsError(try EnvironmentFaultInjector(value: "after-read@x"))
    XCTAssertNil(try EnvironmentFaultInjector(value: nil).point)
    let parsed = try? EnvironmentFaultInjector(value: "after-sink-write@3")
    XCTAssertEqual(parsed?.point, .afterSinkWrite)
    XCTAssertEqual(parsed?.batch, 3)
    // Reaching another point or batch does nothing (the process is still alive to assert).
    XCTAssertNoThrow(try parsed?.reach(.afterSinkWrite, batch: 2))
    XCTAssertNoThrow(try parsed?.reach(.afterRead, batch: 3))
  }
}
