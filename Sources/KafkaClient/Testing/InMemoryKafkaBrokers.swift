public import KafkaProtocol
import NIOConcurrencyHelpers
public import SluiceCore

/// The in-memory twin of a Kafka cluster at the request level: a ``KafkaTransport`` that answers
/// Metadata, ListOffsets, Fetch, FindCoordinator, OffsetCommit and OffsetFetch requests from
/// in-memory partition logs, as brokers `broker-<id>:9092` would. Use it under a real
/// ``KafkaCluster`` so routing, retries and the source's planning are tested without sockets.
///
/// Records are stored as real RecordBatch v2 bytes (one batch per `produce` call, any codec), so a
/// Fetch may return a batch that starts before the fetch offset, as Kafka does. Test controls:
/// leader moves, retention (`deleteRecords`), topic creation/deletion and partition growth,
/// injected error codes and disconnects, brokers going down, and Tansu's quirks (ListOffsets(LATEST)
/// answering the last batch's base offset + 1; Fetch leaving out partitions without records).
public final class InMemoryKafkaBrokers: KafkaTransport, Sendable {
  struct Batch {
    var baseOffset: Int64
    var lastOffset: Int64
    var bytes: [UInt8]
    var timestamps: [Int64]
  }

  struct PartitionLog {
    var leader: Int32
    var batches: [Batch] = []
    var logStart: Int64 = 0
    var end: Int64 = 0
  }

  struct Fault {
    var api: ApiKey
    var broker: Int32?
    var error: KafkaErrorCode?
    var remaining: Int
  }

  struct State {
    var brokers: [Int32]
    var down: Set<Int32> = []
    var topics: [String: [PartitionLog]] = [:]
    var committed: [String: [TopicPartition: Int64]] = [:]
    var faults: [Fault] = []
    var requestCounts: [ApiKey: Int] = [:]
    var listOffsetsLatestQuirk = false
    /// Fetch answers at most this many batches per partition (forces several rounds).
    var batchesPerFetch = Int.max
    /// Leave partitions without records out of Fetch responses (Tansu does).
    var omitsEmptyFetchPartitions = false
  }

  private let state: NIOLockedValueBox<State>

  public init(brokers: [Int32] = [1]) {
    state = NIOLockedValueBox(State(brokers: brokers))
  }

  /// `broker-<id>:9092`.
  public static func address(_ node: Int32) -> BrokerAddress {
    BrokerAddress(host: "broker-\(node)", port: 9092)
  }

  /// The bootstrap list of this cluster.
  public var bootstrapServers: [BrokerAddress] { state.withLockedValue { $0.brokers.map(Self.address) } }

  // MARK: - Test controls

  /// Creates `name` with `partitions` partitions; leaders round-robin over the brokers.
  public func createTopic(_ name: String, partitions: Int) {
    state.withLockedValue { s in
      s.topics[name] = (0..<partitions).map { PartitionLog(leader: s.brokers[$0 % s.brokers.count]) }
    }
  }

  /// Grows `name` to `total` partitions.
  public func addPartitions(_ name: String, total: Int) {
    state.withLockedValue { s in
      var logs = s.topics[name] ?? []
      while logs.count < total { logs.append(PartitionLog(leader: s.brokers[logs.count % s.brokers.count])) }
      s.topics[name] = logs
    }
  }

  public func deleteTopic(_ name: String) {
    _ = state.withLockedValue { $0.topics.removeValue(forKey: name) }
  }

  /// Appends one batch; returns its base offset.
  @discardableResult
  public func produce(
    _ topic: String, partition: Int32, values: [String], keys: [String?]? = nil, headers: [RecordHeader] = [],
    timestamp: Int64 = 1_700_000_000_000, compression: KafkaCompression = .none
  ) throws -> Int64 {
    try state.withLockedValue { s in
      guard var logs = s.topics[topic], Int(partition) < logs.count else {
        throw KafkaClientError(.unknownTopic, "no such topic/partition \(topic)/\(partition) in the twin")
      }
      var log = logs[Int(partition)]
      var encoder = RecordBatchEncoder(baseOffset: log.end, compression: compression)
      for (i, value) in values.enumerated() {
        encoder.append(
          key: keys?[i].map { Array($0.utf8) }, value: Array(value.utf8), headers: headers,
          timestamp: timestamp + Int64(i))
      }
      let bytes = try encoder.encode()
      let base = log.end
      log.batches.append(
        Batch(
          baseOffset: base, lastOffset: base + Int64(values.count) - 1, bytes: bytes,
          timestamps: values.indices.map { timestamp + Int64($0) }))
      log.end += Int64(values.count)
      logs[Int(partition)] = log
      s.topics[topic] = logs
      return base
    }
  }

  /// Retention: records before `offset` are gone (whole batches are dropped).
  public func deleteRecords(_ topic: String, partition: Int32, before offset: Int64) {
    state.withLockedValue { s in
      guard var logs = s.topics[topic] else { return }
      logs[Int(partition)].logStart = offset
      logs[Int(partition)].batches.removeAll { $0.lastOffset < offset }
      s.topics[topic] = logs
    }
  }

  public func moveLeader(_ topic: String, partition: Int32, to node: Int32) {
    state.withLockedValue { s in s.topics[topic]?[Int(partition)].leader = node }
  }

  /// Connections to `node` fail as if it were down (`brokerUnreachable`), or work again.
  public func setBroker(_ node: Int32, down: Bool) {
    state.withLockedValue { s in
      if down { s.down.insert(node) } else { s.down.remove(node) }
    }
  }

  /// The next `count` requests of `api` (to `broker`, or any) fail: with `error` in every
  /// partition, or (`error == nil`) as a dropped connection.
  public func injectFault(_ api: ApiKey, broker: Int32? = nil, error: KafkaErrorCode?, count: Int = 1) {
    state.withLockedValue {
      $0.faults.append(Fault(api: api, broker: broker, error: error, remaining: count))
    }
  }

  /// Answer ListOffsets(LATEST) like Tansu 0.6: the last batch's base offset + 1.
  public func setListOffsetsLatestQuirk(_ on: Bool) {
    state.withLockedValue { $0.listOffsetsLatestQuirk = on }
  }

  /// Leave partitions without records out of Fetch responses, as Tansu 0.6 does.
  public func setOmitsEmptyFetchPartitions(_ on: Bool) {
    state.withLockedValue { $0.omitsEmptyFetchPartitions = on }
  }

  /// Fetch returns at most `count` batches per partition.
  public func setBatchesPerFetch(_ count: Int) {
    state.withLockedValue { $0.batchesPerFetch = max(1, count) }
  }

  /// How many requests of `api` were received.
  public func requestCount(_ api: ApiKey) -> Int { state.withLockedValue { $0.requestCounts[api] ?? 0 } }

  /// The group's committed offsets.
  public func committedOffsets(group: String) -> [TopicPartition: Int64] {
    state.withLockedValue { $0.committed[group] ?? [:] }
  }

  // MARK: - KafkaTransport

  public func send<R: KafkaRequest>(_ request: R, to broker: BrokerAddress) async throws -> R.Response {
    let response: Any = try state.withLockedValue { s -> Any in
      guard let node = s.brokers.first(where: { Self.address($0) == broker }), !s.down.contains(node) else {
        throw KafkaClientError(
          .brokerUnreachable, "cannot connect to Kafka broker \(broker): connection refused")
      }
      s.requestCounts[R.apiKey, default: 0] += 1
      var injected: KafkaErrorCode? = nil
      if let i = s.faults.firstIndex(where: { $0.api == R.apiKey && ($0.broker == nil || $0.broker == node) })
      {
        s.faults[i].remaining -= 1
        let fault = s.faults[i]
        if fault.remaining <= 0 { s.faults.remove(at: i) }
        guard let error = fault.error else {
          throw KafkaClientError(.disconnected, "Kafka broker \(broker) closed the connection (injected)")
        }
        injected = error
      }
      return try Self.answer(request, node: node, injected: injected, state: &s)
    }
    return response as! R.Response
  }

  public func shutdown() async {}
}
