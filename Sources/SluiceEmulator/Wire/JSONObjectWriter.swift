import SluiceCore

/// Writes one flat JSON object, field by field, in a ``WireStyle``.
///
/// Bytes are first stored into a small stack-allocated staging area with plain pointer writes
/// and appended to the output array in large chunks (when the area is full and at the end), so
/// the hot path makes almost no `Array` calls. Keys come from static strings, text from UTF-8
/// buffers (escaped as JSON requires: `"`, `\`, control characters, and non-ASCII when the style
/// is ASCII-only), numbers are formatted digit by digit. Nothing allocates per field.
struct JSONObjectWriter {
  /// Bytes staged before they are appended to the output (stays within stack-allocation limits).
  static let stagingCapacity = 1024

  let style: WireStyle
  private var fields = 0
  private let staging: UnsafeMutablePointer<UInt8>
  private var used = 0

  private init(style: WireStyle, staging: UnsafeMutablePointer<UInt8>) {
    self.style = style
    self.staging = staging
  }

  /// Runs `body` with a writer whose output ends up appended to `out` (`body` must pass `out`
  /// to every writer call).
  static func write(
    style: WireStyle, to out: inout [UInt8], _ body: (inout JSONObjectWriter, inout [UInt8]) -> Void
  ) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stagingCapacity) { buffer in
      var writer = JSONObjectWriter(style: style, staging: buffer.baseAddress!)
      body(&writer, &out)
      writer.flush(&out)
    }
  }

  // MARK: - Staging

  @inline(__always) mutating func put(_ byte: UInt8, _ out: inout [UInt8]) {
    if used == Self.stagingCapacity { flush(&out) }
    staging[used] = byte
    used += 1
  }

  @inline(__always) mutating func put(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ out: inout [UInt8]) {
    if used + count > Self.stagingCapacity {
      flush(&out)
      if count > Self.stagingCapacity {
        out.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        return
      }
    }
    (staging + used).update(from: bytes, count: count)
    used += count
  }

  @inline(__always) mutating func put(_ text: StaticString, _ out: inout [UInt8]) {
    put(text.utf8Start, text.utf8CodeUnitCount, &out)
  }

  mutating func flush(_ out: inout [UInt8]) {
    guard used > 0 else { return }
    out.append(contentsOf: UnsafeBufferPointer(start: staging, count: used))
    used = 0
  }

  // MARK: - JSON

  mutating func begin(_ out: inout [UInt8]) {
    put(UInt8(ascii: "{"), &out)
    fields = 0
  }

  mutating func end(_ out: inout [UInt8]) {
    put(UInt8(ascii: "}"), &out)
  }

  /// `"name": ` (or `"name":` in compact style), preceded by the separator when needed.
  mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
    if fields > 0 {
      put(UInt8(ascii: ","), &out)
      if !style.compact { put(UInt8(ascii: " "), &out) }
    }
    fields += 1
    put(UInt8(ascii: "\""), &out)
    put(name, &out)
    put(UInt8(ascii: "\""), &out)
    put(UInt8(ascii: ":"), &out)
    if !style.compact { put(UInt8(ascii: " "), &out) }
  }

  /// A JSON string holding the UTF-8 text `raw`.
  mutating func string(_ raw: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
    put(UInt8(ascii: "\""), &out)
    putEscaped(raw, &out)
    put(UInt8(ascii: "\""), &out)
  }

  mutating func string(_ raw: [UInt8], _ out: inout [UInt8]) {
    raw.withUnsafeBufferPointer { string($0, &out) }
  }

  mutating func string(_ raw: ArraySlice<UInt8>, _ out: inout [UInt8]) {
    raw.withUnsafeBufferPointer { string($0, &out) }
  }

  mutating func string(_ raw: StaticString, _ out: inout [UInt8]) {
    string(UnsafeBufferPointer(start: raw.utf8Start, count: raw.utf8CodeUnitCount), &out)
  }

  /// An integer: a JSON number, or a string in the stringly style.
  mutating func integer(_ value: Int, _ out: inout [UInt8]) {
    if style.stringNumbers { put(UInt8(ascii: "\""), &out) }
    putDecimal(value, width: 1, &out)
    if style.stringNumbers { put(UInt8(ascii: "\""), &out) }
  }

  /// A double rounded to `significant` digits the way a MySQL `FLOAT` prints (`-89.9787`,
  /// `-5.34445`, `-173.293`), always with a fraction part (`12.0`).
  mutating func decimal(_ value: Double, significant: Int, _ out: inout [UInt8]) {
    if style.stringNumbers { put(UInt8(ascii: "\""), &out) }
    let magnitude = abs(value)
    var integerDigits = 0
    var limit = 1.0
    while magnitude >= limit && integerDigits < significant {
      integerDigits += 1
      limit *= 10
    }
    let fractionDigits = max(1, significant - integerDigits)
    var scale = 1
    for _ in 0..<fractionDigits { scale *= 10 }
    let scaled = Int((magnitude * Double(scale)).rounded())
    if value < 0 && scaled != 0 { put(UInt8(ascii: "-"), &out) }
    putDecimal(scaled / scale, width: 1, &out)
    put(UInt8(ascii: "."), &out)
    var fraction = scaled % scale
    var width = fractionDigits
    while width > 1 && fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    putDecimal(fraction, width: width, &out)
    if style.stringNumbers { put(UInt8(ascii: "\""), &out) }
  }

  /// A date-time string `YYYY-MM-DD HH:MM:SS` (or with `T` in the ISO style), UTC.
  mutating func timestamp(epochSeconds: Int, _ out: inout [UInt8]) {
    let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    let seconds = epochSeconds - days * 86_400
    let (year, month, day) = Timestamp.civilFromDays(days)
    put(UInt8(ascii: "\""), &out)
    putDecimal(year, width: 4, &out)
    put(UInt8(ascii: "-"), &out)
    putDecimal(month, width: 2, &out)
    put(UInt8(ascii: "-"), &out)
    putDecimal(day, width: 2, &out)
    put(style.isoTimestamps ? UInt8(ascii: "T") : UInt8(ascii: " "), &out)
    putDecimal(seconds / 3600, width: 2, &out)
    put(UInt8(ascii: ":"), &out)
    putDecimal(seconds / 60 % 60, width: 2, &out)
    put(UInt8(ascii: ":"), &out)
    putDecimal(seconds % 60, width: 2, &out)
    put(UInt8(ascii: "\""), &out)
  }

  mutating func putDecimal(_ value: Int, width: Int, _ out: inout [UInt8]) {
    Self.withDecimalDigits(value, width: width) { digits in
      put(digits.baseAddress!.assumingMemoryBound(to: UInt8.self), digits.count, &out)
    }
  }

  /// Calls `body` with the decimal digits of `value` (sign included), left-padded with zeros to
  /// `width`, formatted in stack memory.
  static func withDecimalDigits(_ value: Int, width: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
    var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &scratch) { bytes in
      var v = value.magnitude
      var n = 0
      repeat {
        bytes[23 - n] = UInt8(truncatingIfNeeded: v % 10) + 48
        v /= 10
        n += 1
      } while v > 0 && n < 23
      while n < width && n < 23 {
        bytes[23 - n] = 48
        n += 1
      }
      if value < 0 {
        bytes[23 - n] = UInt8(ascii: "-")
        n += 1
      }
      body(UnsafeRawBufferPointer(rebasing: bytes[(24 - n)...]))
    }
  }

  /// Decimal digits of `value`, left-padded with zeros to `width`, appended to an array.
  static func appendDecimal(_ value: Int, width: Int = 1, to out: inout [UInt8]) {
    withDecimalDigits(value, width: width) { out.append(contentsOf: $0) }
  }

  // MARK: - Escaping

  /// `raw` (UTF-8) as JSON string content. Safe runs are found eight bytes at a time and
  /// copied in one go.
  mutating func putEscaped(_ raw: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
    let count = raw.count
    guard let base = raw.baseAddress else { return }
    let asciiOnly = style.asciiOnly
    let highMask: UInt64 = asciiOnly ? 0x8080_8080_8080_8080 : 0
    var i = 0
    var runStart = 0
    while i < count {
      if i + 8 <= count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let special = Self.needsEscapeMask(word) | (word & highMask)
        if special == 0 {
          i += 8
          continue
        }
        i += special.trailingZeroBitCount >> 3
      }
      let b = base[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && (b < 0x80 || !asciiOnly) {
        i += 1
        continue
      }
      if i > runStart { put(base + runStart, i - runStart, &out) }
      switch b {
      case UInt8(ascii: "\""):
        put("\\\"", &out)
        i += 1
      case UInt8(ascii: "\\"):
        put("\\\\", &out)
        i += 1
      case 0x0A:
        put("\\n", &out)
        i += 1
      case 0x09:
        put("\\t", &out)
        i += 1
      case 0x0D:
        put("\\r", &out)
        i += 1
      case 0..<0x20:
        putUnicodeEscape(UInt32(b), &out)
        i += 1
      default:
        let (scalar, length) = Self.decodeUTF8(raw, at: i)
        if scalar >= 0x10000 {
          let v = scalar - 0x10000
          putUnicodeEscape(0xD800 + (v >> 10), &out)
          putUnicodeEscape(0xDC00 + (v & 0x3FF), &out)
        } else {
          putUnicodeEscape(scalar, &out)
        }
        i += length
      }
      runStart = i
    }
    if count > runStart { put(base + runStart, count - runStart, &out) }
  }

  /// High bit set in each byte of `word` that is `"`, `\` or a control character; the lowest
  /// set bit marks the first such byte exactly.
  @inline(__always) static func needsEscapeMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quoteZero = (quote &- ones) & ~quote
    let backslashZero = (backslash &- ones) & ~backslash
    let control = (word &- ones &* 0x20) & ~word
    return (quoteZero | backslashZero | control) & 0x8080_8080_8080_8080
  }

  /// `\u00a0` (lower-case hex, as Python writes it).
  mutating func putUnicodeEscape(_ unit: UInt32, _ out: inout [UInt8]) {
    let hex: StaticString = "0123456789abcdef"
    put(UInt8(ascii: "\\"), &out)
    put(UInt8(ascii: "u"), &out)
    for shift in stride(from: 12, through: 0, by: -4) {
      put(hex.utf8Start[Int((unit >> UInt32(shift)) & 0xF)], &out)
    }
  }

  /// The scalar starting at `i` of well-formed UTF-8 and its length (U+FFFD, 1 when malformed).
  static func decodeUTF8(_ raw: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let b0 = UInt32(raw[i])
    func continuation(_ k: Int) -> UInt32? {
      guard i + k < raw.count, raw[i + k] & 0xC0 == 0x80 else { return nil }
      return UInt32(raw[i + k] & 0x3F)
    }
    if b0 & 0xE0 == 0xC0, let c1 = continuation(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
    if b0 & 0xF0 == 0xE0, let c1 = continuation(1), let c2 = continuation(2) {
      return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
    }
    if b0 & 0xF8 == 0xF0, let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) {
      return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
    }
    return (0xFFFD, 1)
  }
}
