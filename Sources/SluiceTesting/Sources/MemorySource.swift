public import SluiceCore
import Synchronization

/// An in-memory, replayable ``Source`` for tests: one stream (`topic`) with numbered
/// partitions whose records are scripted up front and can be appended while a query runs.
///
/// Offsets are Kafka-shaped: `{"<topic>":{"<partition>":<next offset>}}`, exclusive ends, every
/// partition present. Planning with a read limit takes partitions in order (partition 0 first).
/// It records every read and commit for assertions, and can be told to fail a read once.
public final class MemorySource: Source {
  private struct State {
    var partitions: [[(value: [UInt8], timestamp: Int64)]]
    var reads: [(start: SerializedOffset, end: SerializedOffset)] = []
    var commits: [SerializedOffset] = []
    var failNextRead = false
  }

  public let topic: String
  public let identity: String
  private let state: Mutex<State>

  /// - Parameters:
  ///   - identity: defaults to `memory:<topic>`.
  public init(topic: String = "mem", partitions: Int = 1, identity: String? = nil) {
    self.topic = topic
    self.identity = identity ?? "memory:\(topic)"
    state = Mutex(State(partitions: Array(repeating: [], count: max(partitions, 1))))
  }

  /// Appends records (values) to `partition`; timestamps default to the record's offset.
  public func append(_ values: [[UInt8]], partition: Int = 0) {
    state.withLock { state in
      for value in values {
        let offset = Int64(state.partitions[partition].count)
        state.partitions[partition].append((value, offset))
      }
    }
  }

  /// Appends UTF-8 strings as record values.
  public func append(strings: [String], partition: Int = 0) {
    append(strings.map { Array($0.utf8) }, partition: partition)
  }

  /// Records per partition.
  public var counts: [Int] { state.withLock { $0.partitions.map(\.count) } }

  /// Every `read(from:to:)` so far, in order.
  public var reads: [(start: SerializedOffset, end: SerializedOffset)] { state.withLock { $0.reads } }

  /// Every `commit(_:)` so far, in order.
  public var commits: [SerializedOffset] { state.withLock { $0.commits } }

  /// The next read throws ``MemorySourceError``.
  public func failNextRead() { state.withLock { $0.failNextRead = true } }

  /// The offset JSON with `positions[i]` for partition `i`.
  public func offset(_ positions: [Int64]) -> SerializedOffset {
    SerializedOffset(
      json: .object([
        (topic, .object(positions.enumerated().map { (String($0.offset), .int($0.element)) }))
      ]))
  }

  /// Decodes an offset of this source into per-partition positions.
  public func positions(_ offset: SerializedOffset) throws -> [Int64] {
    let count = state.withLock { $0.partitions.count }
    guard let members = offset.json[topic]?.objectMembers else {
      throw MemorySourceError("offset \(offset.text) has no stream '\(topic)'")
    }
    var result = [Int64](repeating: 0, count: count)
    for (key, value) in members {
      guard let p = Int(key), p >= 0, p < count, let position = value.intValue else {
        throw MemorySourceError("offset \(offset.text) has an invalid partition entry '\(key)'")
      }
      result[p] = position
    }
    return result
  }

  public func initialOffset() async throws -> SerializedOffset {
    offset(Array(repeating: 0, count: counts.count))
  }

  public func latestOffset(after start: SerializedOffset, limit: ReadLimit) async throws -> SerializedOffset {
    let begin = try positions(start)
    return state.withLock { state in
      var remaining = limit.maxRecords ?? Int.max
      var bytes = 0
      var end = begin
      for p in state.partitions.indices {
        var position = Int(begin[p])
        while position < state.partitions[p].count && remaining > 0 {
          let size = state.partitions[p][position].value.count
          if let maxBytes = limit.maxBytes, bytes > 0, bytes + size > maxBytes {
            remaining = 0
            break
          }
          bytes += size
          position += 1
          remaining -= 1
        }
        end[p] = Int64(position)
      }
      return offset(end)
    }
  }

  public func read(from start: SerializedOffset, to end: SerializedOffset) async throws -> RawRecords {
    let begin = try positions(start)
    let finish = try positions(end)
    return try state.withLock { state throws(MemorySourceError) -> RawRecords in
      if state.failNextRead {
        state.failNextRead = false
        throw MemorySourceError("scripted read failure")
      }
      state.reads.append((start, end))
      var records = RawRecords()
      for p in state.partitions.indices {
        guard finish[p] <= state.partitions[p].count else {
          throw MemorySourceError("end offset \(finish[p]) is past partition \(p)'s records")
        }
        for position in Int(begin[p])..<Int(max(finish[p], begin[p])) {
          let record = state.partitions[p][position]
          records.append(
            value: record.value, topic: topic, partition: Int32(p), offset: Int64(position),
            timestamp: record.timestamp)
        }
      }
      return records
    }
  }

  public func commit(_ end: SerializedOffset) async throws {
    state.withLock { $0.commits.append(end) }
  }

  public func lag(after offset: SerializedOffset) async throws -> Int64? {
    let begin = try positions(offset)
    return state.withLock { state in
      state.partitions.indices.reduce(Int64(0)) { $0 + Int64(state.partitions[$1].count) - begin[$1] }
    }
  }
}

/// A scripted or misuse failure of ``MemorySource``.
public struct MemorySourceError: Error, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
