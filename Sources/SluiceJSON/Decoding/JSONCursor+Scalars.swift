import SluiceCore

/// Readers for the scalar column types. Each reads the value at the cursor (which is not at the
/// end and not at `null`), moves past it and returns it in the column's physical form, or throws
/// a type-mismatch / out-of-range error naming the field.
extension JSONCursor {
  /// A JSON number, or a string whose whole content is a number (when the options allow it).
  @inline(__always)
  mutating func readNumber(_ ctx: FieldContext, kindIndex k: Int) throws(JSONDecodingError) -> ScannedNumber {
    let start = position
    let first = base[position]
    if first == UInt8(ascii: "\"") {
      guard ctx.options.acceptsNumericStrings else {
        throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
      }
      position += 1
      let span = try scanStringBody()
      guard !span.escaped,
        let number = ScannedNumber.scan(base, from: span.start, limit: span.end, allowLeadingZeros: true),
        number.end == span.end
      else { throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start) }
      return number
    }
    guard first == UInt8(ascii: "-") || first &- 48 < 10 else {
      throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    }
    return try scanNumber()
  }

  /// An integer; integral doubles (`20.0`) are accepted, others rejected.
  @inline(__always)
  mutating func readInteger(_ ctx: FieldContext, kindIndex k: Int) throws(JSONDecodingError) -> Int64 {
    let start = position
    let number = try readNumber(ctx, kindIndex: k)
    switch number.exactInteger() {
    case .value(let v): return v
    case .notIntegral: throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    case .outOfRange: throw ctx.outOfRange(kindIndex: k, text: number.text(base))
    }
  }

  @inline(__always)
  mutating func readDouble(_ ctx: FieldContext, kindIndex k: Int) throws(JSONDecodingError) -> Double {
    let number = try readNumber(ctx, kindIndex: k)
    let value = number.doubleValue(base)
    guard value.isFinite else { throw ctx.outOfRange(kindIndex: k, text: number.text(base)) }
    return value
  }

  /// `true`/`false`, the numbers `0`/`1`, and (when allowed) the strings "true", "false", "0", "1".
  mutating func readBoolean(_ ctx: FieldContext, kindIndex k: Int) throws(JSONDecodingError) -> Bool {
    let start = position
    switch base[position] {
    case UInt8(ascii: "t"):
      try consumeLiteral("true")
      return true
    case UInt8(ascii: "f"):
      try consumeLiteral("false")
      return false
    case UInt8(ascii: "\""):
      guard ctx.options.acceptsNumericStrings else {
        throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
      }
      position += 1
      let span = try scanStringBody()
      if !span.escaped {
        let text = rawBytes(span)
        if text.elementsEqual("true".utf8) || text.elementsEqual("1".utf8) { return true }
        if text.elementsEqual("false".utf8) || text.elementsEqual("0".utf8) { return false }
      }
      throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let number = try scanNumber()
      if case .value(let v) = number.exactInteger(), v == 0 || v == 1 { return v == 1 }
      throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    default:
      throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    }
  }

  /// A date-time string (`2020-08-28 03:52:47`, `2020-08-28T03:52:47.5Z`, ... see
  /// `Timestamp.parseMicros`) or a number in the options' ``JSONDecodingOptions/numericTimestampUnit``.
  mutating func readTimestamp(_ ctx: FieldContext, kindIndex k: Int) throws(JSONDecodingError) -> Int64 {
    let start = position
    let first = base[position]
    if first == UInt8(ascii: "\"") {
      position += 1
      let span = try scanStringBody()
      let micros: Int64?
      if span.escaped {
        var unescaped: [UInt8] = []
        appendUnescaped(span, to: &unescaped)
        micros = unescaped.withUnsafeBytes { Timestamp.parseMicros($0) }
      } else {
        micros = Timestamp.parseMicros(rawBytes(span))
      }
      guard let micros else { throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start) }
      return micros
    }
    let factor: Int64
    switch ctx.options.numericTimestampUnit {
    case .seconds: factor = 1_000_000
    case .milliseconds: factor = 1000
    case .microseconds: factor = 1
    case .reject: throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    }
    guard first == UInt8(ascii: "-") || first &- 48 < 10 else {
      throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    }
    let number = try scanNumber()
    switch number.exactInteger() {
    case .value(let v):
      let (micros, overflow) = v.multipliedReportingOverflow(by: factor)
      guard !overflow else { throw ctx.outOfRange(kindIndex: k, text: number.text(base)) }
      return micros
    case .outOfRange:
      throw ctx.outOfRange(kindIndex: k, text: number.text(base))
    case .notIntegral:
      let scaled = (number.doubleValue(base) * Double(factor)).rounded(.towardZero)
      guard let micros = Int64(exactly: scaled) else {
        throw ctx.outOfRange(kindIndex: k, text: number.text(base))
      }
      return micros
    }
  }

  /// A `YYYY-MM-DD` string (a longer date-time is truncated to its date) or an integer number of
  /// days since 1970-01-01.
  mutating func readDate(_ ctx: FieldContext, kindIndex k: Int) throws(JSONDecodingError) -> Int32 {
    let start = position
    let first = base[position]
    if first == UInt8(ascii: "\"") {
      position += 1
      let span = try scanStringBody()
      guard !span.escaped, let days = Timestamp.parseDays(rawBytes(span)) else {
        throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
      }
      return days
    }
    guard first == UInt8(ascii: "-") || first &- 48 < 10 else {
      throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    }
    let number = try scanNumber()
    switch number.exactInteger() {
    case .value(let v):
      guard let days = Int32(exactly: v) else { throw ctx.outOfRange(kindIndex: k, text: number.text(base)) }
      return days
    case .outOfRange: throw ctx.outOfRange(kindIndex: k, text: number.text(base))
    case .notIntegral: throw ctx.mismatch(kindIndex: k, cursor: self, valueStart: start)
    }
  }
}
