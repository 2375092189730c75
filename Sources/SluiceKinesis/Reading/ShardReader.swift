import KinesisClient
import Logging

/// The GetRecords loops for one shard: reading forward with a budget (planning) and reading an
/// exact recorded range (replay). Expired iterators are re-created from the last record read;
/// calls are paced by ``ShardPacer``; throttling is retried by the ``RetryingKinesis`` below.
struct ShardReader: Sendable {
  let api: any KinesisAPI
  let stream: StreamAddress
  let pacer: ShardPacer
  let clock: any KinesisClock
  let logger: Logger

  /// What planning read from a shard.
  struct Fetched: Sendable {
    var records = KinesisRecords()
    /// The shard is closed and everything up to its end was returned.
    var reachedEnd = false
    var childShards: [ChildShard] = []
    var millisBehindLatest: Int64?
    /// The iterator that continues exactly after the records (none when the shard ended).
    var continuation: String?
    /// The iterator the first non-empty answer came from (re-usable for a `LATEST` start).
    var firstRecordsIterator: String?
  }

  /// Reads forward from `position` (or `iterator`, which must continue exactly there) until
  /// `maxRecords` records or about `maxBytes` bytes are read, the shard is caught up, it ends, or
  /// `maxPolls` calls were made.
  func readForward(
    shard: String, from position: ShardPosition, iterator: String?, maxRecords: Int, maxBytes: Int,
    maxPolls: Int
  ) async throws -> Fetched {
    var fetched = Fetched()
    var current = try await freshIterator(shard, iterator: iterator, position: position)
    var polls = 0
    while fetched.records.count < maxRecords && fetched.records.dataByteCount < maxBytes && polls < maxPolls {
      polls += 1
      try await pacer.waitTurn(shard)
      let answer: GetRecordsResult
      do {
        answer = try await api.getRecords(
          stream, iterator: current, limit: min(10_000, maxRecords - fetched.records.count))
      } catch let error as KinesisError where error.code == .expiredIterator {
        let resume = fetched.records.sequenceNumbers.last.map(ShardPosition.after) ?? position
        logger.debug("shard \(shard): iterator expired; new one \(resume.iteratorPosition)")
        current = try await api.getShardIterator(stream, shardID: shard, position: resume.iteratorPosition)
        continue
      }
      if !answer.records.isEmpty && fetched.firstRecordsIterator == nil && fetched.records.isEmpty {
        fetched.firstRecordsIterator = current
      }
      fetched.records.append(contentsOf: answer.records)
      fetched.millisBehindLatest = answer.millisBehindLatest
      guard let next = answer.nextShardIterator else {
        fetched.reachedEnd = true
        fetched.childShards = answer.childShards
        return fetched
      }
      current = next
      // Caught up: the service says 0 ms behind, or (when it does not say) an empty answer.
      if let behind = answer.millisBehindLatest {
        if behind == 0 { break }
      } else if answer.records.isEmpty {
        break
      }
    }
    fetched.continuation = current
    return fetched
  }

  /// Exactly the records after `start` up to and including sequence number `end`.
  func readRange(shard: String, from start: ShardPosition, through end: String) async throws -> KinesisRecords
  {
    if case .latest = start {
      throw KinesisSourceError(
        .invalidOffset,
        "shard \(shard): a recorded range cannot start at LATEST (the offset was not written by this source)")
    }
    var records = KinesisRecords()
    var iterator = try await api.getShardIterator(stream, shardID: shard, position: start.iteratorPosition)
    var caughtUpEmpty = 0
    while true {
      try await pacer.waitTurn(shard)
      let answer: GetRecordsResult
      do {
        answer = try await api.getRecords(stream, iterator: iterator, limit: 10_000)
      } catch let error as KinesisError where error.code == .expiredIterator {
        let resume = records.sequenceNumbers.last.map(ShardPosition.after) ?? start
        iterator = try await api.getShardIterator(stream, shardID: shard, position: resume.iteratorPosition)
        continue
      }
      var taken = 0
      while taken < answer.records.count,
        SequenceNumber.compare(answer.records.sequenceNumbers[taken], end) <= 0
      {
        taken += 1
      }
      records.append(
        contentsOf: taken == answer.records.count ? answer.records : answer.records.prefix(taken))
      if let last = records.sequenceNumbers.last, SequenceNumber.compare(last, end) >= 0 { return records }
      if taken < answer.records.count { return records }
      guard let next = answer.nextShardIterator else {
        throw missing(shard, start: start, end: end, reason: "the shard ended before it")
      }
      iterator = next
      if answer.records.isEmpty && (answer.millisBehindLatest ?? 0) == 0 {
        caughtUpEmpty += 1
        if caughtUpEmpty >= 3 {
          throw missing(shard, start: start, end: end, reason: "the shard's tip is before it")
        }
      }
    }
  }

  private func freshIterator(_ shard: String, iterator: String?, position: ShardPosition) async throws
    -> String
  {
    if let iterator { return iterator }
    return try await api.getShardIterator(stream, shardID: shard, position: position.iteratorPosition)
  }

  private func missing(_ shard: String, start: ShardPosition, end: String, reason: String)
    -> KinesisSourceError
  {
    KinesisSourceError(
      .dataLoss,
      "stream \(stream) shard \(shard): the recorded range \(start.iteratorPosition) … \(end) cannot be read again "
        + "(\(reason)); its records may have expired past the stream's retention. Start the job with a new "
        + "checkpoint (or delete the pending offsets entry) to continue from what is still in the stream")
  }
}
