/// OffsetFetch (key 9), v1–v7, one group: the committed offsets of a group.
public struct OffsetFetchRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> OffsetFetchResponse
  {
    fatalError("todo")
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
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
  }

  /// v3+, else 0.
  public var throttleTimeMs: Int32
  public var topics: [Topic]
  /// v2+, else NONE.
  public var errorCode: KafkaErrorCode
}
