import Foundation
import SluiceCore
import SluiceEmulator
import XCTest

@testable import SluiceJSON

final class JSONRowEncoderTests: XCTestCase {
  /// The encoder's output for one column of `type` holding `values`, one line per value.
  func lines(_ type: DataType, _ values: [Value], name: String = "v") throws -> [String] {
    let batch = try RecordBatch(schema: Schema([Field(name, type)]), rows: values.map { [$0] })
    let text = String(decoding: encoded(batch), as: UTF8.self)
    XCTAssertEqual(encoded(batch), ReferenceRowEncoder.encode(batch), "differs from the reference encoder")
    return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  func encoded(_ batch: RecordBatch) -> [UInt8] {
    var out: [UInt8] = []
    JSONRowEncoder(schema: batch.schema).encode(batch, into: &out)
    return out
  }

  // MARK: - Strings

  func testEscapesQuotesBackslashesAndCommonControls() throws {
    XCTAssertEqual(
      try lines(.string, [.string("say \"hi\""), .string(#"C:\dir\"#), .string("a\nb\rc\td")]),
      [#"{"v":"say \"hi\""}"#, #"{"v":"C:\\dir\\"}"#, #"{"v":"a\nb\rc\td"}"#])
  }

  func testOtherControlCharactersUseLowercaseUnicodeEscapes() throws {
    let text = String(decoding: [0x00, 0x01, 0x08, 0x0C, 0x1B, 0x1F, 0x20, 0x7F], as: UTF8.self)
    XCTAssertEqual(
      try lines(.string, [.string(text)]), [#"{"v":"\u0000\u0001\u0008\u000c\u001b\u001f \#u{7F}"}"#])
  }

  func testUnicodePassesThroughUnescaped() throws {
    let text = "Wörter ☃ — 👩‍👩‍👧 «ok» \u{00A0}end"
    XCTAssertEqual(try lines(.string, [.string(text)]), ["{\"v\":\"\(text)\"}"])
  }

  func testEmptyStringsAndKeysThatNeedEscaping() throws {
    XCTAssertEqual(try lines(.string, [.string("")], name: "a\"b\\c\n"), [#"{"a\"b\\c\n":""}"#])
  }

  /// A byte that needs escaping at every position of strings around the 8-byte word size, and
  /// runs of them, so the word-at-a-time scan is checked at every alignment.
  func testEscapesAtEveryPositionOfEveryLength() throws {
    var values: [Value] = []
    for length in 0...25 {
      for position in 0..<max(length, 1) {
        for special: UInt8 in [0x22, 0x5C, 0x0A, 0x01, 0x1F] {
          var bytes = Array(repeating: UInt8(ascii: "x"), count: length)
          if length > 0 { bytes[position] = special }
          values.append(.string(String(decoding: bytes, as: UTF8.self)))
          if length > 2, position + 2 < length {
            bytes[position + 1] = 0xC3  // "é" right after the special byte
            bytes[position + 2] = 0xA9
            values.append(.string(String(decoding: bytes, as: UTF8.self)))
          }
        }
      }
      values.append(.string(String(repeating: "\"", count: length)))
    }
    let result = try lines(.string, values)
    XCTAssertEqual(result.count, values.count)
    for line in result {
      XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), line)
    }
  }

  // MARK: - Numbers, booleans, nulls

  func testIntegersAtTheirLimits() throws {
    XCTAssertEqual(
      try lines(.int64, [.int64(0), .int64(-1), .int64(7528), .int64(.max), .int64(.min)]),
      [
        #"{"v":0}"#, #"{"v":-1}"#, #"{"v":7528}"#, #"{"v":9223372036854775807}"#,
        #"{"v":-9223372036854775808}"#,
      ])
    XCTAssertEqual(
      try lines(.int32, [.int32(.max), .int32(.min), .int32(10)]),
      [#"{"v":2147483647}"#, #"{"v":-2147483648}"#, #"{"v":10}"#])
  }

  func testDoublesInShortestFormWithIntegralOnesAsPointZero() throws {
    let values: [Double] = [
      0, -0.0, 1, -173.293, 0.1, 1e-7, 123_456_789_012_345, 1e15, 1e16, 1e300, .leastNonzeroMagnitude, .nan,
      .infinity, -.infinity,
    ]
    XCTAssertEqual(
      try lines(.double, values.map(Value.double)),
      [
        #"{"v":0.0}"#, #"{"v":0.0}"#, #"{"v":1.0}"#, #"{"v":-173.293}"#, #"{"v":0.1}"#, #"{"v":1e-07}"#,
        #"{"v":123456789012345.0}"#, #"{"v":1000000000000000.0}"#, #"{"v":1e+16}"#, #"{"v":1e+300}"#,
        #"{"v":5e-324}"#, #"{"v":null}"#,
        #"{"v":null}"#, #"{"v":null}"#,
      ])
  }

  func testBooleansAndNullsOfEveryType() throws {
    XCTAssertEqual(
      try lines(.boolean, [.boolean(true), .boolean(false)]), [#"{"v":true}"#, #"{"v":false}"#])
    let types: [DataType] = [
      .string, .int32, .int64, .double, .boolean, .timestamp, .date, .list(.double), .list(.string),
    ]
    for type in types {
      XCTAssertEqual(try lines(type, [.null]), [#"{"v":null}"#], "\(type)")
    }
  }

  // MARK: - Temporal values and lists

  func testTimestampsAsISOWithoutZone() throws {
    let values: [Int64] = [
      1_598_586_767_000_000, 0, 1_598_586_767_000_001, 1_598_586_767_123_456, -1, -86_400_000_000,
      253_402_300_799_999_999,  // 9999-12-31T23:59:59.999999
      253_402_300_800_000_000,  // year 10000: no longer four digits
      -62_135_596_800_000_001,  // just before year 1
      -62_167_219_200_000_001,  // before year 0
    ]
    XCTAssertEqual(
      try lines(.timestamp, values.map(Value.timestamp)),
      [
        #"{"v":"2020-08-28T03:52:47"}"#, #"{"v":"1970-01-01T00:00:00"}"#,
        #"{"v":"2020-08-28T03:52:47.000001"}"#,
        #"{"v":"2020-08-28T03:52:47.123456"}"#, #"{"v":"1969-12-31T23:59:59.999999"}"#,
        #"{"v":"1969-12-31T00:00:00"}"#, #"{"v":"9999-12-31T23:59:59.999999"}"#,
        #"{"v":"10000-01-01T00:00:00"}"#, #"{"v":"0000-12-31T23:59:59.999999"}"#,
        "{\"v\":\"\(Timestamp.isoString(micros: -62_167_219_200_000_001))\"}",
      ])
  }

  func testDates() throws {
    XCTAssertEqual(
      try lines(.date, [.date(0), .date(-1), .date(18_502), .date(2_932_897), .date(.max), .date(.min)]),
      [
        #"{"v":"1970-01-01"}"#, #"{"v":"1969-12-31"}"#, #"{"v":"2020-08-28"}"#, #"{"v":"10000-01-01"}"#,
        "{\"v\":\"\(Timestamp.isoDateString(days: .max))\"}",
        "{\"v\":\"\(Timestamp.isoDateString(days: .min))\"}",
      ])
  }

  func testListsOfDoublesAndStrings() throws {
    XCTAssertEqual(
      try lines(
        .list(.double), [.list([.double(-89.9787), .double(-173.293)]), .list([]), .list([.double(2)])]),
      [#"{"v":[-89.9787,-173.293]}"#, #"{"v":[]}"#, #"{"v":[2.0]}"#])
    XCTAssertEqual(
      try lines(.list(.string), [.list([.string("a\"b"), .string("")]), .null, .list([.string("☃")])]),
      [#"{"v":["a\"b",""]}"#, #"{"v":null}"#, #"{"v":["☃"]}"#])
  }

  // MARK: - Whole batches and chunks

  func testSeveralColumnsInSchemaOrder() throws {
    let schema = Schema([
      Field("ind", .int64), Field("name", .string), Field("coordinates", .list(.double)),
      Field("at", .timestamp), Field("ok", .boolean), Field("day", .date), Field("age", .int32),
    ])
    let batch = try RecordBatch(
      schema: schema,
      rows: [
        [
          .int64(7528), .string("Abigail \"Abi\" Ali\n☃"), .list([.double(-89.9787), .double(-173.293)]),
          .timestamp(1_598_586_767_000_000), .boolean(true), .date(0), .int32(20),
        ],
        [.int64(-1), .null, .null, .null, .null, .null, .null],
      ])
    XCTAssertEqual(
      String(decoding: encoded(batch), as: UTF8.self),
      #"{"ind":7528,"name":"Abigail \"Abi\" Ali\n☃","coordinates":[-89.9787,-173.293],"at":"2020-08-28T03:52:47","ok":true,"day":"1970-01-01","age":20}"#
        + "\n" + #"{"ind":-1,"name":null,"coordinates":null,"at":null,"ok":null,"day":null,"age":null}"#
        + "\n")
    var row: [UInt8] = []
    JSONRowEncoder(schema: schema).encodeRow(1, of: batch, into: &row)
    XCTAssertEqual(
      String(decoding: row, as: UTF8.self),
      #"{"ind":-1,"name":null,"coordinates":null,"at":null,"ok":null,"day":null,"age":null}"#)
  }

  func testAnEmptySchemaWritesEmptyObjects() throws {
    let batch = RecordBatch(unchecked: Schema([]), columns: [])
    XCTAssertEqual(encoded(batch), [])
    XCTAssertEqual(encoded(try RecordBatch(schema: Schema([Field("a", .int32)]), rows: [])), [])
  }

  func testChunksConcatenateToTheWholeBatch() throws {
    let batch = randomBatch(rows: 500, seed: 3)
    let whole = encoded(batch)
    let encoder = JSONRowEncoder(schema: batch.schema)
    for limit in [0, 1, 100, 4096, 1 << 20] {
      var buffer = JSONLineBuffer(capacity: 64)
      var chunks: [UInt8] = []
      var row = 0
      var calls = 0
      while row < batch.count {
        buffer.removeAll()
        let next = encoder.encode(batch, from: row, into: &buffer, upTo: limit)
        XCTAssertGreaterThan(next, row, "every call writes at least one row")
        if next < batch.count { XCTAssertGreaterThanOrEqual(buffer.count, limit) }
        buffer.withBytes { chunks.append(contentsOf: $0) }
        row = next
        calls += 1
      }
      XCTAssertEqual(chunks, whole, "limit \(limit)")
      if limit <= 1 { XCTAssertEqual(calls, batch.count) }
    }
  }

  /// Random batches of every type (nulls, escapes, multi-byte text, extreme numbers) must encode
  /// exactly as the reference encoder does.
  func testRandomBatchesMatchTheReferenceEncoder() {
    for seed in 1...20 {
      let batch = randomBatch(rows: 300, seed: UInt64(seed))
      XCTAssertEqual(encoded(batch), ReferenceRowEncoder.encode(batch), "seed \(seed)")
    }
  }

  func testEmulatedPinterestBatchesMatchTheReferenceEncoder() {
    var emulator = PinterestEmulator(seed: 9, variant: .mixed)
    let (pins, geos, users) = emulator.rawRecords(count: 2000)
    for (schema, records) in [
      (PinterestFixtures.pinSchema, pins), (PinterestFixtures.geoSchema, geos),
      (PinterestFixtures.userSchema, users),
    ] {
      let batch = JSONRecordDecoder(schema: schema).decode(records).batch
      XCTAssertEqual(batch.count, records.count)
      let bytes = encoded(batch)
      XCTAssertEqual(bytes, ReferenceRowEncoder.encode(batch))
      XCTAssertEqual(bytes.filter { $0 == UInt8(ascii: "\n") }.count, records.count)
    }
  }

  /// Batches wider than the columns bound at once (groups of 32), on a task's thread (smaller
  /// stack than the main thread): same bytes as the reference, no stack exhaustion.
  func testWideBatchesMatchTheReferenceEncoder() async throws {
    for width in [31, 32, 33, 100, 5000] {
      let types: [DataType] = [.string, .int64, .list(.string), .timestamp, .double]
      let schema = Schema((0..<width).map { Field("c\($0)", types[$0 % types.count]) })
      var random = SplitMix(seed: UInt64(width))
      var columns = schema.fields.map { Column(type: $0.type) }
      for _ in 0..<3 {
        for c in columns.indices { try columns[c].append(randomValue(columns[c].type, &random)) }
      }
      let batch = RecordBatch(unchecked: schema, columns: columns)
      let (encoded, reference) = await Task.detached {
        var out: [UInt8] = []
        JSONRowEncoder(schema: schema).encode(batch, into: &out)
        return (out, ReferenceRowEncoder.encode(batch))
      }.value
      XCTAssertEqual(encoded, reference, "width \(width)")
      XCTAssertEqual(encoded.filter { $0 == UInt8(ascii: "\n") }.count, 3)
    }
  }

  // MARK: - Random batches

  func randomBatch(rows: Int, seed: UInt64) -> RecordBatch {
    var random = SplitMix(seed: seed)
    let types: [DataType] = [
      .string, .int32, .int64, .double, .boolean, .timestamp, .date, .list(.double), .list(.string), .string,
    ]
    let schema = Schema(types.enumerated().map { Field("c\($0.offset)", $0.element) })
    var columns = types.map { Column(type: $0) }
    for _ in 0..<rows {
      for (c, type) in types.enumerated() {
        if random.next() % 7 == 0 {
          columns[c].appendNull()
          continue
        }
        try! columns[c].append(randomValue(type, &random))
      }
    }
    return RecordBatch(unchecked: schema, columns: columns)
  }

  func randomValue(_ type: DataType, _ random: inout SplitMix) -> Value {
    switch type {
    case .string: return .string(randomText(&random))
    case .int32: return .int32(Int32(truncatingIfNeeded: random.next()) >> Int32(random.next() % 32))
    case .int64: return .int64(Int64(bitPattern: random.next()) >> Int64(random.next() % 64))
    case .double:
      switch random.next() % 4 {
      case 0: return .double(Double(bitPattern: random.next()))
      case 1: return .double(Double(Int64(bitPattern: random.next()) >> 20))
      default: return .double(Double(Int64(bitPattern: random.next()) % 1_000_000) / 1000)
      }
    case .boolean: return .boolean(random.next() % 2 == 0)
    case .timestamp: return .timestamp(Int64(bitPattern: random.next()) >> Int64(random.next() % 8 + 4))
    case .date: return .date(Int32(truncatingIfNeeded: random.next()) >> Int32(random.next() % 32))
    case .list(let element):
      return .list((0..<Int(random.next() % 4)).map { _ in randomValue(element, &random) })
    }
  }

  func randomText(_ random: inout SplitMix) -> String {
    let pieces = [
      "a", "Z", " ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "é", "☃", "👩‍👧", "\u{7F}", "/", "lorem",
    ]
    let length = Int(random.next() % 40)
    return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
  }
}

/// A small seeded generator (SplitMix64), so random tests are reproducible.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
