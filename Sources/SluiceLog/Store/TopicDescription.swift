/// A topic at one moment: its partitions with their offsets and sizes.
public struct TopicDescription: Sendable, Hashable {
  public var name: String
  public var partitionCount: Int
  /// One per partition, in partition order.
  public var partitions: [PartitionDescription]
  public var metadata: TopicMetadata

  public init(name: String, partitionCount: Int, partitions: [PartitionDescription], metadata: TopicMetadata)
  {
    self.name = name
    self.partitionCount = partitionCount
    self.partitions = partitions
    self.metadata = metadata
  }

  /// Records currently stored over all partitions.
  public var recordCount: Int64 { partitions.reduce(0) { $0 + $1.recordCount } }
}

/// One partition at one moment.
public struct PartitionDescription: Sendable, Hashable {
  public var partition: Int32
  /// The first offset still stored (moves up when old segments are deleted).
  public var earliestOffset: Int64
  /// The next offset to be written (Kafka's log-end offset); equal to `earliestOffset` when empty.
  public var latestOffset: Int64
  /// Bytes of all segment files.
  public var sizeBytes: Int64
  public var segmentCount: Int

  public init(
    partition: Int32, earliestOffset: Int64, latestOffset: Int64, sizeBytes: Int64, segmentCount: Int
  ) {
    self.partition = partition
    self.earliestOffset = earliestOffset
    self.latestOffset = latestOffset
    self.sizeBytes = sizeBytes
    self.segmentCount = segmentCount
  }

  public var recordCount: Int64 { latestOffset - earliestOffset }
}
