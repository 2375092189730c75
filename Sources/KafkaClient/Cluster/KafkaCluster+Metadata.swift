import KafkaProtocol

extension KafkaCluster {
  /// Asks a broker (known brokers first, then the bootstrap servers) for metadata of `names`
  /// (`nil` = all topics) and updates the cache. Existing topics only in the result.
  @discardableResult
  func refreshMetadata(topics names: [String]?) async throws -> [String: KafkaTopicMetadata] {
    var candidates = brokers.keys.sorted().compactMap { brokers[$0] }
    for address in configuration.bootstrapServers where !candidates.contains(address) {
      candidates.append(address)
    }
    var lastError: KafkaClientError?
    for address in candidates {
      let response: MetadataResponse
      do {
        response = try await transport.send(MetadataRequest(topics: names), to: address)
      } catch let error as KafkaClientError where error.isRetriable {
        lastError = error
        continue
      }
      return try apply(response, asked: names)
    }
    let tried = candidates.map(\.description).joined(separator: ", ")
    throw KafkaClientError(
      lastError?.code ?? .brokerUnreachable,
      "no Kafka broker answered a metadata request (tried \(tried)): \(lastError?.message ?? "no brokers")")
  }

  private func apply(_ response: MetadataResponse, asked names: [String]?) throws -> [String:
    KafkaTopicMetadata]
  {
    if !response.brokers.isEmpty {
      brokers = Dictionary(
        response.brokers.map { ($0.nodeID, BrokerAddress(host: $0.host, port: Int($0.port))) },
        uniquingKeysWith: { $1 })
    }
    if names == nil {
      topics = [:]
      leaders = [:]
    }
    var result: [String: KafkaTopicMetadata] = [:]
    for topic in response.topics {
      guard let name = topic.name else { continue }
      switch topic.errorCode {
      case .none, .leaderNotAvailable:
        break
      case .unknownTopicOrPartition, KafkaErrorCode(17):  // 17 = INVALID_TOPIC_EXCEPTION
        forget(name)
        continue
      case .topicAuthorizationFailed:
        throw KafkaClientError.broker(topic.errorCode, "reading metadata of topic \(name)")
      default:
        throw KafkaClientError.broker(topic.errorCode, "reading metadata of topic \(name)")
      }
      forget(name)
      let metadata = KafkaTopicMetadata(
        name: name, partitions: topic.partitions.map(\.partitionIndex).sorted(), isInternal: topic.isInternal)
      topics[name] = metadata
      for p in topic.partitions { leaders[TopicPartition(name, p.partitionIndex)] = p.leaderID }
      result[name] = metadata
    }
    metadataIsStale = false
    return result
  }

  private func forget(_ topic: String) {
    topics[topic] = nil
    leaders = leaders.filter { $0.key.topic != topic }
  }

  /// The leader of each partition, refreshing metadata for topics not cached (or all, when stale).
  /// Throws `unknownTopic` for a topic that does not exist; a retriable error for a partition
  /// without a leader.
  func leaders(of partitions: [TopicPartition]) async throws -> [BrokerAddress: [TopicPartition]] {
    let needed = Set(partitions.map(\.topic))
    if metadataIsStale || !needed.allSatisfy({ topics[$0] != nil }) {
      try await refreshMetadata(topics: needed.sorted())
    }
    var byLeader: [BrokerAddress: [TopicPartition]] = [:]
    for tp in partitions {
      guard let topic = topics[tp.topic] else { throw unknownTopic(tp.topic) }
      guard topic.partitions.contains(tp.partition) else {
        throw KafkaClientError(
          .unknownTopic,
          "partition \(tp.partition) of topic \(tp.topic) does not exist (the topic has partitions "
            + "\(topic.partitions.map(String.init).joined(separator: ", "))); was the topic deleted and recreated?"
        )
      }
      guard let leader = leaders[tp], leader >= 0, let address = brokers[leader] else {
        throw KafkaClientError(
          .brokerError, "\(tp) has no leader right now (election in progress or its broker is down)",
          kafkaErrorCode: .leaderNotAvailable)
      }
      byLeader[address, default: []].append(tp)
    }
    return byLeader
  }

  func unknownTopic(_ name: String) -> KafkaClientError {
    let servers = configuration.bootstrapServers.map(\.description).joined(separator: ",")
    return KafkaClientError(
      .unknownTopic,
      "topic '\(name)' does not exist on the Kafka cluster at \(servers); create it, fix the topic name in the "
        + "job, or use topicPattern to pick topics up once they exist")
  }

  /// The group coordinator's address (FindCoordinator, key type 0).
  func coordinator(of group: String) async throws -> BrokerAddress {
    let candidates = brokers.keys.sorted().compactMap { brokers[$0] } + configuration.bootstrapServers
    guard let broker = candidates.first else {
      throw KafkaClientError(.invalidConfiguration, "no bootstrap servers configured")
    }
    let response = try await transport.send(FindCoordinatorRequest(key: group), to: broker)
    guard let coordinator = response.coordinators.first else {
      throw KafkaClientError(
        .brokerError, "Kafka broker \(broker) named no coordinator for consumer group '\(group)'",
        kafkaErrorCode: .coordinatorNotAvailable)
    }
    guard coordinator.errorCode == .none else {
      throw KafkaClientError.broker(
        coordinator.errorCode, "finding the coordinator of consumer group '\(group)'",
        message: coordinator.errorMessage)
    }
    return BrokerAddress(host: coordinator.host, port: Int(coordinator.port))
  }
}
