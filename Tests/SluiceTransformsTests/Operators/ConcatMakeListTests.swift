import SluiceCore
import XCTest

@testable import SluiceTransforms

final class ConcatMakeListTests: XCTestCase {
  func names() throws -> RecordBatch {
    try RecordBatch(
      schema: Schema([Field("first", .string), Field("last", .string), Field("age", .int64)]),
      rows: [
        [.string("Abigail"), .string("Ali"), .int64(20)],
        [.string("Zoë"), .null, .null],
        [.null, .string("Ōtsuka"), .int64(3)],
        [.null, .null, .null],
        [.string(""), .string("X"), .int64(-1)],
      ])
  }

  func testConcatSkipsNullsLikeConcatWs() throws {
    let out = try applyChecked(
      Concat(columns: ["first", "last"], separator: " ", as: "user_name"), try names())
    XCTAssertEqual(out.schema.names, ["first", "last", "age", "user_name"])
    XCTAssertEqual(out.schema[3], Field("user_name", .string, nullable: false))
    XCTAssertEqual(
      values(out, "user_name"),
      [.string("Abigail Ali"), .string("Zoë"), .string("Ōtsuka"), .string(""), .string(" X")])
  }

  func testConcatFormatsNonStringsAndReplacesAnExistingColumnInPlace() throws {
    let out = try applyChecked(Concat(columns: ["last", "age"], separator: "–", as: "first"), try names())
    XCTAssertEqual(out.schema.names, ["first", "last", "age"])
    XCTAssertEqual(
      values(out, "first"),
      [.string("Ali–20"), .string(""), .string("Ōtsuka–3"), .string(""), .string("X–-1")])
  }

  func testConcatErrors() throws {
    assertTransformError(.missingColumn, containing: ["concat", "'middle'"]) {
      _ = try Concat(columns: ["first", "middle"], separator: " ", as: "n").outputSchema(
        for: try names().schema)
    }
    assertTransformError(.invalidArgument, containing: ["concat"]) {
      _ = try Concat(columns: [], separator: " ", as: "n").outputSchema(for: try names().schema)
    }
  }

  func coordinates() throws -> RecordBatch {
    try RecordBatch(
      schema: Schema([
        Field("latitude", .double, nullable: false), Field("longitude", .double), Field("country", .string),
      ]),
      rows: [
        [.double(-89.9787), .double(-173.293), .string("Albania")],
        [.double(77.0447), .null, .string("Maldives")],
        [.double(0), .double(-0.5), .null],
      ])
  }

  func testMakeListOfDoubles() throws {
    let out = try applyChecked(
      MakeList(columns: ["latitude", "longitude"], as: "coordinates"), try coordinates())
    XCTAssertEqual(out.schema.names, ["latitude", "longitude", "country", "coordinates"])
    XCTAssertEqual(out.schema[3], Field("coordinates", .list(.double), nullable: true))
    XCTAssertEqual(
      values(out, "coordinates"),
      [.list([.double(-89.9787), .double(-173.293)]), .null, .list([.double(0), .double(-0.5)])])
  }

  func testMakeListOfStringsReplacingInPlace() throws {
    let out = try applyChecked(MakeList(columns: ["country", "country"], as: "latitude"), try coordinates())
    XCTAssertEqual(out.schema.names, ["latitude", "longitude", "country"])
    XCTAssertEqual(out.schema[0].type, .list(.string))
    XCTAssertEqual(
      values(out, "latitude"),
      [
        .list([.string("Albania"), .string("Albania")]), .list([.string("Maldives"), .string("Maldives")]),
        .null,
      ])
  }

  func testMakeListNullabilityAndErrors() throws {
    let schema = try coordinates().schema
    XCTAssertEqual(
      try MakeList(columns: ["latitude"], as: "l").outputSchema(for: schema).field(named: "l")?.nullable,
      false)
    assertTransformError(.wrongType, containing: ["make-list", "'country'", "string", "double"]) {
      _ = try MakeList(columns: ["latitude", "country"], as: "l").outputSchema(for: schema)
    }
    assertTransformError(.missingColumn, containing: ["make-list", "'lat'"]) {
      _ = try MakeList(columns: ["lat"], as: "l").outputSchema(for: schema)
    }
  }

  func testEmptyBatches() throws {
    XCTAssertEqual(
      try applyChecked(MakeList(columns: ["latitude"], as: "l"), RecordBatch.empty(try coordinates().schema))
        .count, 0)
    XCTAssertEqual(
      try applyChecked(
        Concat(columns: ["first"], separator: "", as: "n"), RecordBatch.empty(try names().schema)
      ).count, 0)
  }
}
