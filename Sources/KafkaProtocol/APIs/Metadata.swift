/// Metadata (key 3), v1–v12: brokers, topics, partitions and their leaders.
public struct MetadataRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> MetadataResponse {
    fatalError("todo")
  }
}

public struct MetadataResponse: Sendable, Hashable {
  public struct Broker: Sendable, Hashable {
    public var nodeID: Int32
    public var host: String
    public var port: Int32
    public var rack: String?
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
  }

  public struct Topic: Sendable, Hashable {
    public var errorCode: KafkaErrorCode
    /// Nullable from v12 (when asked by id).
    public var name: String?
    /// v10+, else zero.
    public var topicID: KafkaUUID
    public var isInternal: Bool
    public var partitions: [Partition]
  }

  public var throttleTimeMs: Int32
  public var brokers: [Broker]
  public var clusterID: String?
  public var controllerID: Int32
  public var topics: [Topic]
}
