/// Kinesis sequence numbers are decimal strings of up to 129 digits (typically 56; moto uses
/// "1", "2", …). They are compared as big integers — by length, then digit by digit — and never
/// parsed into a fixed-width integer.
public enum SequenceNumber {
  /// `-1`, `0` or `1` as `a` is below, equal to or above `b` (leading zeros ignored).
  public static func compare(_ a: String, _ b: String) -> Int {
    let x = significantDigits(a)
    let y = significantDigits(b)
    if x.count != y.count { return x.count < y.count ? -1 : 1 }
    for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
    return 0
  }

  public static func isLess(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

  /// True for `0` or `[1-9][0-9]{0,128}` (the service's pattern).
  public static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty, bytes.count <= 129, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      return false
    }
    return bytes.count == 1 || bytes[0] != 0x30
  }

  private static func significantDigits(_ text: String) -> Substring.UTF8View {
    var digits = Substring(text).utf8
    while digits.count > 1, digits.first == 0x30 { digits = digits.dropFirst() }
    return digits
  }
}
