extension Trigger {
  /// Parses the job-file / command-line form: `once`, `availableNow` (also `available-now`),
  /// `processingTime` (1 s), `processingTime:5s`, or a bare interval such as `5s`, `500ms`,
  /// `2m`, `1h`, `10 seconds`. Case-insensitive.
  public init(parsing text: String) throws(RuntimeError) {
    let trimmed = text.trimmingSpaces()
    let lower = trimmed.lowercased()
    switch lower {
    case "once": self = .once
    case "availablenow", "available-now", "available_now": self = .availableNow
    case "processingtime", "processing-time": self = .default
    default:
      var intervalText = Substring(trimmed)
      for prefix in ["processingtime:", "processingtime=", "processing-time:", "processingtime "]
      where lower.hasPrefix(prefix) {
        intervalText = intervalText.dropFirst(prefix.count)
        break
      }
      guard let interval = Self.parseInterval(String(intervalText).trimmingSpaces()) else {
        throw RuntimeError(
          .invalidTrigger,
          "'\(text)' is not a trigger; use once, availableNow, processingTime:<interval> or an interval "
            + "such as 5s, 500ms, 2m")
      }
      self = .processingTime(interval)
    }
  }

  /// `500ms`, `5s`, `1.5s`, `2m`, `1h`, `10 seconds`; `nil` when malformed or negative.
  public static func parseInterval(_ text: String) -> Duration? {
    let lower = text.lowercased()
    let number = lower.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." }
    let unit = lower.dropFirst(number.count).trimmingSpaces()
    guard !number.isEmpty, let value = Double(number), value.isFinite, value >= 0 else { return nil }
    let msPerUnit: Double
    switch unit {
    case "ms", "millis", "millisecond", "milliseconds": msPerUnit = 1
    case "s", "sec", "secs", "second", "seconds": msPerUnit = 1000
    case "m", "min", "mins", "minute", "minutes": msPerUnit = 60_000
    case "h", "hour", "hours": msPerUnit = 3_600_000
    default: return nil
    }
    let ms = (value * msPerUnit).rounded()
    guard ms < 1e12 else { return nil }
    return .milliseconds(Int64(ms))
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    var view = Substring(self)
    while view.first?.isWhitespace == true { view.removeFirst() }
    while view.last?.isWhitespace == true { view.removeLast() }
    return String(view)
  }
}
