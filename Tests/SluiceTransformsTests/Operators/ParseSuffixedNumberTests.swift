import SluiceCore
import XCTest

@testable import SluiceTransforms

final class ParseSuffixedNumberTests: XCTestCase {
  func parse(_ texts: [String?], as type: DataType = .int32) throws -> [Value] {
    let batch = try column("follower_count", .string, texts.map { $0.map(Value.string) ?? .null })
    return values(
      try applyChecked(ParseSuffixedNumber(column: "follower_count", as: type), batch), "follower_count")
  }

  func testSpecShapes() throws {
    XCTAssertEqual(
      try parse(["437", "5k", "124k", "6M", "12M", "0", "User Info Error", nil]),
      [
        .int32(437), .int32(5000), .int32(124_000), .int32(6_000_000), .int32(12_000_000), .int32(0), .null,
        .null,
      ])
  }

  func testAcceptedVariants() throws {
    XCTAssertEqual(
      try parse(["5K", " 5k ", "007", "1B"]), [.int32(5000), .int32(5000), .int32(7), .int32(1_000_000_000)])
  }

  func testRejectedShapesBecomeNull() throws {
    let rejected = ["1.5k", "", "k", "M", "5m", "5kk", "-5", "+5", "5 k", "1,000", "５k", "abc", "5M5"]
    XCTAssertEqual(try parse(rejected), Array(repeating: .null, count: rejected.count))
  }

  func testOverflowBecomesNull() throws {
    XCTAssertEqual(
      try parse(["2147483647", "2147483648", "3000000k", "3B", "2147484k", "2147483k"]),
      [.int32(.max), .null, .null, .null, .null, .int32(2_147_483_000)])
    XCTAssertEqual(
      try parse(["3B", "99999999999999999999", "9223372036854775807", "9300000000000000k"], as: .int64),
      [.int64(3_000_000_000), .null, .int64(.max), .null])
  }

  func testIntegerInputIsConvertedLikeCast() throws {
    let batch = try column("f", .int64, [.int64(124_000), .int64(5_000_000_000), .null])
    XCTAssertEqual(
      values(try applyChecked(ParseSuffixedNumber(column: "f"), batch), "f"), [.int32(124_000), .null, .null])
  }

  func testSchemaAndErrors() throws {
    let schema = Schema([Field("f", .string, nullable: false), Field("d", .double)])
    XCTAssertEqual(
      try ParseSuffixedNumber(column: "f").outputSchema(for: schema)[0], Field("f", .int32, nullable: true))
    assertTransformError(.wrongType, containing: ["parse-suffixed-number", "'d'", "double"]) {
      _ = try ParseSuffixedNumber(column: "d").outputSchema(for: schema)
    }
    assertTransformError(.invalidArgument, containing: ["int32 or int64", "string"]) {
      _ = try ParseSuffixedNumber(column: "f", as: .string).outputSchema(for: schema)
    }
    assertTransformError(.missingColumn, containing: ["'follower_count'", "f, d"]) {
      _ = try ParseSuffixedNumber(column: "follower_count").outputSchema(for: schema)
    }
  }

  func testEmptyBatch() throws {
    XCTAssertEqual(try parse([]), [])
  }
}
