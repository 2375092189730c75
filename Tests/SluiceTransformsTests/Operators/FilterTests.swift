import SluiceCore
import XCTest

@testable import SluiceTransforms

final class FilterTests: XCTestCase {
  func sample() throws -> RecordBatch {
    try RecordBatch(
      schema: Schema([
        Field("category", .string), Field("n", .int32), Field("x", .double), Field("t", .timestamp),
        Field("b", .boolean),
        Field("l", .list(.double)),
      ]),
      rows: [
        [
          .string("art"), .int32(1), .double(1.5), .timestamp(1_598_586_767_000_000), .boolean(true),
          .list([.double(1)]),
        ],
        [.string("beauty"), .int32(2), .double(.nan), .timestamp(0), .boolean(false), .null],
        [.null, .null, .null, .null, .null, .list([])],
        [.string("art"), .int32(4), .double(-0.0), .timestamp(1), .boolean(true), .list([])],
      ])
  }

  func keptRows(_ column: String, _ predicate: FilterPredicate) throws -> [Value] {
    let batch = try sample().adding("row", .int64, value: .null)
    var numbered = batch
    numbered.columns[6] = Column.int64s([0, 1, 2, 3], validity: [true, true, true, true])
    return values(try applyChecked(Filter(column: column, predicate), numbered), "row")
  }

  func testNullPredicates() throws {
    XCTAssertEqual(try keptRows("category", .isNull), [.int64(2)])
    XCTAssertEqual(try keptRows("category", .isNotNull), [.int64(0), .int64(1), .int64(3)])
    XCTAssertEqual(try keptRows("l", .isNull), [.int64(1)])
  }

  func testEqualityDropsNullsLikeSQL() throws {
    XCTAssertEqual(try keptRows("category", .equals(.string("art"))), [.int64(0), .int64(3)])
    XCTAssertEqual(try keptRows("category", .notEquals(.string("art"))), [.int64(1)])
    XCTAssertEqual(try keptRows("category", .in([.string("beauty"), .string("travel")])), [.int64(1)])
    XCTAssertEqual(try keptRows("category", .equals(.string("Art"))), [], "case-sensitive")
  }

  func testLiteralsAreConvertedToTheColumnType() throws {
    XCTAssertEqual(try keptRows("n", .equals(.int64(2))), [.int64(1)])
    XCTAssertEqual(try keptRows("n", .in([.int32(1), .string("4")])), [.int64(0), .int64(3)])
    XCTAssertEqual(try keptRows("n", .equals(.double(4))), [.int64(3)])
    XCTAssertEqual(try keptRows("x", .equals(.int64(0))), [.int64(3)], "-0.0 == 0")
    XCTAssertEqual(try keptRows("x", .equals(.double(.nan))), [.int64(1)], "NaN equals NaN as in Spark")
    XCTAssertEqual(try keptRows("t", .equals(.string("2020-08-28 03:52:47"))), [.int64(0)])
    XCTAssertEqual(try keptRows("t", .notEquals(.timestamp(0))), [.int64(0), .int64(3)])
    XCTAssertEqual(try keptRows("b", .equals(.boolean(true))), [.int64(0), .int64(3)])
    XCTAssertEqual(try keptRows("b", .equals(.string("no"))), [.int64(1)])
  }

  func testAllRowsPassing() throws {
    let batch = try sample()
    let out = try applyChecked(Filter(column: "t", .isNotNull), try sample().removing("category"))
    XCTAssertEqual(out.count, 3)
    XCTAssertEqual(try applyChecked(Filter(column: "l", .isNotNull), batch).count, 3)
    XCTAssertEqual(
      try applyChecked(Filter(column: "category", .isNull), RecordBatch.empty(batch.schema)).count, 0)
  }

  func testErrors() throws {
    let schema = try sample().schema
    assertTransformError(.invalidArgument, containing: ["filter", "'n'", "\"many\"", "int32"]) {
      _ = try Filter(column: "n", .equals(.string("many"))).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["isNull"]) {
      _ = try Filter(column: "n", .equals(.null)).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["'in' list is empty"]) {
      _ = try Filter(column: "n", .in([])).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["'l'", "list<double>"]) {
      _ = try Filter(column: "l", .equals(.double(1))).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["'category'"]) {
      _ = try Filter(column: "category", .equals(.int64(1))).outputSchema(for: schema)
    }
    assertTransformError(.missingColumn, containing: ["filter", "'country'"]) {
      _ = try Filter(column: "country", .isNull).outputSchema(for: schema)
    }
  }
}
