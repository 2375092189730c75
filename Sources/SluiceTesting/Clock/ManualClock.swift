public import SluiceRuntime
import Synchronization

/// A ``RuntimeClock`` that moves only when a test says so. `sleep(until:)` suspends until
/// ``advance(by:)`` reaches the deadline (or the sleeping task is cancelled).
public final class ManualClock: RuntimeClock {
  private struct Sleeper {
    var deadline: Duration
    var continuation: CheckedContinuation<Void, any Error>
  }

  private struct State {
    var now: Duration = .zero
    var nextID = 0
    var sleepers: [Int: Sleeper] = [:]
    var cancelled: Set<Int> = []
  }

  private let state = Mutex(State())
  /// Wall-clock milliseconds at ``now`` = 0.
  public let wallClockOrigin: Int64

  public init(wallClockMs: Int64 = 1_700_000_000_000) {
    wallClockOrigin = wallClockMs
  }

  public var now: Duration { state.withLock { $0.now } }

  public var wallClockMs: Int64 {
    let now = self.now
    return wallClockOrigin + now.components.seconds * 1000 + now.components.attoseconds
      / 1_000_000_000_000_000
  }

  /// Tasks currently sleeping.
  public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

  public func sleep(until deadline: Duration) async throws {
    let id = state.withLock { state -> Int in
      state.nextID += 1
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let outcome = state.withLock { state -> Result<Bool, CancellationError> in
          if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
          if deadline <= state.now { return .success(true) }
          state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
          return .success(false)
        }
        switch outcome {
        case .failure(let error): continuation.resume(throwing: error)
        case .success(true): continuation.resume()
        case .success(false): break
        }
      }
    } onCancel: {
      let sleeper = state.withLock { state -> Sleeper? in
        if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper }
        state.cancelled.insert(id)
        return nil
      }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Moves time forward and wakes the sleepers whose deadline has come.
  public func advance(by duration: Duration) {
    let due = state.withLock { state -> [Sleeper] in
      state.now += duration
      let due = state.sleepers.filter { $0.value.deadline <= state.now }
      for id in due.keys { state.sleepers.removeValue(forKey: id) }
      return Array(due.values)
    }
    for sleeper in due { sleeper.continuation.resume() }
  }

  /// Returns once at least `count` tasks are sleeping (polls; gives up after `timeout` of real
  /// time and returns false).
  @discardableResult
  public func waitForSleepers(_ count: Int = 1, timeout: Duration = .seconds(10)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while sleeperCount < count {
      if ContinuousClock.now >= deadline { return false }
      try? await Task.sleep(for: .milliseconds(1))
    }
    return true
  }
}
