/// OffsetFetch (key 9), v1–v7, one group: the committed offsets of a group.
public struct OffsetFetchRequest: KafkaRequest, Hashable {
  public typealias Response = OffsetFetchResponse
  public static let apiKey = ApiKey.offsetFetch
  public static let versions: ClosedRange<Int16> = 1...7
  public static let firstFlexibleVersion: Int16 = 6

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitionIndexes: [Int32]
    public init(name: String, partitionIndexes: [Int32]) {
      self.name = name
      self.partitionIndexes = partitionIndexes
    }
  }

  public var groupID: String
  /// `nil` asks for every topic the group committed (v2+).
  public var topics: [Topic]?
  /// v7+.
  public var requireStable: Bool = false

  public init(groupID: String, topics: [Topic]?) {
    self.groupID = groupID
    self.topics = topics
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeString(groupID, compact: flexible)
    if version < 2 && topics == nil {
      throw KafkaProtocolError(
        .unsupportedVersion, "OffsetFetch v\(version) cannot ask for all topics (null topics need v2+)")
    }
    writer.writeNullableArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitionIndexes, compact: flexible) { $0.writeInt32($1) }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    if version >= 7 { writer.writeBool(requireStable) }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> OffsetFetchResponse
  {
    let flexible = isFlexible(version)
    let throttle = version >= 3 ? try reader.readInt32("OffsetFetch throttle time") : 0
    let topics = try reader.readArray("OffsetFetch topics", compact: flexible) { r in
      let name = try r.readString("OffsetFetch topic name", compact: flexible)
      let partitions = try r.readArray("OffsetFetch partitions", compact: flexible) { p in
        let partition = OffsetFetchResponse.Partition(
          partitionIndex: try p.readInt32("OffsetFetch partition index"),
          committedOffset: try p.readInt64("OffsetFetch committed offset"),
          committedLeaderEpoch: version >= 5 ? try p.readInt32("OffsetFetch committed leader epoch") : -1,
          metadata: try p.readNullableString("OffsetFetch metadata", compact: flexible),
          errorCode: KafkaErrorCode(try p.readInt16("OffsetFetch partition error code")))
        try p.skipTaggedFields("OffsetFetch partition tagged fields", flexible: flexible)
        return partition
      }
      try r.skipTaggedFields("OffsetFetch topic tagged fields", flexible: flexible)
      return OffsetFetchResponse.Topic(name: name, partitions: partitions)
    }
    let errorCode = version >= 2 ? KafkaErrorCode(try reader.readInt16("OffsetFetch error code")) : .none
    try reader.skipTaggedFields("OffsetFetch tagged fields", flexible: flexible)
    return OffsetFetchResponse(throttleTimeMs: throttle, topics: topics, errorCode: errorCode)
  }
}

public struct OffsetFetchResponse: Sendable, Hashable {
  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    /// −1 when the group has no commit for the partition.
    public var committedOffset: Int64
    /// v5+, else −1.
    public var committedLeaderEpoch: Int32
    public var metadata: String?
    public var errorCode: KafkaErrorCode

    public init(
      partitionIndex: Int32, committedOffset: Int64, committedLeaderEpoch: Int32 = -1,
      metadata: String? = nil,
      errorCode: KafkaErrorCode = .none
    ) {
      self.partitionIndex = partitionIndex
      self.committedOffset = committedOffset
      self.committedLeaderEpoch = committedLeaderEpoch
      self.metadata = metadata
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
  /// v2+, else NONE.
  public var errorCode: KafkaErrorCode

  public init(throttleTimeMs: Int32 = 0, topics: [Topic], errorCode: KafkaErrorCode = .none) {
    self.throttleTimeMs = throttleTimeMs
    self.topics = topics
    self.errorCode = errorCode
  }
}
