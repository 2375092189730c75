import Foundation
import Logging
import SluiceCheckpoint
import SluiceCore
import SluiceTesting
import XCTest

@testable import SluiceRuntime

/// The runner against a real checkpoint folder.
final class RunnerLocalCheckpointTests: XCTestCase {
  var root: String!

  override func setUp() {
    root =
      FileManager.default.temporaryDirectory.appendingPathComponent("sluice-runtime-\(UUID().uuidString)")
      .path
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: root)
  }

  func names(_ relative: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
  }

  func testRunsAndResumesOnDiskWithTheLockHeld() async throws {
    let source = MemorySource(topic: "pinterest.pin")
    source.append(strings: TestBatches.numbers(0..<7))
    let sink = RecordingSink()
    func runner(_ lock: CheckpointLock) -> MicroBatchRunner {
      MicroBatchRunner(
        options: QueryOptions(name: "pin", trigger: .availableNow, readLimit: ReadLimit(maxRecords: 3)),
        source: source, decoder: IntegerValueDecoder(), transforms: [], sink: sink,
        checkpoint: LocalCheckpointStore(root: root), lock: lock, clock: ManualClock(),
        logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), faults: NoFaultInjector())
    }
    let lock = try CheckpointLock.acquire(directory: root)
    XCTAssertThrowsError(try CheckpointLock.acquire(directory: root)) { error in
      XCTAssertEqual((error as? CheckpointError)?.code, .checkpointInUse)
    }
    let first = try await runner(lock).runQuery()
    XCTAssertEqual(first.batchesRun, 3)
    XCTAssertEqual(names(""), [".lock", "commits", "metadata", "offsets", "progress", "sources"])
    XCTAssertEqual(names("offsets"), ["0", "1", "2"], "no temporary files are left behind")
    XCTAssertEqual(names("progress"), ["0.json", "1.json", "2.json"])
    let initial = try Data(contentsOf: URL(fileURLWithPath: root + "/sources/0/0"))
    XCTAssertEqual([UInt8](initial), [0] + Array("v1\n{\"pinterest.pin\":{\"0\":0}}".utf8))
    lock.release()

    source.append(strings: TestBatches.numbers(7..<9))
    let second = try await runner(try CheckpointLock.acquire(directory: root)).runQuery()
    XCTAssertEqual(second.rowsIn, 2)
    XCTAssertEqual(sink.values("value").compactMap(\.intValue), (0..<9).map(Int64.init))
  }
}
