import SluiceCore
import XCTest

@testable import SluiceEmulator

/// Field order, JSON types and spellings of each producer variant (spec §1.1, §1.2).
final class EmulatorWireFormatTests: XCTestCase {
  static let numericFields: Set<String> = ["index", "ind", "downloaded", "age", "latitude", "longitude"]
  static let timestampFields: Set<String> = ["timestamp", "date_joined"]

  func testFieldsAreInDatabaseOrderWithTheVariantsTypes() throws {
    for variant in [ProducerVariant.majority, .iso, .stringly] {
      for event in try parsedEvents(seed: 21, count: 400, variant: variant) {
        for kind in EventKind.allCases {
          let members = try XCTUnwrap(event.record(kind).objectMembers)
          XCTAssertEqual(members.map(\.0), kind.fieldNames, "\(variant) \(kind)")
          for (name, value) in members {
            let numeric = Self.numericFields.contains(name)
            switch (variant, numeric, value) {
            case (.stringly, _, .string): break
            case (_, false, .string): break
            case (_, true, .int) where name != "latitude" && name != "longitude": break
            case (_, true, .double) where name == "latitude" || name == "longitude": break
            default: XCTFail("\(variant) \(kind).\(name) has unexpected JSON \(value.compact)")
            }
            if numeric {
              XCTAssertNotNil(value.looseDouble, "\(kind).\(name) = \(value.compact) is not numeric")
            }
          }
        }
      }
    }
  }

  func testTimestampSpellingPerVariant() throws {
    func spellings(_ variant: ProducerVariant) throws -> Set<Character> {
      var separators: Set<Character> = []
      for event in try parsedEvents(seed: 8, count: 300, variant: variant) {
        for text in [event.geo["timestamp"]?.stringValue, event.user["date_joined"]?.stringValue] {
          let value = try XCTUnwrap(text)
          XCTAssertEqual(value.count, 19, value)
          XCTAssertNotNil(Timestamp.parseMicros(value), value)
          separators.insert(value[value.index(value.startIndex, offsetBy: 10)])
        }
      }
      return separators
    }
    XCTAssertEqual(try spellings(.majority), [" "])
    XCTAssertEqual(try spellings(.stringly), [" "])
    XCTAssertEqual(try spellings(.iso), ["T"])
    XCTAssertEqual(try spellings(.mixed), [" ", "T"])
  }

  /// Python-style producers escape non-ASCII (`ensure_ascii`); the ISO producer writes raw UTF-8.
  func testTextEncodingPerVariant() throws {
    var majority = PinterestEmulator(seed: 2, variant: .majority)
    var iso = PinterestEmulator(seed: 2, variant: .iso)
    var rawNonASCII = 0
    for _ in 0..<2000 {
      let m = majority.nextEvent()
      XCTAssertTrue((m.pin + m.geo + m.user).allSatisfy { $0 < 0x80 })
      rawNonASCII += iso.nextEvent().pin.contains { $0 >= 0x80 } ? 1 : 0
    }
    XCTAssertGreaterThan(rawNonASCII, 20)
    let line = String(decoding: PinterestDataset().event(row: 1, variant: .majority).geo, as: UTF8.self)
    XCTAssertTrue(line.hasPrefix(#"{"ind": 1, "timestamp": ""#), line)
    let compact = String(decoding: PinterestDataset().event(row: 1, variant: .iso).geo, as: UTF8.self)
    XCTAssertTrue(compact.hasPrefix(#"{"ind":1,"timestamp":""#), compact)
    let stringly = String(decoding: PinterestDataset().event(row: 1, variant: .stringly).user, as: UTF8.self)
    XCTAssertTrue(stringly.hasPrefix(#"{"ind": "1", "first_name": ""#), stringly)
  }

  /// Coordinates look like the MySQL FLOAT values of the samples (≤ 6 significant digits).
  func testCoordinatesHaveSixSignificantDigits() throws {
    for event in try parsedEvents(seed: 13, count: 300, variant: .stringly) {
      for name in ["latitude", "longitude"] {
        let text = try XCTUnwrap(event.geo[name]?.stringValue)
        let digits = text.filter(\.isNumber).drop { $0 == "0" }
        XCTAssertLessThanOrEqual(digits.count, 7, text)  // 6 significant (+1 when rounding carries)
        XCTAssertTrue(text.contains("."), text)
      }
    }
  }

  func testWriterEscapesWhatJSONRequires() throws {
    var out: [UInt8] = []
    JSONObjectWriter.write(style: WireStyle(.majority), to: &out) { writer, out in
      writer.string(Array("q\"b\\n\nt\t\u{01}é😍".utf8), &out)
    }
    XCTAssertEqual(String(decoding: out, as: UTF8.self), #""q\"b\\n\nt\t\u0001\u00e9\ud83d\ude0d""#)
    var raw: [UInt8] = []
    JSONObjectWriter.write(style: WireStyle(.iso), to: &raw) { writer, out in
      writer.string(Array("é😍\"".utf8), &out)
    }
    XCTAssertEqual(String(decoding: raw, as: UTF8.self), "\"é😍\\\"\"")
    var number: [UInt8] = []
    JSONObjectWriter.write(style: WireStyle(.majority), to: &number) { writer, out in
      writer.decimal(-89.97870001, significant: 6, &out)
      writer.decimal(12, significant: 6, &out)
      writer.decimal(-0.5, significant: 6, &out)
      writer.integer(-42, &out)
    }
    XCTAssertEqual(String(decoding: number, as: UTF8.self), "-89.978712.0-0.5-42")
  }

  /// Output longer than the writer's staging area arrives complete and in order.
  func testWriterFlushesLongOutput() {
    let long = Array(String(repeating: "abcdefghé\"", count: 300).utf8)
    var out: [UInt8] = Array("prefix".utf8)
    JSONObjectWriter.write(style: WireStyle(.iso), to: &out) { writer, out in
      writer.begin(&out)
      for _ in 0..<3 {
        writer.key("k", &out)
        writer.string(long, &out)
      }
      writer.end(&out)
    }
    let expectedValue = String(repeating: #"abcdefghé\""#, count: 300)
    let expected =
      "prefix{\"k\":\"" + expectedValue + "\",\"k\":\"" + expectedValue + "\",\"k\":\"" + expectedValue
      + "\"}"
    XCTAssertEqual(String(decoding: out, as: UTF8.self), expected)
  }

}
