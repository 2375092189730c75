import SluiceCore

/// Appends one flat JSON object to a byte buffer, field by field, in a ``WireStyle``.
///
/// Everything is byte appends: keys come from static strings, text from UTF-8 buffers
/// (escaped as JSON requires: `"`, `\`, control characters, and non-ASCII when the style is
/// ASCII-only), numbers are formatted digit by digit. Nothing allocates per field.
struct JSONObjectWriter {
  let style: WireStyle
  private var fields = 0

  init(style: WireStyle) {
    self.style = style
  }

  mutating func begin(_ out: inout [UInt8]) {
    out.append(UInt8(ascii: "{"))
    fields = 0
  }

  func end(_ out: inout [UInt8]) {
    out.append(UInt8(ascii: "}"))
  }

  /// `"name": ` (or `"name":` in compact style), preceded by the separator when needed.
  mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
    if fields > 0 {
      out.append(UInt8(ascii: ","))
      if !style.compact { out.append(UInt8(ascii: " ")) }
    }
    fields += 1
    out.append(UInt8(ascii: "\""))
    out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    out.append(UInt8(ascii: "\""))
    out.append(UInt8(ascii: ":"))
    if !style.compact { out.append(UInt8(ascii: " ")) }
  }

  /// A JSON string holding the UTF-8 text `raw`.
  func string(_ raw: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    Self.appendEscaped(raw, asciiOnly: style.asciiOnly, to: &out)
    out.append(UInt8(ascii: "\""))
  }

  func string(_ raw: [UInt8], _ out: inout [UInt8]) {
    raw.withUnsafeBufferPointer { string($0, &out) }
  }

  func string(_ raw: StaticString, _ out: inout [UInt8]) {
    string(UnsafeBufferPointer(start: raw.utf8Start, count: raw.utf8CodeUnitCount), &out)
  }

  /// An integer: a JSON number, or a string in the stringly style.
  func integer(_ value: Int, _ out: inout [UInt8]) {
    if style.stringNumbers { out.append(UInt8(ascii: "\"")) }
    Self.appendDecimal(value, to: &out)
    if style.stringNumbers { out.append(UInt8(ascii: "\"")) }
  }

  /// A double rounded to `significant` digits the way a MySQL `FLOAT` prints (`-89.9787`,
  /// `-5.34445`, `-173.293`), always with a fraction part (`12.0`).
  func decimal(_ value: Double, significant: Int, _ out: inout [UInt8]) {
    if style.stringNumbers { out.append(UInt8(ascii: "\"")) }
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
    if value < 0 && scaled != 0 { out.append(UInt8(ascii: "-")) }
    Self.appendDecimal(scaled / scale, to: &out)
    out.append(UInt8(ascii: "."))
    var fraction = scaled % scale
    var width = fractionDigits
    while width > 1 && fraction % 10 == 0 {
      fraction /= 10
      width -= 1
    }
    Self.appendDecimal(fraction, width: width, to: &out)
    if style.stringNumbers { out.append(UInt8(ascii: "\"")) }
  }

  /// A date-time string `YYYY-MM-DD HH:MM:SS` (or with `T` in the ISO style), UTC.
  func timestamp(epochSeconds: Int, _ out: inout [UInt8]) {
    let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    let seconds = epochSeconds - days * 86_400
    let (year, month, day) = Timestamp.civilFromDays(days)
    out.append(UInt8(ascii: "\""))
    Self.appendDecimal(year, width: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    Self.appendDecimal(month, width: 2, to: &out)
    out.append(UInt8(ascii: "-"))
    Self.appendDecimal(day, width: 2, to: &out)
    out.append(style.isoTimestamps ? UInt8(ascii: "T") : UInt8(ascii: " "))
    Self.appendDecimal(seconds / 3600, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    Self.appendDecimal(seconds / 60 % 60, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    Self.appendDecimal(seconds % 60, width: 2, to: &out)
    out.append(UInt8(ascii: "\""))
  }

  /// Decimal digits of `value`, left-padded with zeros to `width`.
  static func appendDecimal(_ value: Int, width: Int = 1, to out: inout [UInt8]) {
    var v = value
    if v < 0 {
      out.append(UInt8(ascii: "-"))
      v = -v
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch on the stack
    let written = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
      var n = 0
      repeat {
        scratch[23 - n] = UInt8(truncatingIfNeeded: v % 10) + 48
        v /= 10
        n += 1
      } while v > 0 && n < 24
      while n < width && n < 24 {
        scratch[23 - n] = 48
        n += 1
      }
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[(24 - n)...]))
      return n
    }
    _ = written
  }

  /// Appends `raw` (UTF-8) as JSON string content. Safe runs are copied in one go.
  static func appendEscaped(_ raw: UnsafeBufferPointer<UInt8>, asciiOnly: Bool, to out: inout [UInt8]) {
    let limit: UInt8 = asciiOnly ? 0x80 : 0xFF
    var i = 0
    var runStart = 0
    let count = raw.count
    while i < count {
      let b = raw[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && (b < limit || limit == 0xFF) {
        i += 1
        continue
      }
      if i > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<i])) }
      switch b {
      case UInt8(ascii: "\""):
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "\""))
        i += 1
      case UInt8(ascii: "\\"):
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "\\"))
        i += 1
      case 0x0A:
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "n"))
        i += 1
      case 0x09:
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "t"))
        i += 1
      case 0x0D:
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "r"))
        i += 1
      case 0..<0x20:
        appendUnicodeEscape(UInt32(b), to: &out)
        i += 1
      default:
        let (scalar, length) = decodeUTF8(raw, at: i)
        if scalar >= 0x10000 {
          let v = scalar - 0x10000
          appendUnicodeEscape(0xD800 + (v >> 10), to: &out)
          appendUnicodeEscape(0xDC00 + (v & 0x3FF), to: &out)
        } else {
          appendUnicodeEscape(scalar, to: &out)
        }
        i += length
      }
      runStart = i
    }
    if count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<count])) }
  }

  /// `\u00a0` (lower-case hex, as Python writes it).
  static func appendUnicodeEscape(_ unit: UInt32, to out: inout [UInt8]) {
    let hex: StaticString = "0123456789abcdef"
    out.append(UInt8(ascii: "\\"))
    out.append(UInt8(ascii: "u"))
    for shift in stride(from: 12, through: 0, by: -4) {
      out.append(hex.utf8Start[Int((unit >> UInt32(shift)) & 0xF)])
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
