/// When micro-batches run (Spark's `Trigger`).
///
/// - `once`: run one batch — the pending batch if recovery must re-run one, otherwise a new
///   batch of whatever is available (capped by the read limit) — then stop.
/// - `availableNow`: at start, note the source's latest offset; run bounded batches until that
///   offset is reached, then stop. Records arriving later wait for the next run.
/// - `processingTime(interval)`: long-running; start a batch every `interval` (when a batch
///   takes longer, the next starts immediately). When nothing is new, wait for the next tick.
public enum Trigger: Sendable, Hashable, CustomStringConvertible {
  case once
  case availableNow
  case processingTime(Duration)

  /// The trigger when none is configured: `processingTime(1 s)`.
  public static let `default` = Trigger.processingTime(.seconds(1))

  public var description: String {
    switch self {
    case .once: "once"
    case .availableNow: "availableNow"
    case .processingTime(let interval): "processingTime:\(Self.format(interval))"
    }
  }

  /// `5s`, `500ms`, `1.5s`.
  static func format(_ interval: Duration) -> String {
    let ms = interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000
    if ms % 1000 == 0 { return "\(ms / 1000)s" }
    return "\(ms)ms"
  }
}
