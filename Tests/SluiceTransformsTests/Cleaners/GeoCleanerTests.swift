import SluiceCore
import XCTest

@testable import SluiceTransforms

final class GeoCleanerTests: XCTestCase {
  let cleaner = GeoCleaner()

  func testEverySampleRecordCleansToTheExpectedRow() throws {
    let cleaned = try applyChecked(cleaner, try PinterestSamples.rawGeoBatch())
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanGeo)
    assertRows(cleaned, PinterestSamples.cleanGeoRows)
  }

  func testTimestampsArrivingAsTextAreParsed() throws {
    let raw = try PinterestSamples.rawGeoBatch(asText: true)
    XCTAssertEqual(raw.schema.field(named: "timestamp")?.type, .string)
    let cleaned = try applyChecked(cleaner, raw)
    assertRows(cleaned, PinterestSamples.cleanGeoRows)
  }

  /// Spec §2.4 (geo 1313) and §6.4 (geo 7528).
  func testWorkedExamples() throws {
    let cleaned = try cleaner.apply(try PinterestSamples.rawGeoBatch(asText: true))
    let geo1313 = try PinterestSamples.row(cleaned, 1313)
    XCTAssertEqual(geo1313.fields.map(\.name), ["ind", "country", "coordinates", "timestamp"])
    XCTAssertEqual(geo1313["ind"], .int64(1313))
    XCTAssertEqual(geo1313["country"], .string("Maldives"))
    XCTAssertEqual(geo1313["coordinates"], .list([.double(77.0447), .double(61.9119)]))
    XCTAssertEqual(geo1313["timestamp"]?.description, "2018-06-26T02:39:25")

    let geo7528 = try PinterestSamples.row(cleaned, 7528)
    XCTAssertEqual(geo7528["country"], .string("Albania"))
    XCTAssertEqual(geo7528["coordinates"], .list([.double(-89.9787), .double(-173.293)]))
    XCTAssertEqual(geo7528["timestamp"], .timestamp(1_598_586_767_000_000))
    XCTAssertEqual(geo7528["timestamp"]?.description, "2020-08-28T03:52:47")
  }

  func testInputColumnOrderDoesNotMatter() throws {
    let raw = try PinterestSamples.rawGeoBatch().reversedColumns().adding("extra", .int64, value: .int64(1))
    assertRows(try applyChecked(cleaner, raw), PinterestSamples.cleanGeoRows)
  }

  func testAcceptsStringifiedNumbersAndIsoTimestamps() throws {
    // jbell22j sends every field as a string; elishagretton writes the ISO `T` form.
    let raw = try PinterestSamples.rawGeoBatch(asText: true)
      .retyping("ind", to: .string) { .string(String($0.intValue!)) }
      .retyping("latitude", to: .string) { .string(String($0.doubleValue!)) }
      .retyping("longitude", to: .string) { .string(String($0.doubleValue!)) }
      .retyping("timestamp", to: .string) { value in
        let text = value.stringValue!
        return .string(String(text.prefix(10)) + "T" + String(text.dropFirst(11)))
      }
    assertRows(try applyChecked(cleaner, raw), PinterestSamples.cleanGeoRows)
  }

  func testAcceptsInt32KeyAndIntegerCoordinates() throws {
    let raw = try PinterestSamples.rawGeoBatch()
      .retyping("ind", to: .int32) { .int32(Int32($0.intValue!)) }
      .retyping("latitude", to: .int64) { .int64(Int64($0.doubleValue!)) }
    let cleaned = try applyChecked(cleaner, raw)
    XCTAssertEqual(values(cleaned, "ind"), PinterestSamples.cleanGeoRows.map { $0[0] })
    XCTAssertEqual(
      try PinterestSamples.row(cleaned, 1313)["coordinates"], .list([.double(77), .double(61.9119)]))
  }

  func testNullOrBadInputsGiveNullsNotFailures() throws {
    let schema = Schema([
      Field("ind", .int64), Field("timestamp", .string), Field("latitude", .double),
      Field("longitude", .double),
      Field("country", .string),
    ])
    let raw = try RecordBatch(
      schema: schema,
      rows: [
        [.int64(1), .string("not a time"), .double(1.5), .null, .string("Tonga")],
        [.null, .null, .null, .double(2), .null],
        [.int64(3), .string("2020-08-28"), .double(-1), .double(2), .string("")],
      ])
    let cleaned = try applyChecked(cleaner, raw)
    assertRows(
      cleaned,
      [
        [.int64(1), .string("Tonga"), .null, .null],
        [.null, .null, .null, .null],
        [.int64(3), .string(""), .list([.double(-1), .double(2)]), .timestamp(1_598_572_800_000_000)],
      ])
  }

  func testMissingAndMistypedColumns() throws {
    let noLatitude = try PinterestSamples.rawGeoBatch().removing("latitude")
    assertTransformError(.missingColumn, containing: ["clean:geo", "'latitude'", "rawGeo", "longitude"]) {
      _ = try cleaner.apply(noLatitude)
    }
    let numericCountry = try PinterestSamples.rawGeoBatch().retyping("country", to: .int64) { _ in .int64(0) }
    assertTransformError(.wrongType, containing: ["clean:geo", "'country'", "int64"]) {
      _ = try cleaner.outputSchema(for: numericCountry.schema)
    }
    let booleanTime = try PinterestSamples.rawGeoBatch().retyping("timestamp", to: .boolean) { _ in
      .boolean(true)
    }
    assertTransformError(.wrongType, containing: ["'timestamp'", "boolean", "timestamp, string, date"]) {
      _ = try cleaner.outputSchema(for: booleanTime.schema)
    }
  }

  func testEmptyBatch() throws {
    let cleaned = try applyChecked(cleaner, RecordBatch.empty(PinterestSchemas.rawGeo))
    XCTAssertEqual(cleaned.schema, PinterestSchemas.cleanGeo)
    XCTAssertTrue(cleaned.isEmpty)
  }
}
