import SluiceCore
import XCTest

@testable import SluiceTransforms

final class CastTests: XCTestCase {
  func cast(_ type: DataType, _ input: [Value], to target: DataType) throws -> [Value] {
    values(try applyChecked(Cast(column: "v", to: target), try column("v", type, input)), "v")
  }

  func testStringToIntegersLikeSpark() throws {
    let input: [Value] = [
      .string("42"), .string(" 7 "), .string("-3"), .string("1.9"), .string("abc"), .string(""),
      .string("2147483648"), .null, .string("+5"), .string("1e3"), .string("-0.5"), .string("١٢"),
    ]
    XCTAssertEqual(
      try cast(.string, input, to: .int32),
      [
        .int32(42), .int32(7), .int32(-3), .int32(1), .null, .null, .null, .null, .int32(5), .null, .int32(0),
        .null,
      ])
    XCTAssertEqual(
      try cast(
        .string,
        [
          .string("9223372036854775807"), .string("9223372036854775808"), .string("-9223372036854775808"),
          .string("2147483648"),
        ],
        to: .int64),
      [.int64(.max), .null, .int64(.min), .int64(2_147_483_648)])
  }

  func testStringToDouble() throws {
    let input: [Value] = [
      .string("-89.9787"), .string(" 1e3 "), .string("NaN"), .string("inf"), .string("-Infinity"),
      .string("abc"),
      .string("0x10"), .string(""), .string("1.5.2"), .string("7"),
    ]
    let out = try cast(.string, input, to: .double)
    XCTAssertEqual(out[0], .double(-89.9787))
    XCTAssertEqual(out[1], .double(1000))
    XCTAssertTrue(out[2].doubleValue?.isNaN ?? false)
    XCTAssertEqual(out[3], .double(.infinity))
    XCTAssertEqual(out[4], .double(-.infinity))
    XCTAssertEqual(Array(out[5...8]), [.null, .null, .null, .null])
    XCTAssertEqual(out[9], .double(7))
  }

  func testStringToBoolean() throws {
    let input: [Value] = ["true", "YES", "t", "1", "n", "0", "False", "no", "maybe", ""].map { .string($0) }
    XCTAssertEqual(
      try cast(.string, input, to: .boolean),
      [true, true, true, true, false, false, false, false].map { .boolean($0) } + [.null, .null])
  }

  func testStringToTimestampAndDate() throws {
    let input: [Value] = [
      .string("2020-08-28 03:52:47"), .string("2020-08-28T03:52:47Z"), .string("2020-08-28T05:52:47+02:00"),
      .string("2020:08:28 03:52:47"), .string("2020-02-30 00:00:00"), .string("08/28/2020, 03:52:47"),
      .string(" 2020-08-28T03:52:47.5 "),
    ]
    let out = try cast(.string, input, to: .timestamp)
    let expected: Int64 = 1_598_586_767_000_000
    XCTAssertEqual(
      out,
      [
        .timestamp(expected), .timestamp(expected), .timestamp(expected), .null, .null, .null,
        .timestamp(expected + 500_000),
      ])
    XCTAssertEqual(
      try cast(.string, [.string("2020-08-28"), .string("2020-08-28 03:52:47"), .string("x")], to: .date),
      [.date(18502), .date(18502), .null])
  }

  func testIntegerConversions() throws {
    XCTAssertEqual(
      try cast(.int64, [.int64(5), .int64(3_000_000_000), .int64(-2_147_483_648), .null], to: .int32),
      [.int32(5), .null, .int32(.min), .null])
    XCTAssertEqual(try cast(.int32, [.int32(-7), .null], to: .int64), [.int64(-7), .null])
    XCTAssertEqual(try cast(.int64, [.int64(3), .int64(0)], to: .double), [.double(3), .double(0)])
    XCTAssertEqual(
      try cast(.int32, [.int32(3), .int32(0)], to: .boolean), [.boolean(true), .boolean(false)])
    XCTAssertEqual(
      try cast(.int64, [.int64(1_598_586_767)], to: .timestamp), [.timestamp(1_598_586_767_000_000)])
    XCTAssertEqual(try cast(.int64, [.int64(.max)], to: .timestamp), [.null], "overflow → null")
  }

  func testDoubleToIntegersTruncates() throws {
    XCTAssertEqual(
      try cast(
        .double, [.double(1.9), .double(-1.9), .double(.nan), .double(1e20), .double(.infinity), .null],
        to: .int64),
      [.int64(1), .int64(-1), .null, .null, .null, .null])
    XCTAssertEqual(
      try cast(.double, [.double(2_147_483_647.9), .double(2_147_483_648)], to: .int32),
      [.int32(.max), .null])
    XCTAssertEqual(
      try cast(.double, [.double(0), .double(0.1)], to: .boolean), [.boolean(false), .boolean(true)])
    XCTAssertEqual(try cast(.double, [.double(1.5)], to: .timestamp), [.timestamp(1_500_000)])
    XCTAssertEqual(
      try cast(.boolean, [.boolean(true), .boolean(false)], to: .int32), [.int32(1), .int32(0)])
    XCTAssertEqual(try cast(.boolean, [.boolean(true)], to: .double), [.double(1)])
  }

  func testTemporalConversions() throws {
    let micros: Int64 = 1_598_586_767_000_000
    XCTAssertEqual(
      try cast(.timestamp, [.timestamp(micros), .timestamp(-1)], to: .date), [.date(18502), .date(-1)])
    XCTAssertEqual(try cast(.date, [.date(18502)], to: .timestamp), [.timestamp(1_598_572_800_000_000)])
    XCTAssertEqual(
      try cast(.timestamp, [.timestamp(micros), .timestamp(-1)], to: .int64),
      [.int64(1_598_586_767), .int64(-1)])
    XCTAssertEqual(try cast(.timestamp, [.timestamp(1_500_000)], to: .double), [.double(1.5)])
  }

  func testAnythingToString() throws {
    XCTAssertEqual(
      try cast(.int64, [.int64(-42), .int64(.min), .int64(0), .null], to: .string),
      [.string("-42"), .string("-9223372036854775808"), .string("0"), .null])
    XCTAssertEqual(try cast(.int32, [.int32(437)], to: .string), [.string("437")])
    XCTAssertEqual(
      try cast(.double, [.double(-89.9787), .double(6e6)], to: .string),
      [.string("-89.9787"), .string("6000000.0")])
    XCTAssertEqual(
      try cast(.boolean, [.boolean(true), .boolean(false)], to: .string), [.string("true"), .string("false")])
    XCTAssertEqual(
      try cast(
        .timestamp, [.timestamp(1_598_586_767_000_000), .timestamp(1_598_586_767_000_123)], to: .string),
      [.string("2020-08-28T03:52:47"), .string("2020-08-28T03:52:47.000123")])
    XCTAssertEqual(try cast(.date, [.date(18502)], to: .string), [.string("2020-08-28")])
    XCTAssertEqual(
      try cast(
        .list(.double), [.list([.double(77.0447), .double(61.9119)]), .list([]), .null], to: .string),
      [.string("[77.0447, 61.9119]"), .string("[]"), .null])
    XCTAssertEqual(
      try cast(.string, [.string("Ωμέγα 48ｘ18cm 🙂")], to: .string), [.string("Ωμέγα 48ｘ18cm 🙂")], "identity")
  }

  func testListElementWise() throws {
    XCTAssertEqual(
      try cast(
        .list(.double), [.list([.double(1.5), .double(-2.5)]), .list([.double(.nan)]), .null, .list([])],
        to: .list(.int32)),
      [.list([.int32(1), .int32(-2)]), .null, .null, .list([])])
    XCTAssertEqual(
      try cast(
        .list(.string), [.list([.string("1"), .string("2")]), .list([.string("x")])], to: .list(.int64)),
      [.list([.int64(1), .int64(2)]), .null])
  }

  func testNullabilityFollowsWhetherTheCastCanFail() throws {
    let schema = Schema([Field("n", .int32, nullable: false), Field("s", .string, nullable: false)])
    XCTAssertEqual(
      try Cast(column: "n", to: .int64).outputSchema(for: schema)[0], Field("n", .int64, nullable: false))
    XCTAssertEqual(
      try Cast(column: "n", to: .string).outputSchema(for: schema)[0], Field("n", .string, nullable: false))
    XCTAssertEqual(
      try Cast(column: "s", to: .int32).outputSchema(for: schema)[1], Field("s", .int32, nullable: true))
    XCTAssertEqual(
      try Cast(column: "s", to: .string).outputSchema(for: schema), schema, "same type: unchanged")
  }

  func testUnsupportedCastsAndMissingColumns() throws {
    let schema = Schema([Field("flag", .boolean), Field("when", .date)])
    assertTransformError(
      .unsupportedCast, containing: ["cast", "'flag'", "boolean to timestamp", "string, int32"]
    ) {
      _ = try Cast(column: "flag", to: .timestamp).outputSchema(for: schema)
    }
    assertTransformError(.unsupportedCast, containing: ["'when'", "date to int64"]) {
      _ = try Cast(column: "when", to: .int64).outputSchema(for: schema)
    }
    assertTransformError(.unsupportedCast, containing: ["string to list<double>"]) {
      _ = try Cast(column: "s", to: .list(.double)).outputSchema(for: Schema([Field("s", .string)]))
    }
    assertTransformError(.missingColumn, containing: ["cast", "'age'", "flag, when"]) {
      _ = try Cast(column: "age", to: .int32).outputSchema(for: schema)
    }
  }

  func testEmptyBatch() throws {
    let out = try applyChecked(Cast(column: "v", to: .int64), try column("v", .string, []))
    XCTAssertEqual(out.count, 0)
    XCTAssertEqual(out.schema[0].type, .int64)
  }
}
