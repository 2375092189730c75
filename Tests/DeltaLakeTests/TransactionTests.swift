import SluiceCore
import XCTest

@testable import DeltaLake

final class TransactionTests: XCTestCase {
  let schema = Schema([Field("id", .int64), Field("name", .string)])

  func batch(_ ids: [Int64]) -> RecordBatch {
    try! RecordBatch(schema: schema, rows: ids.map { [.int64($0), .string("n\($0)")] })
  }

  /// A writer over `t` whose first commit attempt loses the race against `winner`.
  func racingWriter(_ t: MemoryTable, winner: @escaping @Sendable (inout DeltaTableWriter) throws -> Void)
    -> DeltaTableWriter
  {
    let log = t.log
    let data = t.data
    let clock = t.clock
    let store = RacingLogStore(inner: log) {
      var other = DeltaTableWriter(logStore: log, dataStore: data, format: JSONTestFormat(), clock: clock)
      try winner(&other)
    }
    return DeltaTableWriter(logStore: store, dataStore: data, format: JSONTestFormat(), clock: clock)
  }

  func testBlindAppendLosingTheRaceIsRetriedAtTheNextVersion() throws {
    let t = MemoryTable()
    var first = t.writer()
    _ = try first.write(batch([1]))
    let rows = batch([2])
    var loser = racingWriter(t) { _ = try $0.write(rows) }
    let result = try loser.write(batch([3]))
    XCTAssertEqual(result.version, 2)
    XCTAssertEqual(result.attempts, 2)
    XCTAssertEqual(t.log.versions, [0, 1, 2])
    XCTAssertEqual(try t.table.snapshot().numFiles, 3)
    XCTAssertEqual(loser.snapshot?.version, 2, "the writer's snapshot includes the winner's commit")
    XCTAssertEqual(loser.snapshot?.numFiles, 3)
    let info = try CommitFile.commitInfo(in: t.log.readCommit(2), fileName: "2")
    XCTAssertEqual(info?.readVersion, 0, "readVersion stays the version the writer read")
  }

  func testSameTransactionCommittedByAWinnerIsAlreadyCommitted() throws {
    let t = MemoryTable()
    var first = t.writer()
    _ = try first.write(batch([1]))
    let txn = TransactionAction(appId: "query", version: 4)
    let rows = batch([2])
    var loser = racingWriter(t) {
      _ = try $0.write(rows, operation: .streamingUpdate(queryId: "query", epochId: 4), transaction: txn)
    }
    let result = try loser.write(
      rows, operation: .streamingUpdate(queryId: "query", epochId: 4), transaction: txn)
    XCTAssertTrue(result.alreadyCommitted)
    XCTAssertEqual(result.version, 1)
    XCTAssertEqual(t.log.versions, [0, 1], "nothing was committed by the loser")
    XCTAssertEqual(loser.snapshot?.transactionVersion(appId: "query"), 4)
  }

  func testTwoWritersCreatingTheSameTableBothSucceedWhenCompatible() throws {
    let t = MemoryTable()
    let rows = batch([1])
    var loser = racingWriter(t) { _ = try $0.write(rows) }
    let result = try loser.write(batch([2]))
    XCTAssertEqual(result.version, 1)
    XCTAssertEqual(try t.table.snapshot().numFiles, 2)
    XCTAssertEqual(try t.table.history().map(\.version), [1, 0])
  }

  func testCreatingRaceWithADifferentSchemaIsRefused() throws {
    let t = MemoryTable()
    let other = try RecordBatch(schema: Schema([Field("x", .double)]), rows: [[.double(1)]])
    var loser = racingWriter(t) { _ = try $0.write(other) }
    XCTAssertThrowsError(try loser.write(batch([2]))) {
      XCTAssertEqual(($0 as! DeltaError).code, .schemaMismatch)
    }
    XCTAssertEqual(t.log.versions, [0])
  }

  func testCommitterReportsAlreadyCommittedAndConflicts() throws {
    let t = MemoryTable()
    t.commit(0, [Fixtures.basicProtocol, Fixtures.basicMetadata])
    t.commit(1, [Fixtures.add("a"), Fixtures.txn("q", 7)])
    let committer = TransactionCommitter(store: t.log)
    let ours: [DeltaAction] = [.add(AddAction(path: "b", size: 1, modificationTime: 1))]

    XCTAssertEqual(
      try committer.commit(ours, readVersion: 0, transaction: TransactionAction(appId: "q", version: 7)),
      .alreadyCommitted(version: 1))
    XCTAssertEqual(
      try committer.commit(ours, readVersion: 0, transaction: TransactionAction(appId: "other", version: 1)),
      .committed(version: 2, attempts: 2))

    XCTAssertThrowsError(
      try committer.commit(ours, readVersion: 0, transaction: TransactionAction(appId: "q", version: 8))
    ) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .conflict)
      XCTAssertTrue(error.message.contains("run twice"), error.message)
    }
  }

  func testMetadataChangeByTheWinnerIsAConflict() {
    let t = MemoryTable()
    t.commit(0, [Fixtures.basicProtocol, Fixtures.basicMetadata])
    t.commit(1, [Fixtures.basicMetadata])
    let committer = TransactionCommitter(store: t.log)
    XCTAssertThrowsError(
      try committer.commit([.add(AddAction(path: "b", size: 1, modificationTime: 1))], readVersion: 0)
    ) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .conflict)
      XCTAssertTrue(error.message.contains("metaData"), error.message)
    }
    XCTAssertEqual(t.log.versions, [0, 1])
  }

  func testRemovingTheSameFileTwiceConflicts() {
    let t = MemoryTable()
    t.commit(0, [Fixtures.basicProtocol, Fixtures.basicMetadata, Fixtures.add("f")])
    t.commit(1, [Fixtures.remove("f")])
    XCTAssertThrowsError(
      try TransactionCommitter(store: t.log).commit([.remove(RemoveAction(path: "f"))], readVersion: 0)
    ) { XCTAssertEqual(($0 as! DeltaError).code, .conflict) }
  }

  func testRetriesAreBounded() {
    /// A store where every version is always already taken by a blind append.
    final class BusyStore: LogStore {
      let inner = InMemoryLogStore()
      var logLocation: String { "busy" }
      func logExists() throws -> Bool { true }
      func list(fromVersion: Int64) throws -> LogListing {
        LogListing(commits: [CommitFileInfo(version: fromVersion, modificationTime: 0)])
      }
      func readCommit(_ version: Int64) throws -> [UInt8] {
        Array((Fixtures.add("other\(version)") + "\n").utf8)
      }
      func createCommit(_ version: Int64, contents: [UInt8]) throws -> Bool { false }
      func readCheckpoint(named name: String) throws -> [UInt8] { [] }
      func writeCheckpoint(_ version: Int64, contents: [UInt8]) throws {}
      func readLastCheckpoint() throws -> [UInt8]? { nil }
      func writeLastCheckpoint(_ contents: [UInt8]) throws {}
    }
    XCTAssertThrowsError(
      try TransactionCommitter(store: BusyStore(), maxAttempts: 3).commit(
        [.add(AddAction(path: "b", size: 1, modificationTime: 1))], readVersion: 0)
    ) {
      let error = $0 as! DeltaError
      XCTAssertEqual(error.code, .conflict)
      XCTAssertTrue(error.message.contains("after 3 attempts"), error.message)
    }
  }

}
