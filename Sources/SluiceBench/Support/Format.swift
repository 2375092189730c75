import Foundation

/// Number formatting for the table and progress lines.
enum Format {
  /// `0.734 s`, `12.3 ms`.
  static func seconds(_ value: Double) -> String {
    value >= 1 ? String(format: "%.3f s", value) : String(format: "%.1f ms", value * 1000)
  }

  /// `812`, `412.3k`, `1.27M`.
  static func rate(_ value: Double) -> String {
    guard value.isFinite else { return "-" }
    if value >= 1e6 { return String(format: "%.2fM", value / 1e6) }
    if value >= 1e3 { return String(format: "%.1fk", value / 1e3) }
    return String(format: "%.0f", value)
  }

  /// Megabytes (10^6 bytes) from bytes: `231.4`.
  static func megabytes(_ bytes: Double) -> String {
    guard bytes.isFinite else { return "-" }
    return String(format: "%.1f", bytes / 1e6)
  }

  /// A count with thousands separators: `200,000`.
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (n, character) in digits.enumerated() {
      if n > 0, (digits.count - n) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return value < 0 ? "-" + out : out
  }

  /// Rounds to `places` decimals for the JSON report.
  static func rounded(_ value: Double, places: Int = 3) -> Double {
    let scale = pow(10.0, Double(places))
    return (value * scale).rounded() / scale
  }
}
