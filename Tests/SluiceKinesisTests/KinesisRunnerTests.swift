import KinesisClient
import Logging
import SluiceCheckpoint
import SluiceCore
import SluiceKinesis
import SluiceRuntime
import SluiceTesting
import XCTest

/// The Kinesis source under the real micro-batch runner: `availableNow` ends when the stream is
/// drained, and a crash after the sink write re-runs the recorded range with identical records.
final class KinesisRunnerTests: XCTestCase {
  private func runner(
    _ source: KinesisSource, store: InMemoryCheckpointStore, sink: RecordingSink, maxRecords: Int,
    faults: any FaultInjector = NoFaultInjector()
  ) -> MicroBatchRunner {
    MicroBatchRunner(
      options: QueryOptions(
        name: "kinesis", trigger: .availableNow, readLimit: ReadLimit(maxRecords: maxRecords)),
      source: source, decoder: IntegerValueDecoder(), transforms: [], sink: sink, checkpoint: store,
      clock: ManualClock(), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
      faults: faults)
  }

  func testAvailableNowDrainsTheStreamAcrossAReshardAndACrash() async throws {
    let stream = try await KinesisTestStream(shards: 2)
    try await stream.put(Array(0..<30))
    let store = InMemoryCheckpointStore()
    let sink = RecordingSink()

    let crash = ScriptedFaultInjector(crashAt: .afterSinkWrite, batch: 1)
    do {
      _ = try await runner(
        try stream.source(perShard: 5), store: store, sink: sink, maxRecords: 8, faults: crash
      )
      .runQuery()
      XCTFail("expected the simulated crash")
    } catch is SimulatedCrash {}

    _ = try await stream.fake.splitShard(stream.address, shardID: "shardId-000000000001")
    try await stream.put(Array(30..<60))

    // A new process: the pending batch 1 is re-run from its recorded range, then the rest.
    let summary = try await runner(try stream.source(perShard: 5), store: store, sink: sink, maxRecords: 8)
      .runQuery()
    XCTAssertEqual(summary.stoppedReason, .availableNowCompleted)
    let values = sink.values("value").compactMap(\.intValue).map(Int.init)
    XCTAssertEqual(values.sorted(), Array(0..<60), "every record exactly once")
    XCTAssertEqual(sink.attempts.filter { $0 == BatchID(1) }.count, 2, "batch 1 was written twice, kept once")

    // Nothing new: the next availableNow run plans nothing.
    let offsetsBefore = try Checkpoint(store: store).offsets.list().count
    let idle = try await runner(try stream.source(perShard: 5), store: store, sink: sink, maxRecords: 8)
      .runQuery()
    XCTAssertEqual(idle.stoppedReason, .availableNowCompleted)
    XCTAssertEqual(try Checkpoint(store: store).offsets.list().count, offsetsBefore)
  }
}
