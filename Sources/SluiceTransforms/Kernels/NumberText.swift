#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte-level parsing and formatting of numbers and booleans with Spark's (non-ANSI) `cast`
/// rules. Nothing here allocates per value except ``appendDouble(_:to:)``.
enum NumberText {
  @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// `text` without leading and trailing ASCII whitespace (Spark trims before casting).
  @inline(__always) static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = text.count
    while start < end, isSpace(text[start]) { start += 1 }
    while end > start, isSpace(text[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: text[start..<end])
  }

  /// Spark's string → integral cast: optional sign, at least one digit, optionally a `.`
  /// followed by digits that are truncated (`"1.9"` → 1). Out of the `Int64` range → `nil`.
  /// The caller trims whitespace first.
  static func parseInteger(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
    let n = text.count
    var i = 0
    var negative = false
    if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
      negative = text[i] == UInt8(ascii: "-")
      i += 1
    }
    let firstDigit = i
    // Accumulate as a negative number so that Int64.min parses.
    var value: Int64 = 0
    while i < n, text[i] &- 48 < 10 {
      let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
      let (next, o2) = shifted.subtractingReportingOverflow(Int64(text[i] &- 48))
      if o1 || o2 { return nil }
      value = next
      i += 1
    }
    guard i > firstDigit else { return nil }
    if i < n, text[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, text[i] &- 48 < 10 { i += 1 }
    }
    guard i == n else { return nil }
    if negative { return value }
    return value == Int64.min ? nil : -value
  }

  /// Spark's string → double cast: a decimal or scientific number, `Infinity`/`inf`/`NaN`
  /// (any case, optional sign). The caller trims whitespace first.
  static func parseDouble(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    let n = text.count
    guard n > 0, n < 400 else { return nil }
    // Allow only the characters of a decimal number or of inf/infinity/nan; this rules out
    // strtod's hexadecimal form and locale surprises.
    for byte in text {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "n"),
        UInt8(ascii: "N"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "t"), UInt8(ascii: "T"),
        UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "a"), UInt8(ascii: "A"):
        continue
      default:
        return nil
      }
    }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
      for i in 0..<n { buffer[i] = CChar(bitPattern: text[i]) }
      buffer[n] = 0
      var end: UnsafeMutablePointer<CChar>?
      let value = strtod(buffer.baseAddress!, &end)
      guard let end, end == buffer.baseAddress! + n else { return nil }
      return value
    }
  }

  /// Spark's string → boolean cast: `t, true, y, yes, 1` → true and `f, false, n, no, 0` →
  /// false, case-insensitive; anything else → `nil`. The caller trims whitespace first.
  static func parseBoolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
    switch text.count {
    case 1:
      switch text[0] | 0x20 {
      case UInt8(ascii: "t"), UInt8(ascii: "y"): return true
      case UInt8(ascii: "f"), UInt8(ascii: "n"): return false
      default: break
      }
      if text[0] == UInt8(ascii: "1") { return true }
      if text[0] == UInt8(ascii: "0") { return false }
      return nil
    case 2: return matchesLowercased(text, "no") ? false : nil
    case 3: return matchesLowercased(text, "yes") ? true : nil
    case 4: return matchesLowercased(text, "true") ? true : nil
    case 5: return matchesLowercased(text, "false") ? false : nil
    default: return nil
    }
  }

  private static func matchesLowercased(_ text: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard text.count == word.utf8CodeUnitCount else { return false }
    let expected = word.utf8Start
    for i in 0..<text.count where text[i] | 0x20 != expected[i] { return false }
    return true
  }

  /// Appends the decimal digits of `value` (with a leading `-` when negative).
  static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var count = 0
      repeat {
        digits[19 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
        magnitude /= 10
        count += 1
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)..<20]))
    }
  }

  /// Appends Swift's shortest round-trip form of `value` (`-89.9787`, `6000000.0`, `1e+16`,
  /// `nan`, `inf`). Allocates a `String`: not used on cleaner paths.
  static func appendDouble(_ value: Double, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: value.description.utf8)
  }
}
