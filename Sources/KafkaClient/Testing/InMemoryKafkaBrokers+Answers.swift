import KafkaProtocol

extension InMemoryKafkaBrokers {
  /// The response of broker `node` to `request`.
  static func answer<R: KafkaRequest>(
    _ request: R, node: Int32, injected: KafkaErrorCode?, state s: inout State
  )
    throws -> Any
  {
    switch request {
    case let metadata as MetadataRequest:
      return answerMetadata(metadata, state: s)
    case let list as ListOffsetsRequest:
      return ListOffsetsResponse(
        topics: list.topics.map { topic in
          ListOffsetsResponse.Topic(
            name: topic.name,
            partitions: topic.partitions.map { p in
              let code = injected ?? partitionError(topic.name, p.partitionIndex, node: node, state: s)
              guard code == .none, let log = s.topics[topic.name]?[Int(p.partitionIndex)] else {
                return ListOffsetsResponse.Partition(
                  partitionIndex: p.partitionIndex, errorCode: code, offset: -1)
              }
              return ListOffsetsResponse.Partition(
                partitionIndex: p.partitionIndex,
                offset: offset(for: p.timestamp, in: log, quirk: s.listOffsetsLatestQuirk))
            })
        })
    case let fetch as FetchRequest:
      var response = FetchResponse(
        topics: fetch.topics.map { topic in
          FetchResponse.Topic(
            name: topic.name,
            partitions: topic.partitions.map { p in
              let code = injected ?? partitionError(topic.name, p.partition, node: node, state: s)
              guard code == .none, let log = s.topics[topic.name]?[Int(p.partition)] else {
                return FetchResponse.Partition(
                  partitionIndex: p.partition, errorCode: code, highWatermark: -1)
              }
              guard p.fetchOffset >= log.logStart, p.fetchOffset <= log.end else {
                return FetchResponse.Partition(
                  partitionIndex: p.partition, errorCode: .offsetOutOfRange, highWatermark: log.end,
                  logStartOffset: log.logStart)
              }
              var bytes: [UInt8] = []
              for batch in log.batches.filter({ $0.lastOffset >= p.fetchOffset }).prefix(s.batchesPerFetch) {
                bytes += batch.bytes
              }
              return FetchResponse.Partition(
                partitionIndex: p.partition, highWatermark: log.end, lastStableOffset: log.end,
                logStartOffset: log.logStart, records: bytes[...])
            })
        })
      if s.omitsEmptyFetchPartitions {
        for t in response.topics.indices {
          response.topics[t].partitions.removeAll { $0.errorCode == .none && $0.records.isEmpty }
        }
        response.topics.removeAll { $0.partitions.isEmpty }
      }
      return response
    case is FindCoordinatorRequest:
      let coordinator = s.brokers.first { !s.down.contains($0) } ?? node
      let address = address(coordinator)
      return FindCoordinatorResponse(coordinators: [
        .init(
          key: nil, nodeID: coordinator, host: address.host, port: Int32(address.port),
          errorCode: injected ?? .none)
      ])
    case let commit as OffsetCommitRequest:
      for topic in commit.topics {
        for p in topic.partitions where injected == nil {
          s.committed[commit.groupID, default: [:]][TopicPartition(topic.name, p.partitionIndex)] =
            p.committedOffset
        }
      }
      return OffsetCommitResponse(
        topics: commit.topics.map { topic in
          OffsetCommitResponse.Topic(
            name: topic.name,
            partitions: topic.partitions.map {
              .init(partitionIndex: $0.partitionIndex, errorCode: injected ?? .none)
            })
        })
    case let fetchOffsets as OffsetFetchRequest:
      let committed = s.committed[fetchOffsets.groupID] ?? [:]
      return OffsetFetchResponse(
        topics: (fetchOffsets.topics ?? []).map { topic in
          OffsetFetchResponse.Topic(
            name: topic.name,
            partitions: topic.partitionIndexes.map {
              .init(partitionIndex: $0, committedOffset: committed[TopicPartition(topic.name, $0)] ?? -1)
            })
        }, errorCode: injected ?? .none)
    default:
      throw KafkaClientError(.unsupportedVersion, "the in-memory Kafka twin does not implement \(R.apiKey)")
    }
  }

  private static func answerMetadata(_ request: MetadataRequest, state s: State) -> MetadataResponse {
    let brokers = s.brokers.filter { !s.down.contains($0) }.map { node in
      let address = address(node)
      return MetadataResponse.Broker(nodeID: node, host: address.host, port: Int32(address.port))
    }
    let names = request.topics ?? s.topics.keys.sorted()
    return MetadataResponse(
      brokers: brokers, controllerID: s.brokers.first ?? -1,
      topics: names.map { name in
        guard let logs = s.topics[name] else {
          return MetadataResponse.Topic(errorCode: .unknownTopicOrPartition, name: name, partitions: [])
        }
        return MetadataResponse.Topic(
          name: name,
          partitions: logs.enumerated().map { i, log in
            MetadataResponse.Partition(
              partitionIndex: Int32(i), leaderID: log.leader, replicaNodes: [log.leader],
              isrNodes: [log.leader])
          })
      })
  }

  private static func partitionError(_ topic: String, _ partition: Int32, node: Int32, state s: State)
    -> KafkaErrorCode
  {
    guard let logs = s.topics[topic], partition >= 0, Int(partition) < logs.count else {
      return .unknownTopicOrPartition
    }
    return logs[Int(partition)].leader == node ? .none : .notLeaderOrFollower
  }

  private static func offset(for timestamp: Int64, in log: PartitionLog, quirk: Bool) -> Int64 {
    switch timestamp {
    case ListOffsetsRequest.earliest:
      return log.logStart
    case ListOffsetsRequest.latest:
      if quirk, let last = log.batches.last { return last.baseOffset + 1 }
      return log.end
    default:
      for batch in log.batches {
        if let i = batch.timestamps.firstIndex(where: { $0 >= timestamp }) {
          return max(batch.baseOffset + Int64(i), log.logStart)
        }
      }
      return -1
    }
  }
}
