public import KinesisClient
public import Logging
public import SluiceCore

/// Reads a Kinesis data stream as a replayable ``Source``.
///
/// Contract (see ``KinesisOffset`` for the offset format):
/// - Planning (`latestOffset`) reads each readable shard forward from its position — at most
///   ``KinesisSourceOptions/maxRecordsPerShardPerTrigger`` records, the job's overall
///   `maxRecordsPerBatch` shared evenly over the shards — until the shard is caught up
///   (`MillisBehindLatest` 0) or ends, and records the last sequence number read. Nothing new ⇒
///   the start offset itself, so `availableNow` ends once the stream is drained.
/// - `read(from:to:)` returns exactly the records between two offsets, every time: per shard the
///   records after the start position (`AFTER_SEQUENCE_NUMBER` of the last consumed one, or the
///   recorded start) up to and including the end sequence number. The records planning just read
///   are kept for the `read` that follows, so a normal batch reads each record once.
/// - Resharding: a shard is read only once its parents are closed and fully consumed (the end
///   of a closed shard is `NextShardIterator` absent); children come from `ChildShards` and
///   ListShards (at start, after a shard closed, and every `shardDiscoveryIntervalMs`) and
///   start at `TRIM_HORIZON`. Shards no longer listed (expired) are dropped from the offset.
/// - `LATEST` is pinned to the first record seen (`AT_SEQUENCE_NUMBER`), so a replay reads the
///   same records; it is resolved by the running process, so records put while no process runs
///   before that first record are not read.
/// - `lag(after:)` is the largest `MillisBehindLatest` (milliseconds, not records) seen while
///   planning the last batch.
public actor KinesisSource: Source {
  public nonisolated let identity: String
  public nonisolated let options: KinesisSourceOptions
  let api: any KinesisAPI
  let clock: any KinesisClock
  let logger: Logger
  let reader: ShardReader
  private var streamName: String

  /// Records read while planning, per shard, for the `read` of the same range.
  private var planned: [String: (from: String, to: String, records: KinesisRecords)] = [:]
  /// Per shard, an iterator that continues exactly at a position (key), and when it was obtained.
  private var continuations: [String: (position: String, iterator: String, obtainedMs: Int64)] = [:]
  private var lastDiscoveryMs: Int64?
  private var discoveryDue = true
  private var lastLagMs: Int64?

  /// Continuation iterators older than this are not used (AWS expires them after 5 minutes).
  let continuationLifetimeMs: Int64 = 240_000

  public init(
    api: any KinesisAPI, options: KinesisSourceOptions, clock: any KinesisClock = SystemKinesisClock(),
    logger: Logger = Logger(label: "sluice.kinesis")
  ) throws(KinesisSourceError) {
    guard options.maxRecordsPerShardPerTrigger >= 1 else {
      throw KinesisSourceError(.invalidConfiguration, "maxRecordsPerShardPerTrigger must be at least 1")
    }
    self.api = api
    self.options = options
    self.clock = clock
    self.logger = logger
    self.streamName = options.stream.streamName
    self.identity = "kinesis:\(options.stream)"
    self.reader = ShardReader(
      api: api, stream: options.stream,
      pacer: ShardPacer(clock: clock, intervalMs: options.minGetRecordsIntervalMs), clock: clock,
      logger: logger)
  }

  // MARK: Source

  public func initialOffset() async throws -> SerializedOffset {
    let shards = try await api.listAllShards(options.stream)
    lastDiscoveryMs = clock.nowMs()
    discoveryDue = false
    var states: [String: ShardState] = [:]
    for shard in shards {
      switch options.startingPosition {
      case .trimHorizon:
        states[shard.shardID] = ShardState(position: .trimHorizon, parents: shard.parents)
      case .atTimestamp(let ms):
        states[shard.shardID] = ShardState(position: .atTimestamp(ms), parents: shard.parents)
      case .latest:
        // A closed shard has nothing after its latest record: it counts as consumed.
        states[shard.shardID] = ShardState(position: .latest, closed: shard.isClosed, parents: shard.parents)
      }
    }
    logger.info("kinesis \(options.stream): starting \(states.count) shards at \(options.startingPosition)")
    return KinesisOffset(stream: streamName, shards: states).serialized
  }

  public func latestOffset(after start: SerializedOffset, limit: ReadLimit) async throws -> SerializedOffset {
    var offset = try decode(start)
    if discoveryDue || lastDiscoveryMs.map({ clock.nowMs() - $0 >= options.shardDiscoveryIntervalMs }) ?? true
    {
      try await discover(into: &offset)
    }
    let readable = offset.readableShards
    let budgets = Self.budgets(
      shards: readable.count, perShard: options.maxRecordsPerShardPerTrigger, limit: limit)
    let byteBudget = limit.maxBytes.map { max(1, $0 / max(1, readable.count)) } ?? Int.max
    var work: [(String, ShardPosition, String?, Int)] = []
    for (n, id) in readable.enumerated() where budgets[n] > 0 {
      let position = offset.shards[id]!.position
      work.append((id, position, usableContinuation(id, position), budgets[n]))
    }

    let reader = self.reader
    let maxPolls = options.maxPollsPerShardPerTrigger
    let results = try await withThrowingTaskGroup(of: (String, ShardReader.Fetched).self) { group in
      for (id, position, iterator, budget) in work {
        group.addTask {
          (
            id,
            try await reader.readForward(
              shard: id, from: position, iterator: iterator, maxRecords: budget, maxBytes: byteBudget,
              maxPolls: maxPolls)
          )
        }
      }
      var results: [String: ShardReader.Fetched] = [:]
      for try await (id, fetched) in group { results[id] = fetched }
      return results
    }

    planned = [:]
    var lag: Int64?
    let now = clock.nowMs()
    for id in results.keys.sorted() {
      let fetched = results[id]!
      var state = offset.shards[id]!
      let from = state.position
      if let behind = fetched.millisBehindLatest { lag = max(lag ?? 0, behind) }
      if let first = fetched.records.sequenceNumbers.first, let last = fetched.records.sequenceNumbers.last {
        if case .latest = from {
          // Pin LATEST to the first record seen; the records are read by the next batch.
          state.position = .at(first)
          if let iterator = fetched.firstRecordsIterator {
            continuations[id] = (ShardPosition.at(first).key, iterator, now)
          } else {
            continuations[id] = nil
          }
        } else {
          state.position = .after(last)
          planned[id] = (from.key, state.position.key, fetched.records)
          if let next = fetched.continuation, !fetched.reachedEnd {
            continuations[id] = (state.position.key, next, now)
          }
        }
      } else if let next = fetched.continuation, !fetched.reachedEnd {
        continuations[id] = (from.key, next, now)
      }
      if fetched.reachedEnd, case .latest = from, !fetched.records.isEmpty {
        // Pinned above; the shard is finished only after those records are read.
      } else if fetched.reachedEnd {
        state.closed = true
        continuations[id] = nil
        discoveryDue = true
        for child in fetched.childShards where offset.shards[child.shardID] == nil {
          offset.shards[child.shardID] = ShardState(position: .trimHorizon, parents: child.parentShards)
        }
        logger.info("kinesis \(options.stream): shard \(id) is closed and fully read")
      }
      offset.shards[id] = state
    }
    lastLagMs = lag ?? (readable.isEmpty ? 0 : lastLagMs)
    return offset.serialized
  }

  public func read(from start: SerializedOffset, to end: SerializedOffset) async throws -> RawRecords {
    let from = try decode(start)
    let to = try decode(end)
    var ranges: [(String, ShardPosition, String)] = []
    var cached: [String: KinesisRecords] = [:]
    for id in to.shards.keys.sorted() {
      guard case .after(let endSequence) = to.shards[id]!.position else { continue }
      let startPosition = from.shards[id]?.position ?? .trimHorizon
      if startPosition == to.shards[id]!.position { continue }
      if let consumed = startPosition.consumedThrough, SequenceNumber.compare(consumed, endSequence) >= 0 {
        continue
      }
      if let hit = planned[id], hit.from == startPosition.key, hit.to == to.shards[id]!.position.key {
        cached[id] = hit.records
      } else {
        ranges.append((id, startPosition, endSequence))
      }
    }
    let reader = self.reader
    let fetched = try await withThrowingTaskGroup(of: (String, KinesisRecords).self) { group in
      for (id, position, endSequence) in ranges {
        group.addTask { (id, try await reader.readRange(shard: id, from: position, through: endSequence)) }
      }
      var results = cached
      for try await (id, records) in group { results[id] = records }
      return results
    }
    var raw = RawRecords()
    raw.positionStyle = .streamShardSequence
    for id in fetched.keys.sorted() {
      KinesisRecordsConversion.append(fetched[id]!, shard: id, stream: streamName, to: &raw)
    }
    return raw
  }

  public func lag(after offset: SerializedOffset) async throws -> Int64? { lastLagMs }

  // MARK: planning helpers

  /// Splits the batch's record limit over `shards` (remainder to the first ones), capped per shard.
  static func budgets(shards: Int, perShard: Int, limit: ReadLimit) -> [Int] {
    guard shards > 0 else { return [] }
    guard let total = limit.maxRecords else { return Array(repeating: perShard, count: shards) }
    let base = total / shards
    let remainder = total % shards
    return (0..<shards).map { min(perShard, base + ($0 < remainder ? 1 : 0)) }
  }

  private func usableContinuation(_ id: String, _ position: ShardPosition) -> String? {
    guard let entry = continuations[id], entry.position == position.key,
      clock.nowMs() - entry.obtainedMs < continuationLifetimeMs
    else { return nil }
    return entry.iterator
  }

  /// ListShards: adds new shards (at `TRIM_HORIZON`, with their parents) and drops shards the
  /// stream no longer lists.
  private func discover(into offset: inout KinesisOffset) async throws {
    let shards = try await api.listAllShards(options.stream)
    lastDiscoveryMs = clock.nowMs()
    discoveryDue = false
    guard !shards.isEmpty else { return }
    let listed = Set(shards.map(\.shardID))
    for shard in shards where offset.shards[shard.shardID] == nil {
      offset.shards[shard.shardID] = ShardState(position: .trimHorizon, parents: shard.parents)
      logger.info("kinesis \(options.stream): new shard \(shard.shardID) (parents \(shard.parents))")
    }
    for (id, state) in offset.shards where !listed.contains(id) {
      if !state.closed {
        logger.warning(
          "kinesis \(options.stream): shard \(id) is no longer listed before it was fully read; its remaining records expired"
        )
      }
      offset.shards[id] = nil
      continuations[id] = nil
    }
  }

  private func decode(_ serialized: SerializedOffset) throws -> KinesisOffset {
    let offset = try KinesisOffset(serialized)
    guard offset.stream == streamName else {
      throw KinesisSourceError(
        .streamMismatch,
        "the checkpoint's offset is for Kinesis stream '\(offset.stream)' but the job reads '\(streamName)'; "
          + "use a new checkpoint folder for a different stream")
    }
    return offset
  }
}
