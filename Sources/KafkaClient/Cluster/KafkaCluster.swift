import KafkaProtocol
public import Logging

/// The real ``KafkaBrokerAPI``: a view of one Kafka cluster through its bootstrap servers.
///
/// Keeps a metadata cache (brokers, partition leaders), sends each request to the partition's
/// leader (one connection per broker, through the ``KafkaTransport``), and retries retriable
/// failures — NOT_LEADER_OR_FOLLOWER, LEADER_NOT_AVAILABLE, UNKNOWN_TOPIC_OR_PARTITION while the
/// topic still exists, fenced epochs, disconnects, timeouts — after refreshing metadata, with
/// exponential backoff (``RetryPolicy``). A topic missing from fresh metadata is `unknownTopic`;
/// authentication and authorization failures are never retried.
public actor KafkaCluster: KafkaBrokerAPI {
  public nonisolated let configuration: KafkaClientConfiguration
  let transport: any KafkaTransport
  let logger: Logger
  var brokers: [Int32: BrokerAddress] = [:]
  var leaders: [TopicPartition: Int32] = [:]
  var topics: [String: KafkaTopicMetadata] = [:]
  /// Set after a retriable failure: the next lookup refreshes metadata first.
  var metadataIsStale = true

  public init(
    configuration: KafkaClientConfiguration, transport: (any KafkaTransport)? = nil,
    logger: Logger = Logger(label: "sluice.kafka")
  ) {
    self.configuration = configuration
    self.transport = transport ?? NIOKafkaTransport(configuration: configuration, logger: logger)
    self.logger = logger
  }

  /// Closes every connection.
  public func shutdown() async {
    await transport.shutdown()
  }

  // MARK: - KafkaBrokerAPI

  public func metadata(topics names: [String]?) async throws -> [String: KafkaTopicMetadata] {
    try await withRetries("reading cluster metadata") {
      try await refreshMetadata(topics: names)
    }
  }

  public func listOffsets(_ queries: [TopicPartition: Int64]) async throws -> [TopicPartition: Int64] {
    try await perPartition(Array(queries.keys), what: "listing offsets") { broker, partitions, transport in
      let request = ListOffsetsRequest(
        topics: Self.grouped(partitions).map { topic, indexes in
          ListOffsetsRequest.Topic(
            name: topic,
            partitions: indexes.map {
              ListOffsetsRequest.Partition(partitionIndex: $0, timestamp: queries[TopicPartition(topic, $0)]!)
            })
        })
      let response = try await transport.send(request, to: broker)
      var outcomes: [TopicPartition: PartitionOutcome<Int64>] = [:]
      for topic in response.topics {
        for p in topic.partitions {
          let tp = TopicPartition(topic.name, p.partitionIndex)
          outcomes[tp] = Self.outcome(p.errorCode, p.offset, "listing offsets of \(tp) at broker \(broker)")
        }
      }
      return outcomes
    }
  }

  public func fetch(_ offsets: [TopicPartition: Int64], maxWait: Duration) async throws
    -> [TopicPartition: FetchedPartition]
  {
    let partitionMaxBytes = configuration.fetchPartitionMaxBytes
    let maxBytes = configuration.fetchMaxBytes
    let waitMs = Int32(
      clamping: maxWait.components.seconds * 1000 + maxWait.components.attoseconds / 1_000_000_000_000_000)
    return try await perPartition(Array(offsets.keys), what: "fetching records") {
      broker, partitions, transport in
      let request = FetchRequest(
        topics: Self.grouped(partitions).map { topic, indexes in
          FetchRequest.Topic(
            name: topic,
            partitions: indexes.map {
              FetchRequest.Partition(
                partition: $0, fetchOffset: offsets[TopicPartition(topic, $0)]!,
                partitionMaxBytes: partitionMaxBytes)
            })
        }, maxWaitMs: waitMs, minBytes: waitMs > 0 ? 1 : 0, maxBytes: maxBytes)
      let response = try await transport.send(request, to: broker)
      if response.errorCode != .none {
        let error = KafkaClientError.broker(response.errorCode, "fetching from broker \(broker)")
        return Dictionary(uniqueKeysWithValues: partitions.map { ($0, PartitionOutcome.retry(error)) })
      }
      // Brokers may leave out partitions that have nothing to return (Tansu does): no records, and
      // no news about the high watermark.
      var outcomes: [TopicPartition: PartitionOutcome<FetchedPartition>] = Dictionary(
        uniqueKeysWithValues: partitions.map {
          ($0, .done(FetchedPartition(highWatermark: -1, logStartOffset: -1, records: [])))
        })
      for topic in response.topics {
        for p in topic.partitions {
          let tp = TopicPartition(topic.name, p.partitionIndex)
          let fetched = FetchedPartition(
            errorCode: p.errorCode, highWatermark: p.highWatermark, logStartOffset: p.logStartOffset,
            records: p.records)
          if p.errorCode == .offsetOutOfRange {
            outcomes[tp] = .done(fetched)
          } else {
            outcomes[tp] = Self.outcome(p.errorCode, fetched, "fetching \(tp) from broker \(broker)")
          }
        }
      }
      return outcomes
    }
  }

  public func commitOffsets(group: String, offsets: [TopicPartition: Int64]) async throws {
    guard !offsets.isEmpty else { return }
    try await withRetries("committing offsets of consumer group '\(group)'") {
      let coordinator = try await coordinator(of: group)
      let request = OffsetCommitRequest(
        groupID: group,
        topics: Self.grouped(Array(offsets.keys)).map { topic, indexes in
          OffsetCommitRequest.Topic(
            name: topic,
            partitions: indexes.map {
              OffsetCommitRequest.Partition(
                partitionIndex: $0, committedOffset: offsets[TopicPartition(topic, $0)]!)
            })
        })
      let response = try await transport.send(request, to: coordinator)
      for topic in response.topics {
        for p in topic.partitions where p.errorCode != .none {
          throw KafkaClientError.broker(
            p.errorCode,
            "committing the offset of \(TopicPartition(topic.name, p.partitionIndex)) for consumer group '\(group)' "
              + "at coordinator \(coordinator)")
        }
      }
    }
  }

  public func fetchCommittedOffsets(group: String, partitions: [TopicPartition]) async throws
    -> [TopicPartition: Int64]
  {
    try await withRetries("reading committed offsets of consumer group '\(group)'") {
      let coordinator = try await coordinator(of: group)
      let request = OffsetFetchRequest(
        groupID: group,
        topics: Self.grouped(partitions).map { OffsetFetchRequest.Topic(name: $0.0, partitionIndexes: $0.1) })
      let response = try await transport.send(request, to: coordinator)
      if response.errorCode != .none {
        throw KafkaClientError.broker(
          response.errorCode, "reading committed offsets of consumer group '\(group)' at \(coordinator)")
      }
      var result: [TopicPartition: Int64] = [:]
      for topic in response.topics {
        for p in topic.partitions {
          if p.errorCode != .none {
            throw KafkaClientError.broker(
              p.errorCode, "reading the committed offset of \(TopicPartition(topic.name, p.partitionIndex))")
          }
          if p.committedOffset >= 0 {
            result[TopicPartition(topic.name, p.partitionIndex)] = p.committedOffset
          }
        }
      }
      return result
    }
  }

  // MARK: - Helpers

  /// Partitions grouped by topic (sorted), partition numbers ascending.
  static func grouped(_ partitions: [TopicPartition]) -> [(String, [Int32])] {
    var byTopic: [String: [Int32]] = [:]
    for tp in partitions { byTopic[tp.topic, default: []].append(tp.partition) }
    return byTopic.keys.sorted().map { ($0, byTopic[$0]!.sorted()) }
  }

  static func outcome<V>(_ code: KafkaErrorCode, _ value: V, _ what: String) -> PartitionOutcome<V> {
    if code == .none { return .done(value) }
    let error = KafkaClientError.broker(code, what)
    return Self.retriableCodes.contains(code) || code.isRetriable ? .retry(error) : .fail(error)
  }

  /// Codes that a metadata refresh and a retry fix.
  static let retriableCodes: Set<KafkaErrorCode> = [
    .notLeaderOrFollower, .leaderNotAvailable, .unknownTopicOrPartition, .fencedLeaderEpoch,
    .unknownLeaderEpoch,
    .requestTimedOut, .networkException, .kafkaStorageError, .offsetNotAvailable, .unknownServerError,
    .coordinatorLoadInProgress, .coordinatorNotAvailable, .notCoordinator,
  ]
}

/// What one broker said about one partition.
enum PartitionOutcome<V: Sendable>: Sendable {
  case done(V)
  /// Retry after a metadata refresh (leader moved, broker down…).
  case retry(KafkaClientError)
  case fail(KafkaClientError)
}
