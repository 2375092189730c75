public import SluiceCore

/// The report of one completed batch, modelled on Spark's `StreamingQueryProgress`: handed to
/// `onProgress`, logged as one human line, and kept as JSON in the checkpoint folder
/// (`progress/<batchId>.json`, bounded).
public struct BatchProgress: Sendable {
  /// The time spent in each phase of the batch (Spark's `durationMs` keys, plus `decode` and
  /// `transform`).
  public struct Durations: Sendable, Hashable {
    /// Planning: asking the source for the batch's end offset.
    public var latestOffset: Duration = .zero
    /// Writing `offsets/N`.
    public var walCommit: Duration = .zero
    /// Reading the records from the source.
    public var getBatch: Duration = .zero
    public var decode: Duration = .zero
    public var transform: Duration = .zero
    /// Writing to the sink.
    public var addBatch: Duration = .zero
    /// Writing `commits/N` and telling the source.
    public var commitOffsets: Duration = .zero
    /// The whole batch, from planning to commit.
    public var triggerExecution: Duration = .zero

    public init() {}
  }

  /// One source's part of the batch.
  public struct SourceProgress: Sendable, Hashable {
    public var description: String
    public var startOffset: SerializedOffset?
    public var endOffset: SerializedOffset
    /// The latest offset the source reported, when known (the `availableNow` target).
    public var latestOffset: SerializedOffset?
    public var numInputRows: Int
    /// Records available after `endOffset`, when the source can tell.
    public var lag: Int64?
  }

  /// The sink's part of the batch.
  public struct SinkProgress: Sendable, Hashable {
    public var description: String
    /// Rows handed to the sink.
    public var numOutputRows: Int
    /// True when the sink already held this batch (a re-run after a crash) and wrote nothing.
    public var alreadyCommitted: Bool
    /// Sink-specific details (files, bytes, table version).
    public var details: JSONValue
  }

  /// The query id (stable across restarts).
  public var id: QueryID
  /// This run's id (new on every start).
  public var runId: String
  public var name: String
  public var batchId: BatchID
  /// When the batch started, in milliseconds since the epoch.
  public var timestampMs: Int64
  /// True when this batch was recovered from the checkpoint and run again.
  public var isRerun: Bool
  public var numInputRows: Int
  /// Rows rejected (bad records skipped under `onError: skip`, or dead-lettered).
  public var numRejectedRows: Int
  /// Rejected rows written to the dead-letter table (`onError: deadLetter`).
  public var numDeadLetterRows: Int = 0
  /// Input rows per second since the previous batch started (0 for the first of a run).
  public var inputRowsPerSecond: Double
  /// Input rows per second of processing time (`numInputRows / triggerExecution`).
  public var processedRowsPerSecond: Double
  public var durations: Durations
  public var sources: [SourceProgress]
  public var sink: SinkProgress

  public var numOutputRows: Int { sink.numOutputRows }

  /// `2024-05-01T10:00:00.123Z`, Spark's timestamp form.
  public var timestamp: String { Self.isoTimestamp(ms: timestampMs) }

  static func isoTimestamp(ms: Int64) -> String {
    let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
    let millis = Int(ms - seconds * 1000)
    let text = String(millis)
    return Timestamp.isoString(micros: seconds * 1_000_000) + "."
      + String(repeating: "0", count: 3 - text.count) + text + "Z"
  }
}
