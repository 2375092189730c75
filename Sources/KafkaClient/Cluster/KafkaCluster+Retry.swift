import KafkaProtocol

extension KafkaCluster {
  /// Runs `body` until it succeeds, a non-retriable error occurs, or the retry budget is spent;
  /// waits with exponential backoff between tries and refreshes metadata before the next one.
  func withRetries<T: Sendable>(_ what: String, _ body: () async throws -> T) async throws -> T {
    let started = ContinuousClock.now
    var attempt = 1
    while true {
      do {
        return try await body()
      } catch let error as KafkaClientError where error.isRetriable {
        guard attempt < configuration.retry.maxAttempts else {
          throw exhausted(error, what: what, attempts: attempt, since: started)
        }
        let wait = configuration.retry.jitteredBackoff(afterAttempt: attempt)
        logger.debug("\(what): \(error.message); retry \(attempt) in \(wait)")
        metadataIsStale = true
        try await Task.sleep(for: wait)
        attempt += 1
      }
    }
  }

  /// Sends one request per leader for `partitions` (concurrently), retrying the partitions whose
  /// outcome is retriable — after a backoff and a metadata refresh — until every partition is
  /// done, one fails for good, or the retry budget is spent.
  func perPartition<V: Sendable>(
    _ partitions: [TopicPartition], what: String,
    send:
      @escaping @Sendable (BrokerAddress, [TopicPartition], any KafkaTransport) async throws ->
      [TopicPartition:
      PartitionOutcome<V>]
  ) async throws -> [TopicPartition: V] {
    var results: [TopicPartition: V] = [:]
    var remaining = Set(partitions)
    let started = ContinuousClock.now
    var attempt = 1
    while !remaining.isEmpty {
      var lastError: KafkaClientError?
      do {
        let groups = try await leaders(of: remaining.sorted())
        let transport = self.transport
        let outcomes = try await withThrowingTaskGroup(of: [TopicPartition: PartitionOutcome<V>].self) {
          group in
          for (broker, members) in groups {
            group.addTask {
              do {
                var outcomes = try await send(broker, members, transport)
                for tp in members where outcomes[tp] == nil {
                  outcomes[tp] = .retry(
                    KafkaClientError(
                      .brokerError, "broker \(broker) did not answer for \(tp)",
                      kafkaErrorCode: .unknownServerError))
                }
                return outcomes
              } catch let error as KafkaClientError where error.isRetriable {
                return Dictionary(
                  uniqueKeysWithValues: members.map { ($0, PartitionOutcome<V>.retry(error)) })
              }
            }
          }
          var all: [TopicPartition: PartitionOutcome<V>] = [:]
          for try await part in group { all.merge(part) { $1 } }
          return all
        }
        for (tp, outcome) in outcomes where remaining.contains(tp) {
          switch outcome {
          case .done(let value):
            results[tp] = value
            remaining.remove(tp)
          case .retry(let error):
            lastError = error
          case .fail(let error):
            throw error
          }
        }
      } catch let error as KafkaClientError where error.isRetriable {
        lastError = error
      }
      guard !remaining.isEmpty else { break }
      let error = lastError ?? KafkaClientError(.brokerError, "no answer for \(remaining.sorted().first!)")
      guard attempt < configuration.retry.maxAttempts else {
        throw exhausted(error, what: what, attempts: attempt, since: started)
      }
      let wait = configuration.retry.jitteredBackoff(afterAttempt: attempt)
      logger.debug("\(what): \(error.message); retry \(attempt) in \(wait)")
      metadataIsStale = true
      try await Task.sleep(for: wait)
      attempt += 1
    }
    return results
  }

  private func exhausted(
    _ error: KafkaClientError, what: String, attempts: Int, since started: ContinuousClock.Instant
  )
    -> KafkaClientError
  {
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rounded = (seconds * 10).rounded() / 10
    return KafkaClientError(
      error.code, "\(what) failed after \(attempts) attempts over \(rounded) s: \(error.message)",
      kafkaErrorCode: error.kafkaErrorCode)
  }
}
