import Foundation
import SluiceCore
import XCTest

@testable import SluiceFileSink

final class JSONLinesSinkTests: XCTestCase {
  var directory = ""

  override func setUp() {
    directory =
      FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)").path
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: directory)
  }

  let schema = Schema([
    Field("ind", .int64), Field("name", .string), Field("coordinates", .list(.double)),
    Field("at", .timestamp),
    Field("ok", .boolean), Field("day", .date),
  ])

  func batch() throws -> RecordBatch {
    try RecordBatch(
      schema: schema,
      rows: [
        [
          .int64(7528), .string("Abigail \"Abi\" Ali\n☃"), .list([.double(-89.9787), .double(-173.293)]),
          .timestamp(1_598_586_767_000_000), .boolean(true), .date(0),
        ],
        [.int64(-1), .null, .null, .null, .null, .null],
      ])
  }

  func testWritesOneJSONLinesFilePerBatch() async throws {
    let sink = JSONLinesSink(directory: directory + "/out")
    let query = QueryID.random()
    let result = try await sink.addBatch(batch(), batchID: 3, queryID: query)
    XCTAssertEqual(result.rowsWritten, 2)
    XCTAssertFalse(result.alreadyCommitted)
    let text = try String(contentsOfFile: directory + "/out/part-00000000000000000003.jsonl", encoding: .utf8)
    XCTAssertEqual(
      text,
      #"{"ind":7528,"name":"Abigail \"Abi\" Ali\n☃","coordinates":[-89.9787,-173.293],"at":"2020-08-28T03:52:47","ok":true,"day":"1970-01-01"}"#
        + "\n" + #"{"ind":-1,"name":null,"coordinates":null,"at":null,"ok":null,"day":null}"# + "\n")
    for line in text.split(separator: "\n") {
      XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)))
    }
  }

  func testRerunningACommittedBatchWritesNothing() async throws {
    let sink = JSONLinesSink(directory: directory)
    let query = QueryID.random()
    _ = try await sink.addBatch(batch(), batchID: 0, queryID: query)
    let again = try await sink.addBatch(batch(), batchID: 0, queryID: query)
    XCTAssertTrue(again.alreadyCommitted)
    XCTAssertEqual(again.rowsWritten, 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
      $0.hasPrefix("part-")
    }
    XCTAssertEqual(files, ["part-00000000000000000000.jsonl"])
    XCTAssertFalse(
      try FileManager.default.contentsOfDirectory(atPath: directory).contains { $0.hasSuffix(".tmp") })
  }

  func testAnotherQueryIsRefused() async throws {
    let sink = JSONLinesSink(directory: directory)
    _ = try await sink.addBatch(batch(), batchID: 0, queryID: QueryID.random())
    do {
      _ = try await sink.addBatch(batch(), batchID: 0, queryID: QueryID.random())
      XCTFail("expected a refusal")
    } catch let error as FileSinkError {
      XCTAssertEqual(error.code, .foreignQuery)
      XCTAssertTrue(error.message.contains("another query"))
    }
  }
}
