import Synchronization

/// Accumulates the time spent in named phases (`encode`, `dataFiles`, `commit`, ...) by the
/// timed stores around a ``DeltaLake/DeltaTableWriter``; ``take()`` returns and clears the
/// totals, so each write can be attributed its own phases.
final class PhaseTimer: Sendable {
  private let totals = Mutex<[String: Duration]>([:])

  /// Runs `body`, adding its duration to `phase`.
  func time<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    defer {
      let elapsed = clock.now - start
      totals.withLock { $0[phase, default: .zero] += elapsed }
    }
    return try body()
  }

  /// The totals since the last call, by phase; clears them.
  func take() -> [String: Duration] {
    totals.withLock { totals in
      defer { totals.removeAll() }
      return totals
    }
  }
}
