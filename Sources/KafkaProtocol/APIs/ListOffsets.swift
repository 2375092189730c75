/// ListOffsets (key 2), v1–v7: the offset for a timestamp per partition (−2 earliest, −1 latest,
/// or milliseconds: the first offset whose timestamp is ≥ it).
public struct ListOffsetsRequest: KafkaRequest {
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
    fatalError("todo")
  }

  public static func decodeResponse(_ reader: inout KafkaReader, version: Int16) throws -> ListOffsetsResponse
  {
    fatalError("todo")
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
  }

  public struct Topic: Sendable, Hashable {
    public var name: String
    public var partitions: [Partition]
  }

  /// v2+, else 0.
  public var throttleTimeMs: Int32
  public var topics: [Topic]
}
