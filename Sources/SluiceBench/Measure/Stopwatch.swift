extension Duration {
  /// The duration in seconds as a `Double`.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }

  /// The duration in milliseconds as a `Double`.
  var milliseconds: Double { seconds * 1000 }
}

/// Times a closure with `ContinuousClock`.
enum Stopwatch {
  /// Runs `body` once and returns its result with the elapsed time.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    return (result, clock.now - start)
  }

  /// Runs `body` once and returns its result with the elapsed time.
  static func timeAsync<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await body()
    return (result, clock.now - start)
  }
}
