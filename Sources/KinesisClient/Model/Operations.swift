/// Where a shard iterator starts (GetShardIterator's `ShardIteratorType` and its argument).
public enum ShardIteratorPosition: Sendable, Hashable, CustomStringConvertible {
  /// The oldest record still in the shard.
  case trimHorizon
  /// Just after the newest record (only records put later are returned).
  case latest
  /// At this sequence number (inclusive).
  case atSequenceNumber(String)
  /// Just after this sequence number.
  case afterSequenceNumber(String)
  /// The first record with an arrival time ≥ this instant (ms since the epoch).
  case atTimestamp(milliseconds: Int64)

  /// The `ShardIteratorType` value.
  public var typeName: String {
    switch self {
    case .trimHorizon: "TRIM_HORIZON"
    case .latest: "LATEST"
    case .atSequenceNumber: "AT_SEQUENCE_NUMBER"
    case .afterSequenceNumber: "AFTER_SEQUENCE_NUMBER"
    case .atTimestamp: "AT_TIMESTAMP"
    }
  }

  public var description: String {
    switch self {
    case .atSequenceNumber(let s), .afterSequenceNumber(let s): "\(typeName) \(s)"
    case .atTimestamp(let ms): "AT_TIMESTAMP \(ms) ms"
    default: typeName
    }
  }
}

/// One page of ListShards.
public struct ListShardsPage: Sendable, Hashable {
  public var shards: [Shard]
  /// Pass to the next call to get the next page; `nil` on the last page.
  public var nextToken: String?

  public init(shards: [Shard], nextToken: String?) {
    self.shards = shards
    self.nextToken = nextToken
  }
}

/// DescribeStreamSummary's `StreamDescriptionSummary` (the fields this project uses).
public struct StreamSummary: Sendable, Hashable {
  public var streamName: String
  public var streamARN: String
  /// `CREATING`, `DELETING`, `ACTIVE` or `UPDATING`.
  public var streamStatus: String
  public var openShardCount: Int
  public var retentionPeriodHours: Int

  public init(
    streamName: String, streamARN: String, streamStatus: String, openShardCount: Int,
    retentionPeriodHours: Int
  ) {
    self.streamName = streamName
    self.streamARN = streamARN
    self.streamStatus = streamStatus
    self.openShardCount = openShardCount
    self.retentionPeriodHours = retentionPeriodHours
  }
}

/// One record to put.
public struct PutRecordsEntry: Sendable, Hashable {
  public var data: [UInt8]
  public var partitionKey: String
  public var explicitHashKey: String?

  public init(data: [UInt8], partitionKey: String, explicitHashKey: String? = nil) {
    self.data = data
    self.partitionKey = partitionKey
    self.explicitHashKey = explicitHashKey
  }
}

/// Where a put record landed, or why it failed (PutRecords entries fail one by one).
public struct PutRecordResult: Sendable, Hashable {
  public var shardID: String?
  public var sequenceNumber: String?
  public var errorCode: String?
  public var errorMessage: String?

  public init(
    shardID: String?, sequenceNumber: String?, errorCode: String? = nil, errorMessage: String? = nil
  ) {
    self.shardID = shardID
    self.sequenceNumber = sequenceNumber
    self.errorCode = errorCode
    self.errorMessage = errorMessage
  }

  public var succeeded: Bool { errorCode == nil }
}
