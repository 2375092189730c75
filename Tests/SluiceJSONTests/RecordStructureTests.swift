import SluiceCore
import XCTest

@testable import SluiceJSON

/// Objects as a whole: missing/null/unknown/duplicate fields, field order, malformed records,
/// rejection reasons and positions, rollback of partially decoded records.
final class RecordStructureTests: XCTestCase {
  let schema = Schema([
    Field("a", .int64, nullable: false), Field("s", .string), Field("l", .list(.double)),
    Field("t", .timestamp),
  ])

  func testMissingAndNullFieldsAreNull() {
    XCTAssertEqual(decodeRow(schema, #"{"a": 1}"#), [.int64(1), .null, .null, .null])
    XCTAssertEqual(
      decodeRow(schema, #"{"a": 1, "s": null, "l": null, "t": null}"#), [.int64(1), .null, .null, .null])
    let optional = Schema([Field("x", .string), Field("y", .int64)])
    XCTAssertEqual(decodeRow(optional, "{}"), [.null, .null])
    XCTAssertEqual(decodeRow(optional, " { } \r\n"), [.null, .null])
  }

  func testNonNullableFieldMustBePresentAndNotNull() {
    XCTAssertEqual(
      rejectionReason(schema, #"{"s": "x"}"#), "field 'a' is missing (the field is not nullable)")
    XCTAssertEqual(
      rejectionReason(schema, #"{"a": null}"#), "field 'a': null is not allowed (the field is not nullable)")
  }

  func testFieldOrderDoesNotMatterAndKeysMayBeEscaped() {
    let t = Timestamp.parseMicros("2020-01-19 01:49:05")!
    XCTAssertEqual(
      decodeRow(schema, #"{"t": "2020-01-19 01:49:05", "l": [1], "s": "x", "a": 5}"#),
      [.int64(5), .string("x"), .list([.double(1)]), .timestamp(t)])
    XCTAssertEqual(
      decodeRow(schema, #"{"\u0061": 5, "\u0073": "y"}"#), [.int64(5), .string("y"), .null, .null])
    XCTAssertEqual(decodeRow(schema, #"{ "a" : 5 , "s" : "y" }"#), [.int64(5), .string("y"), .null, .null])
  }

  func testUnknownFieldsAreSkippedIncludingNestedValues() {
    XCTAssertEqual(
      decodeRow(
        schema,
        #"{"x": {"y": [1, {"z": "w\"}"}, [], {}], "q": null}, "a": 7, "extra": [true, false, null, -1.5e3, "\u00e9"], "s": "ok", "zz": {}}"#
      ),
      [.int64(7), .string("ok"), .null, .null])
  }

  func testUnknownFieldsAreStillSyntaxChecked() {
    XCTAssertEqual(
      rejectionReason(schema, #"{"x": [1, 2,], "a": 1}"#),
      "malformed JSON at byte 12: expected a value, found ']'")
    XCTAssertEqual(
      rejectionReason(schema, #"{"x": {"k" 1}, "a": 1}"#),
      "malformed JSON at byte 11: expected ':' after object key")
    XCTAssertEqual(
      rejectionReason(schema, #"{"x": nul, "a": 1}"#),
      "malformed JSON at byte 9: invalid literal, expected 'null'")
    let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
    XCTAssertEqual(
      rejectionReason(schema, "{\"x\": \(deep), \"a\": 1}"),
      "malformed JSON at byte 133: nesting deeper than 128 levels")
  }

  func testDuplicateFieldsFollowThePolicy() {
    XCTAssertEqual(
      decodeRow(schema, #"{"a": 1, "s": "first", "a": 2, "s": "second"}"#),
      [.int64(2), .string("second"), .null, .null])
    let lastWins = decode(schema, [#"{"a": 1, "s": "first", "l": [1, 2, 3], "s": "second", "l": [4]}"#])
    XCTAssertEqual(String(decoding: lastWins.batch.columns[1].bytes, as: UTF8.self), "second")
    XCTAssertEqual(lastWins.batch.columns[2].children[0].doubleValues, [4])
    assertAligned(lastWins.batch, count: 1)

    let firstWins = JSONDecodingOptions(duplicateFields: .firstWins)
    XCTAssertEqual(
      decodeRow(schema, #"{"a": 1, "s": "first", "a": 2, "s": "second"}"#, options: firstWins),
      [.int64(1), .string("first"), .null, .null])
    let reject = JSONDecodingOptions(duplicateFields: .reject)
    XCTAssertEqual(
      rejectionReason(schema, #"{"a": 1, "a": 2}"#, options: reject), "field 'a' appears more than once")
  }

  /// Each malformed variant is rejected with a precise reason while its neighbours decode.
  func testMalformedRecordsAreRejectedWithPreciseReasons() {
    let cases: [(String, String)] = [
      (#"{"a": 1, "s": "abc"#, "malformed JSON at byte 18: unterminated string"),
      (#"{"a": 1, "s": "abc""#, "malformed JSON at byte 19: unexpected end of record, expected ',' or '}'"),
      (#"{"a": 1"#, "malformed JSON at byte 7: unexpected end of record, expected ',' or '}'"),
      (#"{"a":"#, "malformed JSON at byte 5: unexpected end of record, expected a value"),
      (#"{"a""#, "malformed JSON at byte 4: unexpected end of record, expected ':' after object key"),
      ("{", "malformed JSON at byte 1: unexpected end of record, expected an object key or '}'"),
      (#"{"a": 1} x"#, "malformed JSON at byte 9: unexpected 'x' after the end of the object"),
      (#"{"a": 1}{"a": 2}"#, "malformed JSON at byte 8: unexpected '{' after the end of the object"),
      (#"{"a" 1}"#, "malformed JSON at byte 5: expected ':' after object key"),
      (
        #"{"a": 1 "s": "x"}"#,
        #"malformed JSON at byte 8: expected ',' or '}' after an object member, found '"'"#
      ),
      (#"{"a": 1,}"#, "malformed JSON at byte 8: expected '\"' to start an object key, found '}'"),
      ("{'a': 1}", "malformed JSON at byte 1: expected '\"' to start an object key, found '''"),
      (#"{"a": 1, "s": "bad \q"}"#, #"malformed JSON at byte 19: invalid escape \q"#),
      ("[1, 2]", "not a JSON object (found an array)"),
      (#""text""#, #"not a JSON object (found string "text")"#),
      ("42", "not a JSON object (found number 42)"),
      ("null", "not a JSON object (found null)"),
      ("", "not a JSON object (the record is empty)"),
      (" \n ", "not a JSON object (the record is only whitespace)"),
      ("hello", "malformed JSON at byte 0: expected a value, found 'h'"),
      (#"{"a": "x1"}"#, #"field 'a': expected int64, found string "x1""#),
    ]
    var lines: [String] = []
    for (n, (bad, _)) in cases.enumerated() {
      lines.append("{\"a\": \(n), \"s\": \"good \(n)\"}")
      lines.append(bad)
    }
    lines.append(#"{"a": 999}"#)
    let result = decode(schema, lines)
    XCTAssertEqual(result.batch.count, cases.count + 1)
    XCTAssertEqual(result.rejected.map(\.reason), cases.map(\.1))
    XCTAssertEqual(result.rejected.map(\.index), cases.indices.map { 2 * $0 + 1 })
    XCTAssertEqual(result.rejected.first?.position, "topic t partition 0 offset 1")
    XCTAssertEqual(result.rejected.first?.step, "decode")
    XCTAssertEqual(result.sourceIndices, cases.indices.map { 2 * $0 } + [2 * cases.count])
    XCTAssertEqual(result.batch.columns[0].int64Values, cases.indices.map { Int64($0) } + [999])
    XCTAssertEqual(result.batch.columns[1].string(at: 3), "good 3")
    assertAligned(result.batch, count: cases.count + 1)
  }

  /// A record that fails after some of its fields were appended leaves no trace in any column.
  func testRejectedRecordsAreRolledBack() {
    let lines = [
      #"{"a": 1, "s": "one", "l": [1.5], "t": "2020-01-01 00:00:00"}"#,
      #"{"a": 2, "s": "partial", "l": [1, 2, 3], "t": "bad"}"#,  // fails on the last field
      #"{"s": "no key", "l": [4, 5]}"#,  // fails at the end: 'a' missing
      #"{"a": 4, "s": "half", "l": [6, 7, "x"]}"#,  // fails inside the list
      #"{"a": 5, "s": "esc\u00e9aped", "l": [8], "t": 1, "a": "nope"}"#,  // duplicate fails after rollback
      #"{"a": 6, "s": "two", "l": [], "t": null}"#,
    ]
    let result = decode(schema, lines)
    XCTAssertEqual(result.rejected.map(\.index), [1, 2, 3, 4])
    XCTAssertEqual(result.sourceIndices, [0, 5])
    assertAligned(result.batch, count: 2)
    XCTAssertEqual(result.batch.columns[0].int64Values, [1, 6])
    XCTAssertEqual(String(decoding: result.batch.columns[1].bytes, as: UTF8.self), "onetwo")
    XCTAssertEqual(result.batch.columns[2].children[0].doubleValues, [1.5])
    XCTAssertEqual(result.batch.columns[2].offsets, [0, 1, 1])
    XCTAssertEqual(result.batch.row(1).values, [.int64(6), .string("two"), .list([]), .null])
    XCTAssertEqual(result.rejected[0].reason, #"field 't': expected timestamp, found string "bad""#)
    XCTAssertEqual(result.rejected[2].reason, #"field 'l': expected double list element, found string "x""#)
  }

  func testEmptyInputAndAllRejectedBatches() {
    let empty = decode(schema, [])
    XCTAssertEqual(empty.batch.count, 0)
    XCTAssertEqual(empty.batch.schema, schema)
    let allBad = decode(schema, ["x", "[]"])
    XCTAssertEqual(allBad.batch.count, 0)
    XCTAssertEqual(allBad.rejected.count, 2)
    assertAligned(allBad.batch, count: 0)
  }

  func testLongValuesAreExcerptedInReasons() {
    let long = String(repeating: "é", count: 50)
    XCTAssertEqual(
      rejectionReason(schema, "{\"a\": \"\(long)\"}"),
      "field 'a': expected int64, found string \"" + String(repeating: "é", count: 20) + "…\"")
  }

  func testDecodeOneReportsTheError() throws {
    let decoder = JSONRecordDecoder(schema: schema)
    let row = try decoder.decodeOne(Array(#"{"a": 3}"#.utf8)).get()
    XCTAssertEqual(row.row(0).values, [.int64(3), .null, .null, .null])
    guard case .failure(let error) = decoder.decodeOne(Array(#"{"a": "x"}"#.utf8)) else {
      return XCTFail("expected a failure")
    }
    XCTAssertEqual(error.code, .typeMismatch)
    XCTAssertEqual(error.message, #"field 'a': expected int64, found string "x""#)
  }
}
