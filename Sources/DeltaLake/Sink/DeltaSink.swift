public import SluiceCore

/// A ``Sink`` that appends each micro-batch to a Delta table as one version, exactly once.
///
/// Batch `N` of query `Q` commits its `add` actions together with `txn(appId: Q, version: N)`
/// and a `commitInfo` (`STREAMING UPDATE`, `{outputMode: Append, queryId: Q, epochId: N}`,
/// `isBlindAppend: true`, Spark-style string metrics). Before writing, the table's latest `txn`
/// for `Q` is looked up: if it is ≥ `N` the batch is already in the table (a re-run after a
/// crash between the Delta commit and `commits/N`) and nothing is written. A concurrent commit
/// of the same batch found while retrying is reported the same way. Every
/// `checkpointInterval` versions a checkpoint is written.
///
/// `beforeCommit` is a test hook: it is called with the batch id after the batch's data files
/// are written and fsynced and before the Delta commit (never for a batch already in the
/// table). The job wiring uses it to kill the process there (`SLUICE_FAULT`), leaving orphan
/// files that no version references; if it throws, the batch is not committed.
public actor DeltaSink: Sink {
  public nonisolated let description: String
  var writer: DeltaTableWriter
  let beforeCommit: (@Sendable (BatchID) throws -> Void)?

  /// A sink writing the table at `path` on the local file system.
  public init(
    path: String, options: DeltaWriteOptions = DeltaWriteOptions(),
    format: any DataFileFormat = ParquetDataFileFormat(), clock: DeltaClock = .system,
    beforeCommit: (@Sendable (BatchID) throws -> Void)? = nil
  ) {
    self.init(
      writer: DeltaTableWriter(path: path, options: options, format: format, clock: clock), label: path,
      beforeCommit: beforeCommit)
  }

  /// A sink over any stores (tests, object stores).
  public init(
    writer: DeltaTableWriter, label: String? = nil, beforeCommit: (@Sendable (BatchID) throws -> Void)? = nil
  ) {
    self.writer = writer
    self.description = "delta:" + (label ?? writer.dataStore.location)
    self.beforeCommit = beforeCommit
  }

  /// The table state the sink last saw.
  public var snapshot: Snapshot? { writer.snapshot }

  public func validate(schema: Schema) async throws {
    try writer.validate(schema: schema)
  }

  public func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID) async throws
    -> SinkWriteResult
  {
    try write(batch, batchID: batchID, queryID: queryID, metrics: [])
  }

  /// Also records the counts in the commit's `operationMetrics`: `numInputRows`,
  /// `numRejectedRows`, `numDeadLetterRows` (Spark-style strings, next to `numOutputRows`).
  public func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID, counts: BatchCounts)
    async throws -> SinkWriteResult
  {
    try write(
      batch, batchID: batchID, queryID: queryID,
      metrics: [
        ("numInputRows", Int64(counts.inputRows)), ("numRejectedRows", Int64(counts.rejectedRows)),
        ("numDeadLetterRows", Int64(counts.deadLetterRows)),
      ])
  }

  private func write(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID, metrics: [(String, Int64)])
    throws -> SinkWriteResult
  {
    let transaction = TransactionAction(appId: queryID.rawValue, version: batchID.rawValue)
    let result = try writer.write(
      batch, operation: .streamingUpdate(queryId: queryID.rawValue, epochId: batchID.rawValue),
      transaction: transaction, metrics: metrics, beforeCommit: { try beforeCommit?(batchID) })
    var details: [(String, JSONValue)] = [("tableVersion", .int(result.version))]
    if result.attempts > 1 { details.append(("commitAttempts", .int(Int64(result.attempts)))) }
    if let checkpoint = result.checkpointVersion { details.append(("checkpointVersion", .int(checkpoint))) }
    if let failure = result.checkpointFailure { details.append(("checkpointFailure", .string(failure))) }
    return SinkWriteResult(
      alreadyCommitted: result.alreadyCommitted, rowsWritten: Int(result.rowsWritten),
      filesWritten: result.addedFiles.count, bytesWritten: Int(result.bytesWritten), details: .object(details)
    )
  }
}
