import Foundation
import SluiceCore
import SluiceJSON
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

  /// A batch of many chunks, past the point where early writeback starts: the file is the
  /// encoder's output, byte for byte, and `bytesWritten` is its size.
  func testABatchLargerThanOneChunkIsWrittenCompletely() async throws {
    var names = Column(type: .string)
    var numbers = Column(type: .int64)
    for i in 0..<40_000 {
      names.append(string: "row \(i) \"quoted\" ☃ " + String(repeating: "x", count: i % 500))
      if i % 11 == 0 { numbers.appendNull() } else { numbers.append(int64: Int64(i) * 7919) }
    }
    let schema = Schema([Field("name", .string), Field("n", .int64)])
    let big = try RecordBatch(schema: schema, columns: [names, numbers])
    var expected: [UInt8] = []
    JSONRowEncoder(schema: schema).encode(big, into: &expected)
    XCTAssertGreaterThan(expected.count, AtomicFile.Writer.writebackBytes + 2 * JSONLinesSink.chunkBytes)

    let sink = JSONLinesSink(directory: directory)
    let result = try await sink.addBatch(big, batchID: 12, queryID: QueryID.random())
    let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/part-00000000000000000012.jsonl"))
    XCTAssertEqual(Array(written), expected)
    XCTAssertEqual(result.bytesWritten, expected.count)
    XCTAssertEqual(result.rowsWritten, 40_000)
    XCTAssertFalse(
      try FileManager.default.contentsOfDirectory(atPath: directory).contains { $0.hasSuffix(".tmp") })
  }

  func testLaterBatchesOfTheSameQueryKeepTheMarker() async throws {
    let sink = JSONLinesSink(directory: directory)
    let query = QueryID.random()
    _ = try await sink.addBatch(batch(), batchID: 0, queryID: query)
    let marker = directory + "/" + JSONLinesSink.markerName
    let first = try FileManager.default.attributesOfItem(atPath: marker)[.systemFileNumber] as? Int
    let second = try await sink.addBatch(batch(), batchID: 1, queryID: query)
    XCTAssertEqual(second.rowsWritten, 2)
    XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: marker)[.systemFileNumber] as? Int, first)
    let text = try String(contentsOfFile: marker, encoding: .utf8)
    XCTAssertTrue(text.contains(query.rawValue), text)
  }

  func testCreateIfAbsentLeavesAnExistingFileAlone() throws {
    try AtomicFile.makeDirectories(directory)
    XCTAssertTrue(try AtomicFile.createIfAbsent(directory: directory, name: "f", contents: Array("one".utf8)))
    let written = try AtomicFile.createIfAbsent(directory: directory, name: "f") {
      (file) throws(FileSinkError) in
      try file.write(Array("two".utf8))
    }
    XCTAssertNil(written)
    XCTAssertEqual(AtomicFile.read(directory + "/f"), Array("one".utf8))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["f"])
  }

  func testAFailedWriteLeavesNoFileBehind() throws {
    try AtomicFile.makeDirectories(directory)
    do {
      _ = try AtomicFile.createIfAbsent(directory: directory, name: "g") { (file) throws(FileSinkError) in
        try file.write(Array("partial".utf8))
        throw FileSinkError(.io, "simulated failure")
      }
      XCTFail("expected the failure to be thrown")
    } catch {
      XCTAssertEqual(error.message, "simulated failure")
    }
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [])
  }

  func testEarlyWritebackIsAvailableOnLinux() {
    #if os(Linux)
      XCTAssertNotNil(EarlyWriteback.function, "sync_file_range should be found in the C library")
    #endif
  }
}
