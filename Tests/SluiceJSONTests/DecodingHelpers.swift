import SluiceCore
import XCTest

@testable import SluiceJSON

/// Raw records of topic `t`, partition 0, offsets 0, 1, 2, ... from text lines.
func rawRecords(_ lines: [String], topic: String = "t") -> RawRecords {
  var records = RawRecords()
  for (i, line) in lines.enumerated() {
    records.append(value: Array(line.utf8), topic: topic, partition: 0, offset: Int64(i))
  }
  return records
}

func decode(_ schema: Schema, _ lines: [String], options: JSONDecodingOptions = .init()) -> DecodedRecords {
  JSONRecordDecoder(schema: schema, options: options).decode(rawRecords(lines))
}

/// Decodes one record that must succeed and returns its row values.
func decodeRow(
  _ schema: Schema, _ line: String, options: JSONDecodingOptions = .init(), file: StaticString = #filePath,
  line sourceLine: UInt = #line
) -> [Value] {
  let result = decode(schema, [line], options: options)
  XCTAssertEqual(result.rejected, [], "unexpected rejection of \(line)", file: file, line: sourceLine)
  guard result.batch.count == 1 else {
    XCTFail("expected one row for \(line)", file: file, line: sourceLine)
    return []
  }
  return result.batch.row(0).values
}

/// Decodes one record that must be rejected and returns the reason.
func rejectionReason(
  _ schema: Schema, _ line: String, options: JSONDecodingOptions = .init(), file: StaticString = #filePath,
  line sourceLine: UInt = #line
) -> String? {
  let result = decode(schema, [line], options: options)
  XCTAssertEqual(result.batch.count, 0, "expected \(line) to be rejected", file: file, line: sourceLine)
  XCTAssertEqual(result.rejected.count, 1, file: file, line: sourceLine)
  return result.rejected.first?.reason
}

/// Asserts every column has `count` slots and consistent offsets (no stray bytes or children).
func assertAligned(_ batch: RecordBatch, count: Int, file: StaticString = #filePath, line: UInt = #line) {
  for (field, column) in zip(batch.schema.fields, batch.columns) {
    assertColumnConsistent(column, count: count, name: field.name, file: file, line: line)
  }
}

func assertColumnConsistent(
  _ column: Column, count: Int, name: String, file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(column.count, count, "column \(name) slot count", file: file, line: line)
  switch column.type {
  case .int32, .date: XCTAssertEqual(column.int32Values.count, count, name, file: file, line: line)
  case .int64, .timestamp: XCTAssertEqual(column.int64Values.count, count, name, file: file, line: line)
  case .double: XCTAssertEqual(column.doubleValues.count, count, name, file: file, line: line)
  case .boolean: XCTAssertEqual(column.boolValues.count, count, name, file: file, line: line)
  case .string:
    XCTAssertEqual(column.offsets.count, count + 1, name, file: file, line: line)
    XCTAssertEqual(
      Int(column.offsets.last ?? -1), column.bytes.count, "\(name) byte length", file: file, line: line)
  case .list:
    XCTAssertEqual(column.offsets.count, count + 1, name, file: file, line: line)
    assertColumnConsistent(
      column.children[0], count: Int(column.offsets.last ?? -1), name: name + "[]", file: file, line: line)
  }
}
