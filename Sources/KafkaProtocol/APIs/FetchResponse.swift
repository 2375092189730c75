/// The Fetch response: per partition its error, high watermark, log start offset, aborted
/// transactions and the raw record bytes (a slice of the response frame, not copied; decode with
/// ``RecordBatchDecoder``).
public struct FetchResponse: Sendable, Hashable {
  public struct LeaderIDAndEpoch: Sendable, Hashable {
    public var leaderID: Int32
    public var leaderEpoch: Int32
  }

  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var errorCode: KafkaErrorCode
    public var highWatermark: Int64
    /// v4+, else −1.
    public var lastStableOffset: Int64
    /// v5+, else −1.
    public var logStartOffset: Int64
    /// `nil` when the broker sent none (always for READ_UNCOMMITTED).
    public var abortedTransactions: [AbortedTransaction]?
    /// v11+, else −1.
    public var preferredReadReplica: Int32
    /// v12+ tagged field: the new leader after NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH.
    public var currentLeader: LeaderIDAndEpoch?
    /// RecordBatch bytes (possibly ending in a truncated batch); empty when null.
    public var records: ArraySlice<UInt8>
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
  }

  public var throttleTimeMs: Int32
  /// v7+ top-level error (session errors), else NONE.
  public var errorCode: KafkaErrorCode
  public var sessionID: Int32
  public var topics: [Topic]

  static func decode(_ reader: inout KafkaReader, version: Int16) throws -> FetchResponse {
    fatalError("todo")
  }
}
