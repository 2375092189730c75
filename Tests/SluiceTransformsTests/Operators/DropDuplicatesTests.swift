import SluiceCore
import XCTest

@testable import SluiceTransforms

final class DropDuplicatesTests: XCTestCase {
  let schema = Schema([
    Field("id", .string), Field("n", .int64), Field("x", .double), Field("l", .list(.double)),
  ])

  func testWholeRowDuplicatesKeepTheFirstOccurrenceInOrder() throws {
    let rows: [[Value]] = [
      [.string("a"), .int64(1), .double(0.0), .list([.double(1)])],
      [.string("b"), .int64(1), .double(1), .list([])],
      [.string("a"), .int64(1), .double(-0.0), .list([.double(1)])],  // same as row 0 (-0.0 == 0.0)
      [.string("a"), .int64(1), .double(0.0), .list([.double(1), .double(2)])],  // list differs
      [.null, .null, .double(.nan), .null],
      [.null, .null, .double(.nan), .null],  // nulls equal nulls, NaN equals NaN
      [.string("b"), .int64(1), .double(1), .list([])],
      [.string("ab"), .int64(1), .double(1), .list([])],
    ]
    let out = try applyChecked(DropDuplicates(), try RecordBatch(schema: schema, rows: rows))
    let expected = [0, 1, 3, 4, 7].map { rows[$0] }
    XCTAssertEqual(out.count, expected.count)
    XCTAssertEqual(values(out, "id"), expected.map { $0[0] })
    XCTAssertEqual(values(out, "l"), expected.map { $0[3] })
  }

  func testKeyColumnsOnly() throws {
    let rows: [[Value]] = [
      [.string("u1"), .int64(1), .double(1), .null],
      [.string("u2"), .int64(2), .double(2), .null],
      [.string("u1"), .int64(3), .double(3), .null],
      [.string("ü1"), .int64(4), .double(4), .null],
    ]
    let out = try applyChecked(DropDuplicates(columns: ["id"]), try RecordBatch(schema: schema, rows: rows))
    XCTAssertEqual(values(out, "n"), [.int64(1), .int64(2), .int64(4)])
  }

  func testManyRowsWithRepeats() throws {
    var rows: [[Value]] = []
    for i in 0..<5_000 {
      rows.append([.string("p\(i % 1_000)"), .int64(Int64(i % 1_000)), .double(0), .null])
    }
    let out = try applyChecked(DropDuplicates(), try RecordBatch(schema: schema, rows: rows))
    XCTAssertEqual(out.count, 1_000)
    XCTAssertEqual(values(out, "n"), (0..<1_000).map { .int64(Int64($0)) })
  }

  func testNoDuplicatesAndEmptyBatch() throws {
    let rows: [[Value]] = [
      [.string("a"), .int64(1), .double(1), .null], [.string("b"), .int64(1), .double(1), .null],
    ]
    XCTAssertEqual(try applyChecked(DropDuplicates(), try RecordBatch(schema: schema, rows: rows)).count, 2)
    XCTAssertEqual(try applyChecked(DropDuplicates(), RecordBatch.empty(schema)).count, 0)
  }

  func testErrors() throws {
    assertTransformError(.missingColumn, containing: ["drop-duplicates", "'unique_id'", "id, n, x, l"]) {
      _ = try DropDuplicates(columns: ["unique_id"]).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["drop-duplicates"]) {
      _ = try DropDuplicates(columns: []).outputSchema(for: schema)
    }
  }
}
