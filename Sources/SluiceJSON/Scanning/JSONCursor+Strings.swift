import CSluiceKernels

/// Where a string's content lies (between the quotes) and whether it contains escapes.
struct StringSpan {
  var start: Int
  var end: Int
  var escaped: Bool

  var length: Int { end - start }
}

extension JSONCursor {
  /// Scans a string whose opening quote was already consumed; validates escapes and rejects raw
  /// control characters; leaves the cursor after the closing quote.
  ///
  /// Runs of ordinary bytes are skipped 16 at a time with SIMD compares
  /// (`sluice_json_plain_string_bytes`); a byte is looked at on its own only when it is a quote,
  /// a backslash or a control character.
  @inline(__always)
  mutating func scanStringBody() throws(JSONDecodingError) -> StringSpan {
    let start = position
    var i = position
    var escaped = false
    while true {
      i += sluice_json_plain_string_bytes(base + i, count - i)
      guard i < count else {
        throw JSONDecodingError.malformed(at: i, "unterminated string")
      }
      let b = base[i]
      if b == UInt8(ascii: "\"") {
        position = i + 1
        return StringSpan(start: start, end: i, escaped: escaped)
      }
      if b == UInt8(ascii: "\\") {
        escaped = true
        guard i + 1 < count else { throw JSONDecodingError.malformed(at: i, "unterminated string") }
        switch base[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          i += 2
        case UInt8(ascii: "u"):
          guard i + 6 <= count, hex4(at: i + 2) != nil else {
            throw JSONDecodingError.malformed(at: i, "invalid \\u escape, expected 4 hex digits")
          }
          i += 6
        default:
          throw JSONDecodingError.malformed(at: i, "invalid escape \\\(describeEscape(at: i + 1))")
        }
        continue
      }
      if b < 0x20 {
        throw JSONDecodingError.malformed(at: i, "unescaped control character in string")
      }
      i += 1
    }
  }

  private func describeEscape(at index: Int) -> String {
    let b = base[index]
    return b >= 0x20 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "(byte \(b))"
  }

  /// The value of 4 hex digits at `index`, or `nil`.
  @inline(__always) func hex4(at index: Int) -> UInt32? {
    var value: UInt32 = 0
    for k in 0..<4 {
      let b = base[index + k]
      let digit: UInt8
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b &- 48
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b &- 87
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b &- 55
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// Appends the unescaped UTF-8 content of `span` (already validated by ``scanStringBody()``)
  /// to `out`. `\uXXXX` escapes become UTF-8, surrogate pairs are combined, and a lone surrogate
  /// becomes U+FFFD.
  func appendUnescaped(_ span: StringSpan, to out: inout [UInt8]) {
    var i = span.start
    var runStart = i
    while i < span.end {
      guard base[i] == UInt8(ascii: "\\") else {
        i += 1
        continue
      }
      if i > runStart {
        out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
      }
      let e = base[i + 1]
      i += 2
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        var scalar = hex4(at: i) ?? 0xFFFD
        i += 4
        if scalar >= 0xD800 && scalar < 0xDC00 {
          if i + 6 <= span.end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u"),
            let low = hex4(at: i + 2), low >= 0xDC00 && low < 0xE000
          {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            i += 6
          } else {
            scalar = 0xFFFD
          }
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
          scalar = 0xFFFD
        }
        Self.appendUTF8(scalar, to: &out)
      default: out.append(e)  // \" \\ \/
      }
      runStart = i
    }
    if span.end > runStart {
      out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: span.end - runStart))
    }
  }

  static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | scalar >> 6))
      out.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | scalar >> 12))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    default:
      out.append(UInt8(0xF0 | scalar >> 18))
      out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      out.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  /// The raw bytes of `span` as a buffer (no copy).
  @inline(__always) func rawBytes(_ span: StringSpan) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: base + span.start, count: span.length)
  }

  /// A short, quoted excerpt of a string value for error messages (at most 40 bytes of the raw
  /// JSON text, cut at a UTF-8 boundary).
  func excerpt(_ span: StringSpan) -> String {
    var end = span.end
    var cut = false
    if span.length > 40 {
      end = span.start + 40
      while end > span.start, base[end] & 0xC0 == 0x80 { end -= 1 }
      cut = true
    }
    let text = String(
      decoding: UnsafeBufferPointer(start: base + span.start, count: end - span.start), as: UTF8.self)
    return "\"" + text + (cut ? "…\"" : "\"")
  }
}
