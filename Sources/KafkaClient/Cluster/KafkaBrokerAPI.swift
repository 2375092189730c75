public import KafkaProtocol

/// A topic as cluster metadata describes it.
public struct KafkaTopicMetadata: Sendable, Hashable {
  public var name: String
  /// Partition numbers, ascending.
  public var partitions: [Int32]
  /// Broker-internal topics (`__consumer_offsets`), which pattern subscriptions skip.
  public var isInternal: Bool

  public init(name: String, partitions: [Int32], isInternal: Bool = false) {
    self.name = name
    self.partitions = partitions
    self.isInternal = isInternal
  }
}

/// One partition of a Fetch answer.
public struct FetchedPartition: Sendable, Hashable {
  /// `.none`, or `.offsetOutOfRange` when the fetch offset is outside the log (other errors are
  /// retried or thrown by the API).
  public var errorCode: KafkaErrorCode
  /// The offset after the last committed record: the log end a consumer can read to.
  public var highWatermark: Int64
  /// The first offset still in the log; −1 when the broker did not say (Fetch < v5).
  public var logStartOffset: Int64
  /// RecordBatch bytes (decode with ``RecordBatchDecoder``); may end in a partial batch and may
  /// start before the fetch offset.
  public var records: ArraySlice<UInt8>

  public init(
    errorCode: KafkaErrorCode = .none, highWatermark: Int64, logStartOffset: Int64, records: ArraySlice<UInt8>
  ) {
    self.errorCode = errorCode
    self.highWatermark = highWatermark
    self.logStartOffset = logStartOffset
    self.records = records
  }
}

/// The broker operations the Kafka source needs, on whole-cluster terms: the implementation finds
/// leaders and coordinators, groups requests per broker, refreshes metadata and retries with
/// backoff on retriable failures (leader changes, disconnects, timeouts).
///
/// Contract:
/// - `metadata` lists existing topics (asked-for topics that do not exist are simply absent).
/// - `listOffsets` and `fetch` throw `unknownTopic` for a topic that does not exist, and
///   `retriesExhausted`-style errors (keeping the cause's code) when retrying did not help.
/// - `fetch` reports OFFSET_OUT_OF_RANGE per partition instead of throwing, so a caller can apply
///   its data-loss policy.
/// - `commitOffsets` stores offsets (next offset to read) for a consumer group without joining it
///   (generation −1), so `kafka-consumer-groups`-style tools show the group's lag.
///
/// ``KafkaCluster`` is the real implementation (over ``NIOKafkaTransport``, or over
/// ``InMemoryKafkaBrokers`` in tests).
public protocol KafkaBrokerAPI: Sendable {
  /// Topics and partitions; `nil` = every topic.
  func metadata(topics: [String]?) async throws -> [String: KafkaTopicMetadata]
  /// Per partition: the first offset whose timestamp is ≥ the query (ms), or the log start
  /// (``ListOffsetsRequest/earliest``) or end (``ListOffsetsRequest/latest``); −1 when no record
  /// is that recent.
  func listOffsets(_ queries: [TopicPartition: Int64]) async throws -> [TopicPartition: Int64]
  /// One Fetch round: records from each partition's offset (as much as the broker gives at once).
  func fetch(_ offsets: [TopicPartition: Int64], maxWait: Duration) async throws -> [TopicPartition:
    FetchedPartition]
  func commitOffsets(group: String, offsets: [TopicPartition: Int64]) async throws
  /// The group's committed offsets (partitions without a commit are absent).
  func fetchCommittedOffsets(group: String, partitions: [TopicPartition]) async throws -> [TopicPartition:
    Int64]
}
