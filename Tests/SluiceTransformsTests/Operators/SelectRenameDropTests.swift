import SluiceCore
import XCTest

@testable import SluiceTransforms

final class SelectRenameDropTests: XCTestCase {
  func sample() throws -> RecordBatch {
    try RecordBatch(
      schema: Schema([Field("a", .int64), Field("b", .string), Field("c", .double, nullable: false)]),
      rows: [[.int64(1), .string("x"), .double(1.5)], [.null, .string("ÿ✓"), .double(-2)]])
  }

  func testSelectKeepsAndReorders() throws {
    let out = try applyChecked(Select("c", "a"), try sample())
    XCTAssertEqual(out.schema, Schema([Field("c", .double, nullable: false), Field("a", .int64)]))
    assertRows(out, [[.double(1.5), .int64(1)], [.double(-2), .null]])
  }

  func testSelectMissingColumnListsTheAvailableOnes() throws {
    assertTransformError(.missingColumn, containing: ["select", "'d'", "a, b, c"]) {
      _ = try Select("a", "d").apply(try sample())
    }
    assertTransformError(.missingColumn, containing: ["'A'", "case-sensitive"]) {
      _ = try Select("A").outputSchema(for: try sample().schema)
    }
  }

  func testSelectRejectsDuplicatesAndEmptyLists() throws {
    assertTransformError(.duplicateColumn, containing: ["'a'", "twice"]) {
      _ = try Select("a", "a").outputSchema(for: try sample().schema)
    }
    assertTransformError(.invalidArgument, containing: ["select", "empty"]) {
      _ = try Select(columns: []).outputSchema(for: try sample().schema)
    }
  }

  func testSelectOnEmptyBatch() throws {
    let out = try applyChecked(Select("b"), RecordBatch.empty(try sample().schema))
    XCTAssertEqual(out.count, 0)
    XCTAssertEqual(out.schema.names, ["b"])
  }

  func testRenameOneAndSeveral() throws {
    let out = try applyChecked(Rename(from: "a", to: "ind"), try sample())
    XCTAssertEqual(out.schema.names, ["ind", "b", "c"])
    assertRows(out, [[.int64(1), .string("x"), .double(1.5)], [.null, .string("ÿ✓"), .double(-2)]])
    let two = try applyChecked(Rename(["a": "x", "c": "z"]), try sample())
    XCTAssertEqual(two.schema.names, ["x", "b", "z"])
    XCTAssertEqual(two.schema[2].nullable, false, "rename keeps type and nullability")
  }

  func testRenameSwapsSimultaneously() throws {
    let out = try applyChecked(Rename(["a": "b", "b": "a"]), try sample())
    XCTAssertEqual(out.schema.names, ["b", "a", "c"])
    XCTAssertEqual(values(out, "a"), [.string("x"), .string("ÿ✓")])
  }

  func testRenameErrors() throws {
    let schema = try sample().schema
    assertTransformError(.missingColumn, containing: ["rename", "'index'", "a, b, c"]) {
      _ = try Rename(from: "index", to: "ind").outputSchema(for: schema)
    }
    assertTransformError(.duplicateColumn, containing: ["rename", "'b'"]) {
      _ = try Rename(from: "a", to: "b").outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["'a'", "renamed twice"]) {
      _ = try Rename([.init(from: "a", to: "x"), .init(from: "a", to: "y")]).outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["rename"]) {
      _ = try Rename([]).outputSchema(for: schema)
    }
  }

  func testDropKeepsTheOthersInOrder() throws {
    let out = try applyChecked(Drop("b"), try sample())
    XCTAssertEqual(out.schema.names, ["a", "c"])
    assertRows(out, [[.int64(1), .double(1.5)], [.null, .double(-2)]])
  }

  func testDropErrors() throws {
    let schema = try sample().schema
    assertTransformError(.missingColumn, containing: ["drop", "'downloaded'", "a, b, c"]) {
      _ = try Drop("downloaded").outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["drop", "no columns"]) {
      _ = try Drop("a", "b", "c").outputSchema(for: schema)
    }
  }
}
