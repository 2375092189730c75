/// A validating, byte-level JSON reader over a request body (RFC 8259).
///
/// It hands out the byte ranges of values instead of building a document tree, so a record's
/// value is stored exactly as the client sent it and a request of many records costs no
/// allocation per record. Every skipped value is fully validated (structure, strings and their
/// escapes, numbers, literals, nesting up to ``maximumDepth``). UTF-8 validity of the whole body
/// is checked once by ``validateUTF8(_:)``.
///
/// Use inside `withUnsafeBufferPointer` of the body; ranges index the same bytes.
struct JSONScanner {
  static let maximumDepth = 512

  /// The kinds of JSON value, told by their first byte.
  enum Kind: Sendable, Equatable {
    case object, array, string, number, bool, null

    var article: String {
      switch self {
      case .object: "an object"
      case .array: "an array"
      case .string: "a string"
      case .number: "a number"
      case .bool: "a boolean"
      case .null: "null"
      }
    }
  }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func error(_ what: String, at offset: Int? = nil) -> GatewayError {
    GatewayError(.malformedJSON, "invalid JSON at byte \(offset ?? position): \(what)")
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  /// The kind of the next value (after whitespace), without consuming it.
  mutating func peekKind() throws(GatewayError) -> Kind {
    skipWhitespace()
    guard position < bytes.count else { throw error("unexpected end of input, expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    default: throw error("unexpected character '\(Self.printable(bytes[position]))', expected a value")
    }
  }

  /// Requires that only whitespace remains.
  mutating func expectEnd() throws(GatewayError) {
    skipWhitespace()
    guard position == bytes.count else { throw error("unexpected trailing characters after the document") }
  }

  // MARK: Containers

  /// Reads an object, calling `body` with each member name; `body` must consume the member's
  /// value (with ``skipValue()`` or a typed read).
  mutating func forEachMember(
    _ body: (String, inout JSONScanner) throws(GatewayError) -> Void
  ) throws(GatewayError) {
    try expect(UInt8(ascii: "{"), "'{'")
    skipWhitespace()
    if try consumeIf(UInt8(ascii: "}")) { return }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("expected a member name in double quotes")
      }
      let name = try readString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':' after a member name")
      try body(name, &self)
      skipWhitespace()
      if try consumeIf(UInt8(ascii: "}")) { return }
      try expect(UInt8(ascii: ","), "',' or '}' in an object")
    }
  }

  /// Reads an array, calling `body` with each element's index; `body` must consume the element.
  mutating func forEachElement(_ body: (Int, inout JSONScanner) throws(GatewayError) -> Void)
    throws(GatewayError)
  {
    try expect(UInt8(ascii: "["), "'['")
    skipWhitespace()
    if try consumeIf(UInt8(ascii: "]")) { return }
    var index = 0
    while true {
      try body(index, &self)
      index += 1
      skipWhitespace()
      if try consumeIf(UInt8(ascii: "]")) { return }
      try expect(UInt8(ascii: ","), "',' or ']' in an array")
    }
  }

  // MARK: Values

  /// Validates the next value and returns its byte range (without surrounding whitespace).
  @discardableResult
  mutating func skipValue() throws(GatewayError) -> Range<Int> {
    skipWhitespace()
    let start = position
    try skipValue(depth: 0)
    return start..<position
  }

  private mutating func skipValue(depth: Int) throws(GatewayError) {
    guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
    switch try peekKind() {
    case .object:
      try forEachMember { (_, scanner) throws(GatewayError) in
        scanner.skipWhitespace()
        try scanner.skipValue(depth: depth + 1)
      }
    case .array:
      try forEachElement { (_, scanner) throws(GatewayError) in
        scanner.skipWhitespace()
        try scanner.skipValue(depth: depth + 1)
      }
    case .string: try skipString()
    case .number: _ = try scanNumber()
    case .bool:
      if !(try consumeLiteral("true")) {
        guard try consumeLiteral("false") else { throw error("invalid literal, expected true or false") }
      }
    case .null:
      guard try consumeLiteral("null") else { throw error("invalid literal, expected null") }
    }
  }

  /// Reads a string value and returns it unescaped.
  mutating func readString() throws(GatewayError) -> String {
    var out: [UInt8] = []
    try readString(into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Reads a string value, appending its unescaped UTF-8 bytes to `out`.
  mutating func readString(into out: inout [UInt8]) throws(GatewayError) {
    skipWhitespace()
    try expect(UInt8(ascii: "\""), "'\"'")
    var runStart = position
    while true {
      guard position < bytes.count else { throw error("unterminated string") }
      let b = bytes[position]
      if b == UInt8(ascii: "\"") {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
        position += 1
        return
      }
      if b < 0x20 { throw error("control character 0x\(String(b, radix: 16)) inside a string") }
      if b == UInt8(ascii: "\\") {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
        try readEscape(into: &out)
        runStart = position
        continue
      }
      position += 1
    }
  }

  /// Reads an integer value (no fraction, no exponent) that fits 64 bits; `what` names the
  /// member for the message when it is something else.
  mutating func readInt64(_ what: String) throws(GatewayError) -> Int64 {
    let kind = try peekKind()
    let start = position
    guard kind == .number else {
      throw GatewayError(
        .invalidRequest, "\(what) must be an integer, found \(kind.article) at byte \(start)")
    }
    let isInteger = try scanNumber()
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard isInteger, let value = Int64(text) else {
      throw GatewayError(.invalidRequest, "\(what) must be an integer, found \(text) at byte \(start)")
    }
    return value
  }

  /// Reads a string value; `what` names the member for the message when it is something else.
  mutating func readString(_ what: String) throws(GatewayError) -> String {
    let kind = try peekKind()
    guard kind == .string else {
      throw GatewayError(
        .invalidRequest, "\(what) must be a string, found \(kind.article) at byte \(position)")
    }
    return try readString()
  }

  // MARK: Pieces

  private mutating func skipString() throws(GatewayError) {
    try expect(UInt8(ascii: "\""), "'\"'")
    while true {
      guard position < bytes.count else { throw error("unterminated string") }
      let b = bytes[position]
      if b == UInt8(ascii: "\"") {
        position += 1
        return
      }
      if b < 0x20 { throw error("control character 0x\(String(b, radix: 16)) inside a string") }
      if b == UInt8(ascii: "\\") {
        var discard: [UInt8] = []
        try readEscape(into: &discard)
      } else {
        position += 1
      }
    }
  }

  /// At a backslash: validates one escape and appends what it stands for.
  private mutating func readEscape(into out: inout [UInt8]) throws(GatewayError) {
    let start = position
    position += 1
    guard position < bytes.count else { throw error("unterminated escape", at: start) }
    let c = bytes[position]
    position += 1
    switch c {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try readHex4(escapeStart: start)
      if (0xD800..<0xDC00).contains(scalar) {
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        else { throw error("a high surrogate \\u escape without its low surrogate", at: start) }
        position += 2
        let low = try readHex4(escapeStart: start)
        guard (0xDC00..<0xE000).contains(low) else {
          throw error("a high surrogate \\u escape followed by a non-low surrogate", at: start)
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00..<0xE000).contains(scalar) {
        throw error("a lone low surrogate \\u escape", at: start)
      }
      Self.appendUTF8(scalar, to: &out)
    default:
      throw error("invalid escape '\\\(Self.printable(c))'", at: start)
    }
  }

  private mutating func readHex4(escapeStart: Int) throws(GatewayError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("truncated \\u escape", at: escapeStart) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[position]
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
      default: throw error("invalid hex digit in \\u escape", at: escapeStart)
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  /// Validates a number; returns whether it is an integer (no fraction or exponent).
  private mutating func scanNumber() throws(GatewayError) -> Bool {
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, Self.isDigit(bytes[position]) else {
      throw error("invalid number: expected a digit", at: start)
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      if position < bytes.count, Self.isDigit(bytes[position]) {
        throw error("invalid number: leading zero", at: start)
      }
    } else {
      while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
    }
    var isInteger = true
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard position < bytes.count, Self.isDigit(bytes[position]) else {
        throw error("invalid number: expected a digit after '.'", at: start)
      }
      while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      isInteger = false
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard position < bytes.count, Self.isDigit(bytes[position]) else {
        throw error("invalid number: expected a digit in the exponent", at: start)
      }
      while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
    }
    return isInteger
  }

  private mutating func consumeLiteral(_ literal: StaticString) throws(GatewayError) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let matches = literal.withUTF8Buffer { expected in
      for i in 0..<count where bytes[position + i] != expected[i] { return false }
      return true
    }
    if matches { position += count }
    return matches
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(GatewayError) {
    guard position < bytes.count else { throw error("unexpected end of input, expected \(what)") }
    guard bytes[position] == byte else {
      throw error("unexpected character '\(Self.printable(bytes[position]))', expected \(what)")
    }
    position += 1
  }

  private mutating func consumeIf(_ byte: UInt8) throws(GatewayError) -> Bool {
    guard position < bytes.count else { throw error("unexpected end of input") }
    if bytes[position] == byte {
      position += 1
      return true
    }
    return false
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

  private static func printable(_ b: UInt8) -> String {
    b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
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

  /// Throws `malformedJSON` naming the first byte of an invalid UTF-8 sequence. Pure ASCII bodies
  /// (the common case) are checked with one pass over the bytes.
  static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(GatewayError) {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      var scalar: UInt32
      switch b {
      case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(b & 0x1F))
      case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(b & 0x0F))
      case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(b & 0x07))
      default: throw GatewayError(.malformedJSON, "invalid UTF-8 at byte \(i): the body must be UTF-8 JSON")
      }
      guard i + length <= n else {
        throw GatewayError(
          .malformedJSON, "truncated UTF-8 sequence at byte \(i): the body must be UTF-8 JSON")
      }
      for k in 1..<length {
        let c = bytes[i + k]
        guard c & 0xC0 == 0x80 else {
          throw GatewayError(.malformedJSON, "invalid UTF-8 at byte \(i): the body must be UTF-8 JSON")
        }
        scalar = scalar << 6 | UInt32(c & 0x3F)
      }
      guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800..<0xE000).contains(scalar) else {
        throw GatewayError(.malformedJSON, "invalid UTF-8 at byte \(i): the body must be UTF-8 JSON")
      }
      i += length
    }
  }
}
