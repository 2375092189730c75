import SluiceCore
import XCTest

@testable import SluiceJSON

/// Every column type and the tolerance rules of spec §1.2.
final class ScalarDecodingTests: XCTestCase {
  let int64 = Schema([Field("a", .int64)])
  let int32 = Schema([Field("a", .int32)])
  let double = Schema([Field("d", .double)])
  let boolean = Schema([Field("b", .boolean)])
  let text = Schema([Field("s", .string)])
  let timestamp = Schema([Field("t", .timestamp)])
  let date = Schema([Field("day", .date)])

  func testInt64AcceptsNumbersNumericStringsAndIntegralDoubles() {
    XCTAssertEqual(decodeRow(int64, #"{"a": 7528}"#), [.int64(7528)])
    XCTAssertEqual(decodeRow(int64, #"{"a": "7528"}"#), [.int64(7528)])
    XCTAssertEqual(decodeRow(int64, #"{"a": -12}"#), [.int64(-12)])
    XCTAssertEqual(decodeRow(int64, #"{"a": 20.0}"#), [.int64(20)])
    XCTAssertEqual(decodeRow(int64, #"{"a": "20.0"}"#), [.int64(20)])
    XCTAssertEqual(decodeRow(int64, #"{"a": 2e3}"#), [.int64(2000)])
    XCTAssertEqual(decodeRow(int64, #"{"a": 1.5E1}"#), [.int64(15)])
    XCTAssertEqual(decodeRow(int64, #"{"a": "007"}"#), [.int64(7)])
    XCTAssertEqual(decodeRow(int64, #"{"a": 0}"#), [.int64(0)])
    XCTAssertEqual(decodeRow(int64, #"{"a": -0}"#), [.int64(0)])
    XCTAssertEqual(decodeRow(int64, #"{"a": 9223372036854775807}"#), [.int64(Int64.max)])
    XCTAssertEqual(decodeRow(int64, #"{"a": -9223372036854775808}"#), [.int64(Int64.min)])
  }

  func testInt64RejectsFractionsTextAndOverflow() {
    XCTAssertEqual(rejectionReason(int64, #"{"a": 1.5}"#), "field 'a': expected int64, found number 1.5")
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": "abc"}"#), #"field 'a': expected int64, found string "abc""#)
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": " 12 "}"#), #"field 'a': expected int64, found string " 12 ""#)
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": "12abc"}"#), #"field 'a': expected int64, found string "12abc""#)
    XCTAssertEqual(rejectionReason(int64, #"{"a": ""}"#), #"field 'a': expected int64, found string """#)
    XCTAssertEqual(rejectionReason(int64, #"{"a": true}"#), "field 'a': expected int64, found true")
    XCTAssertEqual(rejectionReason(int64, #"{"a": [1]}"#), "field 'a': expected int64, found an array")
    XCTAssertEqual(rejectionReason(int64, #"{"a": {"b": 1}}"#), "field 'a': expected int64, found an object")
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": 9223372036854775808}"#),
      "field 'a': 9223372036854775808 is out of range for int64")
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": -9223372036854775809}"#),
      "field 'a': -9223372036854775809 is out of range for int64")
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": 123456789012345678901234}"#),
      "field 'a': 123456789012345678901234 is out of range for int64")
    XCTAssertEqual(rejectionReason(int64, #"{"a": 1e30}"#), "field 'a': 1e30 is out of range for int64")
  }

  func testNumbersFollowTheJSONGrammar() {
    XCTAssertEqual(rejectionReason(int64, #"{"a": 007}"#), "malformed JSON at byte 6: invalid number")
    XCTAssertEqual(rejectionReason(int64, #"{"a": -}"#), "malformed JSON at byte 6: invalid number")
    XCTAssertEqual(rejectionReason(double, #"{"d": 1.}"#), "malformed JSON at byte 6: invalid number")
    XCTAssertEqual(
      rejectionReason(double, #"{"d": .5}"#), "malformed JSON at byte 6: expected a value, found '.'")
    XCTAssertEqual(
      rejectionReason(double, #"{"d": NaN}"#), "malformed JSON at byte 6: expected a value, found 'N'")
    XCTAssertEqual(
      rejectionReason(double, #"{"d": +1}"#), "malformed JSON at byte 6: expected a value, found '+'")
    XCTAssertEqual(rejectionReason(double, #"{"d": 1e}"#), "malformed JSON at byte 6: invalid number")
  }

  func testInt32IsRangeChecked() {
    XCTAssertEqual(decodeRow(int32, #"{"a": 2147483647}"#), [.int32(Int32.max)])
    XCTAssertEqual(decodeRow(int32, #"{"a": "-2147483648"}"#), [.int32(Int32.min)])
    XCTAssertEqual(
      rejectionReason(int32, #"{"a": 2147483648}"#), "field 'a': 2147483648 is out of range for int32")
    XCTAssertEqual(
      rejectionReason(int32, #"{"a": "-3000000000"}"#), "field 'a': -3000000000 is out of range for int32")
  }

  func testDoubleAcceptsNumbersAndNumericStrings() {
    XCTAssertEqual(decodeRow(double, #"{"d": -89.9787}"#), [.double(-89.9787)])
    XCTAssertEqual(decodeRow(double, #"{"d": "-89.9787"}"#), [.double(-89.9787)])
    XCTAssertEqual(decodeRow(double, #"{"d": 5}"#), [.double(5)])
    XCTAssertEqual(decodeRow(double, #"{"d": 1e-3}"#), [.double(0.001)])
    XCTAssertEqual(decodeRow(double, #"{"d": "1E5"}"#), [.double(100_000)])
    XCTAssertEqual(decodeRow(double, #"{"d": 0.30000000000000004}"#), [.double(0.30000000000000004)])
    XCTAssertEqual(decodeRow(double, #"{"d": 1.7976931348623157e308}"#), [.double(.greatestFiniteMagnitude)])
    XCTAssertEqual(decodeRow(double, #"{"d": 5e-324}"#), [.double(.leastNonzeroMagnitude)])
    XCTAssertEqual(rejectionReason(double, #"{"d": 1e400}"#), "field 'd': 1e400 is out of range for double")
    XCTAssertEqual(
      rejectionReason(double, #"{"d": "NaN"}"#), #"field 'd': expected double, found string "NaN""#)
    XCTAssertEqual(rejectionReason(double, #"{"d": false}"#), "field 'd': expected double, found false")
  }

  /// Decoding the shortest round-trip text of many doubles gives back exactly the same double
  /// (covers the fast path and the fallback for 17-digit values and large exponents).
  func testDoublesRoundTripExactly() {
    var generator = SystemRandomNumberGenerator()
    var lines: [String] = []
    var expected: [Double] = []
    for n in 0..<5000 {
      let value: Double
      switch n % 4 {
      case 0: value = Double.random(in: -180...180, using: &generator)
      case 1: value = Double(bitPattern: generator.next())
      case 2: value = (Double.random(in: -1e6...1e6, using: &generator) * 1e4).rounded() / 1e4
      default: value = Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) * 1e-7
      }
      guard value.isFinite else { continue }
      lines.append(#"{"d": \#(value)}"#)
      expected.append(value)
    }
    let result = decode(double, lines)
    XCTAssertEqual(result.rejected, [])
    XCTAssertEqual(result.batch.columns[0].doubleValues.count, expected.count)
    for (i, value) in expected.enumerated() where result.batch.columns[0].doubleValues[i] != value {
      XCTFail("\(lines[i]) decoded as \(result.batch.columns[0].doubleValues[i])")
      break
    }
  }

  func testBooleanTolerance() {
    XCTAssertEqual(decodeRow(boolean, #"{"b": true}"#), [.boolean(true)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": false}"#), [.boolean(false)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": "true"}"#), [.boolean(true)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": "false"}"#), [.boolean(false)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": 1}"#), [.boolean(true)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": 0}"#), [.boolean(false)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": "1"}"#), [.boolean(true)])
    XCTAssertEqual(decodeRow(boolean, #"{"b": "0"}"#), [.boolean(false)])
    XCTAssertEqual(rejectionReason(boolean, #"{"b": 2}"#), "field 'b': expected boolean, found number 2")
    XCTAssertEqual(
      rejectionReason(boolean, #"{"b": "yes"}"#), #"field 'b': expected boolean, found string "yes""#)
    XCTAssertEqual(
      rejectionReason(boolean, #"{"b": tru}"#), "malformed JSON at byte 9: invalid literal, expected 'true'")
  }

  func testStringColumnKeepsTheJSONTextOfOtherValues() {
    XCTAssertEqual(decodeRow(text, #"{"s": "437"}"#), [.string("437")])
    XCTAssertEqual(decodeRow(text, #"{"s": 437}"#), [.string("437")])
    XCTAssertEqual(decodeRow(text, #"{"s": -1.5e3}"#), [.string("-1.5e3")])
    XCTAssertEqual(decodeRow(text, #"{"s": true}"#), [.string("true")])
    XCTAssertEqual(decodeRow(text, #"{"s": false}"#), [.string("false")])
    XCTAssertEqual(decodeRow(text, #"{"s": {"k": [1, "x"]}}"#), [.string(#"{"k": [1, "x"]}"#)])
    XCTAssertEqual(decodeRow(text, #"{"s": ""}"#), [.string("")])
    XCTAssertEqual(decodeRow(text, #"{"s": null}"#), [.null])
  }

  func testTimestampSpellings() throws {
    let expected = try XCTUnwrap(Timestamp.parseMicros("2020-08-28 03:52:47"))
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28 03:52:47"}"#), [.timestamp(expected)])
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28T03:52:47"}"#), [.timestamp(expected)])
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28T03:52:47Z"}"#), [.timestamp(expected)])
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28T05:52:47+02:00"}"#), [.timestamp(expected)])
    XCTAssertEqual(
      decodeRow(timestamp, #"{"t": "2020-08-28T03:52:47.123456"}"#), [.timestamp(expected + 123_456)])
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28 03:52:47.5"}"#), [.timestamp(expected + 500_000)])
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28\u005403:52:47"}"#), [.timestamp(expected)])
    let midnight = try XCTUnwrap(Timestamp.parseMicros("2020-08-28T00:00:00"))
    XCTAssertEqual(decodeRow(timestamp, #"{"t": "2020-08-28"}"#), [.timestamp(midnight)])
    XCTAssertEqual(
      rejectionReason(timestamp, #"{"t": "2020:08:28 03:52:47"}"#),
      #"field 't': expected timestamp, found string "2020:08:28 03:52:47""#)
    XCTAssertEqual(
      rejectionReason(timestamp, #"{"t": "2020-13-01 00:00:00"}"#),
      #"field 't': expected timestamp, found string "2020-13-01 00:00:00""#)
    XCTAssertEqual(rejectionReason(timestamp, #"{"t": true}"#), "field 't': expected timestamp, found true")
  }

  /// A JSON number in a timestamp column counts epoch milliseconds by default (configurable).
  func testNumericTimestampsUseTheConfiguredUnit() throws {
    let expected = try XCTUnwrap(Timestamp.parseMicros("2020-08-28 03:52:47"))
    XCTAssertEqual(decodeRow(timestamp, #"{"t": 1598586767000}"#), [.timestamp(expected)])
    XCTAssertEqual(decodeRow(timestamp, #"{"t": 1598586767000.5}"#), [.timestamp(expected + 500)])
    let seconds = JSONDecodingOptions(numericTimestampUnit: .seconds)
    XCTAssertEqual(decodeRow(timestamp, #"{"t": 1598586767}"#, options: seconds), [.timestamp(expected)])
    XCTAssertEqual(
      decodeRow(timestamp, #"{"t": 1598586767.25}"#, options: seconds), [.timestamp(expected + 250_000)])
    let micros = JSONDecodingOptions(numericTimestampUnit: .microseconds)
    XCTAssertEqual(decodeRow(timestamp, "{\"t\": \(expected)}", options: micros), [.timestamp(expected)])
    let reject = JSONDecodingOptions(numericTimestampUnit: .reject)
    XCTAssertEqual(
      rejectionReason(timestamp, #"{"t": 1598586767000}"#, options: reject),
      "field 't': expected timestamp, found number 1598586767000")
    XCTAssertEqual(
      rejectionReason(timestamp, #"{"t": 9223372036854775807}"#),
      "field 't': 9223372036854775807 is out of range for timestamp")
  }

  func testDates() throws {
    let days = Int32(Timestamp.daysFromCivil(year: 2020, month: 8, day: 28))
    XCTAssertEqual(decodeRow(date, #"{"day": "2020-08-28"}"#), [.date(days)])
    XCTAssertEqual(decodeRow(date, #"{"day": "2020-08-28 03:52:47"}"#), [.date(days)])
    XCTAssertEqual(decodeRow(date, "{\"day\": \(days)}"), [.date(days)])
    XCTAssertEqual(decodeRow(date, #"{"day": "1969-12-31"}"#), [.date(-1)])
    XCTAssertEqual(
      rejectionReason(date, #"{"day": "28/08/2020"}"#),
      #"field 'day': expected date, found string "28/08/2020""#)
    XCTAssertEqual(rejectionReason(date, #"{"day": 1.5}"#), "field 'day': expected date, found number 1.5")
  }

  func testListsOfDoublesAndStrings() {
    let schema = Schema([Field("l", .list(.double)), Field("tags", .list(.string))])
    XCTAssertEqual(
      decodeRow(schema, #"{"l": [-89.9787, -173.293], "tags": ["a", "b\u00e9"]}"#),
      [.list([.double(-89.9787), .double(-173.293)]), .list([.string("a"), .string("bé")])])
    XCTAssertEqual(decodeRow(schema, #"{"l": [], "tags": [ ]}"#), [.list([]), .list([])])
    XCTAssertEqual(decodeRow(schema, #"{"l": ["1.5", 2]}"#), [.list([.double(1.5), .double(2)]), .null])
    XCTAssertEqual(
      decodeRow(schema, #"{"l": null, "tags": [1, true]}"#), [.null, .list([.string("1"), .string("true")])])
    XCTAssertEqual(rejectionReason(schema, #"{"l": [1, null]}"#), "field 'l': list elements must not be null")
    XCTAssertEqual(
      rejectionReason(schema, #"{"l": "1,2"}"#), #"field 'l': expected list<double>, found string "1,2""#)
    XCTAssertEqual(
      rejectionReason(schema, #"{"l": [1, "x"]}"#),
      #"field 'l': expected double list element, found string "x""#)
    XCTAssertEqual(
      rejectionReason(schema, #"{"l": [1 2]}"#),
      "malformed JSON at byte 9: expected ',' or ']' after an array element, found '2'")
    XCTAssertEqual(
      rejectionReason(schema, #"{"l": [1,]}"#), "malformed JSON at byte 9: expected a value, found ']'")
  }

  func testNestedLists() {
    let schema = Schema([Field("m", .list(.list(.int64)))])
    XCTAssertEqual(
      decodeRow(schema, #"{"m": [[1, 2], [], [3]]}"#),
      [.list([.list([.int64(1), .int64(2)]), .list([]), .list([.int64(3)])])])
  }

  func testNumericStringsCanBeTurnedOff() {
    let strict = JSONDecodingOptions(acceptsNumericStrings: false)
    XCTAssertEqual(
      rejectionReason(int64, #"{"a": "7528"}"#, options: strict),
      #"field 'a': expected int64, found string "7528""#)
    XCTAssertEqual(
      rejectionReason(boolean, #"{"b": "true"}"#, options: strict),
      #"field 'b': expected boolean, found string "true""#)
    XCTAssertEqual(decodeRow(int64, #"{"a": 7528}"#, options: strict), [.int64(7528)])
  }
}
