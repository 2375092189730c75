import SluiceCore
import XCTest

@testable import SluiceJSON

/// Strings: raw UTF-8 copied as is, escapes (incl. `\uXXXX` and surrogate pairs) unescaped.
final class StringDecodingTests: XCTestCase {
  let schema = Schema([Field("s", .string)])

  func testNonASCIITextIsCopiedByteForByte() {
    for text in [
      "Wörter Tattoos", "Υπέροχες ιδέες", "Красивые идеи", "Love this look 😍✨", "48ｘ18cm", "It’s “quoted”",
      "PUFIK Interiors &amp; Inspirations", "Of Life & Lisa | Lifestyle Blog",
    ] {
      XCTAssertEqual(decodeRow(schema, "{\"s\": \"\(text)\"}"), [.string(text)], text)
    }
  }

  func testEscapesAreUnescaped() {
    XCTAssertEqual(decodeRow(schema, #"{"s": "you…\u00a0"}"#), [.string("you…\u{00A0}")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "\u2026"}"#), [.string("…")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "\ud83d\ude0d!"}"#), [.string("😍!")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "\uD83D\uDE0D"}"#), [.string("😍")])
    XCTAssertEqual(
      decodeRow(schema, #"{"s": "\"q\" \\ \/ \b\f\n\r\t end"}"#),
      [.string("\"q\" \\ / \u{08}\u{0C}\n\r\t end")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "a\u0000b"}"#), [.string("a\u{0}b")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "\u00e9\u03a9\u0416"}"#), [.string("éΩЖ")])
  }

  func testLoneSurrogatesBecomeReplacementCharacters() {
    XCTAssertEqual(decodeRow(schema, #"{"s": "a\ud83db"}"#), [.string("a\u{FFFD}b")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "\ude0d"}"#), [.string("\u{FFFD}")])
    XCTAssertEqual(decodeRow(schema, #"{"s": "\ud83d\u0041"}"#), [.string("\u{FFFD}A")])
  }

  /// Quotes and escapes at every position around the 16-byte block boundaries of the SIMD scan.
  func testEscapesAtEveryPosition() {
    for length in 0..<40 {
      for position in 0...length {
        var raw = String(repeating: "x", count: length)
        var expected = raw
        raw.insert(contentsOf: #"\""#, at: raw.index(raw.startIndex, offsetBy: position))
        expected.insert("\"", at: expected.index(expected.startIndex, offsetBy: position))
        XCTAssertEqual(decodeRow(schema, "{\"s\": \"\(raw)\"}"), [.string(expected)], raw)
      }
    }
  }

  /// A raw control character is found at every position around the 16-byte blocks; bytes above
  /// 0x7F (UTF-8) are never mistaken for one.
  func testControlCharactersAtEveryPositionAndHighBytes() {
    for length in 1..<40 {
      for position in 0..<length {
        var bytes = Array(#"{"s": ""#.utf8) + [UInt8](repeating: 0xC3, count: length) + Array(#""}"#.utf8)
        for i in stride(from: 7, to: 7 + length - 1, by: 2) { bytes[i + 1] = 0xA9 }  // "é" pairs
        if length % 2 == 1 { bytes[7 + length - 1] = UInt8(ascii: "x") }
        let clean = JSONRecordDecoder(schema: schema).decodeOne(bytes)
        XCTAssertEqual(try clean.get().count, 1, "length \(length)")
        bytes[7 + position] = 0x1F
        let result = JSONRecordDecoder(schema: schema).decodeOne(bytes)
        guard case .failure(let error) = result else {
          XCTFail("control byte at \(position) of \(length) accepted")
          continue
        }
        XCTAssertEqual(
          error.message, "malformed JSON at byte \(7 + position): unescaped control character in string")
      }
    }
  }

  /// Random strings written by the core JSON writer (raw UTF-8) and by an ASCII-only writer
  /// (`\uXXXX` for everything non-ASCII) decode back to the same text.
  func testRandomStringsRoundTrip() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [Unicode.Scalar] = [
      "a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "Ω", "Ж", "…", "\u{A0}", "😍", "𝄞",
      "ｘ", "’",
    ]
    var lines: [String] = []
    var expected: [String] = []
    for n in 0..<2000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<40, using: &generator) {
        text.append(alphabet.randomElement(using: &generator)!)
      }
      let value = String(text)
      var line = #"{"s": "#
      if n % 2 == 0 {
        JSONValue.writeString(value, to: &line)
      } else {
        line += Self.asciiOnlyLiteral(value)
      }
      line += "}"
      lines.append(line)
      expected.append(value)
    }
    let result = decode(schema, lines)
    XCTAssertEqual(result.rejected, [])
    for (i, value) in expected.enumerated() where result.batch.columns[0].string(at: i) != value {
      XCTFail("\(lines[i]) decoded as \(result.batch.columns[0].string(at: i) ?? "nil")")
      break
    }
  }

  func testStringSyntaxErrors() {
    XCTAssertEqual(
      rejectionReason(schema, #"{"s": "a\xb"}"#), #"malformed JSON at byte 8: invalid escape \x"#)
    XCTAssertEqual(
      rejectionReason(schema, #"{"s": "a\u12"}"#),
      #"malformed JSON at byte 8: invalid \u escape, expected 4 hex digits"#)
    XCTAssertEqual(
      rejectionReason(schema, #"{"s": "\u12G4"}"#),
      #"malformed JSON at byte 7: invalid \u escape, expected 4 hex digits"#)
    XCTAssertEqual(
      rejectionReason(schema, "{\"s\": \"tab\there\"}"),
      "malformed JSON at byte 10: unescaped control character in string")
    XCTAssertEqual(
      rejectionReason(schema, #"{"s": "open}"#), "malformed JSON at byte 12: unterminated string")
  }

  func testLongStringsAreCopiedWhole() {
    let long = String(repeating: "abcdefghij", count: 1000) + "é"
    XCTAssertEqual(decodeRow(schema, "{\"s\": \"\(long)\"}"), [.string(long)])
    let escaped = String(repeating: "ab\\ncd", count: 500)
    XCTAssertEqual(
      decodeRow(schema, "{\"s\": \"\(escaped)\"}"), [.string(String(repeating: "ab\ncd", count: 500))])
  }

  /// A JSON string literal with every non-ASCII scalar written as `\uXXXX` (surrogate pairs
  /// above U+FFFF), like Python's `ensure_ascii`.
  static func asciiOnlyLiteral(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value >= 0x7F:
        for unit in String(scalar).utf16 {
          let hex = String(unit, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
