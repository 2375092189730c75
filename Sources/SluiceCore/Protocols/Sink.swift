/// What a sink did with one batch.
public struct SinkWriteResult: Sendable, Hashable {
  /// True when the batch had already been written by an earlier attempt and nothing was done.
  public var alreadyCommitted: Bool
  public var rowsWritten: Int
  public var filesWritten: Int
  public var bytesWritten: Int
  /// Sink-specific detail for progress reports, e.g. `{"tableVersion": 12}`.
  public var details: JSONValue

  public init(
    alreadyCommitted: Bool = false, rowsWritten: Int, filesWritten: Int = 0, bytesWritten: Int = 0,
    details: JSONValue = .object([])
  ) {
    self.alreadyCommitted = alreadyCommitted
    self.rowsWritten = rowsWritten
    self.filesWritten = filesWritten
    self.bytesWritten = bytesWritten
    self.details = details
  }
}

/// The destination of a query's rows.
///
/// Contract: `addBatch` is **idempotent per (query, batch)**. After it returns, the batch's rows
/// are durable. If it is called again for a batch that is already durable (a re-run after a
/// crash between the sink write and `commits/N`), it writes nothing and returns
/// `alreadyCommitted: true`. A transactional sink (Delta) makes data and the marker
/// `txn(appId: query, version: batch)` visible in one atomic commit; a file sink uses one file
/// per batch id created atomically.
public protocol Sink: Sendable {
  /// Human description for progress, e.g. `jsonl:out/pin`.
  var description: String { get }
  /// Checks that the sink can take rows of `schema` (called once at start).
  func validate(schema: Schema) async throws
  func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID) async throws
    -> SinkWriteResult
  /// The same, told the counts of the steps before the sink so that a sink which records
  /// metrics with each commit (Delta `commitInfo.operationMetrics`) can keep them. The default
  /// ignores the counts.
  func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID, counts: BatchCounts) async throws
    -> SinkWriteResult
}

/// What happened to a batch's records before the sink: read, rejected (skipped) and written to
/// the dead-letter table.
public struct BatchCounts: Sendable, Hashable {
  public var inputRows: Int
  public var rejectedRows: Int
  public var deadLetterRows: Int

  public init(inputRows: Int, rejectedRows: Int = 0, deadLetterRows: Int = 0) {
    self.inputRows = inputRows
    self.rejectedRows = rejectedRows
    self.deadLetterRows = deadLetterRows
  }
}

extension Sink {
  public func validate(schema: Schema) async throws {}

  public func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID, counts: BatchCounts)
    async throws -> SinkWriteResult
  {
    try await addBatch(batch, batchID: batchID, queryID: queryID)
  }
}
