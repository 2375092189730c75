import Logging
import SluiceCheckpoint
import SluiceCore
import SluiceTesting
import Synchronization
import XCTest

@testable import SluiceRuntime

/// The collaborators of a runner under test, all in memory.
final class RunnerFixture: Sendable {
  let store: InMemoryCheckpointStore
  let source: MemorySource
  let sink: RecordingSink
  let clock: ManualClock
  let progress = Mutex<[BatchProgress]>([])

  init(
    store: InMemoryCheckpointStore = InMemoryCheckpointStore(location: "/cp"),
    source: MemorySource = MemorySource(), sink: RecordingSink = RecordingSink(),
    clock: ManualClock = ManualClock()
  ) {
    self.store = store
    self.source = source
    self.sink = sink
    self.clock = clock
  }

  var checkpoint: Checkpoint { Checkpoint(store: store) }
  var reports: [BatchProgress] { progress.withLock { $0 } }

  func runner(
    trigger: Trigger = .availableNow, maxRecords: Int? = 10, onError: OnErrorPolicy = .fail,
    progressRetention: Int = 100, minBatchesToRetain: Int = 100, transforms: [any Transform] = [],
    source: (any Source)? = nil, sink: (any Sink)? = nil, faults: any FaultInjector = NoFaultInjector()
  ) -> MicroBatchRunner {
    MicroBatchRunner(
      options: QueryOptions(
        name: "test", trigger: trigger, readLimit: ReadLimit(maxRecords: maxRecords), onError: onError,
        progressRetention: progressRetention, minBatchesToRetain: minBatchesToRetain),
      source: source ?? self.source, decoder: IntegerValueDecoder(), transforms: transforms,
      sink: sink ?? self.sink, checkpoint: store, clock: clock,
      logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), faults: faults,
      onProgress: { [self] report in self.progress.withLock { $0.append(report) } })
  }

  /// Values held by the sink, in write order.
  var sinkValues: [Int64] { sink.values("value").compactMap(\.intValue) }

  /// Record values `from..<to` appended to partition 0.
  func append(_ range: Range<Int>, partition: Int = 0) {
    source.append(strings: TestBatches.numbers(range), partition: partition)
  }

  func offset(_ positions: Int64...) -> SerializedOffset { source.offset(positions) }
}

/// Keeps even values, adds nothing: makes rows out differ from rows in.
struct KeepEvenTransform: Transform {
  let name = "keep-even"
  func outputSchema(for input: Schema) throws -> Schema { input }
  func apply(_ batch: RecordBatch) throws -> RecordBatch {
    let values = batch.columns[0].int64Values
    return batch.filter(values.map { $0 % 2 == 0 })
  }
}

/// Needs a column the input does not have.
struct NeedsColumnTransform: Transform {
  let name = "needs-index"
  struct Missing: Error, CustomStringConvertible {
    var description: String { "column 'index' is missing" }
  }
  func outputSchema(for input: Schema) throws -> Schema { throw Missing() }
  func apply(_ batch: RecordBatch) throws -> RecordBatch { batch }
}

/// A sink that blocks inside `addBatch` until the test opens the gate.
final class GatedSink: Sink {
  let inner: RecordingSink
  private let state = Mutex<(entered: Int, open: Bool, waiters: [CheckedContinuation<Void, Never>])>(
    (0, false, []))

  init(_ inner: RecordingSink) { self.inner = inner }

  var description: String { inner.description }
  var entered: Int { state.withLock { $0.entered } }

  func open() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.open = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  func addBatch(_ batch: RecordBatch, batchID: BatchID, queryID: QueryID) async throws -> SinkWriteResult {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let proceed = state.withLock { state -> Bool in
        state.entered += 1
        if state.open { return true }
        state.waiters.append(continuation)
        return false
      }
      if proceed { continuation.resume() }
    }
    return try await inner.addBatch(batch, batchID: batchID, queryID: queryID)
  }
}

/// Delegates to a ``MemorySource`` and appends new records after every read, like a producer
/// that never stops.
struct GrowingSource: Source {
  let inner: MemorySource
  let perRead: Int
  var identity: String { inner.identity }
  func initialOffset() async throws -> SerializedOffset { try await inner.initialOffset() }
  func latestOffset(after start: SerializedOffset, limit: ReadLimit) async throws -> SerializedOffset {
    try await inner.latestOffset(after: start, limit: limit)
  }
  func read(from start: SerializedOffset, to end: SerializedOffset) async throws -> RawRecords {
    let records = try await inner.read(from: start, to: end)
    let base = inner.counts[0]
    inner.append(strings: TestBatches.numbers(1000 + base..<1000 + base + perRead))
    return records
  }
}

/// Polls `condition` (real time) until true or the timeout passes.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
  let deadline = ContinuousClock.now + timeout
  while !condition() {
    if ContinuousClock.now >= deadline { return false }
    try? await Task.sleep(for: .milliseconds(1))
  }
  return true
}
