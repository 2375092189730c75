/// A decimal number read from JSON text without allocating: `±mantissa × 10^exponent`.
///
/// Up to 19 significant digits are kept exactly; further non-zero digits set ``truncated``.
/// Conversions are exact for integers (``exactInteger(_:)``) and correctly rounded for doubles
/// (Clinger's fast path, falling back to the standard library parser for hard cases).
struct ScannedNumber {
  var negative = false
  var mantissa: UInt64 = 0
  var exponent = 0
  /// The text has neither a fraction nor an exponent part.
  var isInteger = true
  /// Non-zero digits were dropped from the integer part (the value has > 19 significant digits).
  var truncatedInteger = false
  /// Non-zero digits were dropped from the fraction part.
  var truncatedFraction = false
  /// The text span the number occupies.
  var start = 0
  var end = 0

  enum IntegerResult {
    case value(Int64)
    case notIntegral
    case outOfRange
  }

  /// Scans the number grammar of RFC 8259 starting at `start`, stopping at the first byte that
  /// cannot continue it. `allowLeadingZeros` relaxes `0` followed by digits (for numeric
  /// strings such as `"007"`). Returns `nil` when the text is not a number.
  @inline(__always)
  static func scan(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int, allowLeadingZeros: Bool)
    -> ScannedNumber?
  {
    var n = ScannedNumber()
    n.start = start
    var i = start
    if i < limit, base[i] == UInt8(ascii: "-") {
      n.negative = true
      i += 1
    }
    guard i < limit, base[i] &- 48 < 10 else { return nil }
    if base[i] == UInt8(ascii: "0") && !allowLeadingZeros {
      i += 1
      if i < limit, base[i] &- 48 < 10 { return nil }
    } else {
      while i < limit {
        let d = base[i] &- 48
        guard d < 10 else { break }
        n.accumulate(d, inFraction: false)
        i += 1
      }
    }
    if i < limit, base[i] == UInt8(ascii: ".") {
      n.isInteger = false
      i += 1
      guard i < limit, base[i] &- 48 < 10 else { return nil }
      while i < limit {
        let d = base[i] &- 48
        guard d < 10 else { break }
        n.accumulate(d, inFraction: true)
        i += 1
      }
    }
    if i < limit, base[i] | 0x20 == UInt8(ascii: "e") {
      n.isInteger = false
      i += 1
      var sign = 1
      if i < limit, base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-") {
        if base[i] == UInt8(ascii: "-") { sign = -1 }
        i += 1
      }
      guard i < limit, base[i] &- 48 < 10 else { return nil }
      var e = 0
      while i < limit {
        let d = base[i] &- 48
        guard d < 10 else { break }
        if e < 100_000 { e = e * 10 + Int(d) }
        i += 1
      }
      n.exponent += sign * e
    }
    n.end = i
    return n
  }

  @inline(__always) private mutating func accumulate(_ digit: UInt8, inFraction: Bool) {
    if mantissa < 1_000_000_000_000_000_000 {
      mantissa = mantissa &* 10 &+ UInt64(digit)
      if inFraction { exponent -= 1 }
    } else {
      if !inFraction { exponent += 1 }
      if digit != 0 {
        if inFraction { truncatedFraction = true } else { truncatedInteger = true }
      }
    }
  }

  /// The value as an exact 64-bit integer (`20.0` and `2e1` count as 20).
  func exactInteger() -> IntegerResult {
    if truncatedInteger { return .outOfRange }
    if truncatedFraction { return .notIntegral }
    var m = mantissa
    var e = exponent
    if m == 0 { return .value(0) }
    while e < 0 {
      guard m % 10 == 0 else { return .notIntegral }
      m /= 10
      e += 1
    }
    while e > 0 {
      let (product, overflow) = m.multipliedReportingOverflow(by: 10)
      if overflow { return .outOfRange }
      m = product
      e -= 1
    }
    if negative {
      if m == UInt64(Int64.max) + 1 { return .value(Int64.min) }
      return m <= UInt64(Int64.max) ? .value(-Int64(m)) : .outOfRange
    }
    return m <= UInt64(Int64.max) ? .value(Int64(m)) : .outOfRange
  }

  /// The nearest double (may be infinite for huge exponents).
  func doubleValue(_ base: UnsafePointer<UInt8>) -> Double {
    if mantissa == 0 && !truncatedInteger && !truncatedFraction { return negative ? -0.0 : 0.0 }
    if !truncatedInteger && !truncatedFraction && mantissa <= 1 << 53 && exponent >= -22
      && exponent <= 22
    {
      var value = Double(mantissa)
      if exponent < 0 {
        value /= Self.powerOfTen(-exponent)
      } else if exponent > 0 {
        value *= Self.powerOfTen(exponent)
      }
      return negative ? -value : value
    }
    let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    return Double(text) ?? .nan
  }

  /// The JSON text of the number (error messages).
  func text(_ base: UnsafePointer<UInt8>) -> String {
    String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
  }

  /// 10^e for 0 ≤ e ≤ 22, all exactly representable as doubles.
  @inline(__always) static func powerOfTen(_ e: Int) -> Double {
    switch e {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }
}
