public import KinesisClient

/// How a ``KinesisSource`` reads its stream.
public struct KinesisSourceOptions: Sendable, Hashable {
  /// Where shards known at the query's first start begin (`TRIM_HORIZON` | `LATEST` | `AT_TIMESTAMP`).
  /// Shards discovered later (children of a reshard, added shards) always begin at `TRIM_HORIZON`.
  public enum StartingPosition: Sendable, Hashable {
    case trimHorizon
    case latest
    /// Milliseconds since the epoch.
    case atTimestamp(Int64)
  }

  public var stream: StreamAddress
  public var startingPosition: StartingPosition
  /// At most this many records per shard per micro-batch.
  public var maxRecordsPerShardPerTrigger: Int
  /// At most this often per shard (AWS allows 5 GetRecords per second per shard).
  public var minGetRecordsIntervalMs: Int64
  /// GetRecords calls per shard while planning one batch (empty answers with
  /// `MillisBehindLatest > 0` are followed up to this many times).
  public var maxPollsPerShardPerTrigger: Int
  /// ListShards at least this often (also after any shard closed, and at start).
  public var shardDiscoveryIntervalMs: Int64

  public init(
    stream: StreamAddress, startingPosition: StartingPosition = .trimHorizon,
    maxRecordsPerShardPerTrigger: Int = 10_000,
    minGetRecordsIntervalMs: Int64 = 200, maxPollsPerShardPerTrigger: Int = 10,
    shardDiscoveryIntervalMs: Int64 = 10_000
  ) {
    self.stream = stream
    self.startingPosition = startingPosition
    self.maxRecordsPerShardPerTrigger = maxRecordsPerShardPerTrigger
    self.minGetRecordsIntervalMs = minGetRecordsIntervalMs
    self.maxPollsPerShardPerTrigger = maxPollsPerShardPerTrigger
    self.shardDiscoveryIntervalMs = shardDiscoveryIntervalMs
  }
}
