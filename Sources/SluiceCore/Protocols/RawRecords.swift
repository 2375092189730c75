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

  /// `topic pinterest.pin partition 2 offset 1234` — how errors name a record's source position.
  public func positionDescription(_ i: Int) -> String {
    "topic \(topic(i)) partition \(partitions[i]) offset \(offsets[i])"
  }
}
