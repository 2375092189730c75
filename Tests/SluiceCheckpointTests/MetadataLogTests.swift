import SluiceCore
import XCTest

@testable import SluiceCheckpoint

final class MetadataLogTests: XCTestCase {
  let store = InMemoryCheckpointStore(location: "/c")
  var log: CommitLog { CommitLog(store: store, directory: "commits") }

  func testAddGetLatestAndNumericOrder() throws {
    for id in [0, 1, 2, 9, 10, 11] as [Int64] {
      XCTAssertTrue(try log.add(BatchID(id), CommitEntry(nextBatchWatermarkMs: id)))
    }
    XCTAssertEqual(try log.list(), [0, 1, 2, 9, 10, 11].map { BatchID($0) })
    XCTAssertEqual(try log.latest()?.batchID, 11)
    XCTAssertEqual(try log.latest()?.entry, CommitEntry(nextBatchWatermarkMs: 11))
    XCTAssertEqual(try log.get(9), CommitEntry(nextBatchWatermarkMs: 9))
    XCTAssertNil(try log.get(5))
    XCTAssertEqual(log.path(10), "commits/10")
  }

  func testAddDoesNotOverwriteAndAddNewReportsAConcurrentWriter() throws {
    XCTAssertTrue(try log.add(0, CommitEntry(nextBatchWatermarkMs: 1)))
    XCTAssertFalse(try log.add(0, CommitEntry(nextBatchWatermarkMs: 2)))
    XCTAssertEqual(try log.get(0), CommitEntry(nextBatchWatermarkMs: 1))
    XCTAssertThrowsError(try log.addNew(0, CommitEntry())) { error in
      let error = error as! CheckpointError
      XCTAssertEqual(error.code, .concurrentWriter)
      XCTAssertTrue(error.message.contains("/c/commits/0 already exists"), error.message)
    }
  }

  func testIgnoresNamesThatAreNotBatchIDs() throws {
    store.corrupt("commits/3.compact", contents: [])
    store.corrupt("commits/-1", contents: [])
    store.corrupt("commits/abc", contents: [])
    try log.add(0, CommitEntry())
    XCTAssertEqual(try log.list(), [0])
  }

  func testEmptyLog() throws {
    XCTAssertEqual(try log.list(), [])
    XCTAssertNil(try log.latest())
  }

  func testContiguity() throws {
    XCTAssertNoThrow(try log.verifyContiguous([4, 5, 6]))
    XCTAssertNoThrow(try log.verifyContiguous([]))
    XCTAssertThrowsError(try log.verifyContiguous([1, 2, 4])) { error in
      let error = error as! CheckpointError
      XCTAssertEqual(error.code, .nonContiguousLog)
      XCTAssertTrue(error.message.contains("batches 2 and 4 exist but batch 3 is missing"), error.message)
    }
    XCTAssertThrowsError(try log.verifyContiguous([1, 5])) { error in
      XCTAssertTrue((error as! CheckpointError).message.contains("batches 2…4 are missing"))
    }
  }

  func testPurge() throws {
    for id in 0..<10 as Range<Int64> { try log.add(BatchID(id), CommitEntry()) }
    XCTAssertEqual(try log.purge(before: 3), [0, 1, 2])
    XCTAssertEqual(try log.list().first, 3)
    XCTAssertEqual(try log.purge(keepingLast: 4), [3, 4, 5])
    XCTAssertEqual(try log.list(), [6, 7, 8, 9])
    XCTAssertEqual(try log.purge(keepingLast: 10), [])
  }

  func testDamagedEntryGetsGenericAdvice() throws {
    store.corrupt("commits/0", contents: Array("v1\n{\"next".utf8))
    XCTAssertThrowsError(try log.get(0)) { error in
      let error = error as! CheckpointError
      XCTAssertEqual(error.code, .truncatedFile)
      XCTAssertTrue(error.message.contains("checkpoint file /c/commits/0 is truncated"), error.message)
      XCTAssertNotNil(error.advice)
    }
  }

  func testCheckpointPurgeKeepsAtLeastTwo() throws {
    let checkpoint = Checkpoint(store: store)
    for id in 0..<6 as Range<Int64> {
      try checkpoint.offsets.add(BatchID(id), OffsetSeq(metadata: .init(batchTimestampMs: 0), offsets: [nil]))
      try checkpoint.commits.add(BatchID(id), CommitEntry())
    }
    try checkpoint.purge(upTo: 5, retain: 1)
    XCTAssertEqual(try checkpoint.offsets.list(), [4, 5])
    XCTAssertEqual(try checkpoint.commits.list(), [4, 5])
  }

  func testProgressLogIsBounded() throws {
    let progress = ProgressLog(store: store)
    for id in 0..<5 as Range<Int64> {
      try progress.write(BatchID(id), json: .object([("batchId", .int(id))]))
    }
    try progress.write(4, json: .object([("batchId", .int(4)), ("again", .bool(true))]))
    XCTAssertEqual(try progress.purge(keepingLast: 2), [0, 1, 2])
    XCTAssertEqual(try progress.list(), [3, 4])
    XCTAssertEqual(try progress.read(4)?["again"], .bool(true))
    XCTAssertEqual(String(decoding: try store.read("progress/3.json")!, as: UTF8.self), "{\"batchId\":3}\n")
  }
}
