/// OffsetCommit (key 8), v2–v8: stores committed offsets (the next offset to read) for a group;
/// standalone commits use generation −1 and member "" (no group membership).
public struct OffsetCommitRequest: KafkaRequest, Hashable {
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
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeString(groupID, compact: flexible)
    writer.writeInt32(generationID)
    writer.writeString(memberID, compact: flexible)
    if version >= 7 { writer.writeNullableString(groupInstanceID, compact: flexible) }
    if version <= 4 { writer.writeInt64(retentionTimeMs) }
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.partitionIndex)
        w.writeInt64(p.committedOffset)
        if version >= 6 { w.writeInt32(p.committedLeaderEpoch) }
        w.writeNullableString(p.committedMetadata, compact: flexible)
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> OffsetCommitResponse
  {
    let flexible = isFlexible(version)
    let throttle = version >= 3 ? try reader.readInt32("OffsetCommit throttle time") : 0
    let topics = try reader.readArray("OffsetCommit topics", compact: flexible) { r in
      let name = try r.readString("OffsetCommit topic name", compact: flexible)
      let partitions = try r.readArray("OffsetCommit partitions", compact: flexible) { p in
        let partition = OffsetCommitResponse.Partition(
          partitionIndex: try p.readInt32("OffsetCommit partition index"),
          errorCode: KafkaErrorCode(try p.readInt16("OffsetCommit error code")))
        try p.skipTaggedFields("OffsetCommit partition tagged fields", flexible: flexible)
        return partition
      }
      try r.skipTaggedFields("OffsetCommit topic tagged fields", flexible: flexible)
      return OffsetCommitResponse.Topic(name: name, partitions: partitions)
    }
    try reader.skipTaggedFields("OffsetCommit tagged fields", flexible: flexible)
    return OffsetCommitResponse(throttleTimeMs: throttle, topics: topics)
  }
}

public struct OffsetCommitResponse: Sendable, Hashable {
  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var errorCode: KafkaErrorCode

    public init(partitionIndex: Int32, errorCode: KafkaErrorCode = .none) {
      self.partitionIndex = partitionIndex
      self.errorCode = errorCode
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

  /// v3+, else 0.
  public var throttleTimeMs: Int32
  public var topics: [Topic]

  public init(throttleTimeMs: Int32 = 0, topics: [Topic]) {
    self.throttleTimeMs = throttleTimeMs
    self.topics = topics
  }
}
