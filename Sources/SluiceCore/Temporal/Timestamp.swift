/// Byte-level parsing and formatting of UTC timestamps and dates (no Foundation, no allocation
/// when parsing).
public enum Timestamp {
  /// Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS`, with optional fraction
  /// (up to 9 digits, truncated to µs) and optional zone `Z` / `±HH:MM` / `±HHMM`.
  /// A time without a zone is taken as UTC. Returns microseconds since the epoch or `nil`.
  public static func parseMicros(_ bytes: UnsafeRawBufferPointer) -> Int64? {
    let n = bytes.count
    guard n >= 10 else { return nil }
    guard let year = digits(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
      let month = digits(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"),
      let day = digits(bytes, 8, 2), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
    else { return nil }
    var micros = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400_000_000
    if n == 10 { return micros }
    let sep = bytes[10]
    guard sep == UInt8(ascii: " ") || sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t"), n >= 19,
      let hour = digits(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
      let minute = digits(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
      let second = digits(bytes, 17, 2), hour < 24, minute < 60, second < 61
    else { return nil }
    micros += Int64(hour * 3600 + minute * 60 + second) * 1_000_000
    var i = 19
    if i < n, bytes[i] == UInt8(ascii: ".") {
      i += 1
      var fraction: Int64 = 0
      var digitsRead = 0
      while i < n, let d = digit(bytes[i]) {
        if digitsRead < 6 { fraction = fraction * 10 + Int64(d) }
        digitsRead += 1
        i += 1
      }
      guard digitsRead > 0 else { return nil }
      for _ in digitsRead..<max(digitsRead, 6) { fraction *= 10 }
      micros += fraction
    }
    if i == n { return micros }
    let z = bytes[i]
    if z == UInt8(ascii: "Z") || z == UInt8(ascii: "z") { return i + 1 == n ? micros : nil }
    guard z == UInt8(ascii: "+") || z == UInt8(ascii: "-"), let zh = digits(bytes, i + 1, 2) else {
      return nil
    }
    var j = i + 3
    if j < n, bytes[j] == UInt8(ascii: ":") { j += 1 }
    guard let zm = digits(bytes, j, 2), j + 2 == n else { return nil }
    let offset = Int64(zh * 3600 + zm * 60) * 1_000_000
    return z == UInt8(ascii: "+") ? micros - offset : micros + offset
  }

  public static func parseMicros(_ text: String) -> Int64? {
    var text = text
    return text.withUTF8 { parseMicros(UnsafeRawBufferPointer($0)) }
  }

  /// Parses `YYYY-MM-DD` (a longer timestamp is accepted and truncated to its date).
  public static func parseDays(_ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let micros = parseMicros(bytes) else { return nil }
    return Int32(floorDiv(micros, 86_400_000_000))
  }

  /// `2020-08-28T03:52:47` or `2020-08-28T03:52:47.123456` (UTC, no zone suffix).
  public static func isoString(micros: Int64) -> String {
    let days = floorDiv(micros, 86_400_000_000)
    let rest = micros - days * 86_400_000_000
    let seconds = rest / 1_000_000
    let fraction = rest % 1_000_000
    var out = isoDateString(days: Int32(days)) + "T"
    out += pad(Int(seconds / 3600), 2) + ":" + pad(Int(seconds / 60 % 60), 2) + ":"
    out += pad(Int(seconds % 60), 2)
    if fraction != 0 { out += "." + pad(Int(fraction), 6) }
    return out
  }

  /// `YYYY-MM-DD`.
  public static func isoDateString(days: Int32) -> String {
    let (y, m, d) = civilFromDays(Int(days))
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
  }

  /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  @inline(__always) static func digit(_ byte: UInt8) -> Int? {
    byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
  }

  @inline(__always) static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int)
    -> Int?
  {
    guard start + count <= bytes.count else { return nil }
    var value = 0
    for i in start..<(start + count) {
      guard let d = digit(bytes[i]) else { return nil }
      value = value * 10 + d
    }
    return value
  }

  static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : (a - b + 1) / b
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
