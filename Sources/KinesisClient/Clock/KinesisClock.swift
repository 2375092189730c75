import Foundation
import Synchronization

/// Time for the Kinesis client, the fake and the source: wall-clock milliseconds and sleeping.
/// The test twin ``ManualKinesisClock`` moves time forward when someone sleeps.
public protocol KinesisClock: Sendable {
  /// Milliseconds since the Unix epoch.
  func nowMs() -> Int64
  func sleep(milliseconds: Int64) async throws
}

/// The system clock.
public struct SystemKinesisClock: KinesisClock {
  public init() {}

  public func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

  public func sleep(milliseconds: Int64) async throws {
    guard milliseconds > 0 else { return }
    try await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
  }
}

/// A virtual clock for tests: `sleep` returns at once after advancing the time by the requested
/// amount, so tests of pacing, backoff and iterator expiry run instantly and deterministically.
public final class ManualKinesisClock: KinesisClock {
  private let state: Mutex<(now: Int64, slept: [Int64])>

  public init(startMs: Int64 = 1_700_000_000_000) {
    state = Mutex((startMs, []))
  }

  public func nowMs() -> Int64 { state.withLock { $0.now } }

  public func sleep(milliseconds: Int64) async throws {
    try Task.checkCancellation()
    state.withLock {
      $0.now += max(0, milliseconds)
      $0.slept.append(milliseconds)
    }
  }

  /// Moves time forward without anyone sleeping.
  public func advance(milliseconds: Int64) { state.withLock { $0.now += milliseconds } }

  /// Every sleep so far, in order (to check backoff and pacing).
  public var sleeps: [Int64] { state.withLock { $0.slept } }
}
