/// Named points inside a batch where a test can make the process crash, to prove recovery
/// (issue 2 acceptance: kill the process with SIGKILL in the middle of a batch, then check the
/// next run re-runs that batch with the identical range and the sink holds each record once).
public enum FaultPoint: String, Sendable, Hashable, CaseIterable {
  /// `offsets/N` is written; nothing was read yet.
  case afterOffsetsWritten = "after-offsets-written"
  /// The batch's records were read from the source.
  case afterRead = "after-read"
  /// A sink that writes data files (Delta) is in the middle of one: about half of the file's
  /// bytes are in its temporary file when the process dies. Reached only by such sinks.
  case midDataFile = "mid-data-file"
  /// A sink that writes data files before committing them (Delta) has written and fsynced the
  /// batch's files but not committed them: they are orphans if the process dies here. Reached
  /// only by such sinks, and only when they actually write (not for an already committed batch).
  case afterDataFilesWritten = "after-data-files-written"
  /// The sink holds the batch; `commits/N` is not written yet.
  case afterSinkWrite = "after-sink-write"
  /// Just before `commits/N` is written.
  case beforeCommitWritten = "before-commit-written"
  /// `commits/N` is written; the source was not told yet.
  case afterCommitWritten = "after-commit-written"
  /// A producer of the embedded log (`sluice emulate`, `sluice log produce`) is in the middle
  /// of appending: about half of a flush's bytes are in the segment. `@N` counts flushes of the
  /// process (1 = the first), not batches. Reached inside `SluiceLog`, which reads the variable
  /// itself.
  case midLogAppend = "mid-log-append"

  /// The points ``MicroBatchRunner`` itself reaches in every batch, in order (every case but
  /// the sink-internal ``midDataFile`` and ``afterDataFilesWritten``, which only a sink wired
  /// with the injector reaches, and the producer-side ``midLogAppend``).
  public static let runnerPoints: [FaultPoint] = allCases.filter {
    $0 != .afterDataFilesWritten && $0 != .midDataFile && $0 != .midLogAppend
  }

  /// The points a Delta job can reach (the runner's and the Delta sink's), for crash harnesses.
  public static let jobPoints: [FaultPoint] = allCases.filter { $0 != .midLogAppend }
}
