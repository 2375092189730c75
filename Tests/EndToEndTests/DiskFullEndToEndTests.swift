import Foundation
import XCTest

/// Disk full, for real: the table and the checkpoint live on a small tmpfs the test mounts (it
/// needs root, as scripts/test.sh runs); a filler file leaves a different amount of free space
/// on each run, so runs fail in different places (data file, Delta commit, checkpoint files).
/// Every failed run stops with a "disk full while … <path>" error; nothing is corrupt; after
/// the filler is removed the next run completes, and delta-rs finds each record exactly once.
final class DiskFullEndToEndTests: XCTestCase {
  var sluice: SluiceProcess!
  var mounted = false

  override func setUpWithError() throws {
    sluice = try SluiceProcess.scratch()
  }

  override func tearDown() {
    if mounted { _ = try? Self.system("/bin/umount", [sluice.path("small")]) }
    sluice.remove()
  }

  static func system(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  func freeBytes() throws -> Int {
    let attributes = try FileManager.default.attributesOfFileSystem(forPath: sluice.path("small"))
    return (attributes[.systemFreeSize] as! NSNumber).intValue
  }

  func testDiskFullStopsTheJobCleanlyAndTheRerunCompletesExactlyOnce() throws {
    try FileManager.default.createDirectory(atPath: sluice.path("small"), withIntermediateDirectories: true)
    let (status, output) = try Self.system(
      "/bin/mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", sluice.path("small")])
    guard status == 0 else {
      XCTFail("cannot mount a tmpfs (\(output)); this test needs root, as scripts/test.sh runs in CI")
      return
    }
    mounted = true
    var result = try sluice.run(["emulate", "--log", "log", "--count", "12000", "--partitions", "2"])
    XCTAssertEqual(result.status, 0, result.output)
    try sluice.write(
      """
      name: pin
      source: {kind: log, path: log, topics: [pinterest.pin], maxRecordsPerBatch: 1000, metadata: [partition, offset]}
      transforms:
        - clean: pin
      sink: {kind: delta, path: small/tables/pin, checkpointInterval: 3}
      checkpoint: small/ckpt
      trigger: availableNow
      """, to: "pin.yaml")

    var failures: [String] = []
    var generator = SystemRandomNumberGenerator()
    for attempt in 0..<40 {
      // Leave between 2 and 160 KB free (a batch writes ~150 KB of Parquet plus log and checkpoint files).
      let leave = Int.random(in: 2_000...160_000, using: &generator)
      let filler = sluice.path("small/filler")
      try? FileManager.default.removeItem(atPath: filler)
      let size = max(0, try freeBytes() - leave)
      _ = FileManager.default.createFile(atPath: filler, contents: Data(count: size))
      result = try sluice.run(["run", "pin.yaml"])
      try FileManager.default.removeItem(atPath: filler)
      if result.status == 0 {
        if attempt > 0 && !failures.isEmpty { break }
        continue
      }
      XCTAssertTrue(result.stderr.contains("disk full while"), "attempt \(attempt): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("small/"), "names the path: \(result.stderr)")
      failures.append(result.stderr)
      // Nothing corrupt: the checkpoint reads, the table opens.
      let status = try sluice.run(["checkpoint", "status", "small/ckpt"])
      XCTAssertNotEqual(status.status, 1, status.output)
      if FileManager.default.fileExists(atPath: sluice.path("small/tables/pin/_delta_log")) {
        let describe = try sluice.run(["table", "describe", "small/tables/pin"])
        XCTAssertEqual(describe.status, 0, describe.output)
      }
    }
    XCTAssertGreaterThanOrEqual(failures.count, 3, "the disk filled up several times")
    result = try sluice.run(["run", "pin.yaml"])
    XCTAssertEqual(result.status, 0, result.output)

    let report =
      try InteropPython.run(
        """
        import json
        from collections import Counter
        from deltalake import DeltaTable
        t = DeltaTable("small/tables/pin").to_pyarrow_table(columns=["partition", "offset"])
        keys = Counter(zip(t.column("partition").to_pylist(), t.column("offset").to_pylist()))
        print(json.dumps({"rows": t.num_rows, "distinct": len(keys)}))
        """, in: sluice.workingDirectory) as! [String: Any]
    XCTAssertEqual(
      report["rows"] as? Int, 12000, "\(failures.count) disk-full stops: \(failures.map { $0.prefix(160) })")
    XCTAssertEqual(report["distinct"] as? Int, 12000)
    let places = Set(
      failures.map { $0.contains("_delta_log") ? "log" : $0.contains("ckpt") ? "checkpoint" : "data" })
    print("disk full stops: \(failures.count) at \(places.sorted())")
  }
}
