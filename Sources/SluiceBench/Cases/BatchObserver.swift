import SluiceRuntime
import Synchronization

/// Collects, from the runner's progress callback, each committed batch's phase durations and
/// the process's resident memory right after the batch (the batch's buffers are released by
/// then, so this is the steady state between batches).
final class BatchObserver: Sendable {
  struct Observation: Sendable {
    var rows: Int
    var durations: BatchProgress.Durations
    /// `VmRSS` after the batch, bytes (0 when unavailable).
    var residentBytes: Int
  }

  private let observations = Mutex<[Observation]>([])

  /// The callback to hand to the runner.
  var callback: @Sendable (BatchProgress) -> Void {
    { [self] progress in record(progress) }
  }

  func record(_ progress: BatchProgress) {
    let observation = Observation(
      rows: progress.numInputRows, durations: progress.durations,
      residentBytes: ProcessMemory.residentBytes() ?? 0)
    observations.withLock { $0.append(observation) }
  }

  /// Everything recorded so far, in batch order; clears the list.
  func drain() -> [Observation] {
    observations.withLock { list in
      defer { list.removeAll() }
      return list
    }
  }
}
