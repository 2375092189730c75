public import Logging
public import ServiceLifecycle
public import SluiceCheckpoint
public import SluiceCore
import Synchronization

/// Runs one streaming query: the thin I/O shell around ``MicroBatchStateMachine``.
///
/// It is a swift-service-lifecycle `Service`: on graceful shutdown (SIGINT/SIGTERM through a
/// `ServiceGroup`) or task cancellation it finishes the batch in flight, commits it, and stops
/// between batches. ``requestStop()`` does the same without a service group.
///
/// Start-up checks, before any record is read: the options are valid; the transforms accept
/// the decoder's schema and the sink accepts the result; the checkpoint's `metadata` names the
/// same source identity (a checkpoint is never reused for another source); the logs are sound.
/// The recovery plan then decides the first batch: a planned but uncommitted batch is re-run
/// with exactly its recorded range.
///
/// The caller owns the checkpoint lock (``CheckpointLock``) for local folders; pass it as
/// `lock` to keep it alive as long as the runner.
///
/// Errors: ``RuntimeError`` (with the batch and step) or `CheckpointError`. A failed batch is
/// never committed, so nothing is lost: the next run processes it again.
public final class MicroBatchRunner: Service, Sendable {
  public let options: QueryOptions
  public let source: any Source
  public let decoder: any RecordDecoder
  public let transforms: [any Transform]
  public let sink: any Sink
  /// Where `onError: deadLetter` writes bad records (rows of ``DeadLetterRows``), as batch `N` of
  /// the query id derived with ``deadLetterPurpose``; must be idempotent per (query, batch).
  public let deadLetters: (any Sink)?
  public let checkpoint: Checkpoint
  let clock: any RuntimeClock
  let logger: Logger
  let faults: (any FaultInjector)?
  let onProgress: @Sendable (BatchProgress) -> Void
  let lock: CheckpointLock?
  let stopSignal = StopSignal()
  private let summary = Mutex<RunSummary?>(nil)

  /// - Parameters:
  ///   - faults: where to inject crashes; `nil` reads the `SLUICE_FAULT` test hook from the
  ///     environment (inert when unset).
  ///   - onProgress: called after every committed batch.
  public init(
    options: QueryOptions, source: any Source, decoder: any RecordDecoder, transforms: [any Transform],
    sink: any Sink, deadLetters: (any Sink)? = nil, checkpoint: any CheckpointStore,
    lock: CheckpointLock? = nil,
    clock: any RuntimeClock = SystemRuntimeClock(), logger: Logger = Logger(label: "sluice.runtime"),
    faults: (any FaultInjector)? = nil, onProgress: @escaping @Sendable (BatchProgress) -> Void = { _ in }
  ) {
    self.options = options
    self.source = source
    self.decoder = decoder
    self.transforms = transforms
    self.sink = sink
    self.deadLetters = deadLetters
    self.checkpoint = Checkpoint(store: checkpoint)
    self.lock = lock
    self.clock = clock
    var logger = logger
    logger[metadataKey: "query"] = "\(options.name)"
    self.logger = logger
    self.faults = faults
    self.onProgress = onProgress
  }

  /// `QueryID.derived(_:)` purpose of the dead-letter sink's query id (its Delta `txn.appId`).
  public static let deadLetterPurpose = "deadletter"

  /// Asks the run to stop after the batch in flight (or at once when it is waiting).
  public func requestStop() {
    stopSignal.request()
  }

  /// The summary of the last completed ``run()``.
  public var lastSummary: RunSummary? { summary.withLock { $0 } }

  /// `Service` entry point: runs until the trigger says stop, a graceful shutdown, or an error.
  public func run() async throws {
    _ = try await runQuery()
  }

  /// Runs the query and returns what it did.
  public func runQuery() async throws -> RunSummary {
    let result = try await withTaskCancellationOrGracefulShutdownHandler {
      try await execute()
    } onCancelOrGracefulShutdown: { [stopSignal] in
      stopSignal.request()
    }
    summary.withLock { $0 = result }
    return result
  }

  private func execute() async throws -> RunSummary {
    try options.validate()
    let faults = try self.faults ?? EnvironmentFaultInjector.fromEnvironment()
    try await validatePipeline()
    let metadata = try openMetadata()
    let plan = try checkpoint.recoveryPlan(sourceCount: 1)
    let startPoint = try await startPoint(for: plan)
    logger.info(
      "starting query \(options.name) (id \(metadata.id)), trigger \(options.trigger): \(plan)")
    var run = QueryRun(runner: self, queryID: metadata.id, faults: faults)
    let summary = try await run.run(from: startPoint)
    logger.info("query \(options.name) stopped: \(summary)")
    return summary
  }

  // MARK: - Start-up

  /// The transforms must accept the decoder's schema, and the sink the result.
  private func validatePipeline() async throws {
    var schema = decoder.schema
    for transform in transforms {
      do {
        schema = try transform.outputSchema(for: schema)
      } catch {
        throw RuntimeError(
          .invalidPipeline,
          "job \(options.name): transform '\(transform.name)' cannot run on \(schema): \(error); fix the "
            + "transforms in the job file (nothing was read)", underlying: error)
      }
    }
    if options.onError == .deadLetter {
      guard let deadLetters else {
        throw RuntimeError(
          .invalidOption,
          "job \(options.name): onError: deadLetter needs a dead-letter table; set `deadLetter: {path: …}` "
            + "in the job file (nothing was read)")
      }
      do {
        try await deadLetters.validate(schema: DeadLetterRows.schema)
      } catch {
        throw RuntimeError(
          .sinkRejectedSchema,
          "job \(options.name): dead-letter sink \(deadLetters.description) cannot take dead letters: \(error) "
            + "(nothing was read or written)", underlying: error)
      }
    }
    do {
      try await sink.validate(schema: schema)
    } catch {
      throw RuntimeError(
        .sinkRejectedSchema,
        "job \(options.name): sink \(sink.description) is not ready for this job's rows: \(error) "
          + "(nothing was read or written)", underlying: error)
    }
  }

  /// Reads the checkpoint's metadata (refusing a different source) or creates it.
  private func openMetadata() throws -> CheckpointMetadata {
    let identities = [source.identity]
    let stored: CheckpointMetadata?
    do {
      stored = try checkpoint.readMetadata()
    } catch let error as CheckpointError
      where [.emptyFile, .corruptFile, .truncatedFile].contains(error.code)
    {
      let template = CheckpointMetadata(
        id: try! QueryID("00000000-0000-4000-8000-000000000000"), name: options.name, sources: identities
      )
      .json.compact.replacingOccurrences(of: "00000000-0000-4000-8000-000000000000", with: "<query id>")
      throw error.withAdvice(
        "it holds the query id that makes the sink skip batches it already has. Restore it from a backup, or "
          + "recover the id from the sink \(sink.description) (for a Delta table, `sluice table history <path> "
          + "--limit 1 --json` shows it as operationParameters.queryId) and write \(template) to "
          + "\(checkpoint.location)/metadata. Do not start over with a new folder: the sink would get every record "
          + "again under a new query id")
    }
    if let existing = stored {
      try existing.verifySources(identities, location: checkpoint.location)
      try existing.verifyJob(name: options.name, location: checkpoint.location)
      return existing
    }
    if let last = try checkpoint.offsets.list().last {
      throw CheckpointError(
        .inconsistentLogs,
        "checkpoint \(checkpoint.location) has offsets up to batch \(last) but no metadata file, so its "
          + "query id is lost",
        advice: "restore the metadata file from a backup, or start over with a new checkpoint folder")
    }
    let created = try checkpoint.createMetadata(
      CheckpointMetadata(id: QueryID.random(), name: options.name, sources: identities))
    try created.verifySources(identities, location: checkpoint.location)
    return created
  }

  /// Turns the recovery plan into the machine's start point (resolving and recording the
  /// source's initial offset on a fresh start).
  private func startPoint(for plan: RecoveryPlan) async throws -> MicroBatchStateMachine.StartPoint {
    switch plan {
    case .freshStart:
      if let recorded = try checkpoint.initialOffset(source: 0) { return .plan(0, start: recorded) }
      let resolved: SerializedOffset
      do {
        resolved = try await source.initialOffset()
      } catch {
        throw RuntimeError(
          .sourceFailed, "source \(source.identity) failed to resolve its starting offsets: \(error)",
          underlying: error)
      }
      return .plan(0, start: try checkpoint.recordInitialOffset(resolved, source: 0))
    case .resume(let last, let start):
      guard let begin = try start[0] ?? checkpoint.initialOffset(source: 0) else {
        throw missingOffset("offsets/\(last) records no offset ('-') for the source")
      }
      return .plan(last.next, start: begin)
    case .rerun(let batch, let start, let end, _):
      guard let begin = start[0] else {
        throw missingOffset("batch \(batch) must be re-run but its start offset is unknown ('-')")
      }
      guard let finish = end[0] else {
        throw missingOffset("offsets/\(batch) records no end offset ('-') for the source")
      }
      return .rerun(batch, start: begin, end: finish)
    }
  }

  private func missingOffset(_ what: String) -> RuntimeError {
    RuntimeError(
      .checkpointMismatch,
      "checkpoint \(checkpoint.location): \(what); it was not written by this query's source. Use a new "
        + "checkpoint folder")
  }
}
