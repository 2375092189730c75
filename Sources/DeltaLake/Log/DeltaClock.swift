#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The source of wall-clock time for commit timestamps, `modificationTime` and `lastUpdated`
/// (injected so tests can fix time).
public struct DeltaClock: Sendable {
  /// Milliseconds since the Unix epoch.
  public let nowMillis: @Sendable () -> Int64

  public init(nowMillis: @escaping @Sendable () -> Int64) {
    self.nowMillis = nowMillis
  }

  /// The system real-time clock.
  public static let system = DeltaClock {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
  }

  /// A clock that always reads `millis`.
  public static func fixed(_ millis: Int64) -> DeltaClock {
    DeltaClock { millis }
  }
}
