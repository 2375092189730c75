public import SluiceCore
import Synchronization

/// An in-memory ``Sink`` that keeps every batch, idempotent per (query id, batch id) exactly like
/// the contract: adding a batch it already holds writes nothing and returns
/// `alreadyCommitted: true`. It can be scripted to fail on a batch (before storing it, like a
/// crash during the write) and can be told to reject a schema.
public final class RecordingSink: Sink {
  private struct Key: Hashable {
    var query: QueryID
    var batch: BatchID
  }

  private struct State {
    var batches: [Key: RecordBatch] = [:]
    var order: [Key] = []
    var attempts: [BatchID] = []
    var queries: Set<QueryID> = []
    var failures: [BatchID: Int] = [:]
  }

  public let description: String
  private let rejectedSchema: String?
  private let state = Mutex(State())

  /// - Parameter rejectSchemaWith: when set, `validate(schema:)` throws with this reason.
  public init(description: String = "memory:sink", rejectSchemaWith: String? = nil) {
    self.description = description
    rejectedSchema = rejectSchemaWith
  }

  /// The next `times` attempts to add batch `batch` throw ``RecordingSinkError``.
  public func fail(onBatch batch: BatchID, times: Int = 1) {
    state.withLock { $0.failures[batch, default: 0] += times }
  }

  public func validate(schema: Schema) async throws {
    if let rejectedSchema { throw RecordingSinkError(rejectedSchema) }
  }

  public func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID) async throws
    -> SinkWriteResult
  {
    try state.withLock { state throws(RecordingSinkError) -> SinkWriteResult in
      state.attempts.append(batchID)
      if let remaining = state.failures[batchID], remaining > 0 {
        state.failures[batchID] = remaining - 1
        throw RecordingSinkError("scripted failure writing batch \(batchID)")
      }
      state.queries.insert(queryID)
      let key = Key(query: queryID, batch: batchID)
      if state.batches[key] != nil {
        return SinkWriteResult(alreadyCommitted: true, rowsWritten: 0)
      }
      state.batches[key] = batch
      state.order.append(key)
      return SinkWriteResult(
        rowsWritten: batch.count, details: .object([("batches", .int(Int64(state.order.count)))]))
    }
  }

  /// Batch ids held, in the order they were first written.
  public var batchIDs: [BatchID] { state.withLock { $0.order.map(\.batch) } }

  /// Every call of `addBatch` (including failed and already-committed ones), in order.
  public var attempts: [BatchID] { state.withLock { $0.attempts } }

  /// The query ids that wrote.
  public var queryIDs: Set<QueryID> { state.withLock { $0.queries } }

  /// The batch held for `id` (of any query).
  public func batch(_ id: BatchID) -> RecordBatch? {
    state.withLock { state in state.order.first { $0.batch == id }.flatMap { state.batches[$0] } }
  }

  /// All rows held, batch by batch in the order the batches were first written.
  public var rows: [Row] {
    state.withLock { state in state.order.flatMap { state.batches[$0]!.rows } }
  }

  /// The values of column `name` over all rows held, in write order.
  public func values(_ name: String) -> [Value] {
    rows.map { $0[name] ?? .null }
  }
}

/// A scripted failure of ``RecordingSink``.
public struct RecordingSinkError: Error, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
