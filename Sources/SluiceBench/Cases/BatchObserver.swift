import SluiceCore
import SluiceRuntime
import Synchronization

/// Collects, from the runner's progress callback, each committed batch's phase durations and
/// the process's resident memory: the peak while the batch ran (from a ``ResidentSampler``) and
/// the size right after it (the batch's buffers are released by then: the floor between
/// batches).
final class BatchObserver: Sendable {
  struct Observation: Sendable {
    var rows: Int
    /// When the batch started (wall clock, ms since the epoch).
    var startedWallMs: Int64
    var durations: BatchProgress.Durations
    /// The sink's details for the batch (the Delta sink reports `tableVersion` and, when it
    /// wrote one, `checkpointVersion`).
    var sinkDetails: JSONValue
    /// `VmRSS` after the batch, bytes (0 when unavailable).
    var residentBytes: Int
    /// The largest resident size sampled since the previous batch (or ``startWindow()``).
    var peakResidentBytes: Int
  }

  private let observations = Mutex<[Observation]>([])
  private let sampler = ResidentSampler()

  deinit { sampler.stop() }

  /// Starts a new peak window (call right before a run, so set-up work is not counted).
  func startWindow() {
    _ = sampler.takeWindowMaximum()
  }

  /// The callback to hand to the runner.
  var callback: @Sendable (BatchProgress) -> Void {
    { [self] progress in record(progress) }
  }

  func record(_ progress: BatchProgress) {
    let observation = Observation(
      rows: progress.numInputRows, startedWallMs: progress.timestampMs, durations: progress.durations,
      sinkDetails: progress.sink.details,
      residentBytes: ProcessMemory.residentBytes() ?? 0, peakResidentBytes: sampler.takeWindowMaximum())
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
