import Foundation

/// Parses human durations: `500ms`, `1s`, `1.5s`, `5m`, `2h`, or a bare number of seconds.
public enum DurationText {
  public static func parse(_ text: String) -> Duration? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
      guard let number = Double(trimmed.dropLast(suffix.count)), number >= 0 else { return nil }
      return .milliseconds(Int64((number * scale * 1000).rounded()))
    }
    guard let seconds = Double(trimmed), seconds >= 0 else { return nil }
    return .milliseconds(Int64((seconds * 1000).rounded()))
  }
}
