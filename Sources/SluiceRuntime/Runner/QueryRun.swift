import Logging
import SluiceCheckpoint
import SluiceCore

/// One run of a query: drives the state machine, performing each action it returns. Lives in
/// the runner's task only.
struct QueryRun {
  typealias Machine = MicroBatchStateMachine

  let runner: MicroBatchRunner
  let queryID: QueryID
  let runID = QueryID.random().rawValue
  let faults: any FaultInjector
  let clock: any RuntimeClock
  let options: QueryOptions
  let checkpoint: Checkpoint
  var machine: Machine
  /// The batch in flight.
  var tracker: BatchTracker?
  /// The `availableNow` target.
  var target: SerializedOffset?
  /// When the previous batch started (for `inputRowsPerSecond`).
  var previousBatchStart: Duration?

  init(runner: MicroBatchRunner, queryID: QueryID, faults: any FaultInjector) {
    self.runner = runner
    self.queryID = queryID
    self.faults = faults
    clock = runner.clock
    options = runner.options
    checkpoint = runner.checkpoint
    machine = Machine(trigger: runner.options.trigger)
  }

  mutating func run(from startPoint: Machine.StartPoint) async throws -> RunSummary {
    var event = Machine.Event.started(startPoint)
    var stopDelivered = false
    while true {
      if !stopDelivered && runner.stopSignal.isRequested {
        stopDelivered = true
        if case .finish(let reason)? = machine.handle(.stopRequested, now: clock.now) {
          return try summary(reason)
        }
      }
      if case .stopRequested = event { stopDelivered = true }
      guard let action = machine.handle(event, now: clock.now) else {
        throw RuntimeError(.internalInconsistency, "the micro-batch loop received \(event) with no next step")
      }
      if case .finish(let reason) = action { return try summary(reason) }
      do {
        event = try await perform(action)
      } catch {
        _ = machine.handle(.failure("\(error)"), now: clock.now)
        // The caller reports the thrown error; logging it here too would print it twice.
        runner.logger.debug("batch step failed: \(error)")
        throw error
      }
    }
  }

  private func summary(_ reason: Machine.StopReason) throws -> RunSummary {
    if case .failed(let message) = reason {
      throw RuntimeError(.internalInconsistency, message)
    }
    return RunSummary(
      queryID: queryID, runID: runID, batchesRun: machine.batchesCommitted, rowsIn: machine.totals.inputRows,
      rowsOut: machine.totals.outputRows, rowsRejected: machine.totals.rejectedRows,
      lastBatchID: machine.lastCommitted, stoppedReason: reason)
  }

  // MARK: - Actions

  private mutating func perform(_ action: Machine.Action) async throws -> Machine.Event {
    switch action {
    case .noteAvailableNowTarget(let start):
      let latest = try await sourceCall("finding its latest offset") {
        try await runner.source.latestOffset(after: start, limit: .unlimited)
      }
      target = latest
      runner.logger.info("availableNow: processing up to \(latest.text)")
      return .targetNoted(latest)

    case .planBatch(let batch, let start):
      var tracker = BatchTracker(batch: batch, start: start, isRerun: false, clock: clock)
      let began = clock.now
      var end = try await sourceCall("planning batch \(batch)") {
        try await runner.source.latestOffset(after: start, limit: options.readLimit)
      }
      if let target { end = AvailableNowCap.cap(end, at: target, start: start) ?? end }
      tracker.durations.latestOffset = clock.now - began
      self.tracker = tracker
      return .planned(end: end)

    case .writeOffsets(let batch, _, let end):
      let began = clock.now
      let timestamp = tracker?.startedWallMs ?? clock.wallClockMs
      try checkpoint.offsets.addNew(
        batch, OffsetSeq(metadata: OffsetSeqMetadata(batchTimestampMs: timestamp), offsets: [end]))
      let walCommitTime = clock.now - began
      tracker?.durations.walCommit = walCommitTime
      try faults.reach(.afterOffsetsWritten, batch: batch)
      try checkpoint.purge(upTo: batch, retain: options.minBatchesToRetain)
      return .offsetsWritten

    case .runBatch(let batch, let start, let end, let isRerun):
      if isRerun || tracker?.batch != batch {
        tracker = BatchTracker(batch: batch, start: start, isRerun: isRerun, clock: clock)
      }
      if isRerun {
        runner.logger.info("re-running batch \(batch) with its recorded range \(start.text) → \(end.text)")
      }
      return .batchProcessed(try await runBatch(batch, start: start, end: end))

    case .writeCommit(let batch, _):
      try faults.reach(.beforeCommitWritten, batch: batch)
      let began = clock.now
      try checkpoint.commits.addNew(batch, CommitEntry())
      let commitOffsetsTime = clock.now - began
      tracker?.durations.commitOffsets = commitOffsetsTime
      try faults.reach(.afterCommitWritten, batch: batch)
      return .commitWritten

    case .commitSource(let batch, let end):
      let began = clock.now
      do {
        try await runner.source.commit(end)
      } catch {
        runner.logger.warning(
          "batch \(batch): source \(runner.source.identity) could not record the commit of \(end.text): \(error) (advisory; the checkpoint holds the truth)"
        )
      }
      let sourceCommitTime = clock.now - began
      tracker?.durations.commitOffsets += sourceCommitTime
      let lag = try? await runner.source.lag(after: end)
      report(batch: batch, end: end, lag: lag)
      return .sourceCommitted

    case .wait(let deadline):
      return await waitForTimerOrStop(until: deadline) ? .stopRequested : .timerFired

    case .finish:
      throw RuntimeError(.internalInconsistency, "finish reached the action performer")
    }
  }

  /// Read, decode, transform, write: one batch's data path.
  ///
  /// Memory: each step's input is released as soon as the next step has what it needs (the raw
  /// records once decoded, the decoded batch once transformed: they live only inside
  /// ``readAndDecode(_:start:end:)`` and ``prepare(_:start:end:)``), so while the sink writes,
  /// only the output batch is held.
  private mutating func runBatch(_ batch: BatchID, start: SerializedOffset, end: SerializedOffset)
    async throws -> Machine.BatchOutcome
  {
    let prepared = try await prepare(batch, start: start, end: end)
    let output = prepared.output

    if let letters = prepared.deadLetters, letters.count > 0 {
      try await writeDeadLetters(letters, batch: batch)
    }

    let began = clock.now
    let result: SinkWriteResult
    let counts = BatchCounts(
      inputRows: prepared.inputRows,
      rejectedRows: prepared.deadLetters == nil ? prepared.rejectedRows : 0,
      deadLetterRows: prepared.deadLetters?.count ?? 0)
    do {
      result = try await runner.sink.addBatch(output, batchID: batch, queryID: queryID, counts: counts)
    } catch {
      throw RuntimeError(
        .sinkFailed,
        "batch \(batch): sink \(runner.sink.description) failed: \(error); batch \(batch) is not "
          + "committed: the next run writes it again", underlying: error)
    }
    let addBatchTime = clock.now - began
    tracker?.durations.addBatch = addBatchTime
    try faults.reach(.afterSinkWrite, batch: batch)

    tracker?.end = end
    tracker?.inputRows = prepared.inputRows
    tracker?.outputRows = output.count
    tracker?.rejectedRows = prepared.rejectedRows
    tracker?.deadLetterRows = prepared.deadLetters?.count ?? 0
    tracker?.sinkResult = result
    return Machine.BatchOutcome(
      inputRows: prepared.inputRows, outputRows: output.count, rejectedRows: prepared.rejectedRows)
  }

  /// Writes the batch's bad records to the dead-letter sink as batch `batch` of the query's
  /// dead-letter id (``DeadLetterRows``): before the main sink, so a crash in between re-runs
  /// the batch and the dead-letter sink's idempotency (Delta `txn`) keeps them once.
  private mutating func writeDeadLetters(_ letters: RecordBatch, batch: BatchID) async throws {
    guard let sink = runner.deadLetters else {
      throw RuntimeError(.invalidOption, "onError: deadLetter needs a dead-letter sink (none is configured)")
    }
    do {
      let result = try await sink.addBatch(
        letters, batchID: batch, queryID: queryID.derived(MicroBatchRunner.deadLetterPurpose))
      if result.alreadyCommitted {
        runner.logger.info(
          "batch \(batch): its \(letters.count) dead letters are already in \(sink.description)")
      } else {
        runner.logger.warning("batch \(batch): \(letters.count) bad record(s) written to \(sink.description)")
      }
    } catch {
      throw RuntimeError(
        .sinkFailed,
        "batch \(batch): dead-letter sink \(sink.description) failed: \(error); batch \(batch) is not "
          + "committed: the next run writes it again", underlying: error)
    }
  }

  /// What the sink gets, with the counts of the steps before it.
  private struct PreparedBatch {
    var output: RecordBatch
    var inputRows: Int
    var rejectedRows: Int
    /// `onError: deadLetter`: the rows for the dead-letter table.
    var deadLetters: RecordBatch?
  }

  /// Reads, decodes and transforms the batch; the decoded batch is released on return.
  private mutating func prepare(_ batch: BatchID, start: SerializedOffset, end: SerializedOffset)
    async throws -> PreparedBatch
  {
    let decoded = try await readAndDecode(batch, start: start, end: end)
    let began = clock.now
    let output: RecordBatch
    do {
      output = try runner.transforms.apply(decoded.output)
    } catch {
      throw RuntimeError(
        .transformFailed,
        "batch \(batch): a transform failed: \(error); batch \(batch) is not committed: fix the job and "
          + "run again, it will be processed again", underlying: error)
    }
    let transformTime = clock.now - began
    tracker?.durations.transform = transformTime
    return PreparedBatch(
      output: output, inputRows: decoded.inputRows, rejectedRows: decoded.rejectedRows,
      deadLetters: decoded.deadLetters)
  }

  /// Reads and decodes the batch (applying `onError` to rejected records); the raw records and
  /// the rejection details are released on return. `output` is the decoded batch.
  private mutating func readAndDecode(_ batch: BatchID, start: SerializedOffset, end: SerializedOffset)
    async throws -> PreparedBatch
  {
    var began = clock.now
    let records = try await sourceCall("reading batch \(batch) (\(start.text) → \(end.text))") {
      try await runner.source.read(from: start, to: end)
    }
    let getBatchTime = clock.now - began
    tracker?.durations.getBatch = getBatchTime
    try faults.reach(.afterRead, batch: batch)

    began = clock.now
    let decoded = runner.decoder.decode(records)
    let decodeTime = clock.now - began
    tracker?.durations.decode = decodeTime
    var deadLetters: RecordBatch?
    if !decoded.rejected.isEmpty {
      switch options.onError {
      case .fail: throw BadRecords.error(batch: batch, rejected: decoded.rejected)
      case .skip: runner.logger.warning("\(BadRecords.skipped(batch: batch, rejected: decoded.rejected))")
      case .deadLetter:
        deadLetters = DeadLetterRows.batch(
          records: records, rejected: decoded.rejected, batch: batch, query: queryID,
          failedAtMs: tracker?.startedWallMs ?? clock.wallClockMs)
      }
    }
    return PreparedBatch(
      output: decoded.batch, inputRows: records.count, rejectedRows: decoded.rejected.count,
      deadLetters: deadLetters)
  }

  /// Builds, keeps and announces the progress record of the batch just committed.
  private mutating func report(batch: BatchID, end: SerializedOffset, lag: Int64?) {
    guard var tracker, tracker.batch == batch else { return }
    tracker.end = end
    let progress = tracker.progress(
      queryID: queryID, runID: runID, name: options.name, now: clock.now, previousStart: previousBatchStart,
      source: runner.source.identity, target: target, lag: lag, sink: runner.sink.description)
    previousBatchStart = tracker.startedMono
    self.tracker = nil
    do {
      try checkpoint.progress.write(batch, json: progress.json)
      try checkpoint.progress.purge(keepingLast: options.progressRetention)
    } catch {
      runner.logger.warning("could not keep the progress record of batch \(batch): \(error)")
    }
    runner.logger.info("\(progress.line)")
    runner.onProgress(progress)
  }

  /// Waits for the deadline; returns true when a stop was requested (or the task cancelled)
  /// first.
  private func waitForTimerOrStop(until deadline: Duration) async -> Bool {
    let signal = runner.stopSignal
    if signal.isRequested { return true }
    let clock = self.clock
    return await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        do {
          try await clock.sleep(until: deadline)
          return false
        } catch {
          return true
        }
      }
      group.addTask {
        await signal.wait()
        return true
      }
      let first = await group.next() ?? true
      group.cancelAll()
      return first || signal.isRequested
    }
  }

  private func sourceCall<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as RuntimeError {
      throw error
    } catch {
      throw RuntimeError(
        .sourceFailed, "source \(runner.source.identity) failed while \(what): \(error)", underlying: error)
    }
  }
}
