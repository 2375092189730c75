#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The runtime's only source of time, injected so tests drive it by hand.
///
/// ``now`` is monotonic (trigger schedule, phase durations); ``wallClockMs`` is calendar time
/// (`batchTimestampMs`, progress timestamps). The state machine never reads a clock: the runner
/// passes `now` in with every event.
public protocol RuntimeClock: Sendable {
  /// Monotonic time since an arbitrary origin.
  var now: Duration { get }
  /// Milliseconds since the Unix epoch.
  var wallClockMs: Int64 { get }
  /// Suspends until ``now`` reaches `deadline`; throws `CancellationError` when cancelled.
  func sleep(until deadline: Duration) async throws
}

/// The real clock: `ContinuousClock` for ``now`` and `CLOCK_REALTIME` for wall time.
public struct SystemRuntimeClock: RuntimeClock {
  private let origin: ContinuousClock.Instant

  public init() {
    origin = ContinuousClock.now
  }

  public var now: Duration { ContinuousClock.now - origin }

  public var wallClockMs: Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
  }

  public func sleep(until deadline: Duration) async throws {
    try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
  }
}
