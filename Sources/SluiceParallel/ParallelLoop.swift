import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs independent work items of one stage (the columns of a batch, the halves of a batch of
/// records) on several threads at once, and returns when all are done.
///
/// Items are handed out in the order given, each to the next free lane (so callers list the
/// biggest first); the calling thread is one of the lanes. Each lane is one thread for the
/// duration of the call, so per-lane scratch (a compression context, say) needs no locking:
/// `body(item, lane)` gets the lane number, `0..<lanes`.
///
/// `body` is called concurrently from several threads: it must only touch state that its item
/// or lane owns (distinct elements of a buffer, say), or read shared state that nothing writes
/// during the call. That is the caller's promise; the compiler cannot check it here.
public enum ParallelLoop {
  /// Threads a stage may use: `SLUICE_THREADS` when set to a positive number, otherwise the
  /// processors online.
  public static let defaultLanes: Int = {
    if let text = getenv("SLUICE_THREADS"), let value = Int(String(cString: text)), value > 0 {
      return value
    }
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }()

  /// Calls `body(item, lane)` once for every item in `0..<count`, on up to `lanes` threads.
  /// With one lane (or one item) everything runs on the calling thread, in order.
  public static func forEach(
    _ count: Int, lanes: Int = defaultLanes, _ body: (_ item: Int, _ lane: Int) -> Void
  ) {
    let width = min(max(1, lanes), count)
    guard width > 1 else {
      for item in 0..<count { body(item, 0) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let shared = SharedWork(body: body)
      DispatchQueue.concurrentPerform(iterations: width) { lane in
        while true {
          let item = shared.next.wrappingAdd(1, ordering: .relaxed).oldValue
          if item >= count { return }
          shared.body(item, lane)
        }
      }
    }
  }
}

/// The loop's body and item counter, handed to the lanes (see ``ParallelLoop``'s promise).
private final class SharedWork: @unchecked Sendable {
  let body: (Int, Int) -> Void
  let next = Atomic<Int>(0)

  init(body: @escaping (Int, Int) -> Void) {
    self.body = body
  }
}
