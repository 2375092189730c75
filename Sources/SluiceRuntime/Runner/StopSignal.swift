import Synchronization

/// A one-way "please stop between batches" flag that a waiting task can also await.
final class StopSignal: Sendable {
  private struct State {
    var requested = false
    var nextID = 0
    var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    var cancelled: Set<Int> = []
  }

  private let state = Mutex(State())

  var isRequested: Bool { state.withLock { $0.requested } }

  func request() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.requested = true
      defer { state.waiters = [:] }
      return Array(state.waiters.values)
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Returns once a stop is requested, or when the calling task is cancelled.
  func wait() async {
    let id = state.withLock { state -> Int in
      state.nextID += 1
      return state.nextID
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let resumeNow = state.withLock { state -> Bool in
          if state.requested || state.cancelled.remove(id) != nil { return true }
          state.waiters[id] = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
        if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
        state.cancelled.insert(id)
        return nil
      }
      waiter?.resume()
    }
  }
}
