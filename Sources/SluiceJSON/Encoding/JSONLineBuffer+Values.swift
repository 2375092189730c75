import SluiceCore

/// The JSON spelling of each value type, written straight into the buffer (no `String` except
/// for non-integral doubles, whose shortest form comes from Swift's `description`).
extension JSONLineBuffer {
  @inline(__always) mutating func appendNull() {
    reserve(4)
    end.storeLiteral(0x6C6C_756E)  // "null"
    advance(4)
  }

  @inline(__always) mutating func appendBool(_ value: Bool) {
    reserve(5)
    if value {
      end.storeLiteral(0x6575_7274)  // "true"
      advance(4)
    } else {
      end.storeLiteral(0x736C_6166)  // "fals"
      end[4] = UInt8(ascii: "e")
      advance(5)
    }
  }

  /// Decimal digits, with a leading `-` for negative values.
  mutating func appendInteger(_ value: Int64) {
    reserve(20)
    if value < 0 { put(UInt8(ascii: "-")) }
    appendDigits(value.magnitude)
  }

  /// The decimal digits of `value` (room for 20 bytes must have been reserved).
  @inline(__always) mutating func appendDigits(_ value: UInt64) {
    var digits = 1
    var power: UInt64 = 10
    while digits < 20 && value >= power {
      digits += 1
      power &*= 10
    }
    var rest = value
    var position = count + digits
    repeat {
      position -= 1
      storage[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
      rest /= 10
    } while rest > 0
    advance(digits)
  }

  /// `value` zero-padded to `width` digits (it must fit; room must have been reserved).
  @inline(__always) mutating func appendPadded(_ value: Int, width: Int) {
    var rest = value
    var position = count + width
    while position > count {
      position -= 1
      storage[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
      rest /= 10
    }
    advance(width)
  }

  /// Integral values below 10^15 as `123.0`, other finite values in Swift's shortest round-trip
  /// form, non-finite values as `null`.
  mutating func appendDouble(_ value: Double) {
    guard value.isFinite else { return appendNull() }
    if value.rounded() == value, abs(value) < 1e15 {
      appendInteger(Int64(value))
      reserve(2)
      put(UInt8(ascii: "."))
      put(UInt8(ascii: "0"))
      return
    }
    var text = value.description
    text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  /// `"2020-08-28T03:52:47"`, with `.ffffff` when there are sub-seconds (UTC, no zone).
  mutating func appendTimestamp(micros: Int64) {
    let days = Self.floorDivide(micros, 86_400_000_000)
    let (year, month, day) = Timestamp.civilFromDays(Int(days))
    guard (0...9999).contains(year) else {
      return appendPlainQuoted(Timestamp.isoString(micros: micros))
    }
    let rest = micros - days * 86_400_000_000
    let seconds = Int(rest / 1_000_000)
    let fraction = Int(rest % 1_000_000)
    reserve(28)
    put(UInt8(ascii: "\""))
    appendDate(year: year, month: month, day: day)
    put(UInt8(ascii: "T"))
    appendPadded(seconds / 3600, width: 2)
    put(UInt8(ascii: ":"))
    appendPadded(seconds / 60 % 60, width: 2)
    put(UInt8(ascii: ":"))
    appendPadded(seconds % 60, width: 2)
    if fraction != 0 {
      put(UInt8(ascii: "."))
      appendPadded(fraction, width: 6)
    }
    put(UInt8(ascii: "\""))
  }

  /// `"YYYY-MM-DD"`.
  mutating func appendDate(days: Int32) {
    let (year, month, day) = Timestamp.civilFromDays(Int(days))
    guard (0...9999).contains(year) else { return appendPlainQuoted(Timestamp.isoDateString(days: days)) }
    reserve(12)
    put(UInt8(ascii: "\""))
    appendDate(year: year, month: month, day: day)
    put(UInt8(ascii: "\""))
  }

  /// `YYYY-MM-DD` for a four-digit year (room must have been reserved).
  @inline(__always) private mutating func appendDate(year: Int, month: Int, day: Int) {
    appendPadded(year, width: 4)
    put(UInt8(ascii: "-"))
    appendPadded(month, width: 2)
    put(UInt8(ascii: "-"))
    appendPadded(day, width: 2)
  }

  /// `text` in quotes, for text that needs no escaping (the rare dates outside years 0–9999,
  /// spelled by ``Timestamp`` as before).
  private mutating func appendPlainQuoted(_ text: String) {
    var text = text
    reserve(1)
    put(UInt8(ascii: "\""))
    text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    reserve(1)
    put(UInt8(ascii: "\""))
  }

  static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : (a - b + 1) / b
  }
}

extension UnsafeMutablePointer<UInt8> {
  /// Stores the four bytes of `literal` (little-endian: the first character in the low byte).
  @inline(__always) func storeLiteral(_ literal: UInt32) {
    UnsafeMutableRawPointer(self).storeBytes(of: UInt32(littleEndian: literal), as: UInt32.self)
  }
}
