import SluiceCore
import XCTest

@testable import SluiceJSON

/// Decoding a big batch in parallel parts gives exactly what decoding record after record
/// gives: the same column buffers, rejections and source indices, whatever the part count.
final class ParallelDecodingTests: XCTestCase {
  let schema = Schema([
    Field("id", .int64),
    Field("name", .string),
    Field("score", .double),
    Field("flags", .list(.int32)),
    Field("ok", .boolean, nullable: false),
    Field("at", .timestamp),
  ])

  /// 10,001 records (above the parallel threshold) with escapes, nulls, missing fields, empty
  /// lists, numbers sent as text and, every 997th record, one that is rejected.
  func lines() -> [String] {
    (0..<10_001).map { i in
      if i % 997 == 5 { return #"{"id": "not a number", "ok": true}"# }
      let name = i % 7 == 0 ? #""caf\u00e9 \"\#(i)\"""# : (i % 11 == 0 ? "null" : "\"name-\(i)\"")
      let flags = i % 5 == 0 ? "[]" : "[\(i % 3), \(i % 17), -\(i)]"
      let score = i % 13 == 0 ? "\"\(Double(i) / 8)\"" : "\(Double(i) * 1.5)"
      let at = i % 4 == 0 ? "" : #", "at": "2024-05-01T10:00:\#(String(format: "%02d", i % 60))Z""#
      return
        #"{"id": \#(i), "name": \#(name), "score": \#(score), "flags": \#(flags), "ok": \#(i % 2 == 0)\#(at)}"#
    }
  }

  func testPartsJoinToTheSequentialResult() throws {
    let decoder = JSONRecordDecoder(schema: schema)
    let records = rawRecords(lines())
    let sequential = decoder.decode(records, lanes: 1)
    XCTAssertEqual(sequential.rejected.count, 11)
    XCTAssertEqual(sequential.batch.count, 10_001 - 11)
    assertAligned(sequential.batch, count: sequential.batch.count)
    for lanes in [2, 3, 8] {
      let parallel = decoder.decode(records, lanes: lanes)
      XCTAssertEqual(parallel.rejected, sequential.rejected, "\(lanes) lanes")
      XCTAssertEqual(parallel.sourceIndices, sequential.sourceIndices, "\(lanes) lanes")
      assertAligned(parallel.batch, count: sequential.batch.count)
      for (index, field) in schema.fields.enumerated() {
        assertSameBuffers(
          parallel.batch.columns[index], sequential.batch.columns[index], "\(field.name), \(lanes) lanes")
      }
    }
    let public_ = decoder.decode(records)
    XCTAssertEqual(public_.sourceIndices, sequential.sourceIndices)
    XCTAssertEqual(public_.batch.row(9_000).values, sequential.batch.row(9_000).values)
  }

  func testMoreLanesThanRecordsStillDecodesEveryRecord() {
    let decoder = JSONRecordDecoder(schema: schema)
    let result = decoder.decode(
      rawRecords([#"{"id": 1, "ok": true}"#, #"{"id": 2, "ok": false}"#]), lanes: 8)
    XCTAssertEqual(result.batch.count, 2)
    XCTAssertEqual(result.batch.columns[0].int64Values, [1, 2])
    XCTAssertEqual(result.sourceIndices, [0, 1])
  }

  func assertSameBuffers(
    _ a: Column, _ b: Column, _ name: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(a.validity, b.validity, name, file: file, line: line)
    XCTAssertEqual(a.int32Values, b.int32Values, name, file: file, line: line)
    XCTAssertEqual(a.int64Values, b.int64Values, name, file: file, line: line)
    XCTAssertEqual(a.doubleValues, b.doubleValues, name, file: file, line: line)
    XCTAssertEqual(a.boolValues, b.boolValues, name, file: file, line: line)
    XCTAssertEqual(a.offsets, b.offsets, name, file: file, line: line)
    XCTAssertEqual(a.bytes, b.bytes, name, file: file, line: line)
    XCTAssertEqual(a.children.count, b.children.count, name, file: file, line: line)
    for (x, y) in zip(a.children, b.children) {
      assertSameBuffers(x, y, name + " element", file: file, line: line)
    }
  }
}
