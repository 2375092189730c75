/// What a ``KafkaSource`` reads and how (Spark's Kafka source options).
public struct KafkaSourceOptions: Sendable, Hashable {
  public enum Subscription: Sendable, Hashable {
    /// These topics (Spark's `subscribe`).
    case topics([String])
    /// Every non-internal topic whose whole name matches the regular expression (Spark's
    /// `subscribePattern`); topics and partitions that appear later are picked up between batches.
    case pattern(String)
  }

  public enum StartingOffsets: Sendable, Hashable {
    case earliest
    case latest
    /// Per partition (`-2` earliest, `-1` latest; partitions left out start at earliest).
    case specific(KafkaOffsets)
    /// The first offset whose record timestamp is ≥ this many ms since the epoch (latest when no
    /// record is that recent), for every partition.
    case timestamp(Int64)
  }

  public var subscription: Subscription
  public var startingOffsets: StartingOffsets
  /// Records a batch needs that are gone (retention, topic recreated): fail with a precise
  /// message (`true`, the default, like Spark), or log a warning and continue from the earliest
  /// available offset.
  public var failOnDataLoss: Bool
  /// Commit each committed batch's end offsets to this consumer group (advisory: for lag tools).
  public var commitOffsetsToGroup: String?
  /// How long one Fetch may wait on the broker for data.
  public var fetchMaxWait: Duration

  public init(
    subscription: Subscription, startingOffsets: StartingOffsets = .earliest, failOnDataLoss: Bool = true,
    commitOffsetsToGroup: String? = nil, fetchMaxWait: Duration = .milliseconds(100)
  ) {
    self.subscription = subscription
    self.startingOffsets = startingOffsets
    self.failOnDataLoss = failOnDataLoss
    self.commitOffsetsToGroup = commitOffsetsToGroup
    self.fetchMaxWait = fetchMaxWait
  }
}
