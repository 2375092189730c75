import DeltaLake
import Foundation
import SluiceCore
import SluiceJob

/// Where the Delta sink's time per batch goes. The job's runner only reports the sink's whole
/// `addBatch` time, so after the timed runs of `pipeline-pin-delta` the job's batches (the
/// same records, decoded and cleaned untimed) are written again through a
/// ``DeltaLake/DeltaTableWriter`` configured as the job's sink (Parquet ZSTD(3), a checkpoint
/// every 10 versions, a `txn` per batch) but over timed stores (``TimedLogStore``,
/// ``TimedDataFileStore``, ``TimedDataFileFormat``). The batches are cycled until at least
/// ``minimumWrites`` commits were made, so one checkpoint (version 10) is included.
///
/// Phases per write: `encode` (Parquet + statistics), `dataFiles` (durable file writes),
/// `commit` (put-if-absent of the commit file), `checkpointFiles` (writing a due checkpoint and
/// `_last_checkpoint`) and `other` (the rest: partitioning, stats JSON, commit JSON, building
/// the checkpoint from the snapshot).
struct DeltaWriteBreakdown {
  struct Write {
    var rows: Int
    var total: Duration
    var phases: [String: Duration]
    var checkpointVersion: Int64?

    func milliseconds(_ phase: String) -> Double { (phases[phase] ?? .zero).milliseconds }

    /// The part of ``total`` outside the timed phases.
    var otherMilliseconds: Double {
      total.milliseconds - phases.values.reduce(0.0) { $0 + $1.milliseconds }
    }
  }

  /// Version 10 is the first checkpoint with the default interval.
  static let minimumWrites = 11
  static let phases = ["encode", "dataFiles", "commit", "checkpointFiles"]

  var writes: [Write] = []
  var bytesWritten: Int64 = 0

  /// Replays the pin topic of the log at `logPath` into a new table under `scratch`.
  static func run(logPath: String, scratch: ScratchDirectory, options: BenchOptions) throws
    -> DeltaWriteBreakdown
  {
    let tablePath = scratch.child("breakdown-table")
    defer { ScratchDirectory.removeTree(tablePath) }
    ProgressLine.say(
      "pipeline-pin-delta: sink breakdown: replaying the job's batches through timed Delta stores (untimed "
        + "set-up, at least \(minimumWrites) commits)")
    let timer = PhaseTimer()
    var writer = DeltaTableWriter(
      logStore: TimedLogStore(base: LocalLogStore(tablePath: tablePath), timer: timer),
      dataStore: TimedDataFileStore(base: LocalDataFileStore(tablePath: tablePath), timer: timer),
      options: DeltaWriteOptions(checkpointInterval: 10, engineInfo: "Sluice/\(SluiceVersion.current)"),
      format: TimedDataFileFormat(base: ParquetDataFileFormat(), timer: timer))
    let queryId = QueryID.random().rawValue
    let batches = CleanedPinBatches(
      logPath: logPath, topic: EmulationPlan(logPath: logPath).topic(.pin), batchSize: options.batchSize)
    var breakdown = DeltaWriteBreakdown()
    var passes = 0
    repeat {
      let before = breakdown.writes.count
      // The first pass writes every batch; later ones stop at `minimumWrites`.
      try batches.stream { batch in
        guard passes == 0 || breakdown.writes.count < minimumWrites else { return false }
        let epoch = Int64(breakdown.writes.count)
        _ = timer.take()
        let (result, elapsed) = try Stopwatch.time {
          try writer.write(
            batch, operation: .streamingUpdate(queryId: queryId, epochId: epoch),
            transaction: TransactionAction(appId: queryId, version: epoch))
        }
        if let failure = result.checkpointFailure {
          throw BenchError(.caseFailed, "pipeline-pin-delta: the breakdown's checkpoint failed: \(failure)")
        }
        breakdown.bytesWritten += result.bytesWritten
        breakdown.writes.append(
          Write(
            rows: batch.count, total: elapsed, phases: timer.take(),
            checkpointVersion: result.checkpointVersion))
        return true
      }
      passes += 1
      guard breakdown.writes.count > before else { break }
    } while breakdown.writes.count < minimumWrites
    return breakdown
  }

  /// Adds the per-phase medians to `result`'s extras and one line to its notes.
  func describe(into result: inout CaseResult) {
    let plain = writes.filter { $0.checkpointVersion == nil }
    let checkpointed = writes.filter { $0.checkpointVersion != nil }
    func median(_ list: [Write], _ value: (Write) -> Double) -> Double {
      Percentile.of(list.map(value), 50) ?? 0
    }
    let totalP50 = median(plain) { $0.total.milliseconds }
    let totalP99 = Percentile.of(plain.map(\.total.milliseconds), 99) ?? 0
    var medians: [(String, JSONValue)] = [("total", .double(Format.rounded(totalP50, places: 1)))]
    for phase in Self.phases where phase != "checkpointFiles" {
      medians.append((phase, .double(Format.rounded(median(plain) { $0.milliseconds(phase) }, places: 1))))
    }
    medians.append(("other", .double(Format.rounded(median(plain) { $0.otherMilliseconds }, places: 1))))
    var members: [(String, JSONValue)] = [
      ("writes", .int(Int64(writes.count))),
      ("rowsPerWrite", .int(Int64(writes.first?.rows ?? 0))),
      ("parquetBytesPerWrite", .int(writes.isEmpty ? 0 : bytesWritten / Int64(writes.count))),
      ("withoutCheckpointMedianMs", .object(medians)),
      ("withoutCheckpointP99TotalMs", .double(Format.rounded(totalP99, places: 1))),
    ]
    var checkpointText = "no checkpoint was due"
    if let write = checkpointed.first {
      members.append(
        (
          "checkpointWrite",
          .object([
            ("version", .int(write.checkpointVersion ?? 0)),
            ("totalMs", .double(Format.rounded(write.total.milliseconds, places: 1))),
            ("checkpointFilesMs", .double(Format.rounded(write.milliseconds("checkpointFiles"), places: 1))),
            ("otherMs", .double(Format.rounded(write.otherMilliseconds, places: 1))),
          ])
        ))
      checkpointText =
        "the write at version \(write.checkpointVersion ?? 0) with its checkpoint took "
        + "\(Int(write.total.milliseconds.rounded())) ms, of which writing the checkpoint files "
        + "\(Int(write.milliseconds("checkpointFiles").rounded())) ms and other work (building the checkpoint "
        + "included) \(Int(write.otherMilliseconds.rounded())) ms"
    }
    result.extras.append(("deltaWriteBreakdown", .object(members)))
    let parts = medians.dropFirst().map { name, value in
      "\(name) \(Int((value.doubleValue ?? 0).rounded()))"
    }.joined(separator: ", ")
    result.notes.append(
      "\(result.name): sink breakdown (the job's batches replayed through DeltaTableWriter with timed stores, "
        + "\(writes.count) writes of \(Format.count(writes.first?.rows ?? 0)) rows, "
        + "\(Format.megabytes(Double(writes.isEmpty ? 0 : bytesWritten / Int64(writes.count)))) MB Parquet each): "
        + "median ms per write: \(parts); total \(Int(totalP50.rounded())) (p99 \(Int(totalP99.rounded()))); "
        + checkpointText)
  }
}
