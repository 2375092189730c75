public import SluiceCore

/// Where a ``LogSource`` stands: for each topic and partition, the next offset to read (an
/// exclusive end position), like Spark's Kafka offsets: `{"pinterest.pin":{"0":123,"1":98}}`.
///
/// In `startingOffsets` documents, `-2` means "earliest" and `-1` "latest" (Spark's spelling);
/// ``LogSource`` resolves them, and positions it returns never contain them.
public struct LogPosition: Offset, CustomStringConvertible {
  public static let earliestSentinel: Int64 = -2
  public static let latestSentinel: Int64 = -1

  /// topic → partition → next offset.
  public var offsets: [String: [Int32: Int64]]

  public init(_ offsets: [String: [Int32: Int64]] = [:]) {
    self.offsets = offsets
  }

  /// The next offset of `partition` of `topic`, if the position has one.
  public subscript(topic: String, partition: Int32) -> Int64? {
    get { offsets[topic]?[partition] }
    set { offsets[topic, default: [:]][partition] = newValue }
  }

  /// Topics, sorted.
  public var topics: [String] { offsets.keys.sorted() }

  /// Partitions of `topic`, in numeric order.
  public func partitions(of topic: String) -> [Int32] { (offsets[topic] ?? [:]).keys.sorted() }

  public var json: JSONValue {
    .object(
      topics.map { topic in
        (topic, .object(partitions(of: topic).map { (String($0), .int(offsets[topic]![$0]!)) }))
      })
  }

  public var description: String { json.canonical }

  /// Decodes `{"topic":{"partition":offset,…},…}`; every error names the topic and partition at
  /// fault and what is expected there.
  public init(json: JSONValue) throws(LogError) {
    let example = "expected a JSON object like {\"my.topic\":{\"0\":123,\"1\":98}}"
    guard let topics = json.objectMembers else {
      throw LogError(
        .invalidPosition, "a log position must be a JSON object; \(example), got \(json.canonical)")
    }
    var offsets: [String: [Int32: Int64]] = [:]
    for (topic, partitionsJSON) in topics {
      do {
        try LogLayout.validateTopicName(topic)
      } catch {
        throw LogError(.invalidPosition, "log position: \(error.message)")
      }
      guard offsets[topic] == nil else {
        throw LogError(.invalidPosition, "log position: topic \(topic) appears twice")
      }
      guard let partitions = partitionsJSON.objectMembers else {
        throw LogError(
          .invalidPosition,
          "log position: topic \(topic) must map to an object of partition → offset, got "
            + "\(partitionsJSON.canonical); \(example)")
      }
      var byPartition: [Int32: Int64] = [:]
      for (key, value) in partitions {
        guard let partition = LogPosition.partitionNumber(key) else {
          throw LogError(
            .invalidPosition,
            "log position: \"\(key)\" under topic \(topic) is not a partition number (a decimal "
              + "integer 0...\(Int32.max) without leading zeros)")
        }
        guard byPartition[partition] == nil else {
          throw LogError(
            .invalidPosition, "log position: topic \(topic) partition \(partition) appears twice")
        }
        guard case .int(let offset) = value else {
          throw LogError(
            .invalidPosition,
            "log position: the offset of topic \(topic) partition \(partition) must be an integer, got "
              + value.canonical)
        }
        guard offset >= LogPosition.earliestSentinel else {
          throw LogError(
            .invalidPosition,
            "log position: the offset of topic \(topic) partition \(partition) is \(offset); offsets are "
              + "≥ 0 (or -2 for earliest, -1 for latest in startingOffsets)")
        }
        byPartition[partition] = offset
      }
      offsets[topic] = byPartition
    }
    self.offsets = offsets
  }

  /// Parses a position from its JSON text.
  public init(text: String) throws(LogError) {
    let json: JSONValue
    do {
      json = try JSONValue.parse(text)
    } catch {
      throw LogError(.invalidPosition, "log position is not valid JSON: \(error.message)")
    }
    try self.init(json: json)
  }

  static func partitionNumber(_ key: String) -> Int32? {
    let bytes = Array(key.utf8)
    guard !bytes.isEmpty, bytes.count <= 10, bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else {
      return nil
    }
    var value: Int64 = 0
    for b in bytes {
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int64(b - UInt8(ascii: "0"))
    }
    return value <= Int64(Int32.max) ? Int32(value) : nil
  }
}
