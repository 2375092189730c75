import SluiceCore
import XCTest

@testable import SluiceCheckpoint

final class RecoveryPlanTests: XCTestCase {
  static func offset(_ n: Int) -> SerializedOffset {
    SerializedOffset(json: .object([("t", .object([("0", .int(Int64(n)))]))]))
  }
  static func entry(_ n: Int, ts: Int64 = 0) -> OffsetSeq {
    OffsetSeq(metadata: OffsetSeqMetadata(batchTimestampMs: ts), offsets: [offset(n)])
  }

  struct Case {
    let name: String
    let planned: (BatchID, OffsetSeq)?
    let previous: OffsetSeq?
    let committed: BatchID?
    let initial: [SerializedOffset?]?
    let expected: Expected
  }

  enum Expected {
    case success(RecoveryPlan)
    case failure(CheckpointError.Code)
  }

  func testTable() {
    func o(_ n: Int) -> SerializedOffset { Self.offset(n) }
    func e(_ n: Int, ts: Int64 = 0) -> OffsetSeq { Self.entry(n, ts: ts) }
    let cases: [Case] = [
      Case(
        name: "empty", planned: nil, previous: nil, committed: nil, initial: nil,
        expected: .success(.freshStart)),
      Case(
        name: "resume after committed", planned: (4, e(40)), previous: e(30), committed: 4, initial: [o(0)],
        expected: .success(.resume(lastCommitted: 4, start: [o(40)]))),
      Case(
        name: "re-run uncommitted with recorded range", planned: (4, e(40, ts: 9)), previous: e(30),
        committed: 3, initial: [o(0)],
        expected: .success(
          .rerun(batch: 4, start: [o(30)], end: [o(40)], metadata: OffsetSeqMetadata(batchTimestampMs: 9)))),
      Case(
        name: "re-run batch 0 from the initial offset", planned: (0, e(10)), previous: nil, committed: nil,
        initial: [o(2)],
        expected: .success(.rerun(batch: 0, start: [o(2)], end: [o(10)], metadata: e(10).metadata))),
      Case(
        name: "commits lag behind (C < L-1): still re-run L", planned: (6, e(60)), previous: e(50),
        committed: 2, initial: nil,
        expected: .success(.rerun(batch: 6, start: [o(50)], end: [o(60)], metadata: e(60).metadata))),
      Case(
        name: "no commits at all, L > 0", planned: (1, e(10)), previous: e(5), committed: nil, initial: nil,
        expected: .success(.rerun(batch: 1, start: [o(5)], end: [o(10)], metadata: e(10).metadata))),
      Case(
        name: "commit without offsets", planned: (3, e(30)), previous: e(20), committed: 4, initial: nil,
        expected: .failure(.inconsistentLogs)),
      Case(
        name: "commit but no offsets log", planned: nil, previous: nil, committed: 0, initial: nil,
        expected: .failure(.inconsistentLogs)),
      Case(
        name: "re-run needs previous offsets", planned: (3, e(30)), previous: nil, committed: 2, initial: nil,
        expected: .failure(.inconsistentLogs)),
      Case(
        name: "re-run of batch 0 needs initial offsets", planned: (0, e(3)), previous: nil, committed: nil,
        initial: nil, expected: .failure(.inconsistentLogs)),
    ]
    for c in cases {
      let result = Result { () throws(CheckpointError) -> RecoveryPlan in
        try RecoveryPlan.make(
          planned: c.planned.map { (batch: $0.0, entry: $0.1) }, previous: c.previous,
          lastCommitted: c.committed,
          initialOffsets: c.initial, location: "/c")
      }
      switch (result, c.expected) {
      case (.success(let plan), .success(let expected)): XCTAssertEqual(plan, expected, c.name)
      case (.failure(let error), .failure(let code)):
        XCTAssertEqual(error.code, code, c.name)
        XCTAssertTrue(error.message.contains("/c"), c.name)
      default: XCTFail("\(c.name): got \(result), expected \(c.expected)")
      }
    }
  }

  func testNextBatch() {
    XCTAssertEqual(RecoveryPlan.freshStart.nextBatch, 0)
    XCTAssertEqual(RecoveryPlan.resume(lastCommitted: 4, start: []).nextBatch, 5)
    XCTAssertEqual(
      RecoveryPlan.rerun(batch: 4, start: [], end: [], metadata: .init(batchTimestampMs: 0)).nextBatch, 4)
  }

  func testDashStartIsFilledFromInitialOffset() throws {
    let previous = OffsetSeq(metadata: .init(batchTimestampMs: 0), offsets: [nil])
    let plan = try RecoveryPlan.make(
      planned: (batch: 1, entry: Self.entry(5)), previous: previous, lastCommitted: 0,
      initialOffsets: [Self.offset(0)], location: "/c")
    XCTAssertEqual(
      plan, .rerun(batch: 1, start: [Self.offset(0)], end: [Self.offset(5)], metadata: Self.entry(5).metadata)
    )
  }
}

/// Recovery read from a store, including damaged files.
final class CheckpointRecoveryTests: XCTestCase {
  let store = InMemoryCheckpointStore(location: "/c")
  var checkpoint: Checkpoint { Checkpoint(store: store) }

  func plan(_ batches: Int, committed: Int) throws {
    _ = try checkpoint.recordInitialOffset(RecoveryPlanTests.offset(0), source: 0)
    for id in 0..<batches {
      try checkpoint.offsets.addNew(BatchID(Int64(id)), RecoveryPlanTests.entry((id + 1) * 10))
    }
    for id in 0..<committed { try checkpoint.commits.addNew(BatchID(Int64(id)), CommitEntry()) }
  }

  func recoveryError() -> CheckpointError? {
    do {
      _ = try checkpoint.recoveryPlan(sourceCount: 1)
      return nil
    } catch {
      return error as? CheckpointError
    }
  }

  func testReadsPlans() throws {
    XCTAssertEqual(try checkpoint.recoveryPlan(sourceCount: 1), .freshStart)
    try plan(3, committed: 3)
    XCTAssertEqual(
      try checkpoint.recoveryPlan(sourceCount: 1),
      .resume(lastCommitted: 2, start: [RecoveryPlanTests.offset(30)]))
    try checkpoint.offsets.addNew(3, RecoveryPlanTests.entry(40))
    XCTAssertEqual(
      try checkpoint.recoveryPlan(sourceCount: 1),
      .rerun(
        batch: 3, start: [RecoveryPlanTests.offset(30)], end: [RecoveryPlanTests.offset(40)],
        metadata: RecoveryPlanTests.entry(40).metadata))
  }

  func testRerunOfBatchZeroUsesRecordedInitialOffset() throws {
    try plan(1, committed: 0)
    XCTAssertEqual(
      try checkpoint.recoveryPlan(sourceCount: 1),
      .rerun(
        batch: 0, start: [RecoveryPlanTests.offset(0)], end: [RecoveryPlanTests.offset(10)],
        metadata: RecoveryPlanTests.entry(10).metadata))
    // A second record of the initial offset keeps the first.
    XCTAssertEqual(
      try checkpoint.recordInitialOffset(RecoveryPlanTests.offset(99), source: 0), RecoveryPlanTests.offset(0)
    )
  }

  func testTruncatedLatestUncommittedOffsetsIsAHardErrorThatPointsToRepair() throws {
    try plan(3, committed: 2)
    store.corrupt("offsets/2", contents: Array("v1\n{\"batchWatermarkMs\":0,\"batch".utf8))
    let error = try XCTUnwrap(recoveryError())
    XCTAssertEqual(error.code, .truncatedFile)
    XCTAssertTrue(error.message.hasPrefix("checkpoint file /c/offsets/2 is truncated"), error.message)
    XCTAssertTrue(error.message.contains("batch 2 was planned but never committed"), error.message)
    XCTAssertTrue(error.message.contains("sluice checkpoint repair /c"), error.message)

    XCTAssertEqual(
      try checkpoint.repair(), ["deleted unreadable /c/offsets/2: batch 2 will be planned again"])
    XCTAssertEqual(
      try checkpoint.recoveryPlan(sourceCount: 1),
      .resume(lastCommitted: 1, start: [RecoveryPlanTests.offset(20)]))
  }

  func testDamagedCommittedOffsetsIsNotRepaired() throws {
    try plan(2, committed: 2)
    store.corrupt("offsets/1", contents: [])
    let error = try XCTUnwrap(recoveryError())
    XCTAssertEqual(error.code, .emptyFile)
    XCTAssertFalse(error.message.contains("repair"), error.message)
    store.corrupt("commits/1", contents: Array("v1\n{".utf8))
    XCTAssertThrowsError(try checkpoint.repair()) { error in
      XCTAssertEqual((error as? CheckpointError)?.code, .repairRefused)
    }
  }

  func testDamagedLatestCommitPointsToRepairWhichReRunsTheBatch() throws {
    try plan(2, committed: 2)
    store.corrupt("commits/1", contents: Array("garbage".utf8))
    let error = try XCTUnwrap(recoveryError())
    XCTAssertEqual(error.code, .corruptFile)
    XCTAssertTrue(error.message.contains("checkpoint file /c/commits/1"), error.message)
    XCTAssertTrue(error.message.contains("re-run with its recorded range"), error.message)
    XCTAssertEqual(try checkpoint.repair().count, 1)
    XCTAssertEqual(
      try checkpoint.recoveryPlan(sourceCount: 1),
      .rerun(
        batch: 1, start: [RecoveryPlanTests.offset(10)], end: [RecoveryPlanTests.offset(20)],
        metadata: RecoveryPlanTests.entry(20).metadata))
  }

  func testNewerVersionIsNotRepaired() throws {
    try plan(1, committed: 1)
    store.corrupt("commits/0", contents: Array("v2\n{}".utf8))
    XCTAssertEqual(recoveryError()?.code, .unsupportedVersion)
    XCTAssertEqual(try checkpoint.repair(), [])
  }

  func testGapInOffsetsIsReported() throws {
    try plan(4, committed: 1)
    try store.delete("offsets/2")
    let error = try XCTUnwrap(recoveryError())
    XCTAssertEqual(error.code, .nonContiguousLog)
    XCTAssertTrue(error.message.contains("/c/offsets has a gap"), error.message)
  }

  func testSourceCountMismatch() throws {
    try plan(1, committed: 1)
    XCTAssertThrowsError(try checkpoint.recoveryPlan(sourceCount: 2)) { error in
      let error = error as! CheckpointError
      XCTAssertEqual(error.code, .inconsistentLogs)
      XCTAssertTrue(
        error.message.contains("has offsets for 1 source(s) but this query reads 2"), error.message)
    }
  }

  func testMetadataIsCreatedOnce() throws {
    let first = CheckpointMetadata(id: QueryID.random(), name: "a", sources: ["s"])
    XCTAssertNil(try checkpoint.readMetadata())
    XCTAssertEqual(try checkpoint.createMetadata(first), first)
    XCTAssertEqual(try checkpoint.createMetadata(CheckpointMetadata(id: QueryID.random())), first)
    XCTAssertEqual(try checkpoint.readMetadata(), first)
  }
}
