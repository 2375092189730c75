/// Metadata (key 3), v1–v12: brokers, topics, partitions and their leaders.
public struct MetadataRequest: KafkaRequest, Hashable {
  public typealias Response = MetadataResponse
  public static let apiKey = ApiKey.metadata
  public static let versions: ClosedRange<Int16> = 1...12
  public static let firstFlexibleVersion: Int16 = 9

  /// Topic names; `nil` asks for all topics.
  public var topics: [String]?
  /// v4+.
  public var allowAutoTopicCreation: Bool

  public init(topics: [String]?, allowAutoTopicCreation: Bool = false) {
    self.topics = topics
    self.allowAutoTopicCreation = allowAutoTopicCreation
  }

  public func encodeBody(into writer: inout KafkaWriter, version: Int16) throws {
    try Self.checkVersion(version)
    let flexible = Self.isFlexible(version)
    writer.writeNullableArray(topics, compact: flexible) { w, name in
      if version >= 10 { w.writeUUID(.zero) }
      w.writeString(name, compact: flexible)
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    if version >= 4 { writer.writeBool(allowAutoTopicCreation) }
    if (8...10).contains(version) { writer.writeBool(false) }
    if version >= 8 { writer.writeBool(false) }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> MetadataResponse {
    try MetadataResponse.decode(&reader, version: version)
  }
}

public struct MetadataResponse: Sendable, Hashable {
  public struct Broker: Sendable, Hashable {
    public var nodeID: Int32
    public var host: String
    public var port: Int32
    public var rack: String?

    public init(nodeID: Int32, host: String, port: Int32, rack: String? = nil) {
      self.nodeID = nodeID
      self.host = host
      self.port = port
      self.rack = rack
    }
  }

  public struct Partition: Sendable, Hashable {
    public var errorCode: KafkaErrorCode
    public var partitionIndex: Int32
    /// −1 when the partition has no leader.
    public var leaderID: Int32
    /// v7+, else −1.
    public var leaderEpoch: Int32
    public var replicaNodes: [Int32]
    public var isrNodes: [Int32]
    public var offlineReplicas: [Int32]

    public init(
      errorCode: KafkaErrorCode = .none, partitionIndex: Int32, leaderID: Int32, leaderEpoch: Int32 = -1,
      replicaNodes: [Int32] = [], isrNodes: [Int32] = [], offlineReplicas: [Int32] = []
    ) {
      self.errorCode = errorCode
      self.partitionIndex = partitionIndex
      self.leaderID = leaderID
      self.leaderEpoch = leaderEpoch
      self.replicaNodes = replicaNodes
      self.isrNodes = isrNodes
      self.offlineReplicas = offlineReplicas
    }
  }

  public struct Topic: Sendable, Hashable {
    public var errorCode: KafkaErrorCode
    /// Nullable from v12 (when asked by id).
    public var name: String?
    /// v10+, else zero.
    public var topicID: KafkaUUID
    public var isInternal: Bool
    public var partitions: [Partition]

    public init(
      errorCode: KafkaErrorCode = .none, name: String?, topicID: KafkaUUID = .zero, isInternal: Bool = false,
      partitions: [Partition]
    ) {
      self.errorCode = errorCode
      self.name = name
      self.topicID = topicID
      self.isInternal = isInternal
      self.partitions = partitions
    }
  }

  public var throttleTimeMs: Int32
  public var brokers: [Broker]
  public var clusterID: String?
  public var controllerID: Int32
  public var topics: [Topic]

  public init(
    throttleTimeMs: Int32 = 0, brokers: [Broker], clusterID: String? = nil, controllerID: Int32 = -1,
    topics: [Topic]
  ) {
    self.throttleTimeMs = throttleTimeMs
    self.brokers = brokers
    self.clusterID = clusterID
    self.controllerID = controllerID
    self.topics = topics
  }

  /// The broker with `nodeID`, if listed.
  public func broker(_ nodeID: Int32) -> Broker? { brokers.first { $0.nodeID == nodeID } }

  /// The topic named `name`, if listed.
  public func topic(_ name: String) -> Topic? { topics.first { $0.name == name } }

  static func decode(_ reader: inout KafkaReader, version: Int16) throws -> MetadataResponse {
    let flexible = version >= 9
    let throttle = version >= 3 ? try reader.readInt32("Metadata throttle time") : 0
    let brokers = try reader.readArray("Metadata brokers", compact: flexible) { r in
      let broker = Broker(
        nodeID: try r.readInt32("Metadata broker node id"),
        host: try r.readString("Metadata broker host", compact: flexible),
        port: try r.readInt32("Metadata broker port"),
        rack: version >= 1 ? try r.readNullableString("Metadata broker rack", compact: flexible) : nil)
      try r.skipTaggedFields("Metadata broker tagged fields", flexible: flexible)
      return broker
    }
    let clusterID =
      version >= 2 ? try reader.readNullableString("Metadata cluster id", compact: flexible) : nil
    let controllerID = version >= 1 ? try reader.readInt32("Metadata controller id") : -1
    let topics = try reader.readArray("Metadata topics", compact: flexible) { r in
      let errorCode = KafkaErrorCode(try r.readInt16("Metadata topic error code"))
      let name = try r.readNullableString("Metadata topic name", compact: flexible)
      let topicID = version >= 10 ? try r.readUUID("Metadata topic id") : .zero
      let isInternal = version >= 1 ? try r.readBool("Metadata topic is internal") : false
      let partitions = try r.readArray("Metadata partitions", compact: flexible) { p in
        let errorCode = KafkaErrorCode(try p.readInt16("Metadata partition error code"))
        let index = try p.readInt32("Metadata partition index")
        let leader = try p.readInt32("Metadata partition leader id")
        let epoch = version >= 7 ? try p.readInt32("Metadata partition leader epoch") : -1
        let replicas = try p.readArray("Metadata replica nodes", compact: flexible) {
          try $0.readInt32("replica node")
        }
        let isr = try p.readArray("Metadata isr nodes", compact: flexible) { try $0.readInt32("isr node") }
        let offline =
          version >= 5
          ? try p.readArray("Metadata offline replicas", compact: flexible) {
            try $0.readInt32("offline replica")
          }
          : []
        try p.skipTaggedFields("Metadata partition tagged fields", flexible: flexible)
        return Partition(
          errorCode: errorCode, partitionIndex: index, leaderID: leader, leaderEpoch: epoch,
          replicaNodes: replicas,
          isrNodes: isr, offlineReplicas: offline)
      }
      if version >= 8 { _ = try r.readInt32("Metadata topic authorized operations") }
      try r.skipTaggedFields("Metadata topic tagged fields", flexible: flexible)
      return Topic(
        errorCode: errorCode, name: name, topicID: topicID, isInternal: isInternal, partitions: partitions)
    }
    if (8...10).contains(version) { _ = try reader.readInt32("Metadata cluster authorized operations") }
    try reader.skipTaggedFields("Metadata tagged fields", flexible: flexible)
    return MetadataResponse(
      throttleTimeMs: throttle, brokers: brokers, clusterID: clusterID, controllerID: controllerID,
      topics: topics)
  }

  /// Writes the response body for `version` (for test brokers and fixtures).
  public func encode(into writer: inout KafkaWriter, version: Int16) {
    let flexible = version >= 9
    if version >= 3 { writer.writeInt32(throttleTimeMs) }
    writer.writeArray(brokers, compact: flexible) { w, broker in
      w.writeInt32(broker.nodeID)
      w.writeString(broker.host, compact: flexible)
      w.writeInt32(broker.port)
      if version >= 1 { w.writeNullableString(broker.rack, compact: flexible) }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    if version >= 2 { writer.writeNullableString(clusterID, compact: flexible) }
    if version >= 1 { writer.writeInt32(controllerID) }
    writer.writeArray(topics, compact: flexible) { w, topic in
      w.writeInt16(topic.errorCode.rawValue)
      w.writeNullableString(topic.name, compact: flexible)
      if version >= 10 { w.writeUUID(topic.topicID) }
      if version >= 1 { w.writeBool(topic.isInternal) }
      w.writeArray(topic.partitions, compact: flexible) { w, p in
        w.writeInt16(p.errorCode.rawValue)
        w.writeInt32(p.partitionIndex)
        w.writeInt32(p.leaderID)
        if version >= 7 { w.writeInt32(p.leaderEpoch) }
        w.writeArray(p.replicaNodes, compact: flexible) { $0.writeInt32($1) }
        w.writeArray(p.isrNodes, compact: flexible) { $0.writeInt32($1) }
        if version >= 5 { w.writeArray(p.offlineReplicas, compact: flexible) { $0.writeInt32($1) } }
        w.writeEmptyTaggedFields(flexible: flexible)
      }
      if version >= 8 { w.writeInt32(Int32.min) }
      w.writeEmptyTaggedFields(flexible: flexible)
    }
    if (8...10).contains(version) { writer.writeInt32(Int32.min) }
    writer.writeEmptyTaggedFields(flexible: flexible)
  }
}

extension MetadataRequest: KafkaDecodableRequest {
  public static func decodeBody(_ reader: inout KafkaReader, version: Int16) throws -> MetadataRequest {
    try checkVersion(version)
    let flexible = isFlexible(version)
    let topics = try reader.readNullableArray("Metadata request topics", compact: flexible) { r in
      if version >= 10 { _ = try r.readUUID("Metadata request topic id") }
      let name = try r.readNullableString("Metadata request topic name", compact: flexible) ?? ""
      try r.skipTaggedFields("Metadata request topic tagged fields", flexible: flexible)
      return name
    }
    let allow = version >= 4 ? try reader.readBool("Metadata allow auto topic creation") : true
    if (8...10).contains(version) {
      _ = try reader.readBool("Metadata include cluster authorized operations")
    }
    if version >= 8 { _ = try reader.readBool("Metadata include topic authorized operations") }
    try reader.skipTaggedFields("Metadata request tagged fields", flexible: flexible)
    return MetadataRequest(topics: topics, allowAutoTopicCreation: allow)
  }
}
