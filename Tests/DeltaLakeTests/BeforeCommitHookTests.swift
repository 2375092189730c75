import SluiceCore
import Synchronization
import XCTest

@testable import DeltaLake

/// The sink's `beforeCommit` hook (the `after-data-files-written` fault point of the job
/// wiring): called between durable data files and the commit, only when something is written.
final class BeforeCommitHookTests: XCTestCase {
  let query = try! QueryID("0b7c2a4e-1d2f-4e5a-9b8c-7d6e5f4a3b2c")

  struct SimulatedCrash: Error {}

  func testHookSeesTheBatchsFilesBeforeTheCommitAndAThrowLeavesOrphansOnly() async throws {
    let t = MemoryTable()
    let seen = Mutex<[(BatchID, files: Int, versions: [Int64])]>([])
    let crashAt = Mutex<BatchID?>(1)
    let sink = DeltaSink(writer: t.writer()) { batch in
      seen.withLock { $0.append((batch, t.data.paths.count, t.log.versions)) }
      if crashAt.withLock({ $0 }) == batch { throw SimulatedCrash() }
    }
    _ = try await sink.addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    do {
      _ = try await sink.addBatch(Fixtures.pinBatch(3..<6), batchID: 1, queryID: query)
      XCTFail("the hook's error must stop the batch")
    } catch is SimulatedCrash {}
    XCTAssertEqual(t.log.versions, [0], "batch 1 was not committed")
    XCTAssertEqual(t.data.paths.count, 2, "batch 1's file was written and is an orphan")
    let calls = seen.withLock { $0 }
    XCTAssertEqual(calls.map(\.0), [0, 1])
    XCTAssertEqual(calls.map(\.files), [1, 2], "called after the batch's files are written")
    XCTAssertEqual(calls.map(\.versions), [[], [0]], "called before the batch's commit")
    let orphan = Set(t.data.paths).subtracting(try t.table.snapshot().files.map(\.decodedPath))
    XCTAssertEqual(orphan.count, 1)

    // The re-run writes new files and commits them; the orphan stays unreferenced.
    crashAt.withLock { $0 = nil }
    let rerun = try await sink.addBatch(Fixtures.pinBatch(3..<6), batchID: 1, queryID: query)
    XCTAssertFalse(rerun.alreadyCommitted)
    XCTAssertEqual(t.log.versions, [0, 1])
    let referenced = Set(try t.table.snapshot().files.map(\.decodedPath))
    XCTAssertTrue(orphan.isDisjoint(with: referenced))
    XCTAssertEqual(try t.table.scan().count, 6)

    // An already committed batch writes nothing and does not reach the hook.
    let again = try await sink.addBatch(Fixtures.pinBatch(3..<6), batchID: 1, queryID: query)
    XCTAssertTrue(again.alreadyCommitted)
    XCTAssertEqual(seen.withLock { $0.count }, 3)
  }
}
