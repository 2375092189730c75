import SluiceCore
import XCTest

@testable import DeltaLake

final class DeltaSinkTests: XCTestCase {
  let query = try! QueryID("6a1e0a57-9f3b-4c7e-8d55-0a6b0f1c2d3e")

  func sink(_ t: MemoryTable, _ options: DeltaWriteOptions = DeltaWriteOptions()) -> DeltaSink {
    DeltaSink(writer: t.writer(options))
  }

  func testEachBatchIsOneVersionWithTxnAndStreamingCommitInfo() async throws {
    let t = MemoryTable()
    let sink = sink(t, DeltaWriteOptions(engineInfo: "Sluice/test"))
    let first = try await sink.addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    XCTAssertFalse(first.alreadyCommitted)
    XCTAssertEqual(first.rowsWritten, 3)
    XCTAssertEqual(first.filesWritten, 1)
    XCTAssertEqual(first.details["tableVersion"]?.intValue, 0)
    let second = try await sink.addBatch(Fixtures.pinBatch(3..<5), batchID: 1, queryID: query)
    XCTAssertEqual(second.details["tableVersion"]?.intValue, 1)

    let actions = try CommitFile.decode(t.log.readCommit(1), fileName: "1")
    XCTAssertEqual(actions.map(\.key), ["commitInfo", "txn", "add"])
    guard case .commitInfo(let info) = actions[0], case .txn(let txn) = actions[1] else { return XCTFail() }
    XCTAssertEqual(info.operation, "STREAMING UPDATE")
    XCTAssertEqual(info.operationParameters["queryId"]?.stringValue, query.rawValue)
    XCTAssertEqual(info.operationParameters["epochId"]?.stringValue, "1")
    XCTAssertEqual(info.operationParameters["outputMode"]?.stringValue, "Append")
    XCTAssertEqual(info.readVersion, 0)
    XCTAssertEqual(info.isBlindAppend, true)
    XCTAssertEqual(info.operationMetrics["numOutputRows"]?.stringValue, "2")
    XCTAssertEqual(info.operationMetrics["numAddedFiles"]?.stringValue, "1")
    XCTAssertEqual(info.operationMetrics["numOutputBytes"]?.stringValue, String(second.bytesWritten))
    XCTAssertEqual(info.engineInfo, "Sluice/test")
    XCTAssertEqual(txn, TransactionAction(appId: query.rawValue, version: 1, lastUpdated: 1_700_000_000_000))
  }

  func testSameBatchTwiceIsOneVersion() async throws {
    let t = MemoryTable()
    let sink = sink(t)
    _ = try await sink.addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    let again = try await sink.addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    XCTAssertTrue(again.alreadyCommitted)
    XCTAssertEqual(again.rowsWritten, 0)
    XCTAssertEqual(t.log.versions, [0])
    XCTAssertEqual(t.data.paths.count, 1, "no data file was written for the re-run")
  }

  func testRestartedSinkSkipsCommittedBatches() async throws {
    let t = MemoryTable()
    _ = try await sink(t).addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    _ = try await sink(t).addBatch(Fixtures.pinBatch(3..<6), batchID: 1, queryID: query)
    let restarted = sink(t)
    let rerun = try await restarted.addBatch(Fixtures.pinBatch(3..<6), batchID: 1, queryID: query)
    XCTAssertTrue(rerun.alreadyCommitted)
    let older = try await restarted.addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    XCTAssertTrue(older.alreadyCommitted)
    let next = try await restarted.addBatch(Fixtures.pinBatch(6..<8), batchID: 2, queryID: query)
    XCTAssertFalse(next.alreadyCommitted)
    XCTAssertEqual(t.log.versions, [0, 1, 2])
    XCTAssertEqual(try t.table.scan().count, 8)
  }

  func testAnotherQueryIsNotDeduplicatedAgainstTheFirst() async throws {
    let t = MemoryTable()
    _ = try await sink(t).addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: query)
    let other = try await sink(t).addBatch(Fixtures.pinBatch(0..<3), batchID: 0, queryID: QueryID.random())
    XCTAssertFalse(other.alreadyCommitted)
    XCTAssertEqual(t.log.versions, [0, 1])
  }

  func testValidateRefusesAMismatchingSchemaUpFront() async throws {
    let t = MemoryTable()
    let sink = sink(t)
    try await sink.validate(schema: Fixtures.pinSchema)
    _ = try await sink.addBatch(Fixtures.pinBatch(0..<1), batchID: 0, queryID: query)
    do {
      try await sink.validate(schema: Schema([Field("ind", .int64)]))
      XCTFail("expected a schema mismatch")
    } catch let error as DeltaError {
      XCTAssertEqual(error.code, .schemaMismatch)
      XCTAssertTrue(
        error.message.contains("column 'category' (string) is missing from the batch"), error.message)
    }
  }

  func testEmptyBatchStillRecordsTheTransaction() async throws {
    let t = MemoryTable()
    let sink = sink(t)
    let result = try await sink.addBatch(RecordBatch.empty(Fixtures.pinSchema), batchID: 0, queryID: query)
    XCTAssertEqual(result.filesWritten, 0)
    XCTAssertEqual(try t.table.snapshot().transactionVersion(appId: query.rawValue), 0)
  }
}
