public import SluiceCore

extension MicroBatchStateMachine {
  /// Where the run begins, from the checkpoint's recovery plan.
  public enum StartPoint: Sendable, Hashable {
    /// Plan batch `batch` starting at `start` (fresh start or after a committed batch).
    case plan(BatchID, start: SerializedOffset)
    /// Re-run the planned but uncommitted batch `batch` with exactly `[start, end)`.
    case rerun(BatchID, start: SerializedOffset, end: SerializedOffset)

    public var start: SerializedOffset {
      switch self {
      case .plan(_, let start), .rerun(_, let start, _): start
      }
    }
  }

  /// What one batch produced, for the run's totals.
  public struct BatchOutcome: Sendable, Hashable {
    public var inputRows: Int
    public var outputRows: Int
    public var rejectedRows: Int

    public init(inputRows: Int, outputRows: Int, rejectedRows: Int) {
      self.inputRows = inputRows
      self.outputRows = outputRows
      self.rejectedRows = rejectedRows
    }
  }

  /// What happened, reported by the runner.
  public enum Event: Sendable, Hashable {
    /// The run begins (after the recovery plan is known).
    case started(StartPoint)
    /// `availableNow`: the source's latest offset at start, where the run will stop.
    case targetNoted(SerializedOffset)
    /// The planned end of the batch; equal to its start when nothing is new.
    case planned(end: SerializedOffset)
    /// `offsets/N` is durably written.
    case offsetsWritten
    /// The batch was read, decoded, transformed and written to the sink.
    case batchProcessed(BatchOutcome)
    /// `commits/N` is durably written.
    case commitWritten
    /// The source was told the batch's end offset is committed.
    case sourceCommitted
    /// The wait for the next trigger is over.
    case timerFired
    /// A graceful stop was requested (takes effect between batches).
    case stopRequested
    /// A step failed; the batch in flight is not committed.
    case failure(String)
  }

  /// What the runner must do next.
  public enum Action: Sendable, Hashable {
    /// `availableNow`: ask the source for its latest offset after `from` (no read limit).
    case noteAvailableNowTarget(from: SerializedOffset)
    /// Ask the source for the end of batch `batch` starting at `start` (with the read limit).
    case planBatch(BatchID, start: SerializedOffset)
    /// Write `offsets/N` with the end offset (the write-ahead log).
    case writeOffsets(BatchID, start: SerializedOffset, end: SerializedOffset)
    /// Read `[start, end)`, decode, transform, write to the sink with batch id `batch`.
    case runBatch(BatchID, start: SerializedOffset, end: SerializedOffset, isRerun: Bool)
    /// Write `commits/N`.
    case writeCommit(BatchID, end: SerializedOffset)
    /// Tell the source everything before `end` is committed; report progress.
    case commitSource(BatchID, end: SerializedOffset)
    /// Wait until the monotonic time `until` (or a stop request).
    case wait(until: Duration)
    /// Stop the run.
    case finish(StopReason)
  }

  /// Why a run ended.
  public enum StopReason: Sendable, Hashable, CustomStringConvertible {
    /// `once`: the batch ran.
    case onceCompleted
    /// `once`: there was nothing new to process.
    case noNewData
    /// `availableNow`: everything available at start was processed.
    case availableNowCompleted
    /// A graceful stop (SIGINT/SIGTERM or ``MicroBatchRunner/requestStop()``) between batches.
    case stopRequested
    /// A step failed; the message says which and why.
    case failed(String)

    public var description: String {
      switch self {
      case .onceCompleted: "once: one batch done"
      case .noNewData: "once: nothing new to process"
      case .availableNowCompleted: "availableNow: everything available at start is processed"
      case .stopRequested: "stop requested"
      case .failed(let message): "failed: \(message)"
      }
    }
  }

  /// Where the machine is.
  public enum State: Sendable, Hashable {
    case idle
    case notingTarget(StartPoint)
    case planning(BatchID, start: SerializedOffset)
    case writingOffsets(BatchID, start: SerializedOffset, end: SerializedOffset)
    case running(BatchID, start: SerializedOffset, end: SerializedOffset)
    case committing(BatchID, start: SerializedOffset, end: SerializedOffset)
    case committingSource(BatchID, end: SerializedOffset)
    case waiting(next: BatchID, start: SerializedOffset, until: Duration)
    case finished(StopReason)
  }
}
