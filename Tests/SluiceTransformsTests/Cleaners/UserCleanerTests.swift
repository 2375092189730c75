import SluiceCore
import XCTest

@testable import SluiceTransforms

final class UserCleanerTests: XCTestCase {
  let cleaner = UserCleaner()

  func testEverySampleRecordCleansToTheExpectedRow() throws {
    let cleaned = try applyChecked(cleaner, try PinterestSamples.rawUserBatch())
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanUser)
    assertRows(cleaned, PinterestSamples.cleanUserRows)
  }

  func testDatesArrivingAsTextAreParsed() throws {
    assertRows(
      try applyChecked(cleaner, try PinterestSamples.rawUserBatch(asText: true)),
      PinterestSamples.cleanUserRows)
  }

  /// Spec §2.4 (user 7528) and §6.4 (users 7528 and 1014).
  func testWorkedExamples() throws {
    let cleaned = try cleaner.apply(try PinterestSamples.rawUserBatch(asText: true))
    let user7528 = try PinterestSamples.row(cleaned, 7528)
    XCTAssertEqual(user7528.fields.map(\.name), ["ind", "user_name", "age", "date_joined"])
    XCTAssertEqual(
      user7528.values, [.int64(7528), .string("Abigail Ali"), .int64(20), .timestamp(1_445_685_831_000_000)])
    XCTAssertEqual(user7528["date_joined"]?.description, "2015-10-24T11:23:51")
    let user1014 = try PinterestSamples.row(cleaned, 1014)
    XCTAssertEqual(user1014["user_name"], .string("Gregory Ramsey"))
    XCTAssertEqual(user1014["age"], .int64(56))
    XCTAssertEqual(user1014["date_joined"]?.description, "2016-10-15T17:21:39")
  }

  func testInputColumnOrderDoesNotMatter() throws {
    let raw = try PinterestSamples.rawUserBatch().reversedColumns()
    XCTAssertEqual(raw.schema.names.first, "date_joined")
    assertRows(try applyChecked(cleaner, raw), PinterestSamples.cleanUserRows)
  }

  func testAcceptsInt32AndTextualNumbers() throws {
    let raw = try PinterestSamples.rawUserBatch()
      .retyping("age", to: .int32) { .int32(Int32($0.intValue!)) }
      .retyping("ind", to: .string) { .string(String($0.intValue!)) }
    assertRows(try applyChecked(cleaner, raw), PinterestSamples.cleanUserRows)
  }

  func testNamesFollowConcatWsRules() throws {
    let schema = PinterestSchemas.rawUser
    let raw = try RecordBatch(
      schema: schema,
      rows: [
        [.int64(1), .string("Abigail"), .null, .int64(20), .null],
        [.int64(2), .null, .string("Ali"), .null, .null],
        [.int64(3), .null, .null, .int64(20), .null],
        [.int64(4), .string("Zoë"), .string("Ōtsuka"), .int64(30), .timestamp(0)],
      ])
    let cleaned = try applyChecked(cleaner, raw)
    XCTAssertEqual(
      values(cleaned, "user_name"), [.string("Abigail"), .string("Ali"), .string(""), .string("Zoë Ōtsuka")])
    XCTAssertEqual(values(cleaned, "age"), [.int64(20), .null, .int64(20), .int64(30)])
  }

  func testMissingAndMistypedColumns() throws {
    let noLastName = try PinterestSamples.rawUserBatch().removing("last_name")
    assertTransformError(.missingColumn, containing: ["clean:user", "'last_name'", "rawUser"]) {
      _ = try cleaner.apply(noLastName)
    }
    let doubleAge = try PinterestSamples.rawUserBatch().retyping("age", to: .double) {
      .double(Double($0.intValue!))
    }
    assertTransformError(.wrongType, containing: ["clean:user", "'age'", "double"]) {
      _ = try cleaner.outputSchema(for: doubleAge.schema)
    }
  }

  func testEmptyBatch() throws {
    let cleaned = try applyChecked(cleaner, RecordBatch.empty(PinterestSchemas.rawUser))
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanUser)
    XCTAssertEqual(cleaned.count, 0)
  }
}
