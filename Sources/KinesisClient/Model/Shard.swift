/// A shard as ListShards describes it.
public struct Shard: Sendable, Hashable, Codable {
  public struct HashKeyRange: Sendable, Hashable, Codable {
    /// Decimal strings, 0 … 2¹²⁸−1, inclusive.
    public var startingHashKey: String
    public var endingHashKey: String

    public init(startingHashKey: String, endingHashKey: String) {
      self.startingHashKey = startingHashKey
      self.endingHashKey = endingHashKey
    }

    enum CodingKeys: String, CodingKey {
      case startingHashKey = "StartingHashKey"
      case endingHashKey = "EndingHashKey"
    }
  }

  public struct SequenceNumberRange: Sendable, Hashable, Codable {
    public var startingSequenceNumber: String
    /// Present exactly when the shard is closed.
    public var endingSequenceNumber: String?

    public init(startingSequenceNumber: String, endingSequenceNumber: String? = nil) {
      self.startingSequenceNumber = startingSequenceNumber
      self.endingSequenceNumber = endingSequenceNumber
    }

    enum CodingKeys: String, CodingKey {
      case startingSequenceNumber = "StartingSequenceNumber"
      case endingSequenceNumber = "EndingSequenceNumber"
    }
  }

  public var shardID: String
  public var parentShardID: String?
  public var adjacentParentShardID: String?
  public var hashKeyRange: HashKeyRange
  public var sequenceNumberRange: SequenceNumberRange

  public init(
    shardID: String, parentShardID: String? = nil, adjacentParentShardID: String? = nil,
    hashKeyRange: HashKeyRange, sequenceNumberRange: SequenceNumberRange
  ) {
    self.shardID = shardID
    self.parentShardID = parentShardID
    self.adjacentParentShardID = adjacentParentShardID
    self.hashKeyRange = hashKeyRange
    self.sequenceNumberRange = sequenceNumberRange
  }

  /// The shard no longer takes records (it was split or merged).
  public var isClosed: Bool { sequenceNumberRange.endingSequenceNumber != nil }

  /// `ParentShardId` and `AdjacentParentShardId`, when present.
  public var parents: [String] { [parentShardID, adjacentParentShardID].compactMap { $0 } }

  enum CodingKeys: String, CodingKey {
    case shardID = "ShardId"
    case parentShardID = "ParentShardId"
    case adjacentParentShardID = "AdjacentParentShardId"
    case hashKeyRange = "HashKeyRange"
    case sequenceNumberRange = "SequenceNumberRange"
  }
}

/// A successor of a closed shard, as GetRecords reports it at the shard's end.
public struct ChildShard: Sendable, Hashable {
  public var shardID: String
  public var parentShards: [String]
  public var hashKeyRange: Shard.HashKeyRange?

  public init(shardID: String, parentShards: [String], hashKeyRange: Shard.HashKeyRange? = nil) {
    self.shardID = shardID
    self.parentShards = parentShards
    self.hashKeyRange = hashKeyRange
  }
}
