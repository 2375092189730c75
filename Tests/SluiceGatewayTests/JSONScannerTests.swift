import XCTest

@testable import SluiceGateway

final class JSONScannerTests: XCTestCase {
  private func spans(_ text: String) throws -> [String: String] {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      var result: [String: String] = [:]
      try scanner.forEachMember { (name, scanner) throws(GatewayError) in
        let range = try scanner.skipValue()
        result[name] = String(decoding: bytes[range], as: UTF8.self)
      }
      try scanner.expectEnd()
      return result
    }
  }

  private func malformed(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    let bytes = Array(text.utf8)
    XCTAssertThrowsError(
      try bytes.withUnsafeBufferPointer { buffer in
        try JSONScanner.validateUTF8(buffer)
        var scanner = JSONScanner(buffer)
        try scanner.skipValue()
        try scanner.expectEnd()
      }, text, file: file, line: line
    ) { error in
      XCTAssertEqual((error as? GatewayError)?.code, .malformedJSON, "\(error)", file: file, line: line)
    }
  }

  func testValueSpansAreTheBytesAsSent() throws {
    let result = try spans(
      #"{"a": {"x": [1, 2.5e3, -0.1], "y": "q\"\u00e9"} , "b":true,"c" :null, "d":"s"}"#)
    XCTAssertEqual(result["a"], #"{"x": [1, 2.5e3, -0.1], "y": "q\"\u00e9"}"#)
    XCTAssertEqual(result["b"], "true")
    XCTAssertEqual(result["c"], "null")
    XCTAssertEqual(result["d"], "\"s\"")
  }

  func testStringsAreUnescaped() throws {
    let bytes = Array(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#.utf8)
    let text = try bytes.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      return try scanner.readString()
    }
    XCTAssertEqual(text, "a\"b\\c/d\né😀")
  }

  func testRejectsMalformedDocuments() {
    for text in [
      "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "01", "1.", "-", "1e", "tru", "nul",
      "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "{\"a\":1} x", "\"a\u{01}b\"", "'a'", "{a:1}", "",
    ] {
      malformed(text)
    }
  }

  func testRejectsInvalidUTF8() {
    for bytes: [UInt8] in [
      [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
    ] {
      XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try JSONScanner.validateUTF8($0) })
    }
    XCTAssertNoThrow(try Array("\"é 😀 中\"".utf8).withUnsafeBufferPointer { try JSONScanner.validateUTF8($0) })
  }

  func testNestingIsBounded() {
    malformed(String(repeating: "[", count: 600) + String(repeating: "]", count: 600))
    let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    XCTAssertNoThrow(
      try Array(ok.utf8).withUnsafeBufferPointer { buffer in
        var scanner = JSONScanner(buffer)
        try scanner.skipValue()
      })
  }

  func testTypedReadsNameTheMember() {
    let bytes = Array(#""7""#.utf8)
    XCTAssertThrowsError(
      try bytes.withUnsafeBufferPointer { buffer in
        var scanner = JSONScanner(buffer)
        _ = try scanner.readInt64("records[0].partition")
      }
    ) { error in
      let error = error as? GatewayError
      XCTAssertEqual(error?.code, .invalidRequest)
      XCTAssertTrue(
        error?.message.contains("records[0].partition must be an integer") ?? false,
        "\(String(describing: error))")
    }
  }
}
