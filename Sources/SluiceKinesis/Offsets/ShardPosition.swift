public import KinesisClient

/// Where reading a shard continues.
public enum ShardPosition: Sendable, Hashable {
  /// Everything up to and including this sequence number is consumed (`"seq"`).
  case after(String)
  /// Nothing consumed; reading starts at this sequence number, inclusive (a `LATEST` start pinned
  /// to the first record seen).
  case at(String)
  /// Nothing consumed; start at the oldest record.
  case trimHorizon
  /// Nothing consumed; start after the newest record (pinned to `at` once a record arrives).
  case latest
  /// Nothing consumed; start at the first record that arrived at or after this instant (ms).
  case atTimestamp(Int64)

  /// The GetShardIterator position that continues from here.
  public var iteratorPosition: ShardIteratorPosition {
    switch self {
    case .after(let sequence): .afterSequenceNumber(sequence)
    case .at(let sequence): .atSequenceNumber(sequence)
    case .trimHorizon: .trimHorizon
    case .latest: .latest
    case .atTimestamp(let ms): .atTimestamp(milliseconds: ms)
    }
  }

  /// A stable text form, used as a cache key.
  var key: String {
    switch self {
    case .after(let sequence): "after:\(sequence)"
    case .at(let sequence): "at:\(sequence)"
    case .trimHorizon: "TRIM_HORIZON"
    case .latest: "LATEST"
    case .atTimestamp(let ms): "AT_TIMESTAMP:\(ms)"
    }
  }

  /// The last consumed sequence number, when something was consumed.
  public var consumedThrough: String? {
    if case .after(let sequence) = self { return sequence }
    return nil
  }
}

/// What the offset records about one shard.
public struct ShardState: Sendable, Hashable {
  public var position: ShardPosition
  /// The shard is closed and every record of it is consumed; its children may be read.
  public var closed: Bool
  /// `ParentShardId` and `AdjacentParentShardId`: read this shard only once these are closed
  /// (or no longer listed).
  public var parents: [String]

  public init(position: ShardPosition, closed: Bool = false, parents: [String] = []) {
    self.position = position
    self.closed = closed
    self.parents = parents
  }
}
