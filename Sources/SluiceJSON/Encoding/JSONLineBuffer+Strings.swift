/// JSON string literals: UTF-8 passes through unchanged; `"`, `\` and the control characters
/// below U+0020 are escaped (`\"`, `\\`, `\n`, `\r`, `\t`, otherwise `\u00xx` in lowercase hex).
///
/// The scan for bytes that need escaping looks at 8 bytes at a time (SWAR): a word is copied
/// as it is unless one of its bytes is `< 0x20`, `0x22` or `0x5C`, which is found with the
/// usual "has a zero / has a byte below n" bit tricks, so clean text costs one load, a few ALU
/// operations and one store per 8 bytes.
extension JSONLineBuffer {
  /// Appends `length` bytes at `bytes` as a quoted, escaped JSON string.
  @inline(__always) mutating func appendString(_ bytes: UnsafePointer<UInt8>?, length: Int) {
    // Worst case: every byte becomes `\u00xx` (6 bytes), plus the quotes and one word of slack
    // for the whole-word stores.
    reserve(length &* 6 &+ 2 &+ 8)
    put(UInt8(ascii: "\""))
    if let bytes, length > 0 { appendEscaped(bytes, length: length) }
    put(UInt8(ascii: "\""))
  }

  /// Appends `bytes` as a quoted, escaped JSON string (not for hot paths: key names).
  mutating func appendString<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    let array = Array(bytes)
    array.withUnsafeBufferPointer { appendString($0.baseAddress, length: $0.count) }
  }

  /// The escaping copy; room for `length * 6 + 8` bytes must have been reserved.
  @inline(__always) private mutating func appendEscaped(_ bytes: UnsafePointer<UInt8>, length: Int) {
    let source = UnsafeRawPointer(bytes)
    var index = 0
    while index &+ 8 <= length {
      let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      UnsafeMutableRawPointer(end).storeBytes(of: word, as: UInt64.self)
      let special = Self.specialBytes(UInt64(littleEndian: word))
      if special == 0 {
        advance(8)
        index &+= 8
        continue
      }
      // The lowest flagged byte is the first one that needs escaping; the bytes before it were
      // stored as they are.
      let clean = special.trailingZeroBitCount &>> 3
      advance(clean)
      appendEscape(bytes[index &+ clean])
      index &+= clean &+ 1
    }
    while index < length {
      let byte = bytes[index]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C {
        appendEscape(byte)
      } else {
        put(byte)
      }
      index &+= 1
    }
  }

  /// The high bit of each byte of `word` (little-endian order) that is `< 0x20`, `0x22` or
  /// `0x5C` is set; bytes above the first flagged one may be flagged spuriously (borrows), the
  /// lowest flag is always exact.
  @inline(__always) static func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quoteZero = (quote &- ones) & ~quote
    let backslashZero = (backslash &- ones) & ~backslash
    return (control | quoteZero | backslashZero) & highs
  }

  /// Writes the escape sequence of one byte that needs it (room must have been reserved).
  @inline(__always) private mutating func appendEscape(_ byte: UInt8) {
    put(0x5C)
    switch byte {
    case 0x22: put(0x22)
    case 0x5C: put(0x5C)
    case 0x0A: put(UInt8(ascii: "n"))
    case 0x0D: put(UInt8(ascii: "r"))
    case 0x09: put(UInt8(ascii: "t"))
    default:
      put(UInt8(ascii: "u"))
      put(UInt8(ascii: "0"))
      put(UInt8(ascii: "0"))
      put(Self.hexDigit(byte >> 4))
      put(Self.hexDigit(byte & 0xF))
    }
  }

  @inline(__always) static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble
  }
}
