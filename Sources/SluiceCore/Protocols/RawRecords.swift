/// Records as a source delivers them, before decoding: value bytes stored contiguously plus the
/// per-record metadata Spark exposes (key, topic, partition, offset, timestamp).
///
/// Record `i`'s value is `values[valueOffsets[i]..<valueOffsets[i + 1]]`. Keys are optional
/// (`keyOffsets` equal ⇒ empty key; `hasKey[i] == false` ⇒ no key). `topics` is a small table of
/// topic/stream names that `topicIndex` points into, so no `String` is made per record.
public struct RawRecords: Sendable {
  public var values: [UInt8] = []
  public var valueOffsets: [Int] = [0]
  public var keys: [UInt8] = []
  public var keyOffsets: [Int] = [0]
  public var hasKey: [Bool] = []
  public var topics: [String] = []
  public var topicIndex: [Int32] = []
  public var partitions: [Int32] = []
  /// Position of each record in its partition (Kafka/log offset).
  public var offsets: [Int64] = []
  /// Record timestamps in milliseconds since the epoch.
  public var timestamps: [Int64] = []
  /// Per-record headers (Kafka record headers). Empty when no record of this batch has headers;
  /// otherwise parallel to the records (`headers[i]` may be empty).
  public var headers: [[RecordHeader]] = []
  /// Per-record Kinesis sequence numbers (decimal strings, up to 128 bits). Empty for sources
  /// whose positions fit ``offsets``; otherwise parallel to the records.
  public var sequenceNumbers: [String] = []
  /// How ``positionDescription(_:)`` names a record's position.
  public var positionStyle: PositionStyle = .topicPartitionOffset

  /// The vocabulary a source uses for positions in messages.
  public enum PositionStyle: Sendable, Hashable {
    /// `topic T partition P offset O` (embedded log, Kafka).
    case topicPartitionOffset
    /// `stream S shard shardId-000000000003 sequence N` (Kinesis; `partitions[i]` is the numeric
    /// part of the shard id).
    case streamShardSequence
  }

  public init() {}

  public init(capacity: Int, valueBytes: Int = 0) {
    valueOffsets.reserveCapacity(capacity + 1)
    keyOffsets.reserveCapacity(capacity + 1)
    hasKey.reserveCapacity(capacity)
    topicIndex.reserveCapacity(capacity)
    partitions.reserveCapacity(capacity)
    offsets.reserveCapacity(capacity)
    timestamps.reserveCapacity(capacity)
    values.reserveCapacity(valueBytes)
  }

  public var count: Int { offsets.count }
  public var isEmpty: Bool { offsets.isEmpty }
  public var valueByteCount: Int { values.count }

  /// Index of `topic` in ``topics``, adding it when new.
  public mutating func topicSlot(_ topic: String) -> Int32 {
    if let i = topics.firstIndex(of: topic) { return Int32(i) }
    topics.append(topic)
    return Int32(topics.count - 1)
  }

  /// Appends one record.
  public mutating func append(
    value: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer?, topic: Int32, partition: Int32,
    offset: Int64, timestamp: Int64
  ) {
    values.append(contentsOf: value)
    valueOffsets.append(values.count)
    if let key {
      keys.append(contentsOf: key)
      hasKey.append(true)
    } else {
      hasKey.append(false)
    }
    keyOffsets.append(keys.count)
    topicIndex.append(topic)
    partitions.append(partition)
    offsets.append(offset)
    timestamps.append(timestamp)
  }

  /// Convenience for tests: appends a record from arrays.
  public mutating func append(
    value: [UInt8], key: [UInt8]? = nil, topic: String, partition: Int32, offset: Int64,
    timestamp: Int64 = 0
  ) {
    let slot = topicSlot(topic)
    value.withUnsafeBytes { v in
      if let key {
        key.withUnsafeBytes { k in
          append(value: v, key: k, topic: slot, partition: partition, offset: offset, timestamp: timestamp)
        }
      } else {
        append(value: v, key: nil, topic: slot, partition: partition, offset: offset, timestamp: timestamp)
      }
    }
  }

  /// Appends all records of `other`.
  public mutating func append(contentsOf other: RawRecords) {
    var remap: [Int32] = []
    for topic in other.topics { remap.append(topicSlot(topic)) }
    let valueBase = values.count
    let keyBase = keys.count
    values.append(contentsOf: other.values)
    keys.append(contentsOf: other.keys)
    valueOffsets.append(contentsOf: other.valueOffsets.dropFirst().map { $0 + valueBase })
    keyOffsets.append(contentsOf: other.keyOffsets.dropFirst().map { $0 + keyBase })
    hasKey.append(contentsOf: other.hasKey)
    topicIndex.append(contentsOf: other.topicIndex.map { remap[Int($0)] })
    if !other.headers.isEmpty || !headers.isEmpty {
      if headers.count < partitions.count {
        headers.append(contentsOf: Array(repeating: [], count: partitions.count - headers.count))
      }
      headers.append(
        contentsOf: other.headers.isEmpty ? Array(repeating: [], count: other.count) : other.headers)
    }
    if !other.sequenceNumbers.isEmpty { sequenceNumbers.append(contentsOf: other.sequenceNumbers) }
    if other.positionStyle != .topicPartitionOffset { positionStyle = other.positionStyle }
    partitions.append(contentsOf: other.partitions)
    offsets.append(contentsOf: other.offsets)
    timestamps.append(contentsOf: other.timestamps)
  }

  public func valueRange(_ i: Int) -> Range<Int> { valueOffsets[i]..<valueOffsets[i + 1] }

  public func value(_ i: Int) -> ArraySlice<UInt8> { values[valueRange(i)] }

  public func key(_ i: Int) -> ArraySlice<UInt8>? {
    hasKey[i] ? keys[keyOffsets[i]..<keyOffsets[i + 1]] : nil
  }

  public func topic(_ i: Int) -> String { topics[Int(topicIndex[i])] }

  /// `topic pinterest.pin partition 2 offset 1234` (or, for Kinesis,
  /// `stream pinterest-pin shard shardId-000000000002 sequence 4955…`) — how errors name a
  /// record's source position.
  public func positionDescription(_ i: Int) -> String {
    switch positionStyle {
    case .topicPartitionOffset:
      return "topic \(topic(i)) partition \(partitions[i]) offset \(offsets[i])"
    case .streamShardSequence:
      let sequence = i < sequenceNumbers.count ? sequenceNumbers[i] : String(offsets[i])
      return "stream \(topic(i)) shard \(Self.shardID(partitions[i])) sequence \(sequence)"
    }
  }

  /// `shardId-000000000003` for shard number 3 (Kinesis' shard id format).
  public static func shardID(_ number: Int32) -> String {
    let digits = String(number)
    return "shardId-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
  }

  /// The header list of record `i` (empty when the batch carries no headers).
  public func headers(_ i: Int) -> [RecordHeader] { i < headers.count ? headers[i] : [] }
}
