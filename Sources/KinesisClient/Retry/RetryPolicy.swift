/// Exponential backoff with full jitter: attempt `n` (0-based) waits a uniformly random time in
/// `[0, min(maxDelayMs, baseDelayMs · 2ⁿ)]`, at least `minDelayMs`.
public struct RetryPolicy: Sendable, Hashable {
  /// Total tries including the first.
  public var maxAttempts: Int
  public var baseDelayMs: Int64
  public var maxDelayMs: Int64
  public var minDelayMs: Int64

  public init(
    maxAttempts: Int = 10, baseDelayMs: Int64 = 100, maxDelayMs: Int64 = 5_000, minDelayMs: Int64 = 20
  ) {
    self.maxAttempts = maxAttempts
    self.baseDelayMs = baseDelayMs
    self.maxDelayMs = maxDelayMs
    self.minDelayMs = minDelayMs
  }

  public static let standard = RetryPolicy()
  public static let none = RetryPolicy(maxAttempts: 1)

  /// The wait before retry number `attempt + 1`, with `random` in `[0, 1)`.
  public func delay(afterAttempt attempt: Int, random: Double) -> Int64 {
    let exponent = min(attempt, 30)
    let ceiling = min(maxDelayMs, baseDelayMs &* (Int64(1) << Int64(exponent)))
    return max(minDelayMs, Int64(Double(ceiling) * random))
  }
}
