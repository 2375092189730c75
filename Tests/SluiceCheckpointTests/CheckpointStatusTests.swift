import SluiceCore
import XCTest

@testable import SluiceCheckpoint

final class CheckpointStatusTests: XCTestCase {
  func testPendingBatchAndCounts() throws {
    let store = InMemoryCheckpointStore(location: "/c")
    let checkpoint = Checkpoint(store: store)
    let id = try QueryID("8d5c3b3c-1111-4222-8333-444455556666")
    _ = try checkpoint.createMetadata(CheckpointMetadata(id: id, name: "pin", sources: ["log:t"]))
    _ = try checkpoint.recordInitialOffset(RecoveryPlanTests.offset(0), source: 0)
    try checkpoint.offsets.addNew(0, RecoveryPlanTests.entry(10, ts: 5))
    try checkpoint.commits.addNew(0, CommitEntry())
    try checkpoint.offsets.addNew(1, RecoveryPlanTests.entry(20, ts: 6))
    let status = try CheckpointStatus.read(checkpoint)
    XCTAssertEqual(status.lastPlanned?.batchID, 1)
    XCTAssertEqual(status.lastPlanned?.endOffsets, [RecoveryPlanTests.offset(20)])
    XCTAssertEqual(status.lastCommitted, 0)
    XCTAssertEqual(status.pendingBatch, 1)
    XCTAssertEqual(status.offsetsCount, 2)
    XCTAssertNil(status.problem)
    XCTAssertEqual(status.json["pendingBatch"], .int(1))
    XCTAssertEqual(status.json["id"], .string(id.rawValue))
    XCTAssertEqual(status.json["lastPlanned"]?["endOffsets"], .array([RecoveryPlanTests.offset(20).json]))
    XCTAssertTrue(status.summary.contains("pending          batch 1 (planned, not committed"), status.summary)
    XCTAssertTrue(status.summary.contains("re-run uncommitted batch 1"), status.summary)
  }

  func testDamageIsReportedNotThrown() throws {
    let store = InMemoryCheckpointStore(location: "/c")
    store.corrupt("offsets/0", contents: Array("v1".utf8))
    let status = try CheckpointStatus.read(Checkpoint(store: store))
    XCTAssertEqual(status.problem?.code, .truncatedFile)
    XCTAssertEqual(status.pendingBatch, 0)
    XCTAssertTrue(status.summary.contains("PROBLEM"), status.summary)
    XCTAssertNotEqual(status.json["problem"], .null)
  }

  func testNewCheckpoint() throws {
    let status = try CheckpointStatus.read(Checkpoint(store: InMemoryCheckpointStore(location: "/c")))
    XCTAssertNil(status.lastPlanned)
    XCTAssertNil(status.pendingBatch)
    XCTAssertEqual(status.nextRun, RecoveryPlan.freshStart.description)
    XCTAssertTrue(status.summary.contains("(new: no query has run here yet)"))
  }
}
