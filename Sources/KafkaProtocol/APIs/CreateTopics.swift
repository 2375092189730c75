/// CreateTopics (key 19), v2–v7: for tests and admin tooling.
public struct CreateTopicsRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws
    -> CreateTopicsResponse
  {
    fatalError("todo")
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
  }

  public var throttleTimeMs: Int32
  public var topics: [Topic]
}
