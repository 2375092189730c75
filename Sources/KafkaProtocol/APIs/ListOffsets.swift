/// ListOffsets (key 2), v1–v7: the offset for a timestamp per partition (−2 earliest, −1 latest,
/// or milliseconds: the first offset whose timestamp is ≥ it).
public struct ListOffsetsRequest: KafkaRequest, Hashable {
  public typealias Response = ListOffsetsResponse
  public static let apiKey = ApiKey.listOffsets
  public static let versions: ClosedRange<Int16> = 1...7
  public static let firstFlexibleVersion: Int16 = 6

  /// Timestamp asking for the log start offset.
  public static let earliest: Int64 = -2
  /// Timestamp asking for the log end (high watermark, or last stable offset if read committed).
  public static let latest: Int64 = -1

  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var currentLeaderEpoch: Int32
    public var timestamp: Int64
    public init(partitionIndex: Int32, timestamp: Int64, currentLeaderEpoch: Int32 = -1) {
      self.partitionIndex = partitionIndex
      self.timestamp = timestamp
      self.currentLeaderEpoch = currentLeaderEpoch
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

  public var replicaID: Int32 = -1
  /// v2+.
  public var isolationLevel: IsolationLevel
  public var topics: [Topic]

  public init(topics: [Topic], isolationLevel: IsolationLevel = .readUncommitted) {
    self.topics = topics
    self.isolationLevel = isolationLevel
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeInt32(replicaID)
    if version >= 2 { writer.writeInt8(isolationLevel.rawValue) }
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.partitionIndex)
        if version >= 4 { w.writeInt32(p.currentLeaderEpoch) }
        w.writeInt64(p.timestamp)
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> ListOffsetsResponse
  {
    try ListOffsetsResponse.decode(&reader, version: version)
  }
}

public struct ListOffsetsResponse: Sendable, Hashable {
  public struct Partition: Sendable, Hashable {
    public var partitionIndex: Int32
    public var errorCode: KafkaErrorCode
    /// −1 when not applicable.
    public var timestamp: Int64
    /// −1 when no offset matches (a timestamp after the last record).
    public var offset: Int64
    /// v4+, else −1.
    public var leaderEpoch: Int32

    public init(
      partitionIndex: Int32, errorCode: KafkaErrorCode = .none, timestamp: Int64 = -1, offset: Int64,
      leaderEpoch: Int32 = -1
    ) {
      self.partitionIndex = partitionIndex
      self.errorCode = errorCode
      self.timestamp = timestamp
      self.offset = offset
      self.leaderEpoch = leaderEpoch
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

  /// v2+, else 0.
  public var throttleTimeMs: Int32
  public var topics: [Topic]

  public init(throttleTimeMs: Int32 = 0, topics: [Topic]) {
    self.throttleTimeMs = throttleTimeMs
    self.topics = topics
  }

  static func decode(_ reader: inout KafkaReader, version: Int16) throws -> ListOffsetsResponse {
    let flexible = version >= 6
    let throttle = version >= 2 ? try reader.readInt32("ListOffsets throttle time") : 0
    let topics = try reader.readArray("ListOffsets topics", compact: flexible) { r in
      let name = try r.readString("ListOffsets topic name", compact: flexible)
      let partitions = try r.readArray("ListOffsets partitions", compact: flexible) { p in
        let partition = Partition(
          partitionIndex: try p.readInt32("ListOffsets partition index"),
          errorCode: KafkaErrorCode(try p.readInt16("ListOffsets error code")),
          timestamp: try p.readInt64("ListOffsets timestamp"), offset: try p.readInt64("ListOffsets offset"),
          leaderEpoch: version >= 4 ? try p.readInt32("ListOffsets leader epoch") : -1)
        try p.skipTaggedFields("ListOffsets partition tagged fields", flexible: flexible)
        return partition
      }
      try r.skipTaggedFields("ListOffsets topic tagged fields", flexible: flexible)
      return Topic(name: name, partitions: partitions)
    }
    try reader.skipTaggedFields("ListOffsets tagged fields", flexible: flexible)
    return ListOffsetsResponse(throttleTimeMs: throttle, topics: topics)
  }

  /// Writes the response body for `version` (for test brokers and fixtures).
  public func encode(into writer: inout KafkaWriter, version: Int16) {
    let flexible = version >= 6
    if version >= 2 { writer.writeInt32(throttleTimeMs) }
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt32(p.partitionIndex)
        w.writeInt16(p.errorCode.rawValue)
        w.writeInt64(p.timestamp)
        w.writeInt64(p.offset)
        if version >= 4 { w.writeInt32(p.leaderEpoch) }
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }
}

extension ListOffsetsRequest: KafkaDecodableRequest {
  public static func decodeBody(_ reader: inout KafkaReader, version: Int16) throws -> ListOffsetsRequest {
    try checkVersion(version)
    let flexible = isFlexible(version)
    let replica = try reader.readInt32("ListOffsets replica id")
    let isolation = version >= 2 ? try reader.readInt8("ListOffsets isolation level") : 0
    let topics = try reader.readArray("ListOffsets request topics", compact: flexible) { r in
      let name = try r.readString("ListOffsets request topic name", compact: flexible)
      let partitions = try r.readArray("ListOffsets request partitions", compact: flexible) { p in
        let index = try p.readInt32("ListOffsets request partition index")
        let epoch = version >= 4 ? try p.readInt32("ListOffsets current leader epoch") : -1
        let timestamp = try p.readInt64("ListOffsets request timestamp")
        try p.skipTaggedFields("ListOffsets request partition tagged fields", flexible: flexible)
        return Partition(partitionIndex: index, timestamp: timestamp, currentLeaderEpoch: epoch)
      }
      try r.skipTaggedFields("ListOffsets request topic tagged fields", flexible: flexible)
      return Topic(name: name, partitions: partitions)
    }
    try reader.skipTaggedFields("ListOffsets request tagged fields", flexible: flexible)
    var request = ListOffsetsRequest(
      topics: topics, isolationLevel: IsolationLevel(rawValue: isolation) ?? .readUncommitted)
    request.replicaID = replica
    return request
  }
}
