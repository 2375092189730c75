import Dispatch
import SluiceLog
import Synchronization

/// The one writer of a topic, shared by all requests, with group commit.
///
/// Requests hand over validated ``IncomingRecords`` and wait. A serial queue (off the Swift
/// concurrency pool, since appends block on `write` and `fsync`) takes everything that queued up
/// meanwhile, appends it, and flushes once — one `write` per touched partition and the fsync of
/// the log's policy — before any of those requests is answered. So an acknowledged record is in
/// the log and as durable as the policy makes it, and many concurrent clients share each fsync.
final class TopicAppender: Sendable {
  let topic: String
  let partitionCount: Int

  private struct Pending {
    var records: IncomingRecords
    var continuation: CheckedContinuation<[RecordPosition], any Error>
  }

  private struct Queue {
    var pending: [Pending] = []
    var draining = false
    var closed = false
  }

  private let queue = Mutex(Queue())
  /// Touched only on `ioQueue` (by `drain` and `close`); the lock is never contended.
  private let writer: Mutex<TopicWriter?>
  private let ioQueue: DispatchQueue
  private let clock: @Sendable () -> Int64

  init(writer: sending TopicWriter, clock: @escaping @Sendable () -> Int64) {
    topic = writer.topic
    partitionCount = writer.partitionCount
    self.writer = Mutex(writer)
    self.clock = clock
    ioQueue = DispatchQueue(label: "sluice.gateway.append.\(writer.topic)")
  }

  /// Appends all `records` (already validated: sizes, partitions) and returns where each went,
  /// once they are flushed per the log's fsync policy.
  func append(_ records: IncomingRecords) async throws(GatewayError) -> [RecordPosition] {
    do {
      return try await withCheckedThrowingContinuation { continuation in
        let outcome = queue.withLock { state -> Bool? in
          if state.closed { return nil }
          state.pending.append(Pending(records: records, continuation: continuation))
          if state.draining { return false }
          state.draining = true
          return true
        }
        switch outcome {
        case nil:
          continuation.resume(
            throwing: GatewayError(
              .unavailable, "topic \(topic) is being deleted or the server is stopping; retry"))
        case true?:
          ioQueue.async { self.drain() }
        case false?:
          break
        }
      }
    } catch let error as GatewayError {
      throw error
    } catch {
      throw GatewayError(.internalFailure, "appending to topic \(topic) failed: \(error)")
    }
  }

  /// Stops taking appends, lets queued ones finish, then flushes and closes the writer (releasing
  /// the topic's writer lock).
  func close() async {
    queue.withLock { $0.closed = true }
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      ioQueue.async {
        // A drain already scheduled ran before this block (serial queue); run one more in case
        // appends arrived after it.
        self.drain()
        self.writer.withLock { writer in
          try? writer?.close()
          writer = nil
        }
        continuation.resume()
      }
    }
  }

  private func drain() {
    while true {
      let batch = queue.withLock { state -> [Pending] in
        let taken = state.pending
        state.pending = []
        if taken.isEmpty { state.draining = false }
        return taken
      }
      if batch.isEmpty { return }
      let results = writer.withLock { writer in write(batch, with: writer) }
      for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
    }
  }

  private func write(_ batch: [Pending], with writer: TopicWriter?) -> [Result<[RecordPosition], any Error>] {
    guard let writer else {
      let error = GatewayError(.unavailable, "the writer of topic \(topic) is closed; retry")
      return batch.map { _ in .failure(error) }
    }
    let now = clock()
    var results: [Result<[RecordPosition], any Error>] = []
    results.reserveCapacity(batch.count)
    for pending in batch {
      do {
        results.append(.success(try append(pending.records, to: writer, timestampMs: now)))
      } catch {
        results.append(
          .failure(GatewayError(.internalFailure, "appending to topic \(topic) failed: \(error)")))
      }
    }
    do {
      try writer.flush()
    } catch {
      let failure = GatewayError(
        .internalFailure, "flushing topic \(topic) failed: \(error); the records were not acknowledged")
      return batch.map { _ in .failure(failure) }
    }
    return results
  }

  private func append(_ records: IncomingRecords, to writer: TopicWriter, timestampMs: Int64) throws(LogError)
    -> [RecordPosition]
  {
    var positions: [RecordPosition] = []
    positions.reserveCapacity(records.count)
    let result = records.bytes.withUnsafeBytes { buffer in
      Result { () throws(LogError) in
        for i in 0..<records.count {
          let value = UnsafeRawBufferPointer(rebasing: buffer[records.values[i]])
          let key = records.keys[i].map { UnsafeRawBufferPointer(rebasing: buffer[$0]) }
          let (partition, offset) = try writer.append(
            value: value, key: key, partition: records.partitions[i], timestampMs: timestampMs)
          positions.append(RecordPosition(partition: partition, offset: offset))
        }
      }
    }
    try result.get()
    return positions
  }
}
