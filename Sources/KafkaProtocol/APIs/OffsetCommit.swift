/// OffsetCommit (key 8), v2–v8: stores committed offsets (the next offset to read) for a group;
/// standalone commits use generation −1 and member "" (no group membership).
public struct OffsetCommitRequest: KafkaRequest {
  public typealias Response = OffsetCommitResponse
  public static let apiKey = ApiKey.offsetCommit
  public static let versions: ClosedRange<Int16> = 2...8
  public static let firstFlexibleVersion: Int16 = 8

  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var committedOffset: Int64
    /// v6+.
    public var committedLeaderEpoch: Int32
    public var committedMetadata: String?
    public init(
      partitionIndex: Int32, committedOffset: Int64, committedLeaderEpoch: Int32 = -1,
      committedMetadata: String? = nil
    ) {
      self.partitionIndex = partitionIndex
      self.committedOffset = committedOffset
      self.committedLeaderEpoch = committedLeaderEpoch
      self.committedMetadata = committedMetadata
    }
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
    public init(name: String, partitions: [Partition]) {
      self.name = name
      self.partitions = partitions
    }
  }

  public var groupID: String
  public var generationID: Int32 = -1
  public var memberID: String = ""
  /// v7+.
  public var groupInstanceID: String? = nil
  /// v2–v4; −1 = broker default.
  public var retentionTimeMs: Int64 = -1
  public var topics: [Topic]

  public init(groupID: String, topics: [Topic]) {
    self.groupID = groupID
    self.topics = topics
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> OffsetCommitResponse
  {
    fatalError("todo")
  }
}

public struct OffsetCommitResponse: Sendable, Hashable {
  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var errorCode: KafkaErrorCode
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
  }

  /// v3+, else 0.
  public var throttleTimeMs: Int32
  public var topics: [Topic]
}
