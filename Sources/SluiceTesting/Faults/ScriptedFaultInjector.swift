public import SluiceCore
public import SluiceRuntime
import Synchronization

/// A ``FaultInjector`` for unit tests: throws ``SimulatedCrash`` at the scripted points, once
/// each, instead of killing the process. The runner stops at that point exactly as a crash
/// would leave the checkpoint and the sink; a new runner on the same store then recovers.
public final class ScriptedFaultInjector: FaultInjector {
  private let pending: Mutex<[(point: FaultPoint, batch: BatchID?)]>
  private let reached = Mutex<[(FaultPoint, BatchID)]>([])

  /// Crashes at `point` of `batch` (or of the first batch reaching it when `batch` is nil).
  public init(_ crashes: [(point: FaultPoint, batch: BatchID?)]) {
    pending = Mutex(crashes)
  }

  public convenience init(crashAt point: FaultPoint, batch: BatchID? = nil) {
    self.init([(point, batch)])
  }

  /// Every point reached so far (including those that crashed).
  public var trace: [(FaultPoint, BatchID)] { reached.withLock { $0 } }

  public func reach(_ point: FaultPoint, batch: BatchID) throws {
    reached.withLock { $0.append((point, batch)) }
    let crash = pending.withLock { pending -> Bool in
      guard let i = pending.firstIndex(where: { $0.point == point && ($0.batch == nil || $0.batch == batch) })
      else { return false }
      pending.remove(at: i)
      return true
    }
    if crash { throw SimulatedCrash(point: point, batch: batch) }
  }
}

/// The "crash" a ``ScriptedFaultInjector`` injects.
public struct SimulatedCrash: Error, Sendable, Hashable, CustomStringConvertible {
  public let point: FaultPoint
  public let batch: BatchID

  public init(point: FaultPoint, batch: BatchID) {
    self.point = point
    self.batch = batch
  }

  public var description: String { "simulated crash at \(point.rawValue) of batch \(batch)" }
}
