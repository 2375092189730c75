import KafkaProtocol
public import Logging
public import SluiceCore

/// Kafka topics as a micro-batch ``Source``, like Spark's Kafka source: the engine assigns every
/// partition to itself and keeps offsets in its checkpoint (``KafkaOffsets``, next offset to read
/// per partition); no consumer-group membership.
///
/// - Identity: `kafka:<topic1>,<topic2>` (sorted) or `kafka:pattern:<regex>`.
/// - `initialOffset()`: every current partition at its earliest / latest offset, at a timestamp,
///   or at given offsets. A subscribed topic that does not exist is `unknownTopic`.
/// - `latestOffset(after:limit:)`: each partition's log end — the larger of ListOffsets(LATEST)
///   and the Fetch high watermark (Tansu's ListOffsets answers less than the log end) — capped by
///   `limit.maxRecords` split in proportion to what each partition has (``OffsetBudget``).
///   Partitions that appeared since `start` (new topics matching the pattern, partitions added to
///   a topic) are read from offset 0, as Spark does; a new partition whose log starts later, or a
///   position that is no longer in the log, is data loss (see ``KafkaSourceOptions/failOnDataLoss``).
/// - `read(from:to:)`: exactly the records `[start, end)` of every partition, fetched round by
///   round until each reaches its end, concatenated topic by topic, partition by partition — the
///   same records every time. Records carry key, headers and timestamp.
/// - `commit(_:)`: with ``KafkaSourceOptions/commitOffsetsToGroup``, stores the end offsets for
///   that consumer group (generation −1).
/// - `lag(after:)`: records between a position and the log ends.
public struct KafkaSource: Source {
  public let api: any KafkaBrokerAPI
  public let options: KafkaSourceOptions
  let logger: Logger

  public init(
    api: any KafkaBrokerAPI, options: KafkaSourceOptions,
    logger: Logger = Logger(label: "sluice.kafka.source")
  ) throws(KafkaClientError) {
    switch options.subscription {
    case .topics(let topics):
      guard !topics.isEmpty, topics.allSatisfy({ !$0.isEmpty }) else {
        throw KafkaClientError(
          .invalidConfiguration, "a Kafka source needs at least one topic (or a topicPattern)")
      }
    case .pattern(let pattern):
      _ = try TopicMatcher(pattern)
    }
    self.api = api
    self.options = options
    self.logger = logger
  }

  public var identity: String {
    switch options.subscription {
    case .topics(let topics): "kafka:" + Array(Set(topics)).sorted().joined(separator: ",")
    case .pattern(let pattern): "kafka:pattern:" + pattern
    }
  }

  // MARK: - Source

  public func initialOffset() async throws -> SerializedOffset {
    try await initialOffsets().serialized
  }

  public func latestOffset(after start: SerializedOffset, limit: ReadLimit) async throws -> SerializedOffset {
    let startOffsets = try KafkaOffsets(start)
    let end = try await plan(after: startOffsets, maxRecords: limit.maxRecords)
    return end == startOffsets ? start : end.serialized
  }

  public func read(from start: SerializedOffset, to end: SerializedOffset) async throws -> RawRecords {
    try await records(from: try KafkaOffsets(start), to: try KafkaOffsets(end))
  }

  public func commit(_ end: SerializedOffset) async throws {
    guard let group = options.commitOffsetsToGroup else { return }
    let offsets = try KafkaOffsets(end).offsets.filter { $0.value >= 0 }
    try await api.commitOffsets(group: group, offsets: offsets)
  }

  public func lag(after offset: SerializedOffset) async throws -> Int64? {
    let position = try KafkaOffsets(offset)
    let partitions = try await currentPartitions(known: position)
    let latest = try await latestOffsets(partitions)
    return partitions.reduce(Int64(0)) { sum, tp in
      sum + max(0, (latest[tp] ?? 0) - (position[tp] ?? 0))
    }
  }

  // MARK: - Offsets

  /// Resolves `startingOffsets` against the cluster as it is now.
  public func initialOffsets() async throws -> KafkaOffsets {
    let partitions = try await currentPartitions(known: KafkaOffsets())
    var result = KafkaOffsets()
    switch options.startingOffsets {
    case .earliest:
      result.offsets = try await earliestOffsets(partitions)
    case .latest:
      result.offsets = try await latestOffsets(partitions)
    case .timestamp(let ms):
      let found = try await api.listOffsets(Dictionary(uniqueKeysWithValues: partitions.map { ($0, ms) }))
      let latest = try await latestOffsets(partitions)
      for tp in partitions {
        let offset = found[tp] ?? -1
        result[tp] = offset >= 0 ? offset : latest[tp]
      }
    case .specific(let given):
      let subscribed = Set(partitions.map(\.topic))
      for tp in given.partitions where !subscribed.contains(tp.topic) {
        throw KafkaClientError(
          .invalidConfiguration,
          "startingOffsets names topic \(tp.topic), which this source does not read (it reads "
            + "\(subscribed.sorted().joined(separator: ", ")))")
      }
      let earliest = try await earliestOffsets(partitions)
      let latest = try await latestOffsets(partitions)
      for tp in partitions {
        let low = earliest[tp] ?? 0
        let high = latest[tp] ?? low
        switch given[tp] {
        case nil, KafkaOffsets.earliestSentinel: result[tp] = low
        case KafkaOffsets.latestSentinel: result[tp] = high
        case let offset?:
          guard offset >= low, offset <= high else {
            throw KafkaClientError(
              .invalidConfiguration,
              "startingOffsets asks for offset \(offset) of \(tp), but the partition holds offsets \(low)..<\(high); "
                + "choose an offset in that range, or -2 (earliest) / -1 (latest)")
          }
          result[tp] = offset
        }
      }
    }
    return result
  }

  /// The log start of each partition.
  func earliestOffsets(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
    guard !partitions.isEmpty else { return [:] }
    return try await api.listOffsets(
      Dictionary(uniqueKeysWithValues: partitions.map { ($0, ListOffsetsRequest.earliest) }))
  }

  /// The log end of each partition: max(ListOffsets(LATEST), Fetch high watermark). Real Kafka
  /// answers both the same; Tansu's ListOffsets(LATEST) can be lower than the log end.
  func latestOffsets(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
    guard !partitions.isEmpty else { return [:] }
    var latest = try await api.listOffsets(
      Dictionary(uniqueKeysWithValues: partitions.map { ($0, ListOffsetsRequest.latest) }))
    // A short wait, not zero: Tansu answers a Fetch with MaxWaitMs 0 with no partitions at all.
    let probe = try await api.fetch(latest.filter { $0.value >= 0 }, maxWait: .milliseconds(10))
    for (tp, fetched) in probe where fetched.highWatermark > (latest[tp] ?? -1) {
      latest[tp] = fetched.highWatermark
    }
    return latest
  }

  /// The partitions the subscription covers now. A subscribed topic that does not exist is
  /// `unknownTopic` — unless the position already has it (it was deleted): that is data loss.
  func currentPartitions(known: KafkaOffsets) async throws -> [TopicPartition] {
    var partitions: [TopicPartition] = []
    switch options.subscription {
    case .topics(let topics):
      let names = Array(Set(topics)).sorted()
      let metadata = try await api.metadata(topics: names)
      for name in names {
        guard let topic = metadata[name] else {
          if known.partitions.contains(where: { $0.topic == name }) {
            try reportDataLoss(
              "topic \(name) was deleted (it is no longer in the cluster's metadata); its unread records are lost"
            )
            continue
          }
          throw KafkaClientError(
            .unknownTopic,
            "topic '\(name)' does not exist on the Kafka cluster; create it, fix `topics:` in the job, or use "
              + "topicPattern to pick topics up once they exist")
        }
        partitions += topic.partitions.map { TopicPartition(name, $0) }
      }
    case .pattern(let pattern):
      let matcher = try TopicMatcher(pattern)
      let metadata = try await api.metadata(topics: nil)
      for name in metadata.keys.sorted() where !metadata[name]!.isInternal && matcher.matches(name) {
        partitions += metadata[name]!.partitions.map { TopicPartition(name, $0) }
      }
    }
    return partitions
  }

  /// Applies the data-loss policy: throws `dataLoss` when `failOnDataLoss`, else logs a warning.
  func reportDataLoss(_ message: String) throws(KafkaClientError) {
    if options.failOnDataLoss {
      throw KafkaClientError(
        .dataLoss,
        "\(message). Set failOnDataLoss: false to continue from the earliest available offset with a warning, "
          + "or start a new checkpoint")
    }
    logger.warning("data loss: \(message); continuing (failOnDataLoss: false)")
  }
}
