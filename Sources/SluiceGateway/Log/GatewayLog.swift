import SluiceCore
public import SluiceLog
import Synchronization

/// Whether producing to a topic that does not exist creates it.
public enum TopicCreation: Sendable, Hashable {
  /// Create it with this many partitions (Kafka's `auto.create.topics.enable`).
  case automatic(partitions: Int)
  /// Answer "not found".
  case off
}

/// The gateway's view of the embedded log: one ``TopicAppender`` per topic written through this
/// server (opened on first use and kept, so the server is the topic's writer while it runs),
/// topic creation and deletion, and reads. Log errors are mapped to ``GatewayError`` here.
public final class GatewayLog: Sendable {
  public let store: LogStore
  private let appenders = Mutex<[String: TopicAppender]>([:])
  private let clock: @Sendable () -> Int64

  public init(store: LogStore, clock: @escaping @Sendable () -> Int64) {
    self.store = store
    self.clock = clock
  }

  /// The appender of `topic`, opening the topic's writer on first use; creates the topic first
  /// when it is missing and `creation` allows it.
  func appender(topic: String, creation: TopicCreation) throws(GatewayError) -> TopicAppender {
    if let existing = appenders.withLock({ $0[topic] }) { return existing }
    return try appenders.withLock { (cache) throws(GatewayError) -> TopicAppender in
      if let existing = cache[topic] { return existing }
      do {
        try LogLayout.validateTopicName(topic)
        if case .automatic(let partitions) = creation, (try? store.metadata(topic: topic)) == nil {
          try store.createTopic(topic, partitions: partitions)
        }
        let appender = TopicAppender(writer: try store.openWriter(topic: topic), clock: clock)
        cache[topic] = appender
        return appender
      } catch {
        throw Self.map(any: error, topic: topic)
      }
    }
  }

  /// The partitions `topic` has, or would get when `creation` creates it; `topicNotFound`
  /// otherwise. Changes nothing.
  func partitionCount(topic: String, creation: TopicCreation) throws(GatewayError) -> Int {
    if let open = appenders.withLock({ $0[topic] }) { return open.partitionCount }
    do {
      return try store.metadata(topic: topic).partitions
    } catch  where error.code == .topicNotFound {
      guard case .automatic(let partitions) = creation else { throw Self.map(error, topic: topic) }
      return partitions
    } catch {
      throw Self.map(any: error, topic: topic)
    }
  }

  /// Creates `topic`; `topicExists` when it is there already (whatever its partition count).
  func createTopic(_ topic: String, partitions: Int) throws(GatewayError) -> TopicDescription {
    do {
      try LogLayout.validateTopicName(topic)
      if (try? store.metadata(topic: topic)) != nil {
        throw GatewayError(
          .topicExists, "stream \(topic) already exists; delete it first or use another name")
      }
      return try store.createTopic(topic, partitions: partitions)
    } catch let error as GatewayError {
      throw error
    } catch let error as LogError {
      throw Self.map(any: error, topic: topic)
    } catch {
      throw GatewayError(.internalFailure, "creating \(topic) failed: \(error)")
    }
  }

  /// Closes this server's writer of `topic` (waiting for appends in flight) and deletes it.
  func deleteTopic(_ topic: String) async throws(GatewayError) {
    _ = try describe(topic: topic)
    let appender = appenders.withLock { $0.removeValue(forKey: topic) }
    await appender?.close()
    do {
      try store.deleteTopic(topic)
    } catch {
      throw Self.map(any: error, topic: topic)
    }
  }

  func describe(topic: String) throws(GatewayError) -> TopicDescription {
    do {
      try LogLayout.validateTopicName(topic)
      return try store.describe(topic: topic)
    } catch {
      throw Self.map(any: error, topic: topic)
    }
  }

  func topicNames() throws(GatewayError) -> [String] {
    do {
      return try store.topicNames()
    } catch {
      throw Self.map(any: error, topic: "*")
    }
  }

  /// Up to `maxRecords` records of `partition` from `offset`, capped at about `maxBytes`.
  func read(topic: String, partition: Int32, from offset: Int64, maxRecords: Int, maxBytes: Int)
    throws(GatewayError) -> RawRecords
  {
    do {
      return try store.read(
        topic: topic, partition: partition, from: offset, maxRecords: maxRecords, maxBytes: maxBytes)
    } catch {
      throw Self.map(any: error, topic: topic)
    }
  }

  /// Closes every writer (flushing and fsyncing per the policy). Called once the server stopped.
  public func closeAll() async {
    let all = appenders.withLock { cache in
      let values = Array(cache.values)
      cache = [:]
      return values
    }
    for appender in all { await appender.close() }
  }

  /// Maps what a log call threw (a `LogError`, since the log throws nothing else).
  static func map(any error: any Error, topic: String) -> GatewayError {
    if let error = error as? LogError { return map(error, topic: topic) }
    if let error = error as? GatewayError { return error }
    return GatewayError(.internalFailure, "the log failed for \(topic): \(error)")
  }

  static func map(_ error: LogError, topic: String) -> GatewayError {
    switch error.code {
    case .topicNotFound:
      GatewayError(.topicNotFound, "topic/stream \(topic) does not exist; create it first")
    case .invalidTopicName:
      GatewayError(.invalidArgument, "\(error.message) (allowed: letters, digits, '.', '_', '-')")
    case .invalidArgument, .offsetOutOfRange:
      GatewayError(.invalidArgument, error.message)
    case .topicExists:
      GatewayError(.topicExists, error.message)
    case .writerLocked:
      GatewayError(.unavailable, error.message)
    case .recordTooLarge:
      GatewayError(.recordTooLarge, error.message)
    default:
      GatewayError(.internalFailure, "the log failed for \(topic): \(error.message)")
    }
  }
}
