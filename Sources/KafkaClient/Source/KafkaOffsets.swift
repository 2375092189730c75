public import SluiceCore

/// Where a ``KafkaSource`` stands: per topic and partition, the next offset to read — Spark's
/// Kafka offsets format, `{"topic":{"0":123,"1":98}}`.
///
/// In `startingOffsets` documents `-2` means earliest and `-1` latest (Spark's spelling); offsets
/// the source returns never contain them.
public struct KafkaOffsets: Offset, CustomStringConvertible {
  public static let earliestSentinel: Int64 = -2
  public static let latestSentinel: Int64 = -1

  public var offsets: [TopicPartition: Int64]

  public init(_ offsets: [TopicPartition: Int64] = [:]) {
    self.offsets = offsets
  }

  public subscript(_ tp: TopicPartition) -> Int64? {
    get { offsets[tp] }
    set { offsets[tp] = newValue }
  }

  /// Partitions, sorted by topic then partition.
  public var partitions: [TopicPartition] { offsets.keys.sorted() }

  public var json: JSONValue {
    var byTopic: [String: [(String, JSONValue)]] = [:]
    for tp in partitions { byTopic[tp.topic, default: []].append((String(tp.partition), .int(offsets[tp]!))) }
    return .object(byTopic.keys.sorted().map { ($0, .object(byTopic[$0]!)) })
  }

  public var description: String { json.canonical }

  /// Decodes `{"topic":{"partition":offset,…},…}`; errors name the topic and partition at fault.
  public init(json: JSONValue) throws(KafkaClientError) {
    let example = "expected a JSON object like {\"my.topic\":{\"0\":123,\"1\":98}}"
    guard let topics = json.objectMembers else {
      throw KafkaClientError(
        .invalidOffsets, "Kafka offsets must be a JSON object; \(example), got \(json.canonical)")
    }
    var offsets: [TopicPartition: Int64] = [:]
    for (topic, partitionsJSON) in topics {
      guard !topic.isEmpty else { throw KafkaClientError(.invalidOffsets, "Kafka offsets: empty topic name") }
      guard let partitions = partitionsJSON.objectMembers else {
        throw KafkaClientError(
          .invalidOffsets,
          "Kafka offsets: topic \(topic) must map to an object of partition → offset, got \(partitionsJSON.canonical); \(example)"
        )
      }
      for (key, value) in partitions {
        guard let partition = Int32(key), partition >= 0, String(partition) == key else {
          throw KafkaClientError(
            .invalidOffsets, "Kafka offsets: \"\(key)\" under topic \(topic) is not a partition number")
        }
        guard case .int(let offset) = value, offset >= Self.earliestSentinel else {
          throw KafkaClientError(
            .invalidOffsets,
            "Kafka offsets: the offset of topic \(topic) partition \(partition) must be an integer ≥ 0 (or -2 "
              + "earliest / -1 latest in startingOffsets), got \(value.canonical)")
        }
        let tp = TopicPartition(topic, partition)
        guard offsets[tp] == nil else {
          throw KafkaClientError(.invalidOffsets, "Kafka offsets: \(tp) appears twice")
        }
        offsets[tp] = offset
      }
    }
    self.offsets = offsets
  }
}
