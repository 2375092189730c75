import SluiceCore

extension PipelineBench {
  /// The Delta job's sink figures: the per-batch `addBatch` time (the whole Delta write:
  /// Parquet encoding, durable data files, the log commit and any due checkpoint) against the
  /// commit aim, and the facts of the table the last run wrote.
  static func describeDelta(
    _ batches: [BatchObserver.Observation], facts: DeltaTableFacts?, into result: inout CaseResult
  ) {
    let name = result.name
    let sinkTimes = batches.map(\.durations.addBatch.milliseconds)
    let p50 = Percentile.of(sinkTimes, 50) ?? 0
    let p99 = Percentile.of(sinkTimes, 99) ?? 0
    let checkpoints = batches.filter { $0.sinkDetails["checkpointVersion"] != nil }.count
    let rows = batches.first?.rows ?? 0
    result.extras += [
      ("commitLatencyP50Ms", .double(Format.rounded(p50, places: 1))),
      ("commitLatencyP99Ms", .double(Format.rounded(p99, places: 1))),
      ("commitLatencyMaxMs", .double(Format.rounded(sinkTimes.max() ?? 0, places: 1))),
      ("checkpointsWritten", .int(Int64(checkpoints))),
      (
        "commitAim",
        .object([
          ("limitMs", .double(commitLimitMs)), ("rowsPerBatch", .int(Int64(rows))),
          ("p50Met", .bool(p50 < commitLimitMs)), ("p99Met", .bool(p99 < commitLimitMs)),
        ])
      ),
    ]
    if let facts { result.extras.append(("table", facts.json)) }
    result.notes.append(
      "\(name): Delta commit per batch (addBatch: Parquet ZSTD(3) encode, durable data file, log commit, "
        + "checkpoint when due; \(checkpoints) checkpoints in the timed batches): p50 \(Int(p50.rounded())) ms, "
        + "p99 \(Int(p99.rounded())) ms for \(Format.count(rows))-record batches; aim < \(Int(commitLimitMs)) ms: "
        + (p50 < commitLimitMs ? "met" : "MISSED") + " at p50, " + (p99 < commitLimitMs ? "met" : "MISSED")
        + " at p99")
    if let facts {
      result.notes.append(
        "\(name): the last run's table: version \(facts.version), \(facts.files) files, "
          + "\(Format.count(facts.rows)) rows, sum(follower_count) \(facts.followerCountSum)")
    }
  }
}
