import SluiceCore
import XCTest

@testable import SluiceTransforms

/// Applies `transform`, checking that `outputSchema(for:)` equals the schema of the result and
/// that every column of the result is well formed.
func applyChecked(
  _ transform: any Transform, _ batch: RecordBatch, file: StaticString = #filePath, line: UInt = #line
) throws -> RecordBatch {
  let declared = try transform.outputSchema(for: batch.schema)
  let result = try transform.apply(batch)
  XCTAssertEqual(declared, result.schema, "outputSchema(for:) disagrees with apply", file: file, line: line)
  assertWellFormed(result, file: file, line: line)
  return result
}

/// Checks the column invariants of `Column`: lengths agree, types match the schema, offsets are
/// monotonic and null string/list slots are empty.
func assertWellFormed(_ batch: RecordBatch, file: StaticString = #filePath, line: UInt = #line) {
  XCTAssertNoThrow(try RecordBatch(schema: batch.schema, columns: batch.columns), file: file, line: line)
  for (field, column) in zip(batch.schema.fields, batch.columns) {
    assertWellFormed(column, name: field.name, file: file, line: line)
  }
}

func assertWellFormed(_ column: Column, name: String, file: StaticString = #filePath, line: UInt = #line) {
  let n = column.count
  switch column.type {
  case .int32, .date: XCTAssertEqual(column.int32Values.count, n, name, file: file, line: line)
  case .int64, .timestamp: XCTAssertEqual(column.int64Values.count, n, name, file: file, line: line)
  case .double: XCTAssertEqual(column.doubleValues.count, n, name, file: file, line: line)
  case .boolean: XCTAssertEqual(column.boolValues.count, n, name, file: file, line: line)
  case .string, .list:
    XCTAssertEqual(column.offsets.count, n + 1, "\(name): offsets", file: file, line: line)
    XCTAssertEqual(column.offsets.first, 0, "\(name): first offset", file: file, line: line)
    for i in 0..<n {
      XCTAssertLessThanOrEqual(
        column.offsets[i], column.offsets[i + 1], "\(name): offsets", file: file, line: line)
      if !column.validity[i] {
        XCTAssertEqual(
          column.offsets[i], column.offsets[i + 1], "\(name): null slot \(i) not empty", file: file,
          line: line)
      }
    }
    let end = Int(column.offsets.last ?? 0)
    if column.type == .string {
      XCTAssertEqual(column.bytes.count, end, "\(name): byte count", file: file, line: line)
    } else {
      XCTAssertEqual(column.children.count, 1, name, file: file, line: line)
      XCTAssertEqual(column.children.first?.count, end, "\(name): child count", file: file, line: line)
    }
  }
}

/// Asserts the rows of `batch` equal `expected`, row by row (clear messages per row and column).
func assertRows(
  _ batch: RecordBatch, _ expected: [[Value]], file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(batch.count, expected.count, "row count", file: file, line: line)
  for (i, want) in expected.enumerated() where i < batch.count {
    let got = batch.row(i).values
    XCTAssertEqual(got.count, want.count, "row \(i) width", file: file, line: line)
    for (c, (g, w)) in zip(got, want).enumerated() where g != w {
      XCTFail("row \(i) column '\(batch.schema[c].name)': got \(g), want \(w)", file: file, line: line)
    }
  }
}

/// Asserts that `body` throws a ``TransformError`` with `code` whose message contains `fragments`.
func assertTransformError(
  _ code: TransformError.Code, containing fragments: [String], file: StaticString = #filePath,
  line: UInt = #line, _ body: () throws -> Void
) {
  do {
    try body()
    XCTFail("expected TransformError \(code)", file: file, line: line)
  } catch let error as TransformError {
    XCTAssertEqual(error.code, code, error.message, file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(
        error.message.contains(fragment), "message \"\(error.message)\" lacks \"\(fragment)\"", file: file,
        line: line)
    }
  } catch {
    XCTFail("expected TransformError, got \(error)", file: file, line: line)
  }
}

/// A one-column batch.
func column(_ name: String, _ type: DataType, _ values: [Value]) throws -> RecordBatch {
  try RecordBatch(schema: Schema([Field(name, type)]), rows: values.map { [$0] })
}

/// The values of column `name` of `batch`.
func values(_ batch: RecordBatch, _ name: String) -> [Value] {
  guard let index = batch.schema.index(of: name) else {
    XCTFail("no column \(name) in \(batch.schema)")
    return []
  }
  return (0..<batch.count).map { batch.columns[index].value(at: $0) }
}
