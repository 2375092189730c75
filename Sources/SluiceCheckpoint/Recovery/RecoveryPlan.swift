public import SluiceCore

/// What a (re)starting query must do first, computed from the offsets and commits logs
/// (Spark's `MicroBatchExecution.populateStartOffsets`). Offsets are per source, in source
/// order; `nil` means "no offset yet" (`-` in the log).
public enum RecoveryPlan: Sendable, Hashable {
  /// The offsets log is empty: plan batch 0 from the sources' initial offsets.
  case freshStart
  /// Batch `lastCommitted` is complete: plan batch `lastCommitted + 1` starting at `start`
  /// (the end offsets recorded for `lastCommitted`).
  case resume(lastCommitted: BatchID, start: [SerializedOffset?])
  /// Batch `batch` was planned (its offsets are in the log) but not committed: run it again
  /// with exactly the recorded range `[start, end)`, never re-planned or extended. The sink
  /// sees the same batch id again and skips it if it already holds it.
  case rerun(
    batch: BatchID, start: [SerializedOffset?], end: [SerializedOffset?], metadata: OffsetSeqMetadata)

  /// The id of the first batch this run executes.
  public var nextBatch: BatchID {
    switch self {
    case .freshStart: BatchID(0)
    case .resume(let last, _): last.next
    case .rerun(let batch, _, _, _): batch
    }
  }

  /// Computes the plan; a pure function of what the logs hold.
  ///
  /// - Parameters:
  ///   - planned: the latest offsets entry `L` (`offsets/L`), if any.
  ///   - previous: `offsets/L-1` (needed only to re-run `L > 0`).
  ///   - lastCommitted: the latest id in the commits log `C`, if any.
  ///   - initialOffsets: the sources' recorded initial offsets (`sources/<i>/0`), needed to
  ///     re-run batch 0 and to fill a start that is `-`.
  ///   - location: the checkpoint's location, for messages.
  /// - Throws: `inconsistentLogs` when a commit exists without its offsets, or when the start of a
  ///   batch to re-run is unknown.
  public static func make(
    planned: (batch: BatchID, entry: OffsetSeq)?, previous: OffsetSeq?, lastCommitted: BatchID?,
    initialOffsets: [SerializedOffset?]?, location: String
  ) throws(CheckpointError) -> RecoveryPlan {
    let advice =
      "the checkpoint was edited or damaged; restore it from a backup, or start over with a new "
      + "checkpoint folder"
    guard let planned else {
      if let lastCommitted {
        throw CheckpointError(
          .inconsistentLogs,
          "checkpoint \(location) has commits/\(lastCommitted) but no offsets at all: a batch cannot "
            + "be committed without being planned", advice: advice)
      }
      return .freshStart
    }
    let (last, entry) = planned
    if let lastCommitted {
      if lastCommitted > last {
        throw CheckpointError(
          .inconsistentLogs,
          "checkpoint \(location) has commits/\(lastCommitted) but offsets/\(lastCommitted) is missing "
            + "(the latest planned batch is \(last))", advice: advice)
      }
      if lastCommitted == last { return .resume(lastCommitted: last, start: entry.offsets) }
    }
    // Batch `last` was planned but not committed: re-run it with its recorded range.
    var start: [SerializedOffset?]
    if let previousBatch = last.previous {
      guard let previous else {
        throw CheckpointError(
          .inconsistentLogs,
          "checkpoint \(location): batch \(last) must be re-run but offsets/\(previousBatch), which "
            + "records where it starts, is missing", advice: advice)
      }
      start = previous.offsets
    } else {
      guard let initialOffsets else {
        throw CheckpointError(
          .inconsistentLogs,
          "checkpoint \(location): batch 0 must be re-run but sources/0/0, which records where it "
            + "starts, is missing", advice: advice)
      }
      start = initialOffsets
    }
    guard start.count == entry.offsets.count else {
      throw CheckpointError(
        .inconsistentLogs,
        "checkpoint \(location): batch \(last) has offsets for \(entry.offsets.count) sources but its "
          + "start has \(start.count)", advice: advice)
    }
    if let initialOffsets {
      for i in start.indices where start[i] == nil && i < initialOffsets.count {
        start[i] = initialOffsets[i]
      }
    }
    return .rerun(batch: last, start: start, end: entry.offsets, metadata: entry.metadata)
  }
}

extension RecoveryPlan: CustomStringConvertible {
  public var description: String {
    switch self {
    case .freshStart:
      "fresh start: batch 0 from the initial offsets"
    case .resume(let last, let start):
      "resume after committed batch \(last): batch \(last.next) starts at \(Self.text(start))"
    case .rerun(let batch, let start, let end, _):
      "re-run uncommitted batch \(batch) with its recorded range \(Self.text(start)) → \(Self.text(end))"
    }
  }

  static func text(_ offsets: [SerializedOffset?]) -> String {
    offsets.map { $0?.text ?? "-" }.joined(separator: ", ")
  }
}
