import Foundation
import SluiceCore
import SluiceJSON
import XCTest

/// Mutated JSON records through the byte-level decoder as jobs use it (behind
/// ``UTF8ValidatingDecoder``), checked against Foundation's
/// `JSONSerialization` as an independent reference: the decoder never crashes, accounts for
/// every record (a row or a rejection, never both, never neither), never accepts a record that
/// is not valid JSON, and when both accept, the row holds exactly the reference's values.
final class JSONDecoderFuzzTests: XCTestCase {
  static let schema = Schema([Field("id", .int64), Field("label", .string), Field("flag", .boolean)])

  /// A valid record with some variety: escapes, non-ASCII, nested unknown fields, key order.
  static func record(_ random: inout ByteMutator) -> [UInt8] {
    let labels = [#"plain"#, #"quote \" and \\ slash"#, #"tab\tnew\nline"#, "Zürich 😍", #"\u00e9\u0041"#, ""]
    var fields: [String] = []
    fields.append(#""id": \#(random.int(-1_000_000..<1_000_000))"#)
    fields.append(#""label": "\#(labels[random.int(0..<labels.count)])""#)
    fields.append(#""flag": \#(random.int(0..<2) == 0 ? "true" : "false")"#)
    if random.int(0..<2) == 0 { fields.append(#""extra": {"a": [1, 2.5e3, null, "x"], "b": {"c": false}}"#) }
    if random.int(0..<3) == 0 { fields.append(#""n": null"#) }
    for i in stride(from: fields.count - 1, to: 0, by: -1) { fields.swapAt(i, random.int(0..<(i + 1))) }
    return Array(("{" + fields.joined(separator: ", ") + "}").utf8)
  }

  /// A JSON value as Foundation's `JSONDecoder` reads it (booleans and numbers kept apart).
  enum Reference: Decodable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([Reference])
    case object([String: Reference])

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let value = try? container.decode(Bool.self) {
        self = .bool(value)
      } else if let value = try? container.decode(Int64.self) {
        self = .int(value)
      } else if let value = try? container.decode(Double.self) {
        self = .double(value)
      } else if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode([Reference].self) {
        self = .array(value)
      } else {
        self = .object(try container.decode([String: Reference].self))
      }
    }
  }

  /// The reference reading: `nil` when the bytes are not a JSON object.
  static func reference(_ bytes: [UInt8]) -> [String: Reference]? {
    guard (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any] else { return nil }
    guard case .object(let members)? = try? JSONDecoder().decode(Reference.self, from: Data(bytes)) else {
      return nil
    }
    return members
  }

  func testMutatedRecordsAreRejectedOrDecodedExactly() throws {
    let decoder = UTF8ValidatingDecoder(inner: JSONRecordDecoder(schema: Self.schema))
    var checked = (accepted: 0, rejected: 0, compared: 0)
    for round in 0..<40 {
      let seed = UInt64(1000 + round)
      var mutator = ByteMutator(seed: seed)
      var inputs: [[UInt8]] = []
      for _ in 0..<500 {
        let valid = Self.record(&mutator)
        inputs.append(mutator.int(0..<5) == 0 ? valid : mutator.mutate(valid))
      }
      var raw = RawRecords()
      for (i, bytes) in inputs.enumerated() {
        raw.append(value: bytes, topic: "fuzz", partition: 0, offset: Int64(i))
      }
      let decoded = decoder.decode(raw)
      let rejected = Set(decoded.rejected.map(\.index))
      XCTAssertEqual(rejected.count, decoded.rejected.count, "seed \(seed): a record rejected twice")
      XCTAssertEqual(decoded.sourceIndices.count, decoded.batch.count)
      XCTAssertEqual(
        Set(decoded.sourceIndices).union(rejected), Set(0..<inputs.count),
        "seed \(seed): every record accounted for")
      XCTAssertTrue(Set(decoded.sourceIndices).isDisjoint(with: rejected), "seed \(seed)")
      XCTAssertEqual(decoded.sourceIndices, decoded.sourceIndices.sorted(), "seed \(seed): input order kept")
      checked.rejected += rejected.count
      for (row, index) in decoded.sourceIndices.enumerated() {
        checked.accepted += 1
        let text = String(decoding: inputs[index], as: UTF8.self)
        guard let object = Self.reference(inputs[index]) else {
          XCTFail("seed \(seed): accepted a record that is not a JSON object: \(text)")
          continue
        }
        checked.compared += compare(row: row, batch: decoded.batch, object: object, text: text, seed: seed)
      }
    }
    XCTAssertGreaterThan(checked.rejected, 1000)
    XCTAssertGreaterThan(checked.compared, 1000)
  }

  /// Compares the fields whose reference value has an unambiguous expected decoding; returns 1
  /// when at least one field was compared.
  /// Fields named twice are not compared: the decoder keeps the last (documented), Foundation
  /// does not promise which.
  func compare(row: Int, batch: RecordBatch, object: [String: Reference], text: String, seed: UInt64) -> Int {
    var object = object
    for name in ["id", "label", "flag"] where text.components(separatedBy: "\"\(name)\"").count > 2 {
      object[name] = .array([])
    }
    var compared = 0
    let id = batch.columns[0]
    switch object["id"] {
    case nil, .null?:
      XCTAssertTrue(id.isNull(row), "seed \(seed): id should be null in \(text)")
      compared = 1
    case .int(let exact)?:
      XCTAssertEqual(id.isNull(row) ? nil : id.int64Values[row], exact, "seed \(seed): id in \(text)")
      compared = 1
    default: break
    }
    let label = batch.columns[1]
    switch object["label"] {
    case nil, .null?:
      XCTAssertTrue(label.isNull(row), "seed \(seed): label should be null in \(text)")
    case .string(let string)?:
      XCTAssertEqual(label.string(at: row), string, "seed \(seed): label in \(text)")
      compared = 1
    default: break
    }
    let flag = batch.columns[2]
    switch object["flag"] {
    case nil, .null?:
      XCTAssertTrue(flag.isNull(row), "seed \(seed): flag should be null in \(text)")
    case .bool(let value)?:
      XCTAssertEqual(flag.isNull(row) ? nil : flag.boolValues[row], value, "seed \(seed): flag in \(text)")
      compared = 1
    default: break
    }
    return compared
  }

  /// The validator agrees with the standard library on random and mutated byte strings.
  func testUTF8ValidationAgreesWithTheStandardLibrary() {
    var mutator = ByteMutator(seed: 77)
    let samples = ["plain ascii text", "Zürich 😍 ✨", "\u{10FFFF}\u{7FF}\u{800}\u{FFFF}"].map {
      Array($0.utf8)
    }
    for round in 0..<20_000 {
      let base = samples[round % samples.count]
      let bytes =
        round % 2 == 0
        ? mutator.mutate(base) : (0..<mutator.int(0..<24)).map { _ in UInt8(mutator.int(0..<256)) }
      let valid = String(validating: bytes, as: UTF8.self) != nil
      let firstBad = bytes.withUnsafeBytes { UTF8ValidatingDecoder.firstInvalidByte($0) }
      XCTAssertEqual(firstBad == nil, valid, "\(bytes)")
    }
  }

  /// Invalid UTF-8 is rejected with its byte; the other records keep their metadata columns.
  func testInvalidUTF8IsRejectedAndIndicesStayAligned() throws {
    let decoder = try MetadataColumnsDecoder(
      inner: UTF8ValidatingDecoder(inner: JSONRecordDecoder(schema: Self.schema)), fields: [.offset])
    var raw = RawRecords()
    raw.append(value: Array(#"{"id": 1}"#.utf8), topic: "t", partition: 0, offset: 10)
    raw.append(
      value: Array(#"{"id": 2, "label": "a"#.utf8) + [0xFF] + Array(#""}"#.utf8), topic: "t", partition: 0,
      offset: 11)
    raw.append(value: Array(#"{"id": "#.utf8), topic: "t", partition: 0, offset: 12)
    raw.append(value: Array(#"{"id": 4}"#.utf8), topic: "t", partition: 0, offset: 13)
    let decoded = decoder.decode(raw)
    XCTAssertEqual(decoded.sourceIndices, [0, 3])
    XCTAssertEqual(decoded.batch.column(named: "id")?.int64Values, [1, 4])
    XCTAssertEqual(decoded.batch.column(named: "offset")?.int64Values, [10, 13])
    XCTAssertEqual(decoded.rejected.map(\.index), [1, 2])
    XCTAssertEqual(
      decoded.rejected.first?.reason, "the value is not valid UTF-8 (byte 21); JSON text must be UTF-8")
    XCTAssertEqual(decoded.rejected.first?.position, "topic t partition 0 offset 11")
  }
}
