import XCTest

@testable import SluiceCore

final class JSONValueTests: XCTestCase {
  func testParsesAndCanonicalisesWithSortedKeys() throws {
    let value = try JSONValue.parse(#" { "b" : [1, 2.5, true, null], "a": {"y": "x\n\u00e9", "x": -3} } "#)
    XCTAssertEqual(value.canonical, #"{"a":{"x":-3,"y":"x\né"},"b":[1,2.5,true,null]}"#)
    XCTAssertEqual(value["a"]?["x"]?.intValue, -3)
    XCTAssertEqual(value["b"]?.arrayValue?.count, 4)
  }

  func testEqualityIgnoresMemberOrder() throws {
    XCTAssertEqual(try JSONValue.parse(#"{"a":1,"b":2}"#), try JSONValue.parse(#"{"b":2,"a":1}"#))
    XCTAssertNotEqual(try JSONValue.parse(#"{"a":1}"#), try JSONValue.parse(#"{"a":2}"#))
  }

  func testSurrogatePairsAndEscapesRoundTrip() throws {
    let value = try JSONValue.parse(#""\ud83d\ude00 \"q\" \\ \t""#)
    XCTAssertEqual(value.stringValue, "😀 \"q\" \\ \t")
    XCTAssertEqual(try JSONValue.parse(value.canonical), value)
  }

  func testMalformedInputNamesThePosition() {
    for text in ["{", #"{"a" 1}"#, "[1,]", "tru", #"{"a":1} x"#, #""abc"#, ""] {
      XCTAssertThrowsError(try JSONValue.parse(text), text) { error in
        let error = error as? CoreError
        XCTAssertEqual(error?.code, .invalidJSON)
        XCTAssertTrue(error?.message.contains("at byte") ?? false, "\(String(describing: error))")
      }
    }
  }

  func testLargeIntegersKeepPrecision() throws {
    XCTAssertEqual(try JSONValue.parse("9007199254740993").intValue, 9_007_199_254_740_993)
    XCTAssertEqual(try JSONValue.parse("1e3").doubleValue, 1000)
  }

  func testPrettyKeepsOrder() throws {
    let value = try JSONValue.parse(#"{"z":1,"a":[]}"#)
    XCTAssertEqual(value.pretty, "{\n  \"z\": 1,\n  \"a\": []\n}")
    XCTAssertEqual(value.compact, #"{"z":1,"a":[]}"#)
  }
}
