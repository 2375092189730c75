public import SluiceCore

/// The embedded log as a micro-batch ``Source``: reads one or more topics of a ``LogStore``
/// with ``LogPosition`` offsets.
///
/// - Identity: `log:<topic1>,<topic2>` (topics sorted).
/// - `initialOffset()`: every partition of every topic at its earliest or latest offset, or a
///   specific position (`-2`/`-1` there mean earliest/latest; partitions it omits start at
///   their earliest offset). A missing topic is an error saying how to create it.
/// - `latestOffset(after:limit:)`: partitions at their log end, capped by the limit: the record
///   budget (`maxRecords`, and `maxBytes` turned into records by each partition's average record
///   size, so only roughly) is split fairly across partitions (see ``FairShare``). Partitions
///   (and topics) that appeared since `start` begin at their earliest offset once they hold
///   records. Returns `start` unchanged when nothing is new.
/// - `read(from:to:)`: exactly the records `[start, end)` of every partition, concatenated topic
///   by topic (sorted), partition by partition (ascending) — the same bytes every time. Records
///   that are no longer in the log (retention, a lost tail) are a `dataLoss` error, never skipped.
/// - `lag(after:)`: the records between a position and the log ends.
///
/// The `async` protocol methods call the synchronous, typed-throwing ones (`initialPosition()`,
/// `latestPosition(after:limit:)`, `records(from:to:)`, `lag(after:)`), which tools can use directly.
public struct LogSource: Source {
  public enum StartingOffsets: Sendable, Hashable {
    case earliest
    case latest
    case specific(LogPosition)
  }

  public let store: LogStore
  /// The topics read, sorted and without duplicates.
  public let topics: [String]
  public let startingOffsets: StartingOffsets

  public init(store: LogStore, topics: [String], startingOffsets: StartingOffsets = .earliest) {
    self.store = store
    self.topics = Array(Set(topics)).sorted()
    self.startingOffsets = startingOffsets
  }

  public var identity: String { "log:" + topics.joined(separator: ",") }

  // MARK: - Source

  public func initialOffset() async throws -> SerializedOffset {
    try initialPosition().serialized
  }

  public func latestOffset(after start: SerializedOffset, limit: ReadLimit) async throws -> SerializedOffset {
    try latestPosition(after: try LogPosition(start), limit: limit).serialized
  }

  public func read(from start: SerializedOffset, to end: SerializedOffset) async throws -> RawRecords {
    try records(from: try LogPosition(start), to: try LogPosition(end))
  }

  public func lag(after offset: SerializedOffset) async throws -> Int64? {
    try lag(after: try LogPosition(offset))
  }

  // MARK: - Synchronous API

  /// Resolves `startingOffsets` against the log as it is now.
  public func initialPosition() throws(LogError) -> LogPosition {
    try checkHasTopics()
    if case .specific(let position) = startingOffsets {
      for topic in position.topics where !topics.contains(topic) {
        throw LogError(
          .invalidArgument,
          "startingOffsets names topic \(topic), which this source does not read (it reads \(topics.joined(separator: ", ")))"
        )
      }
    }
    var result = LogPosition()
    for topic in topics {
      for partition in try store.describe(topic: topic).partitions {
        let p = partition.partition
        switch startingOffsets {
        case .earliest:
          result[topic, p] = partition.earliestOffset
        case .latest:
          result[topic, p] = partition.latestOffset
        case .specific(let position):
          switch position[topic, p] {
          case nil, LogPosition.earliestSentinel: result[topic, p] = partition.earliestOffset
          case LogPosition.latestSentinel: result[topic, p] = partition.latestOffset
          case let offset?:
            guard offset >= partition.earliestOffset, offset <= partition.latestOffset else {
              throw LogError(
                .offsetOutOfRange,
                "startingOffsets asks for offset \(offset) of topic \(topic) partition \(p), but the "
                  + "partition holds offsets \(partition.earliestOffset)..<\(partition.latestOffset); "
                  + "choose an offset in that range, or -2 (earliest) / -1 (latest)")
            }
            result[topic, p] = offset
          }
        }
      }
    }
    return result
  }

  /// The end of the next batch starting at `start`.
  public func latestPosition(after start: LogPosition, limit: ReadLimit) throws(LogError) -> LogPosition {
    try checkHasTopics()
    var end = start
    var candidates: [(topic: String, partition: Int32, from: Int64)] = []
    var available: [Int64] = []
    var weightedBytes: Double = 0
    for topic in topics {
      for partition in try store.describe(topic: topic).partitions {
        let p = partition.partition
        let from: Int64
        if let known = start[topic, p] {
          from = try checked(known, topic: topic, partition: partition)
        } else {
          guard partition.latestOffset > partition.earliestOffset else { continue }
          from = partition.earliestOffset
          end[topic, p] = from
        }
        let count = partition.latestOffset - from
        guard count > 0 else { continue }
        candidates.append((topic, p, from))
        available.append(count)
        let stored = max(partition.recordCount, 1)
        weightedBytes += Double(partition.sizeBytes) / Double(stored) * Double(count)
      }
    }
    guard !candidates.isEmpty else { return start }
    var budget = Int64(max(limit.maxRecords ?? Int.max, 1))
    if let maxBytes = limit.maxBytes {
      let total = available.reduce(0, +)
      let averageRecordBytes = max(weightedBytes / Double(total), 1)
      let byBytes = (Double(max(maxBytes, 0)) / averageRecordBytes).rounded(.down)
      budget = min(budget, byBytes >= Double(Int64.max) ? .max : max(Int64(byBytes), 1))
    }
    let shares = FairShare.split(budget, among: available)
    for (n, candidate) in candidates.enumerated() where shares[n] > 0 {
      end[candidate.topic, candidate.partition] = candidate.from + shares[n]
    }
    return end
  }

  /// Exactly the records of `[start, end)`, topic by topic, partition by partition.
  ///
  /// Room for the whole batch is reserved before the first read (records from the ranges, value
  /// bytes from each partition's average stored record size), so the buffers are allocated once
  /// instead of growing by doubling (a copy, and old and new buffer alive at once) as partition
  /// after partition is appended. Over-reserving costs only address space: untouched pages are
  /// never faulted in.
  public func records(from start: LogPosition, to end: LogPosition) throws(LogError) -> RawRecords {
    var ranges: [(topic: String, partition: Int32, from: Int64, to: Int64)] = []
    var total: Int64 = 0
    var expectedBytes: Double? = 0
    for topic in end.topics {
      let description = try? store.describe(topic: topic)
      var earliest: [Int32: Int64]? = nil
      for partition in end.partitions(of: topic) {
        let to = end[topic, partition]!
        let from: Int64
        if let known = start[topic, partition] {
          from = known
        } else {
          if earliest == nil {
            let partitions: [PartitionDescription]
            if let description {
              partitions = description.partitions
            } else {
              partitions = try store.describe(topic: topic).partitions
            }
            earliest = Dictionary(uniqueKeysWithValues: partitions.map { ($0.partition, $0.earliestOffset) })
          }
          from = earliest?[partition] ?? 0
        }
        guard from >= 0, to >= from else {
          throw LogError(
            .invalidPosition,
            "cannot read topic \(topic) partition \(partition) from offset \(from) to \(to): the end "
              + "must not be before the start, and both must be resolved offsets (≥ 0)")
        }
        if to > from {
          ranges.append((topic, partition, from, to))
          total += to - from
          // Unknown for one range (no description) ⇒ unknown for the batch: the reader reserves.
          if let sum = expectedBytes,
            let stored = description?.partitions.first(where: { $0.partition == partition }),
            let average = Self.averageStoredRecordBytes(stored)
          {
            expectedBytes = sum + average * Double(to - from)
          } else {
            expectedBytes = nil
          }
        }
      }
    }
    var records = RawRecords(capacity: Int(min(total, 1 << 22)))
    // The stored size includes the 32-byte record header, an over-estimate of the key and
    // value bytes; an eighth more absorbs ranges of larger than average records.
    let reserved = expectedBytes.map { min($0 * 1.125 + 65_536, Double(1 << 32)) }
    if let reserved { records.values.reserveCapacity(Int(reserved)) }
    for range in ranges {
      var next = range.from
      while next < range.to {
        let n: Int
        do {
          n = try store.read(
            topic: range.topic, partition: range.partition, from: next, maxRecords: Int(range.to - next),
            into: &records, reserving: reserved == nil)
        } catch  where error.code == .offsetOutOfRange {
          throw missing(range.topic, range.partition, next, range.to, because: error.message)
        }
        guard n > 0 else {
          throw missing(range.topic, range.partition, next, range.to, because: "the log ends before them")
        }
        next += Int64(n)
      }
    }
    return records
  }

  /// Bytes per stored record of `partition` (segment headers included), or `nil` when it is
  /// empty.
  static func averageStoredRecordBytes(_ partition: PartitionDescription) -> Double? {
    guard partition.recordCount > 0, partition.sizeBytes > 0 else { return nil }
    return Double(partition.sizeBytes) / Double(partition.recordCount)
  }

  /// Records between `position` and the log ends (partitions `position` lacks count from their
  /// earliest offset).
  public func lag(after position: LogPosition) throws(LogError) -> Int64 {
    var lag: Int64 = 0
    for topic in topics {
      for partition in try store.describe(topic: topic).partitions {
        let from = position[topic, partition.partition] ?? partition.earliestOffset
        lag += max(0, partition.latestOffset - max(from, partition.earliestOffset))
      }
    }
    return lag
  }

  // MARK: - Checks

  private func checkHasTopics() throws(LogError) {
    guard !topics.isEmpty else {
      throw LogError(.invalidArgument, "a log source needs at least one topic")
    }
  }

  private func checked(_ offset: Int64, topic: String, partition: PartitionDescription) throws(LogError)
    -> Int64
  {
    let p = partition.partition
    guard offset >= 0 else {
      throw LogError(
        .invalidPosition,
        "position of topic \(topic) partition \(p) is \(offset), a startingOffsets placeholder; a "
          + "batch position must hold resolved offsets (≥ 0)")
    }
    guard offset <= partition.latestOffset else {
      throw LogError(
        .dataLoss,
        "position \(offset) of topic \(topic) partition \(p) is beyond the log end "
          + "\(partition.latestOffset): the log lost records that were already processed (a crash "
          + "with fsync disabled, or the topic was recreated); start a new checkpoint or restore the log")
    }
    guard offset >= partition.earliestOffset else {
      throw LogError(
        .dataLoss,
        "records \(offset)..<\(partition.earliestOffset) of topic \(topic) partition \(p) were deleted "
          + "before they were processed; start a new checkpoint (startingOffsets earliest) to continue from "
          + "\(partition.earliestOffset)")
    }
    return offset
  }

  private func missing(
    _ topic: String, _ partition: Int32, _ from: Int64, _ to: Int64, because reason: String
  )
    -> LogError
  {
    LogError(
      .dataLoss,
      "records \(from)..<\(to) of topic \(topic) partition \(partition) are not in the log (\(reason)); "
        + "the planned batch cannot be replayed")
  }
}
