/// The records of one request, validated and ready to append: their keys and values are byte
/// ranges of one buffer — the request body itself (values stored exactly as sent) or bytes
/// decoded from it (base64) and appended after it, so earlier ranges stay valid.
struct IncomingRecords: Sendable {
  /// The request body, followed by any decoded bytes.
  private(set) var bytes: [UInt8]
  private(set) var keys: [Range<Int>?] = []
  private(set) var values: [Range<Int>] = []
  /// An explicit partition per record, or `nil` to let the log choose (murmur2 of the key, or
  /// round-robin without a key).
  private(set) var partitions: [Int32?] = []

  init(body: [UInt8], expectedCount: Int = 1) {
    bytes = body
    keys.reserveCapacity(expectedCount)
    values.reserveCapacity(expectedCount)
    partitions.reserveCapacity(expectedCount)
  }

  var count: Int { values.count }
  var isEmpty: Bool { values.isEmpty }

  /// Bytes of keys and values over all records.
  var payloadBytes: Int {
    var total = 0
    for i in 0..<values.count { total += values[i].count + (keys[i]?.count ?? 0) }
    return total
  }

  /// Appends `data` after the body and returns its range.
  mutating func store(_ data: some Collection<UInt8>) -> Range<Int> {
    let start = bytes.count
    bytes.append(contentsOf: data)
    return start..<bytes.count
  }

  mutating func add(key: Range<Int>?, value: Range<Int>, partition: Int32?) {
    keys.append(key)
    values.append(value)
    partitions.append(partition)
  }

  /// Sets the partition of record `i` (Kinesis routing, once the shard count is known).
  mutating func setPartition(_ i: Int, _ partition: Int32) { partitions[i] = partition }
}

/// Where an appended record landed.
struct RecordPosition: Sendable, Hashable {
  var partition: Int32
  var offset: Int64
}
