/// What one timed run of a case did: how long the timed region took and how much it processed.
struct RunSample: Sendable {
  var seconds: Double
  /// Records (events, rows) processed in the timed region.
  var records: Int
  /// Bytes processed in the timed region (input or output, as the case defines).
  var bytes: Int

  init(seconds: Double, records: Int, bytes: Int) {
    self.seconds = seconds
    self.records = records
    self.bytes = bytes
  }

  init(elapsed: Duration, records: Int, bytes: Int) {
    self.init(seconds: elapsed.seconds, records: records, bytes: bytes)
  }
}

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
  static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try await body()
    return (result, clock.now - start)
  }
}
