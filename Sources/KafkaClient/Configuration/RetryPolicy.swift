/// How retriable failures (disconnects, timeouts, NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE…)
/// are retried: up to `maxAttempts` tries, waiting `initialBackoff` doubled after every failure,
/// at most `maxBackoff`, with ±20 % jitter.
public struct RetryPolicy: Sendable, Hashable {
  public var maxAttempts: Int
  public var initialBackoff: Duration
  public var maxBackoff: Duration

  public init(
    maxAttempts: Int = 8, initialBackoff: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(2)
  ) {
    self.maxAttempts = max(1, maxAttempts)
    self.initialBackoff = initialBackoff
    self.maxBackoff = maxBackoff
  }

  /// The wait before attempt `attempt + 1` (attempt counts from 1), without jitter.
  public func backoff(afterAttempt attempt: Int) -> Duration {
    var wait = initialBackoff
    for _ in 1..<max(1, attempt) {
      wait = wait * 2
      if wait >= maxBackoff { return maxBackoff }
    }
    return min(wait, maxBackoff)
  }

  /// ``backoff(afterAttempt:)`` with ±20 % jitter, so clients restarted together spread out.
  func jitteredBackoff(afterAttempt attempt: Int) -> Duration {
    let base = backoff(afterAttempt: attempt)
    return base * Double.random(in: 0.8...1.2)
  }

  /// No retries (tests of error paths).
  public static let none = RetryPolicy(maxAttempts: 1)
}
