import SluiceCore
import SluiceEmulator
import XCTest

@testable import SluiceJSON

/// The spec's sample records, the three producer wire variants, and emulator output.
final class PinterestDecodingTests: XCTestCase {
  func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  func testSpecPinSamplesDecode() throws {
    let result = decode(PinterestFixtures.pinSchema, lines(PinterestFixtures.pinSamples))
    XCTAssertEqual(result.rejected, [])
    XCTAssertEqual(result.batch.count, 10)
    let rows = result.batch.rows
    XCTAssertEqual(
      rows.map { $0["index"] },
      [7528, 2863, 5730, 8304, 8731, 1313, 10794, 5069, 6398, 1014].map { .int64($0) })
    XCTAssertEqual(rows[0]["description"], .string("No description available Story format"))
    XCTAssertEqual(rows[0]["follower_count"], .string("User Info Error"))
    XCTAssertEqual(rows[0]["downloaded"], .int64(0))
    XCTAssertEqual(rows[0]["tag_list"], .string("N,o, ,T,a,g,s, ,A,v,a,i,l,a,b,l,e"))
    XCTAssertEqual(rows[1]["poster_name"], .string("Of Life & Lisa | Lifestyle Blog"))
    XCTAssertEqual(rows[1]["follower_count"], .string("124k"))
    let description5730 = try XCTUnwrap(rows[2]["description"]?.stringValue)
    XCTAssertTrue(description5730.hasSuffix("so that you…\u{00A0}"))
    XCTAssertTrue(description5730.contains(#"for the "basic" couponer"#))
    XCTAssertEqual(rows[3]["title"], .string("The #1 Reason You’re Not His Priority Anymore - Matthew Coast"))
    XCTAssertTrue(rows[4]["tag_list"]?.stringValue?.contains("Wörter Tattoos") == true)
    XCTAssertEqual(rows[7]["follower_count"], .string("6M"))
    XCTAssertEqual(rows[8]["is_image_or_video"], .string("multi-video(story page format)"))
    XCTAssertEqual(rows[9]["description"], .string("Untitled"))
    XCTAssertEqual(rows[9]["save_location"], .string("Local save in /data/beauty"))
    XCTAssertEqual(rows[9]["unique_id"], .string("9ac94307-bb27-410e-b554-0a0ab6c19847"))
  }

  func testSpecGeoSamplesDecode() throws {
    let result = decode(PinterestFixtures.geoSchema, lines(PinterestFixtures.geoSamples))
    XCTAssertEqual(result.rejected, [])
    XCTAssertEqual(result.batch.count, 10)
    let first = result.batch.row(0)
    XCTAssertEqual(first["ind"], .int64(7528))
    XCTAssertEqual(
      first["timestamp"], .timestamp(try XCTUnwrap(Timestamp.parseMicros("2020-08-28T03:52:47"))))
    XCTAssertEqual(first["latitude"], .double(-89.9787))
    XCTAssertEqual(first["longitude"], .double(-173.293))
    XCTAssertEqual(first["country"], .string("Albania"))
    XCTAssertEqual(result.batch.row(6)["country"], .string("Cocos (Keeling) Islands"))
    XCTAssertEqual(result.batch.row(5)["latitude"], .double(77.0447))
  }

  func testSpecUserSamplesDecode() throws {
    let result = decode(PinterestFixtures.userSchema, lines(PinterestFixtures.userSamples))
    XCTAssertEqual(result.rejected, [])
    XCTAssertEqual(result.batch.count, 10)
    XCTAssertEqual(
      result.batch.row(0).values,
      [
        .int64(7528), .string("Abigail"), .string("Ali"), .int64(20),
        .timestamp(try XCTUnwrap(Timestamp.parseMicros("2015-10-24 11:23:51"))),
      ])
    XCTAssertEqual(result.batch.row(9)["age"], .int64(56))
  }

  /// Native numbers, jbell22j's stringified fields and ISO `T` timestamps give identical rows.
  func testTheThreeProducerVariantsDecodeIdentically() {
    let geo = [
      #"{"ind": 7528, "timestamp": "2020-08-28 03:52:47", "latitude": -89.9787, "longitude": -173.293, "country": "Albania"}"#,
      #"{"ind":"7528","timestamp":"2020-08-28 03:52:47","latitude":"-89.9787","longitude":"-173.293","country":"Albania"}"#,
      #"{"ind":7528,"timestamp":"2020-08-28T03:52:47","latitude":-89.9787,"longitude":-173.293,"country":"Albania"}"#,
    ]
    let geoRows = decode(PinterestFixtures.geoSchema, geo).batch.rows.map(\.values)
    XCTAssertEqual(geoRows.count, 3)
    XCTAssertEqual(Set(geoRows.map { $0.description }).count, 1, "\(geoRows)")

    let user = [
      #"{"ind": 7528, "first_name": "Abigail", "last_name": "Ali", "age": 20, "date_joined": "2015-10-24 11:23:51"}"#,
      #"{"ind": "7528", "first_name": "Abigail", "last_name": "Ali", "age": "20", "date_joined": "2015-10-24 11:23:51"}"#,
      #"{"ind":7528,"first_name":"Abigail","last_name":"Ali","age":20,"date_joined":"2015-10-24T11:23:51"}"#,
    ]
    let userRows = decode(PinterestFixtures.userSchema, user).batch.rows.map(\.values)
    XCTAssertEqual(userRows.count, 3)
    XCTAssertEqual(Set(userRows.map { $0.description }).count, 1, "\(userRows)")

    let pin = [
      #"{"index": 10794, "follower_count": "437", "downloaded": 1, "category": "vehicles"}"#,
      #"{"index": "10794", "follower_count": "437", "downloaded": "1", "category": "vehicles"}"#,
      #"{"index": 10794, "follower_count": 437, "downloaded": 1.0, "category": "vehicles"}"#,
    ]
    let pinRows = decode(PinterestFixtures.pinSchema, pin).batch.rows.map(\.values)
    XCTAssertEqual(pinRows.count, 3)
    XCTAssertEqual(Set(pinRows.map { $0.description }).count, 1, "\(pinRows)")
  }

  /// Every record the emulator produces decodes (no rejection) in every wire variant, and the
  /// decoded values agree with the core's reference JSON parser.
  func testEmulatorOutputDecodesCompletely() throws {
    for variant in ProducerVariant.allCases {
      var emulator = PinterestEmulator(seed: 42, variant: variant)
      let (pins, geos, users) = emulator.rawRecords(count: 1500)
      for (schema, records) in [
        (PinterestFixtures.pinSchema, pins), (PinterestFixtures.geoSchema, geos),
        (PinterestFixtures.userSchema, users),
      ] {
        let result = JSONRecordDecoder(schema: schema).decode(records)
        XCTAssertEqual(result.rejected, [], "\(variant)")
        XCTAssertEqual(result.batch.count, records.count, "\(variant)")
        assertAligned(result.batch, count: records.count)
        try assertMatchesReferenceParser(result.batch, records, sample: 300)
      }
    }
  }

  /// Compares the first `sample` rows field by field with `JSONValue.parse` of the same bytes.
  func assertMatchesReferenceParser(_ batch: RecordBatch, _ records: RawRecords, sample: Int) throws {
    for i in 0..<min(sample, records.count) {
      let value = try Array(records.value(i)).withUnsafeBytes { try JSONValue.parse($0) }
      for (c, field) in batch.schema.fields.enumerated() {
        let decoded = batch.columns[c].value(at: i)
        let reference = try XCTUnwrap(value[field.name], "\(field.name) missing")
        switch field.type {
        case .string:
          XCTAssertEqual(decoded, .string(try XCTUnwrap(reference.stringValue)), field.name)
        case .int64:
          let expected = reference.intValue ?? reference.stringValue.flatMap { Int64($0) }
          XCTAssertEqual(decoded, .int64(try XCTUnwrap(expected)), field.name)
        case .double:
          let expected = reference.doubleValue ?? reference.stringValue.flatMap { Double($0) }
          XCTAssertEqual(decoded, .double(try XCTUnwrap(expected)), field.name)
        case .timestamp:
          let expected = Timestamp.parseMicros(try XCTUnwrap(reference.stringValue))
          XCTAssertEqual(decoded, .timestamp(try XCTUnwrap(expected)), field.name)
        default:
          XCTFail("unexpected type \(field.type)")
        }
      }
    }
  }
}
