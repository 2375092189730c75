/// CreateTopics (key 19), v2–v7: for tests and admin tooling.
public struct CreateTopicsRequest: KafkaRequest, Hashable {
  public typealias Response = CreateTopicsResponse
  public static let apiKey = ApiKey.createTopics
  public static let versions: ClosedRange<Int16> = 2...7
  public static let firstFlexibleVersion: Int16 = 5

  public struct Topic: Sendable, Hashable {
    public var name: String
    /// −1 = broker default.
    public var numPartitions: Int32
    /// −1 = broker default.
    public var replicationFactor: Int16
    public var configs: [String: String?]
    public init(
      name: String, numPartitions: Int32, replicationFactor: Int16 = -1, configs: [String: String?] = [:]
    ) {
      self.name = name
      self.numPartitions = numPartitions
      self.replicationFactor = replicationFactor
      self.configs = configs
    }
  }

  public var topics: [Topic]
  public var timeoutMs: Int32
  public var validateOnly: Bool

  public init(topics: [Topic], timeoutMs: Int32 = 30_000, validateOnly: Bool = false) {
    self.topics = topics
    self.timeoutMs = timeoutMs
    self.validateOnly = validateOnly
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeString(topic.name, compact: flexible)
      w.writeInt32(topic.numPartitions)
      w.writeInt16(topic.replicationFactor)
      w.writeArrayCount(0, compact: flexible)
      let configs = topic.configs.sorted { $0.key < $1.key }
      w.writeArray(configs, compact: flexible) { w, config in
        w.writeString(config.key, compact: flexible)
        w.writeNullableString(config.value, compact: flexible)
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    writer.writeInt32(timeoutMs)
    writer.writeBool(validateOnly)
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> CreateTopicsResponse
  {
    let flexible = isFlexible(version)
    let throttle = try reader.readInt32("CreateTopics throttle time")
    let topics = try reader.readArray("CreateTopics topics", compact: flexible) { r in
      let name = try r.readString("CreateTopics topic name", compact: flexible)
      let topicID = version >= 7 ? try r.readUUID("CreateTopics topic id") : .zero
      let error = KafkaErrorCode(try r.readInt16("CreateTopics error code"))
      let message = try r.readNullableString("CreateTopics error message", compact: flexible)
      var partitions: Int32 = -1
      var replication: Int16 = -1
      if version >= 5 {
        partitions = try r.readInt32("CreateTopics partition count")
        replication = try r.readInt16("CreateTopics replication factor")
        _ = try r.readNullableArray("CreateTopics configs", compact: true) { c in
          _ = try c.readString("CreateTopics config name", compact: true)
          _ = try c.readNullableString("CreateTopics config value", compact: true)
          _ = try c.readBool("CreateTopics config read only")
          _ = try c.readInt8("CreateTopics config source")
          _ = try c.readBool("CreateTopics config is sensitive")
          try c.skipTaggedFields("CreateTopics config tagged fields")
        }
      }
      try r.skipTaggedFields("CreateTopics topic tagged fields", flexible: flexible)
      return CreateTopicsResponse.Topic(
        name: name, topicID: topicID, errorCode: error, errorMessage: message, numPartitions: partitions,
        replicationFactor: replication)
    }
    try reader.skipTaggedFields("CreateTopics tagged fields", flexible: flexible)
    return CreateTopicsResponse(throttleTimeMs: throttle, topics: topics)
  }
}

public struct CreateTopicsResponse: Sendable, Hashable {
  public struct Topic: Sendable, Hashable {
    public var name: String
    /// v7+, else zero.
    public var topicID: KafkaUUID
    public var errorCode: KafkaErrorCode
    public var errorMessage: String?
    /// v5+, else −1.
    public var numPartitions: Int32
    /// v5+, else −1.
    public var replicationFactor: Int16

    public init(
      name: String, topicID: KafkaUUID = .zero, errorCode: KafkaErrorCode = .none,
      errorMessage: String? = nil,
      numPartitions: Int32 = -1, replicationFactor: Int16 = -1
    ) {
      self.name = name
      self.topicID = topicID
      self.errorCode = errorCode
      self.errorMessage = errorMessage
      self.numPartitions = numPartitions
      self.replicationFactor = replicationFactor
    }
  }

  public var throttleTimeMs: Int32
  public var topics: [Topic]

  public init(throttleTimeMs: Int32 = 0, topics: [Topic]) {
    self.throttleTimeMs = throttleTimeMs
    self.topics = topics
  }
}
