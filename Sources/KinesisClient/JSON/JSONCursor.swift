/// A forward-only reader over JSON bytes for the hot GetRecords answer: strings come out as byte
/// ranges of the input (escapes decoded only when present), numbers as text, anything else can be
/// skipped. Throws ``KinesisError`` (`malformedResponse`) with the byte position.
struct JSONCursor {
  let bytes: [UInt8]
  private(set) var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func skipWhitespace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
    {
      index += 1
    }
  }

  func error(_ what: String) -> KinesisError {
    KinesisError(.malformedResponse, "the GetRecords answer is not valid JSON: \(what) at byte \(index)")
  }

  mutating func peek() -> UInt8? {
    skipWhitespace()
    return index < bytes.count ? bytes[index] : nil
  }

  mutating func expect(_ byte: UInt8) throws(KinesisError) {
    guard peek() == byte else { throw error("expected '\(Character(Unicode.Scalar(byte)))'") }
    index += 1
  }

  /// Consumes `byte` if it is next.
  mutating func consume(_ byte: UInt8) -> Bool {
    guard peek() == byte else { return false }
    index += 1
    return true
  }

  mutating func consumeNull() -> Bool {
    guard peek() == UInt8(ascii: "n"), index + 4 <= bytes.count else { return false }
    index += 4
    return true
  }

  /// Iterates the members of an object: `body(key)` must consume the value.
  mutating func object(_ body: (inout JSONCursor, [UInt8]) throws(KinesisError) -> Void) throws(KinesisError)
  {
    try expect(UInt8(ascii: "{"))
    if consume(UInt8(ascii: "}")) { return }
    while true {
      let key = try string()
      try expect(UInt8(ascii: ":"))
      try body(&self, key)
      if consume(UInt8(ascii: ",")) { continue }
      try expect(UInt8(ascii: "}"))
      return
    }
  }

  /// Iterates the elements of an array: `body` must consume each element.
  mutating func array(_ body: (inout JSONCursor) throws(KinesisError) -> Void) throws(KinesisError) {
    try expect(UInt8(ascii: "["))
    if consume(UInt8(ascii: "]")) { return }
    while true {
      try body(&self)
      if consume(UInt8(ascii: ",")) { continue }
      try expect(UInt8(ascii: "]"))
      return
    }
  }

  /// The range of a string's raw bytes (between the quotes) and whether it has escapes.
  mutating func rawString() throws(KinesisError) -> (Range<Int>, escaped: Bool) {
    try expect(UInt8(ascii: "\""))
    let start = index
    var escaped = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return (start..<index - 1, escaped)
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        index += 2
      } else {
        index += 1
      }
    }
    throw error("unterminated string")
  }

  /// A string's bytes with escapes decoded.
  mutating func string() throws(KinesisError) -> [UInt8] {
    let (range, escaped) = try rawString()
    return escaped ? try unescape(range) : Array(bytes[range])
  }

  mutating func stringValue() throws(KinesisError) -> String {
    String(decoding: try string(), as: UTF8.self)
  }

  func unescape(_ range: Range<Int>) throws(KinesisError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(range.count)
    var i = range.lowerBound
    while i < range.upperBound {
      let byte = bytes[i]
      guard byte == UInt8(ascii: "\\"), i + 1 < range.upperBound else {
        out.append(byte)
        i += 1
        continue
      }
      let next = bytes[i + 1]
      i += 2
      switch next {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        guard i + 4 <= range.upperBound, var scalar = hex4(i) else { throw error("bad \\u escape") }
        i += 4
        if (0xD800..<0xDC00).contains(scalar), i + 6 <= range.upperBound, bytes[i] == UInt8(ascii: "\\"),
          bytes[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), (0xDC00..<0xE000).contains(low)
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          i += 6
        }
        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        out.append(contentsOf: String(character).utf8)
      default: out.append(next)
      }
    }
    return out
  }

  private func hex4(_ at: Int) -> UInt32? {
    var value: UInt32 = 0
    for byte in bytes[at..<at + 4] {
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// A number as a `Double`.
  mutating func number() throws(KinesisError) -> Double {
    skipWhitespace()
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      guard
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65
          || byte == 0x45
      else { break }
      index += 1
    }
    guard index > start, let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
      throw error("expected a number")
    }
    return value
  }

  /// Skips any value.
  mutating func skipValue() throws(KinesisError) {
    switch peek() {
    case UInt8(ascii: "{"): try object { (cursor, _) throws(KinesisError) in try cursor.skipValue() }
    case UInt8(ascii: "["): try array { (cursor) throws(KinesisError) in try cursor.skipValue() }
    case UInt8(ascii: "\""): _ = try rawString()
    case UInt8(ascii: "t"): index += 4
    case UInt8(ascii: "f"): index += 5
    case UInt8(ascii: "n"): index += 4
    case nil: throw error("unexpected end")
    default: _ = try number()
    }
  }
}
