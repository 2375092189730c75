/// A read position inside the bytes of one JSON record.
///
/// Positions are byte offsets from the start of the record, so error messages can say
/// "at byte 17" about the record itself. The cursor never reads outside `0..<count`.
struct JSONCursor {
  let base: UnsafePointer<UInt8>
  let count: Int
  var position = 0

  /// `bytes` must not be empty.
  init(_ bytes: UnsafeRawBufferPointer) {
    base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    count = bytes.count
  }

  @inline(__always) var atEnd: Bool { position >= count }

  /// The byte at the cursor; callers check ``atEnd`` first.
  @inline(__always) var current: UInt8 { base[position] }

  @inline(__always) mutating func skipWhitespace() {
    while position < count {
      let b = base[position]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
      position += 1
    }
  }

  func malformed(_ what: String) -> JSONDecodingError {
    .malformed(at: position, what)
  }

  /// Throws "unexpected end of record, expected `what`" when the cursor is at the end.
  @inline(__always) func requireByte(expecting what: @autoclosure () -> String) throws(JSONDecodingError) {
    if position >= count { throw malformed("unexpected end of record, expected \(what())") }
  }

  /// Consumes `literal` (`true`, `false` or `null`) at the cursor.
  mutating func consumeLiteral(_ literal: StaticString) throws(JSONDecodingError) {
    let length = literal.utf8CodeUnitCount
    let text = literal.utf8Start
    for i in 0..<length {
      guard position + i < count else {
        throw malformed("unexpected end of record inside literal '\(literal)'")
      }
      guard base[position + i] == text[i] else {
        throw JSONDecodingError.malformed(at: position + i, "invalid literal, expected '\(literal)'")
      }
    }
    position += length
  }

  /// A readable name for the byte at `index`: `'x'` for printable ASCII, else `byte 0xNN`.
  func describeByte(at index: Int) -> String {
    guard index < count else { return "end of record" }
    let b = base[index]
    if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    let hex = String(b, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
  }

  /// Skips one complete JSON value starting at the cursor, checking its syntax.
  mutating func skipValue(depth: Int, maxDepth: Int) throws(JSONDecodingError) {
    try requireByte(expecting: "a value")
    switch current {
    case UInt8(ascii: "\""):
      position += 1
      _ = try scanStringBody()
    case UInt8(ascii: "{"):
      guard depth < maxDepth else { throw malformed("nesting deeper than \(maxDepth) levels") }
      position += 1
      skipWhitespace()
      try requireByte(expecting: "an object key or '}'")
      if current == UInt8(ascii: "}") {
        position += 1
        return
      }
      while true {
        try requireByte(expecting: "an object key")
        guard current == UInt8(ascii: "\"") else {
          throw malformed("expected '\"' to start an object key, found \(describeByte(at: position))")
        }
        position += 1
        _ = try scanStringBody()
        skipWhitespace()
        try requireByte(expecting: "':' after object key")
        guard current == UInt8(ascii: ":") else { throw malformed("expected ':' after object key") }
        position += 1
        skipWhitespace()
        try skipValue(depth: depth + 1, maxDepth: maxDepth)
        skipWhitespace()
        try requireByte(expecting: "',' or '}'")
        let b = current
        if b == UInt8(ascii: "}") {
          position += 1
          return
        }
        guard b == UInt8(ascii: ",") else {
          throw malformed("expected ',' or '}' after an object member, found \(describeByte(at: position))")
        }
        position += 1
        skipWhitespace()
      }
    case UInt8(ascii: "["):
      guard depth < maxDepth else { throw malformed("nesting deeper than \(maxDepth) levels") }
      position += 1
      skipWhitespace()
      try requireByte(expecting: "a value or ']'")
      if current == UInt8(ascii: "]") {
        position += 1
        return
      }
      while true {
        try skipValue(depth: depth + 1, maxDepth: maxDepth)
        skipWhitespace()
        try requireByte(expecting: "',' or ']'")
        let b = current
        if b == UInt8(ascii: "]") {
          position += 1
          return
        }
        guard b == UInt8(ascii: ",") else {
          throw malformed("expected ',' or ']' after an array element, found \(describeByte(at: position))")
        }
        position += 1
        skipWhitespace()
      }
    case UInt8(ascii: "t"): try consumeLiteral("true")
    case UInt8(ascii: "f"): try consumeLiteral("false")
    case UInt8(ascii: "n"): try consumeLiteral("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      _ = try scanNumber()
    default:
      throw malformed("expected a value, found \(describeByte(at: position))")
    }
  }

  /// Scans a JSON number at the cursor (strict grammar) and moves past it.
  mutating func scanNumber() throws(JSONDecodingError) -> ScannedNumber {
    guard let number = ScannedNumber.scan(base, from: position, limit: count, allowLeadingZeros: false)
    else { throw malformed("invalid number") }
    position = number.end
    return number
  }
}
